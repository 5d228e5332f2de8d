"""Sales metrics: one value per metric per day.

Adding a value for a day that already has one replaces it and returns the
old one, so a front end can say what changed instead of duplicating a figure.
"""

from __future__ import annotations

import sqlite3
from datetime import date
from typing import Any

from briefing.db import write
from briefing.errors import BadInput
from briefing.records import Metric
from briefing.timeutil import parse_date, today, utc_now_iso
from briefing.validation import validate

__all__ = ["add", "list_metrics", "on_day"]


def _one(conn: sqlite3.Connection, name: str, day: str) -> Metric | None:
    row = conn.execute("SELECT * FROM metrics WHERE name = ? AND date = ?", (name, day)).fetchone()
    return Metric.from_row(row) if row else None


def add(conn: sqlite3.Connection, fields: dict[str, Any]) -> tuple[Metric, Metric | None]:
    """Store a value; returns (new, replaced-or-None)."""
    data = {k: v for k, v in fields.items() if v is not None}
    data.setdefault("date", today())
    metric = validate("MetricIn", data)
    day = metric["date"].isoformat()
    with write(conn):
        old = _one(conn, metric["name"], day)
        conn.execute(
            """INSERT INTO metrics (name, date, value, target, unit, updated_at) VALUES (?, ?, ?, ?, ?, ?)
               ON CONFLICT (name, date) DO UPDATE SET
                 value = excluded.value, target = coalesce(excluded.target, metrics.target),
                 unit = coalesce(excluded.unit, metrics.unit), updated_at = excluded.updated_at""",
            (
                old.name if old else metric["name"],
                day,
                metric["value"],
                metric["target"],
                metric["unit"],
                utc_now_iso(),
            ),
        )
        new = _one(conn, metric["name"], day)
    assert new is not None
    return new, old


def list_metrics(conn: sqlite3.Connection, *, date: str | None = None) -> list[Metric]:
    """Newest day first; ``date`` (YYYY-MM-DD, as typed) keeps one day."""
    if date is None:
        rows = conn.execute("SELECT * FROM metrics ORDER BY date DESC, name COLLATE NOCASE")
        return [Metric.from_row(r) for r in rows]
    try:
        day = parse_date(date)
    except ValueError as exc:
        raise BadInput("date", str(exc)) from None
    return on_day(conn, day)


def on_day(conn: sqlite3.Connection, day: date) -> list[Metric]:
    """One day's values, by name."""
    rows = conn.execute("SELECT * FROM metrics WHERE date = ? ORDER BY name COLLATE NOCASE", (day.isoformat(),))
    return [Metric.from_row(r) for r in rows]
