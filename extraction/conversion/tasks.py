"""django-q2 entry points of conversion. Each takes primitive ids and calls one service."""

from __future__ import annotations

from extraction.conversion import services


def conversion_job_run(job_id: str) -> str | None:
    job = services.conversion_job_run(job_id=job_id)
    return job.status if job else None


def conversion_jobs_recover() -> dict[str, int]:
    return services.conversion_jobs_recover()
