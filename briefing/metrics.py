"""Sales metrics: one value per metric per day.

Adding a value for a day that already has one replaces it and returns the
old one, so a front end can say what changed instead of duplicating a figure.
"""

from __future__ import annotations

import sqlite3
from datetime import date
from typing import Any

from briefing.db import write
from briefing.errors import BadInput, BadRow
from briefing.records import Metric, Tracked
from briefing.timeutil import parse_date, today, utc_now_iso
from briefing.validation import validate

__all__ = ["add", "add_many", "list_metrics", "on_day", "tracked"]


def _one(conn: sqlite3.Connection, name: str, day: str) -> Metric | None:
    row = conn.execute("SELECT * FROM metrics WHERE name = ? AND date = ?", (name, day)).fetchone()
    return Metric.from_row(row) if row else None


def add(conn: sqlite3.Connection, fields: dict[str, Any]) -> tuple[Metric, Metric | None]:
    """Store a value; returns (new, replaced-or-None)."""
    try:
        return add_many(conn, [fields])[0]
    except BadRow as exc:
        raise BadInput(exc.field, exc.problem) from None


def add_many(conn: sqlite3.Connection, rows: list[dict[str, Any]]) -> list[tuple[Metric, Metric | None]]:
    """Store several values at once, all or none: each is validated as
    :func:`add` does before any is written, and a refusal names its row
    (:class:`BadRow`), so a screen of numbers never half-saves."""
    checked = []
    for index, fields in enumerate(rows):
        data = {k: v for k, v in fields.items() if v is not None}
        data.setdefault("date", today())
        try:
            checked.append(validate("MetricIn", data))
        except BadInput as exc:
            raise BadRow(index, exc) from None
    with write(conn):
        return [_store(conn, metric) for metric in checked]


def _store(conn: sqlite3.Connection, metric: dict[str, Any]) -> tuple[Metric, Metric | None]:
    day = metric["date"].isoformat()
    old = _one(conn, metric["name"], day)
    conn.execute(
        """INSERT INTO metrics (name, date, value, target, unit, updated_at) VALUES (?, ?, ?, ?, ?, ?)
           ON CONFLICT (name, date) DO UPDATE SET
             value = excluded.value, target = coalesce(excluded.target, metrics.target),
             unit = coalesce(excluded.unit, metrics.unit), updated_at = excluded.updated_at""",
        (old.name if old else metric["name"], day, metric["value"], metric["target"], metric["unit"], utc_now_iso()),
    )
    new = _one(conn, metric["name"], day)
    assert new is not None
    return new, old


def tracked(conn: sqlite3.Connection, day: date) -> list[Tracked]:
    """The metrics the team tracks on ``day``: those with a value that day or
    in the two weeks before (as home counts "numbers in today (of N)"), by
    name, each with its value that day (None: still missing) and the target
    and unit it last had."""
    rows = conn.execute(
        """SELECT * FROM metrics WHERE date <= ? AND date >= date(?, '-14 days')
           ORDER BY date DESC, updated_at DESC""",
        (day.isoformat(), day.isoformat()),
    )
    found: dict[str, list[Metric]] = {}
    for row in rows:
        found.setdefault(row["name"].casefold(), []).append(Metric.from_row(row))
    out = []
    for history in found.values():
        latest = history[0]
        out.append(
            Tracked(
                name=latest.name,
                value=latest.value if latest.date == day else None,
                target=next((m.target for m in history if m.target is not None), None),
                unit=next((m.unit for m in history if m.unit is not None), None),
            )
        )
    return sorted(out, key=lambda t: t.name.casefold())


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
