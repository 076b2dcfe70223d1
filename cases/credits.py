"""Credits (seed 002, SPEC §5): pages processed per period against the workspace's limit.

Every app that processes pages calls this module: the API refuses a job with
`credits_check(...)` (402 INSUFFICIENT_CREDITS) before any work, and the worker charges what
it processed with `credits_charge_pages(workspace=..., pages=..., reference=...)` once the
page count is known. The reference names the work (`extraction-job:<id>`,
`conversion-job:<id>`), which makes charging idempotent: a retried job counts once.

Charging locks the workspace's `CreditAccount` row, so concurrent jobs are charged one after the
other and the check "used + pages <= limit" cannot be passed by two of them together. Usage is
the sum of the period's charges, never a counter that could drift. The limit is
`Workspace.credits_limit` (None: unlimited); the period and its anchor are on the account.

It must not know what a job is: callers pass pages and a reference.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db import transaction
from django.db.models import Sum
from django.utils import timezone

from cases.errors import DomainError, ValidationFailed
from cases.models import CreditAccount, CreditCharge, Workspace

UNIT = "page"
MAX_LIMIT = 1_000_000_000

Period = CreditAccount.Period
_FIXED_PERIODS = {Period.DAY: timedelta(days=1), Period.WEEK: timedelta(weeks=1)}
_MONTH_PERIODS = {Period.MONTH: 1, Period.YEAR: 12}


class InsufficientCredits(DomainError):
    code = "INSUFFICIENT_CREDITS"
    status_code = 402


@dataclass(frozen=True)
class CreditSummary:
    """What `GET /credits` answers, and what the dashboard shows."""

    limit: int | None
    used: int
    period: str
    period_start: datetime
    period_end: datetime | None

    @property
    def remaining(self) -> int | None:
        return None if self.limit is None else max(0, self.limit - self.used)

    @property
    def period_label(self) -> str:
        return str(Period(self.period).label)

    @property
    def percent_used(self) -> int | None:
        if not self.limit:
            return None
        return min(100, round(100 * self.used / self.limit))

    @property
    def meter_bounds(self) -> tuple[int, int]:
        """Where a usage meter turns amber and red: 80 % and 95 % of the limit."""
        limit = self.limit or 0
        return limit * 8 // 10, limit * 95 // 100

    def as_json(self) -> dict:
        return {
            "credits_remaining": self.remaining,
            "credits_used": self.used,
            "credits_limit": self.limit,
            "period_start": _timestamp(self.period_start),
            "period_end": _timestamp(self.period_end),
            "unit": UNIT,
        }


def period_window(
    *, period: str, anchor: datetime, now: datetime
) -> tuple[datetime, datetime | None]:
    """The period containing `now`: periods of `period` length follow `anchor` back to back.

    Monthly and yearly periods keep the anchor's day of the month, clamped to shorter months
    (an anchor on the 31st starts periods on Feb 28/29, then Mar 31). `none` never ends.
    """
    if period == Period.NONE:
        return anchor, None
    if period in _FIXED_PERIODS:
        length = _FIXED_PERIODS[Period(period)]
        count = (now - anchor) // length
        start = anchor + count * length
        return start, start + length
    step = _MONTH_PERIODS[Period(period)]
    months = (now.year - anchor.year) * 12 + now.month - anchor.month
    count = months // step
    start = _add_months(anchor, count * step)
    if start > now:
        count -= 1
        start = _add_months(anchor, count * step)
    return start, _add_months(anchor, (count + 1) * step)


def credits_account(*, workspace: Workspace) -> CreditAccount:
    """The workspace's account, created on first use with monthly periods that follow the
    calendar (anchored at the start of the current month, UTC)."""
    now = timezone.now()
    anchor = now.replace(day=1, hour=0, minute=0, second=0, microsecond=0)
    account, _ = CreditAccount.objects.get_or_create(
        workspace=workspace, defaults={"period_anchor": anchor}
    )
    return account


def credits_summary(*, workspace: Workspace, now: datetime | None = None) -> CreditSummary:
    return _summary_with_limit(workspace=workspace, limit=_limit(workspace), now=now)


def credits_check(*, workspace: Workspace, pages: int = 1) -> None:
    """Refuse (402) work of `pages` pages that would exceed the limit; before any work.

    Not a reservation: two requests may both pass it, and the charge afterwards (which locks)
    is what keeps them from spending past the limit together. An unlimited workspace costs one
    query (its limit); usage is summed only when there is a limit to compare it with.
    """
    limit = _limit(workspace)
    if limit is None:
        return
    summary = _summary_with_limit(workspace=workspace, limit=limit, now=None)
    if summary.remaining is not None and pages > summary.remaining:
        raise _insufficient(summary, pages)


def _limit(workspace: Workspace) -> int | None:
    """The limit as stored now (the caller's `workspace` may be older)."""
    return Workspace.objects.filter(pk=workspace.pk).values_list("credits_limit", flat=True)[0]


def _summary_with_limit(
    *, workspace: Workspace, limit: int | None, now: datetime | None
) -> CreditSummary:
    account = credits_account(workspace=workspace)
    return _summary(account=account, limit=limit, now=now or timezone.now())


@transaction.atomic
def credits_charge_pages(*, workspace: Workspace, pages: int, reference: str) -> CreditCharge:
    """Charge `pages` pages for the work named `reference`, once.

    A second call with the same reference returns the first charge unchanged (a retried job,
    a task delivered twice). Raises InsufficientCredits, charging nothing, when the pages
    would take the period past the limit; inside a caller's transaction that also undoes
    the caller's work.
    """
    if pages < 0:
        raise ValueError("pages must not be negative")
    account = credits_account(workspace=workspace)
    CreditAccount.objects.select_for_update().filter(pk=account.pk).get()
    existing = CreditCharge.objects.filter(workspace=workspace, reference=reference).first()
    if existing is not None:
        return existing
    limit = Workspace.objects.filter(pk=workspace.pk).values_list("credits_limit", flat=True)[0]
    now = timezone.now()
    summary = _summary(account=account, limit=limit, now=now)
    if summary.remaining is not None and pages > summary.remaining:
        raise _insufficient(summary, pages)
    return CreditCharge.objects.create(
        workspace=workspace, reference=reference[:100], pages=pages, charged_at=now
    )


@transaction.atomic
def credits_settings_update(
    *,
    workspace: Workspace,
    limit: int | None,
    period: str,
    period_anchor: datetime | None = None,
) -> CreditSummary:
    """Set the limit (None: unlimited) and how periods run; a new anchor starts periods anew
    from that moment (pages charged since then count in the new period)."""
    if limit is not None and not 0 <= limit <= MAX_LIMIT:
        raise ValidationFailed.for_field("credits_limit", f"must be 0 to {MAX_LIMIT} or empty.")
    if period not in Period.values:
        raise ValidationFailed.for_field("period", f"must be one of {', '.join(Period.values)}.")
    account = credits_account(workspace=workspace)
    account = CreditAccount.objects.select_for_update().get(pk=account.pk)
    account.period = period
    if period_anchor is not None:
        account.period_anchor = period_anchor
    account.save(update_fields=["period", "period_anchor", "updated_at"])
    Workspace.objects.filter(pk=workspace.pk).update(credits_limit=limit)
    workspace.credits_limit = limit
    return _summary(account=account, limit=limit, now=timezone.now())


def _summary(*, account: CreditAccount, limit: int | None, now: datetime) -> CreditSummary:
    start, end = period_window(period=account.period, anchor=account.period_anchor, now=now)
    charges = CreditCharge.objects.filter(workspace_id=account.workspace_id, charged_at__gte=start)
    if end is not None:
        charges = charges.filter(charged_at__lt=end)
    used = charges.aggregate(total=Sum("pages"))["total"] or 0
    return CreditSummary(
        limit=limit, used=used, period=account.period, period_start=start, period_end=end
    )


def _insufficient(summary: CreditSummary, pages: int) -> InsufficientCredits:
    return InsufficientCredits(
        f"This needs {pages} page credit{'s' if pages != 1 else ''}; "
        f"{summary.remaining} of {summary.limit} remain in this period.",
        details={
            "credits_required": pages,
            "credits_remaining": summary.remaining,
            "credits_limit": summary.limit,
            "period_end": _timestamp(summary.period_end),
        },
    )


def _add_months(moment: datetime, months: int) -> datetime:
    total = moment.year * 12 + moment.month - 1 + months
    year, month = divmod(total, 12)
    day = min(moment.day, calendar.monthrange(year, month + 1)[1])
    return moment.replace(year=year, month=month + 1, day=day)


def _timestamp(value: datetime | None) -> str | None:
    if value is None:
        return None
    return value.isoformat(timespec="seconds").replace("+00:00", "Z")
