"""Load over HTTP against the production server settings: status polls and job creation.

`python -m bench.load [--seconds S] [--clients C] [--creates N]` makes a throwaway PostgreSQL
database (DATABASE_URL's server, default 127.0.0.1:5432), migrates it, runs `bootstrap` for the
demo workspace and key, and starts the web server that serves these requests in production on
loopback exactly as the README's deployment section recommends: granian serving `config.wsgi`
(`--workers 2 --blocking-threads 2`, debug off, the web process's connection pool); `--server
asgi` measures uvicorn serving `config.asgi` instead (`--workers 2 --no-access-log`), the
streaming server, for comparison. Then, bounded in time: N job creations with a 1 MB PDF (p95);
C concurrent clients polling one job's status for S seconds, each sending its next request when
the last answer came (closed loop: the most the server answers, requests/s, p50, p99); and polls
at fixed arrival rates (`--rates`, open loop: requests fall due at the rate whatever the
answers, and each one's latency counts from when it was due, so time spent queued for a busy
server or a connection is in it: the latency a client sees at that load, without the coordinated
omission of a closed loop, whose 32 clients at 330 answers/s wait about 100 ms by Little's law
however fast a request is served). Every answer must be the expected status, or the run aborts.
Prints one JSON object. Only loopback is ever contacted.
"""

from __future__ import annotations

import argparse
import asyncio
import io
import json
import os
import signal
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import httpx

from bench.throwaway import UNLIMITED, throwaway_casefile

ROOT = Path(__file__).resolve().parents[1]
WEB_WORKERS = 2
SERVERS = {
    "wsgi": [
        *("-m", "granian", "--interface", "wsgi", "config.wsgi:application"),
        *("--workers", str(WEB_WORKERS), "--blocking-threads", "2", "--log-level", "warning"),
    ],
    "asgi": [
        *("-m", "uvicorn", "config.asgi:application"),
        *("--workers", str(WEB_WORKERS), "--no-access-log", "--log-level", "warning"),
    ],
}
"""The README's production web commands (deployment section), less host and port: the WSGI
server for requests that answer at once, the streaming (ASGI) server for those that wait."""


def one_megabyte_pdf() -> bytes:
    """A one-page invoice padded with an incompressible embedded image to about 1 MB."""
    import pymupdf
    from PIL import Image

    document = pymupdf.open()
    page = document.new_page(width=595, height=842)
    page.insert_text((72, 72), "Invoice 48213  Total 144.00 EUR", fontsize=12)
    noise = io.BytesIO()
    Image.frombytes("RGB", (600, 560), os.urandom(600 * 560 * 3)).save(noise, "PNG")
    page.insert_image(pymupdf.Rect(72, 400, 372, 680), stream=noise.getvalue())
    return document.tobytes(deflate=False)


def _percentile(samples: list[float], cut: int) -> float:
    return 1000 * statistics.quantiles(samples, n=100, method="inclusive")[cut - 1]


def _bind(port: int) -> list[str]:
    return ["--host", "127.0.0.1", "--port", str(port)]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


async def _read_response(reader: asyncio.StreamReader) -> int:
    """Read one HTTP/1.1 response with a Content-Length body; its status code."""
    head = await reader.readuntil(b"\r\n\r\n")
    status = int(head[9:12])
    length = 0
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value)
    await reader.readexactly(length)
    return status


def _get_request(url: str, headers: dict[str, str]) -> bytes:
    """The bytes of a keep-alive HTTP/1.1 GET of `url` with `headers`."""
    parts = urlsplit(url)
    return (
        f"GET {parts.path} HTTP/1.1\r\nHost: {parts.hostname}:{parts.port}\r\n"
        + "".join(f"{name}: {value}\r\n" for name, value in headers.items())
        + "\r\n"
    ).encode()


