"""Service-level performance for `make bench`: HTTP load, webhook lag and memory.

`python -m bench.perf [--quick]` prints one JSON object with:
- `load`: status poll throughput (closed loop), status poll latency at fixed arrival rates up
  to the goal's 500 requests/s (open loop), job create p95 with a 1 MB PDF, over the WSGI
  server (granian) with the README's production settings on a throwaway PostgreSQL database
  (`bench/load.py`);
- `load_streaming_server`: the same closed-loop status polls over the streaming server
  (uvicorn, ASGI), which serves only the requests that wait in production: the side-by-side
  figure for the two request paths;
- `webhook_lag`: first-attempt lag of webhook deliveries, event to arrival at a receiver on
  loopback, with a real `qcluster` of the webhooks cluster running (throwaway PostgreSQL
  database, ORM broker);
- `memory_500_pages`: peak resident memory of a child process running the engine on a
  500-page text-layer PDF (the page limit raised to 500 for the measurement).
Everything is bounded in time and listens on 127.0.0.1 only. `markdown(result)` renders the
section `python -m bench` appends to its report.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import signal
import statistics
import subprocess
import sys
import threading
import time
from datetime import datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from bench.load import measure as measure_load
from bench.throwaway import throwaway_casefile

ROOT = Path(__file__).resolve().parents[1]

GOALS = {
    "status_rps": 500.0,
    "status_p99_ms": 50.0,
    "create_p95_ms": 150.0,
    "webhook_p95_s": 2.0,
    "memory_mb": 500.0,
}

MEMORY_SCRIPT = """
import resource, sys, time
import pymupdf
from extraction.engine import run_engine
from extraction.engine.types import EngineInput, EngineLimits
from extraction.schemas import demo_engine_schemas
document = pymupdf.open()
for number in range(500):
    page = document.new_page()
    for line in range(30):
        page.insert_text((50, 60 + 22 * line),
            f"Page {number} line {line}: Invoice INV-{number:04d} item {line} 12.50 EUR",
            fontsize=10)
content = document.tobytes()
del document
schema = next(iter(demo_engine_schemas().values()))
started = time.perf_counter()
result = run_engine(EngineInput(content=content, filename="long.pdf", schemas=(schema,),
    limits=EngineLimits(max_pages=500)))
