"""Prometheus metrics at `/metrics`, computed from the database when scraped.

Every number comes from shared state (the database and the broker), not from counters inside
one process, so any web process answers for the whole deployment, whatever the number of
workers and clusters:

- `casefile_queue_depth{queue}`: tasks waiting in each broker queue;
- `casefile_extraction_jobs{status}`: jobs queued, processing and waiting for review;
- `casefile_oldest_queued_job_age_seconds`: how long the oldest queued job has waited;
- `casefile_job_duration_seconds`: histogram of started-to-finished times of jobs that
  finished in the last WINDOW (the engine's time: review waits are not counted);
- `casefile_webhook_first_attempt_lag_seconds`: histogram, event to first delivery attempt,
  over the last WINDOW; `casefile_webhook_deliveries_due` and
  `casefile_webhook_oldest_due_seconds`: deliveries whose time has come and not been sent;
- `casefile_review_backlog_documents` and `casefile_review_oldest_age_seconds`.

Access: with `CASEFILE_METRICS_TOKEN` set, a scrape must send `Authorization: Bearer <token>`;
without it only loopback clients are served (403 otherwise).
"""

from __future__ import annotations

import hmac
import logging
from collections.abc import Iterable, Iterator
from datetime import datetime, timedelta

from django.conf import settings
from django.db.models import Count, Min
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe
from prometheus_client import CollectorRegistry, generate_latest
from prometheus_client.core import GaugeMetricFamily, HistogramMetricFamily, Metric
from prometheus_client.exposition import CONTENT_TYPE_LATEST
from prometheus_client.process_collector import ProcessCollector

from cases.apikit.envelope import error_response
from cases.models import Document
from config.health import queue_names
from extraction.models import ExtractionJob
from webhooks.models import WebhookAttempt, WebhookDelivery

logger = logging.getLogger(__name__)

WINDOW = timedelta(hours=1)
JOB_BUCKETS = (0.5, 1, 2, 5, 10, 20, 30, 60, 120, 300, 600)
LAG_BUCKETS = (0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60, 300)
LOOPBACK = {"127.0.0.1", "::1", "::ffff:127.0.0.1"}
MAX_ROWS = 50_000
"""Rows read per histogram per scrape (the newest ones), so a scrape stays cheap."""


def _histogram(
    name: str, documentation: str, values: Iterable[float], buckets: tuple[float, ...]
) -> HistogramMetricFamily:
    observed = sorted(values)
    counts, total, index = [], 0.0, 0
    for bound in buckets:
        while index < len(observed) and observed[index] <= bound:
            index += 1
        counts.append((str(float(bound)), index))
    counts.append(("+Inf", len(observed)))
    total = sum(observed)
    return HistogramMetricFamily(name, documentation, buckets=counts, sum_value=total)


def _seconds(later: datetime | None, earlier: datetime | None) -> float | None:
    if later is None or earlier is None:
        return None
    return max(0.0, (later - earlier).total_seconds())


