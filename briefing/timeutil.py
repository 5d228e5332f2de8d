"""Dates and timestamps, in one place so tests can reason about them.

Dates a person sees (a verbatim's day, a metric's day) are local calendar
dates; instants stored for ordering are UTC ISO 8601 text with a ``Z``
(:func:`iso`), which sorts as text in the order of time.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from typing import Any

_ISO = "%Y-%m-%dT%H:%M:%S.%fZ"


def utc_now() -> datetime:
    return datetime.now(UTC)


def iso(moment: datetime) -> str:
    """An instant as stored: UTC, microseconds, ``Z``."""
    return moment.astimezone(UTC).strftime(_ISO)


def utc_now_iso() -> str:
    return iso(utc_now())


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


def mmss(seconds: float, *, pad: bool = True) -> str:
    """Minutes and seconds as a clock shows them: 90 -> '01:30' (``pad``),
    or '1:30' as a duration reads in a sentence.

    Whole seconds are cut, not rounded, so a countdown reads 00:00 only
    once its time is really up; negative values count as zero.
    """
    whole = max(int(seconds), 0)
    return f"{whole // 60:0{2 if pad else 1}d}:{whole % 60:02d}"