seconds = time.perf_counter() - started
print(result.page_count, seconds, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def memory_500_pages() -> dict[str, Any]:
    completed = subprocess.run(
        [sys.executable, "-c", MEMORY_SCRIPT],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
        timeout=900,
    )
    pages, seconds, max_rss_kb = completed.stdout.split()
    return {
        "pages": int(pages),
        "seconds": round(float(seconds), 1),
        "pages_per_second": round(int(pages) / float(seconds), 1),
        "peak_rss_mb": round(int(max_rss_kb) / 1024, 1),
    }


class _Receiver(BaseHTTPRequestHandler):
    arrivals: list[tuple[float, dict[str, Any]]] = []

    def do_POST(self) -> None:
        arrived = time.time()
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        self.send_response(200)
        self.end_headers()
        self.arrivals.append((arrived, json.loads(body)))

    def log_message(self, *args: Any) -> None:
        pass


def webhook_lag(events: int) -> dict[str, Any]:
    cluster = None
    receiver = ThreadingHTTPServer(("127.0.0.1", 0), _Receiver)
    threading.Thread(target=receiver.serve_forever, daemon=True).start()
    with throwaway_casefile("bench_hooks", WEBHOOKS_ALLOW_PRIVATE_IPS="true") as throwaway:
        try:
            throwaway.apply()
            import django

            django.setup()
            from django.core.management import call_command

            from cases.models import Workspace
            from webhooks import services

            call_command("migrate", interactive=False, verbosity=0)
            call_command("bootstrap", stdout=io.StringIO())
            workspace = Workspace.objects.first()
            assert workspace is not None
            url = f"http://127.0.0.1:{receiver.server_address[1]}/hook"
            services.endpoint_create(workspace=workspace, url=url)
            cluster = subprocess.Popen(
                [sys.executable, "manage.py", "qcluster"],
                cwd=ROOT,
                env={**os.environ, "Q_CLUSTER_NAME": services.settings.WEBHOOKS_QUEUE},
                start_new_session=True,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            time.sleep(5)  # the cluster's start-up is not part of the lag
            for number in range(events):
                services.event_publish(
                    workspace=workspace,
                    event_type=services.EventType.EXTRACTION_COMPLETED,
                    data={"job_id": f"bench-{number}"},
                )
                time.sleep(0.2)
            deadline = time.monotonic() + 60
            while len(_Receiver.arrivals) < events and time.monotonic() < deadline:
                time.sleep(0.1)
        finally:
            if cluster is not None:
                os.killpg(cluster.pid, signal.SIGTERM)
                try:
                    cluster.wait(timeout=20)
                except subprocess.TimeoutExpired:
                    os.killpg(cluster.pid, signal.SIGKILL)
                    cluster.wait(timeout=20)
            receiver.shutdown()
    lags = [
        arrived - datetime.fromisoformat(body["timestamp"].replace("Z", "+00:00")).timestamp()
        for arrived, body in _Receiver.arrivals
    ]
    cuts = statistics.quantiles(lags, n=100, method="inclusive") if len(lags) > 1 else lags * 99
    return {
        "broker": "redis" if throwaway.redis_url else "orm",
        "events": events,
        "delivered": len(lags),
        "p50_s": round(cuts[49], 2),
        "p95_s": round(cuts[94], 2),
        "max_s": round(max(lags), 2) if lags else None,
    }


POLL_RATES = (GOALS["status_rps"] / 4, GOALS["status_rps"] / 2, GOALS["status_rps"])
"""Arrival rates (requests/s) the status poll's latency is measured at: the goal's and below."""


def measure(quick: bool) -> dict[str, Any]:
    seconds, creates, events = (5.0, 10, 10) if quick else (15.0, 40, 30)
    return {
        "load": measure_load(seconds, 32, creates, POLL_RATES),
        "load_streaming_server": measure_load(seconds, 32, 2, (), server="asgi"),
        "memory_500_pages": memory_500_pages(),
        "webhook_lag": webhook_lag(events),  # last: it sets Django up in this process
        "load_average": [round(value, 1) for value in os.getloadavg()],
    }


def _verdict(value: float, goal: float, *, higher: bool = False) -> str:
    met = value >= goal if higher else value <= goal
    return "met" if met else "**missed**"


def markdown(result: dict[str, Any]) -> list[str]:
    load, hooks, memory = result["load"], result["webhook_lag"], result["memory_500_pages"]
    poll, create = load["status_poll"], load["job_create"]
    at_rates = load.get("status_poll_at_rates", [])
    at_goal = next(
        (each for each in at_rates if each["offered_per_second"] == GOALS["status_rps"]), None
    )
    return [
        "## Service performance (`bench/perf.py`)",
        "",
        f"Server: {load['server']}; the load generator runs on the same machine. Load average"
        f" after the run: {result['load_average']}.",
        "",
        "| measure | result | goal | |",
        "|---|--:|--:|---|",
        f"| status poll throughput ({poll['clients']} clients, {poll['seconds']} s)"
        f" | {poll['requests_per_second']} req/s | ≥ {GOALS['status_rps']:.0f} req/s"
        f" | {_verdict(poll['requests_per_second'], GOALS['status_rps'], higher=True)} |",
        *(
            [
                f"| status poll p99 at {at_goal['offered_per_second']:.0f} requests/s offered"
                f" (open loop, {at_goal['requests_per_second']} answered/s)"
                f" | {at_goal['p99_ms']} ms | < {GOALS['status_p99_ms']:.0f} ms"
                f" | {_verdict(at_goal['p99_ms'], GOALS['status_p99_ms'])} |"
            ]
            if at_goal
            else []
        ),
        f"| status poll p99, closed loop ({poll['clients']} clients: queueing at saturation)"
        f" | {poll['p99_ms']} ms | | |",
        f"| server CPU per status poll (both web workers; the load generator:"
        f" {poll.get('client_cpu_ms_per_request', '?')} ms)"
        f" | {poll.get('server_cpu_ms_per_request', '?')} ms"
        f" | ≤ {2000 / GOALS['status_rps']:.0f} ms | |",
        f"| job create p95 ({create['pdf_bytes'] // 1024} KiB PDF, {create['requests']} jobs)"
        f" | {create['p95_ms']} ms | < {GOALS['create_p95_ms']:.0f} ms"
        f" | {_verdict(create['p95_ms'], GOALS['create_p95_ms'])} |",
        f"| webhook first-attempt lag p95 ({hooks['delivered']}/{hooks['events']} delivered,"
        f" {hooks.get('broker', 'orm')} broker)"
        f" | {hooks['p95_s']} s | < {GOALS['webhook_p95_s']:.0f} s"
        f" | {_verdict(hooks['p95_s'], GOALS['webhook_p95_s'])} |",
        f"| peak memory, 500-page text PDF ({memory['pages_per_second']} pages/s)"
        f" | {memory['peak_rss_mb']} MB | < {GOALS['memory_mb']:.0f} MB"
        f" | {_verdict(memory['peak_rss_mb'], GOALS['memory_mb'])} |",
        *_rates_table(at_rates),
        *_streaming_server(result.get("load_streaming_server")),
    ]


def _streaming_server(load: dict[str, Any] | None) -> list[str]:
    """The closed-loop status polls over the streaming (ASGI) server, beside the WSGI one."""
    if not load:
        return []
    poll = load["status_poll"]
    return [
        "",
        f"The same closed-loop polls over the streaming server ({load['server']}; in production"
        " it serves only the requests that wait): "
        f"{poll['requests_per_second']} req/s, p99 {poll['p99_ms']} ms,"
        f" {poll.get('server_cpu_ms_per_request', '?')} ms of server CPU a poll.",
    ]


def _rates_table(at_rates: list[dict[str, Any]]) -> list[str]:
    """Status poll latency at each fixed arrival rate (`bench/load.py`, open loop)."""
    if not at_rates:
        return []
    return [
        "",
        "Status polls at fixed arrival rates (open loop: each request falls due on schedule"
        " whatever the answers, and its latency runs from when it fell due, so time queued"
        " behind a saturated server counts):",
        "",
        "| offered req/s | answered req/s | p50 ms | p99 ms | server CPU ms a poll |",
        "|--:|--:|--:|--:|--:|",
        *(
            f"| {each['offered_per_second']:.0f} | {each['requests_per_second']}"
            f" | {each['p50_ms']} | {each['p99_ms']} | {each['server_cpu_ms_per_request']} |"
            for each in at_rates
        ),
    ]


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--markdown", action="store_true", help="print the report section")
    args = parser.parse_args(argv)
    result = measure(args.quick)
    print("\n".join(markdown(result)) if args.markdown else json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