async def _poll(url: str, headers: dict[str, str], clients: int, seconds: float) -> dict[str, Any]:
    """C keep-alive connections, each sending the next GET when the last answer arrived.

    A bare asyncio client rather than httpx: httpx spends about 3.5 ms of CPU a request, and
    the load generator shares the two cores with the server it measures."""
    parts = urlsplit(url)
    request = _get_request(url, headers)
    latencies: list[float] = []
    timeouts = 0
    stop = time.monotonic() + seconds

    async def client() -> None:
        nonlocal timeouts
        reader, writer = await asyncio.open_connection(parts.hostname, parts.port)
        try:
            while time.monotonic() < stop:
                started = time.perf_counter()
                writer.write(request)
                try:
                    status = await asyncio.wait_for(_read_response(reader), 30)
                except TimeoutError:  # counted, and in the latencies at 30 s
                    timeouts += 1
                    latencies.append(time.perf_counter() - started)
                    writer.close()
                    reader, writer = await asyncio.open_connection(parts.hostname, parts.port)
                    continue
                latencies.append(time.perf_counter() - started)
                if status != 200:
                    raise SystemExit(f"status poll answered {status}")
        finally:
            writer.close()

    started = time.monotonic()
    cpu_started = time.process_time()
    await asyncio.gather(*(client() for _ in range(clients)))
    elapsed = time.monotonic() - started
    client_cpu = time.process_time() - cpu_started
    return {
        "clients": clients,
        "seconds": round(elapsed, 1),
        "requests": len(latencies),
        "timeouts": timeouts,
        "requests_per_second": round(len(latencies) / elapsed, 1),
        "p50_ms": round(_percentile(latencies, 50), 1),
        "p99_ms": round(_percentile(latencies, 99), 1),
        "client_cpu_ms_per_request": round(1000 * client_cpu / max(1, len(latencies)), 2),
    }


async def _poll_at_rate(
    url: str, headers: dict[str, str], rate: float, seconds: float, connections: int = 64
) -> dict[str, Any]:
    """Open loop: one GET falls due every 1/`rate` seconds for `seconds`, each sent on a free
    connection of a keep-alive pool of `connections` (opened beforehand); latency runs from
    when the request fell due to its answer's last byte (wrk2's correction), so a request
    waiting for a free connection behind a saturated server counts the wait.

    Returns the offered and achieved rates (answers per second over the time from the first
    due request to the last answer), p50 and p99 in ms, and the requests still unanswered
    30 s after the schedule ended (counted at 30 s)."""
    parts = urlsplit(url)
    request = _get_request(url, headers)
    pool: asyncio.Queue[tuple[asyncio.StreamReader, asyncio.StreamWriter]] = asyncio.Queue()
    opened = [await asyncio.open_connection(parts.hostname, parts.port) for _ in range(connections)]
    for connection in opened:
        pool.put_nowait(connection)
    latencies: list[float] = []
    refusals: list[int] = []

    async def send(due: float) -> None:
        reader, writer = await pool.get()
        writer.write(request)
        status = await _read_response(reader)
        latencies.append(time.perf_counter() - due)
        pool.put_nowait((reader, writer))
        if status != 200:
            refusals.append(status)

    total = max(1, round(rate * seconds))
    cpu_started = time.process_time()
    start = time.perf_counter() + 0.05
    pending = []
    for index in range(total):
        due = start + index / rate
        delay = due - time.perf_counter()
        if delay > 0:
            await asyncio.sleep(delay)
        pending.append(asyncio.ensure_future(send(due)))
    done, late = await asyncio.wait(pending, timeout=30)
    for task in late:
        task.cancel()
    for task in done:
        task.result()  # a broken connection aborts the run
    if refusals:
        raise SystemExit(f"status poll answered {refusals[0]}")
    elapsed = time.perf_counter() - start
    client_cpu = time.process_time() - cpu_started
    latencies += [30.0] * len(late)
    for _, writer in opened:  # those of cancelled requests too
        writer.close()
    return {
        "offered_per_second": rate,
        "requests": total,
        "unanswered": len(late),
        "requests_per_second": round(len(done) / elapsed, 1),
        "p50_ms": round(_percentile(latencies, 50), 1),
        "p99_ms": round(_percentile(latencies, 99), 1),
        "client_cpu_ms_per_request": round(1000 * client_cpu / total, 2),
    }


def _process_tree_cpu(pid: int) -> float:
    """CPU seconds (user + system) used so far by a process and its children still running."""
    total = 0.0
    ticks = os.sysconf("SC_CLK_TCK")
    pids = [pid]
    children = Path(f"/proc/{pid}/task/{pid}/children")
    if children.exists():
        pids += [int(child) for child in children.read_text().split()]
    for each in pids:
        try:
            fields = Path(f"/proc/{each}/stat").read_text().rsplit(")", 1)[1].split()
        except FileNotFoundError:
            continue
        total += (int(fields[11]) + int(fields[12])) / ticks
    return total


