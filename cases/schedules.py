"""cases' periodic tasks (see `extraction/schedules.py` and `manage.py setup_schedules`)."""

from __future__ import annotations

SCHEDULES: dict[str, tuple[str, int]] = {
    # Files past their `expires_at` (files API, conversion outputs) leave the store (SPEC §5).
    "cases-files-expire": ("cases.files.files_expire", 15),
}
