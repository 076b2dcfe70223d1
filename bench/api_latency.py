"""API latency percentiles, in process, with Django's test client on a throwaway SQLite database.

Run by `bench/__main__.py` as `python -m bench.api_latency --requests N` in a child process, so
that the environment it sets (a temporary CASEFILE_DATA_DIR, debug on, no rate limit, SQLite
whatever DATABASE_URL says) never reaches the caller. It migrates, runs `bootstrap` for the demo
workspace and API key, warms each endpoint up, then times N requests per endpoint and prints one
JSON object: p50/p95/p99/mean milliseconds per endpoint. No web server, network or worker is
involved: this is the cost of Django, DRF, the services and the database per request. A response
with an unexpected status aborts the run, so errors are never timed as if they were answers.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

WARM_UP = 10


def percentiles(samples: list[float]) -> dict[str, float]:
    """p50, p95, p99 and mean of seconds, in milliseconds."""
    cuts = statistics.quantiles(samples, n=100, method="inclusive")
    return {
        "p50_ms": 1000 * cuts[49],
        "p95_ms": 1000 * cuts[94],
        "p99_ms": 1000 * cuts[98],
        "mean_ms": 1000 * statistics.fmean(samples),
    }


def measure(requests: int) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="casefile-bench-") as data_dir:
        os.environ.update(
            {
                "DJANGO_SETTINGS_MODULE": "config.settings",
                "CASEFILE_DATA_DIR": data_dir,
                "CASEFILE_MEDIA_ROOT": str(Path(data_dir) / "files"),
                "CASEFILE_DEBUG": "true",
                "CASEFILE_API_RATE_LIMIT": "1000000/min",
            }
        )
        for name in ("DATABASE_URL", "REDIS_URL"):
            os.environ.pop(name, None)
        import django

        django.setup()
        from django.core.management import call_command
        from django.test import Client

        call_command("migrate", interactive=False, verbosity=0)
        call_command("bootstrap", stdout=io.StringIO())
        key = (Path(data_dir) / "bootstrap-api-key").read_text().strip()
        client = Client(HTTP_AUTHORIZATION=f"api-key {key}")
        listing = _expect(client.get("/api/v1/casetypes"), 200)
        casetype_id = listing["data"]["casetypes"][0]["casetype_id"]
        pdf = _small_pdf()

        def create_case() -> Any:
            from django.core.files.uploadedfile import SimpleUploadedFile

            upload = SimpleUploadedFile("bench.pdf", pdf, content_type="application/pdf")
            data = {"casetype_id": casetype_id, "trigger_workflow": "false", "files": upload}
            return client.post("/api/v1/cases", data)

        endpoints: dict[str, tuple[Callable[[], Any], int]] = {
            "GET /api/v1/casetypes": (lambda: client.get("/api/v1/casetypes"), 200),
            "GET /api/v1/extraction-jobs": (lambda: client.get("/api/v1/extraction-jobs"), 200),
            "POST /api/v1/cases": (create_case, 200),
        }
        results: dict[str, Any] = {}
        for label, (call, status) in endpoints.items():
            for _ in range(WARM_UP):
                _expect(call(), status)
            samples: list[float] = []
            for _ in range(requests):
                started = time.perf_counter()
                response = call()
                samples.append(time.perf_counter() - started)
                _expect(response, status)
            results[label] = percentiles(samples)
        return {"requests": requests, "database": "sqlite", "endpoints": results}


def _expect(response: Any, status: int) -> Any:
    if response.status_code != status:
        body = response.content[:300].decode(errors="replace")
        raise SystemExit(f"{response.request['PATH_INFO']} answered {response.status_code}: {body}")
    return response.json()


def _small_pdf() -> bytes:
    import pymupdf

    document = pymupdf.open()
    page = document.new_page(width=595, height=842)
    page.insert_text((72, 72), "Invoice 48213  Total 144.00 EUR", fontsize=12)
    return document.tobytes()


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=200)
    args = parser.parse_args(argv)
    print(json.dumps(measure(max(2, args.requests))))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
