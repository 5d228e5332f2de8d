"""Dates and timestamps, in one place so tests can reason about them.

Dates a person sees (a verbatim's day, a metric's day) are local calendar
dates; instants stored for ordering are UTC ISO 8601 with a ``Z``.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from typing import Any


def utc_now_iso() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def today() -> date:
    return date.today()


def parse_date(value: Any) -> date:
    """Strict YYYY-MM-DD: '2026-02-30' is refused, not rolled over."""
    if isinstance(value, date):
        return value
    if not isinstance(value, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()):
        raise ValueError(f"{value!r} is not a date in the form YYYY-MM-DD")
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise ValueError(f"{value.strip()} is not a real calendar date") from None
