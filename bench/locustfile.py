"""Locust load script: API clients creating jobs and polling their status, loopback only.

Bounded and local by construction: it refuses any host but 127.0.0.1/localhost/::1, and a run
without `--run-time` stops after MAX_SECONDS anyway. Against a running Casefile (`make run`, or
the production command in the README's deployment section):

    CASEFILE_API_KEY=$(cat var/bootstrap-api-key) .venv/bin/locust -f bench/locustfile.py \\
        --headless --host http://127.0.0.1:8000 --users 32 --spawn-rate 8 --run-time 30s

Set CASEFILE_API_RATE_LIMIT and CASEFILE_JOB_STATUS_POLLS_PER_MINUTE high on the server first,
or the limits (429) are what gets measured. `python -m bench.load` measures the same two
operations without Locust and writes the numbers `make bench` reports.
"""

from __future__ import annotations

import os
import random
from urllib.parse import urlsplit

import gevent  # type: ignore[import-untyped]
from locust import HttpUser, between, events, task

from bench.load import one_megabyte_pdf

LOOPBACK = {"127.0.0.1", "localhost", "::1"}
MAX_SECONDS = 300
PDF = one_megabyte_pdf()


@events.init.add_listener
def _bounded(environment, **kwargs) -> None:
    host = urlsplit(environment.host or "").hostname
    if host not in LOOPBACK:
        raise SystemExit(f"bench/locustfile.py only loads loopback, not {environment.host!r}")
    if environment.runner is not None:

        def stop_later() -> None:
            gevent.sleep(MAX_SECONDS)
            environment.runner.quit()

        gevent.spawn(stop_later)


class ApiClient(HttpUser):
    wait_time = between(0.0, 0.05)

    def on_start(self) -> None:
        key = os.environ.get("CASEFILE_API_KEY", "")
        if not key:
            raise SystemExit("set CASEFILE_API_KEY (make run prints where the demo key is)")
        self.client.headers["Authorization"] = f"api-key {key}"
        answer = self.client.get("/api/v1/casetypes", name="casetypes").json()
        self.template = answer["data"]["casetypes"][0]["slug"]
        self.jobs: list[str] = []
        self.create()

    @task(1)
    def create(self) -> None:
        with self.client.post(
            "/api/v1/extraction-jobs",
            data={"templateName": self.template},
            files={"file": ("invoice.pdf", PDF, "application/pdf")},
            name="POST /api/v1/extraction-jobs (1 MB PDF)",
            catch_response=True,
        ) as response:
            if response.status_code != 202:
                response.failure(f"answered {response.status_code}")
                return
            self.jobs.append(response.json()["job"]["id"])

    @task(20)
    def poll(self) -> None:
        if self.jobs:
            job = random.choice(self.jobs)
            self.client.get(
                f"/api/v1/extraction-jobs/{job}", name="GET /api/v1/extraction-jobs/:id"
            )
