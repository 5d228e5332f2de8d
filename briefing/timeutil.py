"""Dates and timestamps, in one place so tests can reason about them.

Dates a person sees (a verbatim's day, a metric's day) are local calendar
dates; instants stored for ordering are UTC ISO 8601 with a ``Z``.
"""

from __future__ import annotations

from datetime import UTC, date, datetime


def utc_now_iso() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def today() -> date:
    return date.today()
