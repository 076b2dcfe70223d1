"""Status polling: the per-job polling limit (a DRF throttle: 429 with Retry-After) and
`?wait=` long polls.

The limit counts requests per job in a one-minute window in the cache (Redis when configured,
so every web process shares it; one round trip a poll: `cases.apikit.throttling.window_count`);
`extraction.api.ExtractionJobDetailApi` lists the throttle after the per-key one. A long poll
re-reads the job until its status or progress changes or the wait runs out; its internal
re-reads are not counted against the limit. With the cache down the limit lets polls through.
"""

from __future__ import annotations

import functools
import math
import time
import uuid
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.db import connection
from rest_framework.throttling import BaseThrottle

from cases.apikit.authentication import request_workspace
from cases.apikit.cachedown import CACHE_ERRORS, cache_down
from cases.apikit.throttling import window_count
from cases.errors import DomainError
from cases.models import Case, CaseType, Document, Workspace
from extraction.models import ExtractionJob
from extraction.selectors import job_state_token

if TYPE_CHECKING:
    from rest_framework.request import Request
    from rest_framework.views import APIView

WINDOW_SECONDS = 60
RECHECK_SECONDS = 0.25
POLL_LIMIT_HIT = "_casefile_job_status_poll_limit_hit"
POLLED_JOB = "_casefile_polled_job"