def measure(
    seconds: float,
    clients: int,
    creates: int,
    rates: tuple[float, ...] = (),
    server: str = "wsgi",
) -> dict[str, Any]:
    """The JSON object `main` prints: `server`, `status_poll` (closed loop),
    `status_poll_at_rates` (open loop, one entry per rate in `rates`, each run for `seconds`),
    `job_create`; `server` is a key of SERVERS."""
    web = None
    with throwaway_casefile("bench", **UNLIMITED) as throwaway:
        try:
            port = _free_port()
            environment = throwaway.process_environment()
            manage = [sys.executable, "manage.py"]
            for command in (["migrate", "--noinput"], ["bootstrap"]):
                subprocess.run(
                    manage + command, cwd=ROOT, env=environment, check=True, capture_output=True
                )
            key = (Path(throwaway.data_dir) / "bootstrap-api-key").read_text().strip()
            web = subprocess.Popen(
                [sys.executable, *SERVERS[server], *_bind(port)],
                cwd=ROOT,
                env=environment,
                start_new_session=True,
            )
            base = f"http://127.0.0.1:{port}"
            headers = {"Authorization": f"api-key {key}"}
            with httpx.Client(base_url=base, headers=headers, timeout=30) as http:
                deadline = time.monotonic() + 60
                while True:
                    try:
                        http.get("/healthz")
                        break
                    except httpx.TransportError:
                        if time.monotonic() > deadline:
                            raise
                        time.sleep(0.2)
                slug = http.get("/api/v1/casetypes").json()["data"]["casetypes"][0]["slug"]
                pdf = one_megabyte_pdf()
                create_times, job_id = [], ""
                for index in range(creates + 3):
                    started = time.perf_counter()
                    response = http.post(
                        "/api/v1/extraction-jobs",
                        data={"templateName": slug},
                        files={"file": ("invoice.pdf", pdf, "application/pdf")},
                    )
                    if response.status_code != 202:
                        raise SystemExit(f"job create answered {response.status_code}")
                    if index >= 3:  # the first ones warm the processes up
                        create_times.append(time.perf_counter() - started)
                    job_id = response.json()["job"]["id"]
            server_cpu = _process_tree_cpu(web.pid)
            poll = asyncio.run(
                _poll(f"{base}/api/v1/extraction-jobs/{job_id}", headers, clients, seconds)
            )
            poll["server_cpu_ms_per_request"] = round(
                1000 * (_process_tree_cpu(web.pid) - server_cpu) / max(1, poll["requests"]), 2
            )
            at_rates = []
            for rate in rates:
                server_cpu = _process_tree_cpu(web.pid)
                at_rate = asyncio.run(
                    _poll_at_rate(f"{base}/api/v1/extraction-jobs/{job_id}", headers, rate, seconds)
                )
                at_rate["server_cpu_ms_per_request"] = round(
                    1000 * (_process_tree_cpu(web.pid) - server_cpu) / at_rate["requests"], 2
                )
                at_rates.append(at_rate)
            return {
                "server": " ".join(SERVERS[server][1:-2])
                + ", PostgreSQL (pool),"
                + (" Redis broker and cache" if throwaway.redis_url else " ORM broker"),
                "status_poll": poll,
                "status_poll_at_rates": at_rates,
                "job_create": {
                    "pdf_bytes": len(pdf),
                    "requests": len(create_times),
                    "p50_ms": round(_percentile(create_times, 50), 1),
                    "p95_ms": round(_percentile(create_times, 95), 1),
                },
            }
        finally:
            if web is not None:
                os.killpg(web.pid, signal.SIGTERM)
                web.wait(timeout=30)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--clients", type=int, default=32)
    parser.add_argument("--creates", type=int, default=40)
    parser.add_argument(
        "--rates",
        default="",
        help="comma-separated arrival rates (requests/s) to poll at, open loop, after the rest",
    )
    parser.add_argument(
        "--server",
        choices=sorted(SERVERS),
        default="wsgi",
        help="wsgi: granian serving config.wsgi (production, default); asgi: uvicorn, config.asgi",
    )
    args = parser.parse_args(argv)
    seconds = min(max(args.seconds, 1.0), 120.0)  # bounded whatever is asked
    rates = tuple(min(max(float(rate), 1.0), 2000.0) for rate in args.rates.split(",") if rate)
    print(
        json.dumps(measure(seconds, max(1, args.clients), max(2, args.creates), rates, args.server))
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
