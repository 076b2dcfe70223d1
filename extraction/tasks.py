"""django-q2 entry points of the pipeline. Each takes primitive ids and calls one service."""

from __future__ import annotations

from extraction import pipeline, recovery, retention


def extraction_job_run(job_id: str) -> str | None:
    job = pipeline.extraction_job_run(job_id=job_id)
    return job.status if job else None


def extraction_jobs_recover() -> dict[str, int]:
    return recovery.extraction_jobs_recover()


def extraction_results_expire() -> dict[str, int]:
    return retention.extraction_results_expire()
