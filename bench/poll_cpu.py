"""CPU per status poll and per job creation through the real ASGI application, in process.

`python -m bench.poll_cpu [--polls N] [--creates N] [--concurrency C] [--profile FILE]` makes a
throwaway Casefile (`bench/throwaway.py`: a PostgreSQL database, Redis database 15), migrates,
runs `bootstrap`, creates one queued job with the 1 MB PDF, then calls
`config.asgi.application` directly with ASGI messages (no socket, no HTTP parser): N polls of
that job, C at a time, and N job creations one at a time. It prints one JSON
object: this process's CPU milliseconds per request (`time.process_time`, so Django's thread
hops, middleware, DRF, psycopg and redis-py are in it; PostgreSQL's and Redis's own CPU are
not) and the wall-clock p50/p99. `--profile FILE` writes a cProfile of each poll's work in its
worker threads (pstats format; use `--concurrency 1`), and of each creation's to `FILE.create`.

It is the in-process half of the poll measurement; `bench/load.py` is the HTTP half.
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import io
import json
import os
import statistics
import sys
import time
import uuid
from pathlib import Path
from typing import Any

from bench.load import one_megabyte_pdf
from bench.throwaway import UNLIMITED, throwaway_casefile

BOUNDARY = "casefilebenchboundary"


def _multipart(slug: str, pdf: bytes) -> bytes:
    return b"".join(
        [
            f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="templateName"\r\n\r\n'.encode(),
            slug.encode(),
            f"\r\n--{BOUNDARY}\r\n".encode(),
            b'Content-Disposition: form-data; name="file"; filename="invoice.pdf"\r\n',
            b"Content-Type: application/pdf\r\n\r\n",
            pdf,
            f"\r\n--{BOUNDARY}--\r\n".encode(),
        ]
    )


async def _call(
    application: Any, method: str, path: str, headers: list[tuple[bytes, bytes]], body: bytes = b""
) -> tuple[int, bytes]:
    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": method,
        "scheme": "http",
        "path": path,
        "raw_path": path.encode(),
        "query_string": b"",
        "root_path": "",
        "headers": [(b"host", b"127.0.0.1"), *headers],
        "client": ("127.0.0.1", 50000),
        "server": ("127.0.0.1", 8000),
    }
    sent = False
    status = 0
    chunks: list[bytes] = []

    async def receive() -> dict[str, Any]:
        nonlocal sent
        if sent:
            await asyncio.sleep(3600)
        sent = True
        return {"type": "http.request", "body": body, "more_body": False}

    async def send(message: dict[str, Any]) -> None:
        nonlocal status
        if message["type"] == "http.response.start":
            status = message["status"]
        elif message["type"] == "http.response.body":
            chunks.append(message.get("body", b""))

    await application(scope, receive, send)
    return status, b"".join(chunks)


class _RequestProfile:
    """cProfile of each request's sync work in the threads Django's `ASGIHandler` hands it to
    (asgiref's `SyncToAsync.thread_handler`: the signals, each middleware hook and the view),
    which a profile of the event loop's thread alone would miss. One profile object serves
    every thread, so run it with `--concurrency 1`. It counts CPU time (`time.thread_time`):
    the waits for PostgreSQL and Redis are not in it."""

    def __init__(self) -> None:
        from asgiref.sync import SyncToAsync

        self.profile = cProfile.Profile(time.thread_time)  # CPU, not waits
        self.owner: Any = SyncToAsync
        self.original = SyncToAsync.thread_handler

    def enable(self) -> None:
        profile, original = self.profile, self.original

        def profiled(*args: Any, **kwargs: Any) -> Any:
            return profile.runcall(original, *args, **kwargs)

        self.owner.thread_handler = profiled

    def dump(self, path: str) -> None:
        self.owner.thread_handler = self.original
        self.profile.dump_stats(path)


def _summary(cpu: float, walls: list[float], count: int) -> dict[str, float]:
    cuts = statistics.quantiles(walls, n=100, method="inclusive")
    return {
        "requests": count,
        "cpu_ms_per_request": round(1000 * cpu / count, 2),
        "wall_p50_ms": round(1000 * cuts[49], 2),
        "wall_p99_ms": round(1000 * cuts[98], 2),
    }


async def _run(polls: int, creates: int, concurrency: int, profile: str | None) -> dict[str, Any]:
    from config.asgi import application

    key = (Path(os.environ["CASEFILE_DATA_DIR"]) / "bootstrap-api-key").read_text().strip()
    auth = [(b"authorization", f"api-key {key}".encode())]
    _status, body = await _call(application, "GET", "/api/v1/casetypes", auth)
    slug = json.loads(body)["data"]["casetypes"][0]["slug"]
    pdf = one_megabyte_pdf()
    create_headers = [
        *auth,
        (b"content-type", f"multipart/form-data; boundary={BOUNDARY}".encode()),
    ]

    async def create(body: bytes) -> str:
        headers = [*create_headers, (b"content-length", str(len(body)).encode())]
        status, answer = await _call(application, "POST", "/api/v1/extraction-jobs", headers, body)
        if status != 202:
            raise SystemExit(f"job create answered {status}: {answer[:300]!r}")
        return json.loads(answer)["job"]["id"]

    job_id = ""
    for _ in range(3):  # warm-up; the last one is the job polled
        job_id = await create(_multipart(slug, pdf))
    path = f"/api/v1/extraction-jobs/{job_id}"

    async def poll() -> float:
        started = time.perf_counter()
        status, answer = await _call(application, "GET", path, auth)
        if status != 200:
            raise SystemExit(f"status poll answered {status}: {answer[:300]!r}")
        return time.perf_counter() - started

    for _ in range(20):
        await poll()
    profiler = _RequestProfile() if profile else None
    walls: list[float] = []
    cpu_started = time.process_time()
    if profiler:
        profiler.enable()
    remaining = polls

    async def worker() -> None:
        nonlocal remaining
        while remaining > 0:
            remaining -= 1
            walls.append(await poll())

    await asyncio.gather(*(worker() for _ in range(concurrency)))
    if profiler and profile:
        profiler.dump(profile)
    result: dict[str, Any] = {
        "status_poll": {
            "concurrency": concurrency,
            **_summary(time.process_time() - cpu_started, walls, polls),
        }
    }
    bodies = [
        _multipart(slug, pdf[:-16] + uuid.uuid4().hex.encode() + pdf[-16:]) for _ in range(creates)
    ]  # distinct bytes: no duplicate-detection shortcut
    walls = []
    profiler = _RequestProfile() if profile else None
    if profiler:
        profiler.enable()
    cpu_started = time.process_time()
    for body in bodies:
        started = time.perf_counter()
        await create(body)
        walls.append(time.perf_counter() - started)
    if profiler and profile:
        profiler.dump(f"{profile}.create")
    result["job_create"] = {
        "pdf_bytes": len(pdf),
        **_summary(time.process_time() - cpu_started, walls, creates),
    }
    return result


def measure(polls: int, creates: int, concurrency: int, profile: str | None) -> dict[str, Any]:
    # as config/asgi.py sets for the web process
    with throwaway_casefile("pollcpu", CASEFILE_DB_POOL="true", **UNLIMITED) as throwaway:
        throwaway.apply()
        import django

        django.setup()
        from django.core.management import call_command

        call_command("migrate", interactive=False, verbosity=0)
        call_command("bootstrap", stdout=io.StringIO())
        result = asyncio.run(_run(polls, creates, concurrency, profile))
        result["cache"] = "redis" if throwaway.redis_url else "locmem"
        return result


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--polls", type=int, default=1000)
    parser.add_argument("--creates", type=int, default=20)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--profile", help="write a cProfile of the polls to this file")
    args = parser.parse_args(argv)
    result = measure(
        min(max(args.polls, 2), 100_000),
        min(max(args.creates, 2), 1000),
        min(max(args.concurrency, 1), 256),
        args.profile,
    )
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