class JobStatusPollThrottle(BaseThrottle):
    """At most `CASEFILE_JOB_STATUS_POLLS_PER_MINUTE` status reads of one job a minute.

    A fixed one-minute window counted atomically in the cache (`window_count`), so every
    web process shares one count (DRF's `SimpleRateThrottle` reads and rewrites a list of
    timestamps, which loses counts between processes). Only reads of a job in the caller's
    workspace count: anything else is the view's 404, and a caller from another workspace
    cannot spend the owner's budget.
    """

    def __init__(self) -> None:
        self.retry_after: int | None = None

    def allow_request(self, request: Request, view: APIView) -> bool:
        polled = job_status_read(
            workspace=request_workspace(request), job_id=view.kwargs.get("job_id")
        )
        setattr(request, POLLED_JOB, polled)
        if polled is None:
            return True
        job = polled[0]
        job_id = job.pk
        window = int(time.time() // WINDOW_SECONDS)
        key = f"job-status-polls:{job_id}:{window}"
        try:
            count, _ = window_count(key, WINDOW_SECONDS * 2)
        except CACHE_ERRORS as error:  # fail open: the cache only counts
            cache_down("the per-job polling limit lets polls through", error)
            return True
        if count <= settings.JOB_STATUS_POLLS_PER_MINUTE:
            return True
        self.retry_after = max(1, int(WINDOW_SECONDS - time.time() % WINDOW_SECONDS))
        setattr(request, POLL_LIMIT_HIT, True)
        return False

    def wait(self) -> int | None:
        return self.retry_after


def polled_job(request: Request) -> tuple[ExtractionJob, int | None] | None:
    """The job `JobStatusPollThrottle` read for this request with its queue position (None
    when it read none)."""
    return getattr(request, POLLED_JOB, None)


# The job's columns `serializers.job_status` (and the view) read, `result` aside (see
# `_status_sql`); the rest are left deferred (a read of one would cost a query: the pinned
# query counts in tests/extraction/test_hot_path_queries.py catch it).
STATUS_ANSWER_FIELDS = (
    "id",
    "case",
    "case_type",
    "filename",
    "options",
    "status",
    "progress",
    "steps",
    "review_threshold",
    "review_required_at",
    "review_flagged_field_count",
    "review_reasons",
    "error_code",
    "error_message",
    "result_expires_at",
    "created_at",
    "updated_at",
    "completed_at",
    "failed_at",
)


def job_status_read(
    *, workspace: Workspace, job_id: object
) -> tuple[ExtractionJob, int | None] | None:
    """The job for its status answer (`serializers.job_status`) and its queue position (as
    `selectors.job_queue_position`), or None when the workspace has no such job: one query.

    The job as `selectors.job_status_find` reads it for the answer (the columns it reads,
    the case's id, the case type's slug, the documents with what each duplicates, in their
    order; the job's other columns deferred) and the queue position as a subquery, in one SQL
    statement written once per process: composing it with the ORM on every poll (three
    querysets with joins and a prefetch) cost more CPU than everything else a status poll
    does (issue 14). Its rows are read as tuples and made into the models here, with the
    converters Django would apply, worked out once per process.
    """
    try:
        pk = uuid.UUID(str(job_id))
    except ValueError:  # not a UUID: no such job
        return None
    queued = ExtractionJob.Status.QUEUED
    job_pk = ExtractionJob._meta.pk
    assert job_pk is not None
    params = [queued, queued, workspace.pk, job_pk.get_db_prep_value(pk, connection)]
    db = ExtractionJob.objects.db
    with connection.cursor() as cursor:
        cursor.execute(_status_sql(connection.vendor), params)
        rows = cursor.fetchall()
    if not rows:
        return None
    # Rows as tuples, converted and made into models here: `QuerySet.raw` resolved the columns,
    # the model's field order and the converters again on every poll (a third of its read).
    columns = _status_columns(connection.vendor)
    first = [
        _convert(value, converters)
        for value, converters in zip(rows[0], columns.converters, strict=True)
    ]
    extra = dict(zip(STATUS_EXTRA_COLUMNS, first[len(columns.attnames) :], strict=True))
    job = ExtractionJob.from_db(
        db, columns.attnames, [first[index] for index in columns.model_order]
    )
    job.case = (
        Case.from_db(db, ["id", "public_id"], [job.case_id, extra["case_public_id"]])
        if job.case_id is not None
        else None
    )
    job.case_type = (
        CaseType.from_db(db, ["id", "slug"], [job.case_type_id, extra["case_type_slug"]])
        if job.case_type_id is not None
        else None
    )
    documents_at = len(columns.attnames) + STATUS_EXTRA_COLUMNS.index("document_id")
    documents = [
        _status_document(db, row[documents_at:]) for row in rows if row[documents_at] is not None
    ]
    prefetched: Any = Document.objects.all()
    prefetched._result_cache = documents  # as a prefetch_related of the documents leaves it
    prefetched._prefetch_done = True
    vars(job)["_prefetched_objects_cache"] = {"documents": prefetched}
    return job, extra["queue_position"]


# The statement's columns after the job's own (`status_...` in SQL), in order.
STATUS_EXTRA_COLUMNS = (
    "case_public_id",
    "case_type_slug",
    "queue_position",
    "document_id",
    "document_public_id",
    "duplicate_id",
    "duplicate_public_id",
)


@dataclass(frozen=True)
class _StatusColumns:
    attnames: list[str]  # the job's columns in the statement, as model attributes
    model_order: list[int]  # their positions in the statement, in the model's field order
    converters: list[list[Any]]
    """Per column of the statement, Django's converters from the database as (function,
    whether it is a method of the backend's operations, column): those methods are called on
    the current thread's connection (`_convert`), not on the connection that built this."""


@functools.cache
def _status_columns(vendor: str) -> _StatusColumns:
    fields = [ExtractionJob._meta.get_field(name) for name in (*STATUS_ANSWER_FIELDS, "result")]
    position = {field.attname: index for index, field in enumerate(fields)}  # type: ignore[union-attr]
    model_order = [
        position[field.attname]
        for field in ExtractionJob._meta.concrete_fields
        if field.attname in position
    ]
    converters: list[list[Any]] = []
    for field in fields:
        column = field.get_col(ExtractionJob._meta.db_table)  # type: ignore[union-attr]
        backend = [
            (method.__func__, True, column) for method in connection.ops.get_db_converters(column)
        ]
        own = [(converter, False, column) for converter in column.get_db_converters(connection)]
        converters.append(backend + own)
    converters += [[] for _ in STATUS_EXTRA_COLUMNS]  # ids, strings and a count: as read
    attnames = [str(fields[index].attname) for index in model_order]  # type: ignore[union-attr]
    return _StatusColumns(attnames, model_order, converters)


def _convert(value: Any, converters: list[Any]) -> Any:
    for converter, of_backend, column in converters:
        if of_backend:
            value = converter(connection.ops, value, column, connection)
        else:
            value = converter(value, column, connection)
    return value


def _status_document(db: str, values: tuple[Any, ...]) -> Document:
    document_id, public_id, duplicate_id, duplicate_public_id = values
    document = Document.from_db(
        db, ["id", "public_id", "duplicate_of_id"], [document_id, public_id, duplicate_id]
    )
    document.duplicate_of = (
        Document.from_db(db, ["id", "public_id"], [duplicate_id, duplicate_public_id])
        if duplicate_id is not None
        else None
    )
    return document


@functools.cache
def _status_sql(vendor: str) -> str:
    """`job_status_read`'s statement (parameters: the queued status twice, the workspace,
    the job), from the models' own table and column names.

    One row per document (at least one): the job's columns the answer reads on each (short
    ones), its `result` on the first row only (a completed job's result can be megabytes of
    JSON: on every row it made a 20-document poll ten times the ORM read's cost). The window
    orders as the statement does (the documents' ordering ends with their id), so the first
    row is the one with the result."""
    quote = connection.ops.quote_name
    jobs, cases, case_types, documents = (
        model._meta for model in (ExtractionJob, Case, CaseType, Document)
    )
    through = ExtractionJob._meta.get_field("documents").remote_field.through._meta  # type: ignore[union-attr]
    link_job = str(through.get_field("extractionjob").column)  # type: ignore[union-attr]
    link_document = str(through.get_field("document").column)  # type: ignore[union-attr]

    def column(model_meta: object, name: str) -> str:
        return quote(model_meta.get_field(name).column)  # type: ignore[attr-defined]

    job_columns = ", ".join(f"j.{column(jobs, name)}" for name in STATUS_ANSWER_FIELDS)
    status, created = column(jobs, "status"), column(jobs, "created_at")
    document_order = ", ".join(
        f"d.{column(documents, name.lstrip('-'))}" + (" DESC" if name.startswith("-") else "")
        for name in (str(name) for name in documents.ordering or ())
    )
    result, job_id = column(jobs, "result"), column(jobs, "id")
    return f"""
        SELECT {job_columns},
            CASE WHEN ROW_NUMBER() OVER (ORDER BY {document_order}) = 1 THEN (
                SELECT r.{result} FROM {quote(jobs.db_table)} r WHERE r.{job_id} = j.{job_id}
            ) END AS {result},
            c.{column(cases, "public_id")} AS status_case_public_id,
            t.{column(case_types, "slug")} AS status_case_type_slug,
            CASE WHEN j.{status} = %s THEN (
                SELECT COUNT(*) FROM {quote(jobs.db_table)} q
                WHERE q.{status} = %s AND q.{created} < j.{created}
            ) + 1 END AS status_queue_position,
            d.{column(documents, "id")} AS status_document_id,
            d.{column(documents, "public_id")} AS status_document_public_id,
            d.{column(documents, "duplicate_of")} AS status_duplicate_id,
            u.{column(documents, "public_id")} AS status_duplicate_public_id
        FROM {quote(jobs.db_table)} j
        LEFT JOIN {quote(cases.db_table)} c ON c.{column(cases, "id")} = j.{column(jobs, "case")}
        LEFT JOIN {quote(case_types.db_table)} t
            ON t.{column(case_types, "id")} = j.{column(jobs, "case_type")}
        LEFT JOIN {quote(through.db_table)} l ON l.{quote(link_job)} = j.{column(jobs, "id")}
        LEFT JOIN {quote(documents.db_table)} d
            ON d.{column(documents, "id")} = l.{quote(link_document)}
        LEFT JOIN {quote(documents.db_table)} u
            ON u.{column(documents, "id")} = d.{column(documents, "duplicate_of")}
        WHERE j.{column(jobs, "workspace")} = %s AND j.{column(jobs, "id")} = %s
        ORDER BY {document_order}
    """


def status_poll_limit_error(request: Request, wait: float | None) -> DomainError | None:
    """The 429 to answer when `JobStatusPollThrottle` refused the request (None otherwise):
    the limit, when to retry, and what to do instead of polling."""
    if not getattr(request, POLL_LIMIT_HIT, False):
        return None
    limit = settings.JOB_STATUS_POLLS_PER_MINUTE
    retry_after = max(1, math.ceil(wait or 1))
    return DomainError(
        f"This job's status was polled more than {limit} times a minute; "
        f"retry in {retry_after} s, or use ?wait= or a webhook.",
        code="RATE_LIMITED",
        status_code=429,
        headers={"Retry-After": str(retry_after)},
    )


def wait_for_change(*, job_id: str, seconds: int) -> None:
    """Return once the job's state differs from now, or after `seconds` (capped)."""
    seconds = min(seconds, settings.LONG_POLL_MAX_SECONDS)
    if seconds <= 0:
        return
    initial = job_state_token(job_id)
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        sleep_between_reads(min(RECHECK_SECONDS, max(0.0, deadline - time.monotonic())))
        if job_state_token(job_id) != initial:
            return


def sleep_between_reads(seconds: float) -> None:
    """Sleep holding no pooled database connection: a web process's pool is small
    (`CASEFILE_DB_POOL_MAX`), and waits of up to a minute would otherwise keep it drained."""
    if getattr(connection, "pool", None) is not None and not connection.in_atomic_block:
        connection.close()  # back to the pool; the next read borrows one again
    time.sleep(seconds)


SETTLED = (
    ExtractionJob.Status.COMPLETED,
    ExtractionJob.Status.FAILED,
    ExtractionJob.Status.REVIEW_REQUIRED,
)


def wait_until_settled(*, job_id: str, seconds: float) -> bool:
    """Wait (for `mode=response`) until the job completed, failed or is held for review.

    Returns False when the deadline passed first; the job goes on regardless.
    """
    deadline = time.monotonic() + seconds
    while True:
        token = job_state_token(job_id)
        if token is not None and token[0] in SETTLED:
            return True
        if time.monotonic() >= deadline:
            return False
        sleep_between_reads(min(RECHECK_SECONDS, max(0.0, deadline - time.monotonic())))