class CasefileCollector:
    """Reads the deployment's state at scrape time (a handful of indexed queries)."""

    def collect(self) -> Iterator[Metric]:
        now = timezone.now()
        yield self._queue_depth()
        yield from self._jobs(now)
        yield from self._webhooks(now)
        yield from self._review(now)

    def _queue_depth(self) -> GaugeMetricFamily:
        from django_q.brokers import get_broker

        gauge = GaugeMetricFamily(
            "casefile_queue_depth", "Tasks waiting in the broker queue.", labels=["queue"]
        )
        for name in queue_names():
            gauge.add_metric([name], get_broker(list_key=name).queue_size() or 0)
        return gauge

    def _jobs(self, now: datetime) -> Iterator[Metric]:
        status = ExtractionJob.Status
        open_states = [status.QUEUED, status.PROCESSING, status.REVIEW_REQUIRED]
        counts = dict(
            ExtractionJob.objects.filter(status__in=open_states)
            .values_list("status")
            .annotate(n=Count("id"))
            .values_list("status", "n")
        )
        gauge = GaugeMetricFamily(
            "casefile_extraction_jobs",
            "Extraction jobs not finished, by status.",
            labels=["status"],
        )
        for state in open_states:
            gauge.add_metric([state.value], counts.get(state.value, 0))
        yield gauge
        oldest = ExtractionJob.objects.filter(status=status.QUEUED).aggregate(t=Min("created_at"))
        yield GaugeMetricFamily(
            "casefile_oldest_queued_job_age_seconds",
            "Age of the oldest queued extraction job (0 when none).",
            value=_seconds(now, oldest["t"]) or 0.0,
        )
        rows = (
            ExtractionJob.objects.filter(started_at__isnull=False, updated_at__gte=now - WINDOW)
            .exclude(status__in=[status.QUEUED, status.PROCESSING])
            .order_by("-updated_at")
            .values_list("started_at", "review_required_at", "completed_at", "failed_at")[:MAX_ROWS]
        )
        durations = [
            d
            for started, review, completed, failed in rows
            if (d := _seconds(review or completed or failed, started)) is not None
        ]
        yield _histogram(
            "casefile_job_duration_seconds",
            "Extraction jobs finished in the last hour: started to result (review not counted).",
            durations,
            JOB_BUCKETS,
        )

    def _webhooks(self, now: datetime) -> Iterator[Metric]:
        lags = WebhookAttempt.objects.filter(number=1, created_at__gte=now - WINDOW).values_list(
            "created_at", "delivery__created_at"
        )[:MAX_ROWS]
        yield _histogram(
            "casefile_webhook_first_attempt_lag_seconds",
            "Webhook deliveries of the last hour: event to first attempt.",
            [
                lag
                for attempted, created in lags
                if (lag := _seconds(attempted, created)) is not None
            ],
            LAG_BUCKETS,
        )
        waiting = [WebhookDelivery.Status.PENDING, WebhookDelivery.Status.FAILED_RETRYING]
        due = WebhookDelivery.objects.filter(status__in=waiting, next_attempt_at__lte=now)
        summary = due.aggregate(n=Count("id"), oldest=Min("next_attempt_at"))
        yield GaugeMetricFamily(
            "casefile_webhook_deliveries_due",
            "Webhook deliveries whose attempt time has come and that are not sent yet.",
            value=summary["n"],
        )
        yield GaugeMetricFamily(
            "casefile_webhook_oldest_due_seconds",
            "How late the most overdue webhook delivery is (0 when none).",
            value=_seconds(now, summary["oldest"]) or 0.0,
        )

    def _review(self, now: datetime) -> Iterator[Metric]:
        backlog = Document.objects.filter(status=Document.Status.REVIEW_REQUIRED).aggregate(
            n=Count("id"), oldest=Min("review_required_at")
        )
        yield GaugeMetricFamily(
            "casefile_review_backlog_documents",
            "Documents waiting for a reviewer.",
            value=backlog["n"],
        )
        yield GaugeMetricFamily(
            "casefile_review_oldest_age_seconds",
            "How long the oldest document in review has waited (0 when none).",
            value=_seconds(now, backlog["oldest"]) or 0.0,
        )


def registry() -> CollectorRegistry:
    collectors = CollectorRegistry(auto_describe=False)
    collectors.register(CasefileCollector())
    ProcessCollector(registry=collectors)
    return collectors


def _allowed(request: HttpRequest) -> bool:
    token = settings.METRICS_TOKEN
    if token:
        header = request.headers.get("Authorization", "")
        return hmac.compare_digest(header.encode(), f"Bearer {token}".encode())
    return request.META.get("REMOTE_ADDR") in LOOPBACK


@never_cache
@require_safe
def metrics(request: HttpRequest) -> HttpResponse:
    if not _allowed(request):
        return error_response(403, "FORBIDDEN", "Metrics need the metrics token or loopback.")
    return HttpResponse(generate_latest(registry()), content_type=CONTENT_TYPE_LATEST)
