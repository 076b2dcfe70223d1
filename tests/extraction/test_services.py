"""`extraction.services`: the job transitions, with state built by the factories."""

from __future__ import annotations

from cases.models import Document
from extraction import services
from extraction.models import ExtractionJob
from tests.factories import uploaded_document

Step, State = ExtractionJob.Step, ExtractionJob.StepState


def test_a_failed_job_marks_the_step_it_was_in_as_failed_not_in_progress(invoice_type):
    document, job = uploaded_document(invoice_type)
    ExtractionJob.objects.filter(pk=job.pk).update(status=ExtractionJob.Status.PROCESSING)
    job.refresh_from_db()
    services.job_steps_set(job, {Step.OCR: State.COMPLETE, Step.STRUCTURE: State.IN_PROGRESS})

    services.job_fail(job=job, code="MALFORMED_PDF", message="The PDF cannot be read.")

    job.refresh_from_db()
    assert job.status == ExtractionJob.Status.FAILED
    assert job.steps[Step.OCR] == State.COMPLETE
    assert job.steps[Step.STRUCTURE] == State.FAILED
    assert job.steps[Step.EXTRACTION] == State.PENDING
    document.refresh_from_db()
    assert document.status == Document.Status.FAILED


def test_a_failure_message_shows_no_traceback_and_no_server_path(invoice_type):
    _, job = uploaded_document(invoice_type)
    message = (
        'Traceback (most recent call last):\n  File "/srv/casefile/extraction/x.py", line 3\n'
        "ValueError: bad"
    )
    services.job_fail(job=job, code="WORKER_CRASHED", message=message)
    job.refresh_from_db()
    assert job.error_message == "Document processing failed."


def test_a_server_path_in_a_failure_message_is_replaced(invoice_type):
    _, job = uploaded_document(invoice_type)
    services.job_fail(job=job, code="CORRUPT_FILE", message="Could not read /srv/f/a.pdf: bad")
    job.refresh_from_db()
    assert job.error_message == "Could not read <path>: bad"
