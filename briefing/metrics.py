"""Sales metrics: one value per metric per day.

Adding a value for a day that already has one replaces it and returns the
old one, so the CLI can say what changed instead of duplicating a figure.
"""

from __future__ import annotations

import sqlite3
from typing import Any

from briefing.db import write
from briefing.errors import BadInput
from briefing.timeutil import parse_date, today, utc_now_iso
from briefing.validation import validate

__all__ = ["LABELS", "add", "list_metrics"]

LABELS = {"name": "NAME", "value": "VALUE", "target": "--target", "unit": "--unit", "date": "--date"}


def as_json(row: sqlite3.Row) -> dict[str, Any]:
    return {
        "name": row["name"],
        "value": row["value"],
        "target": row["target"],
        "unit": row["unit"],
        "date": row["date"],
    }


def add(
    conn: sqlite3.Connection, fields: dict[str, Any], labels: dict[str, str] = LABELS
) -> tuple[dict[str, Any], dict[str, Any] | None]:
    """Store a value; returns (new, replaced-or-None)."""
    data = {k: v for k, v in fields.items() if v is not None}
    data.setdefault("date", today())
    metric = validate("MetricIn", data, labels)
    day = metric["date"].isoformat()
    with write(conn):
        old = conn.execute("SELECT * FROM metrics WHERE name = ? AND date = ?", (metric["name"], day)).fetchone()
        conn.execute(
            """INSERT INTO metrics (name, date, value, target, unit, updated_at) VALUES (?, ?, ?, ?, ?, ?)
               ON CONFLICT (name, date) DO UPDATE SET
                 value = excluded.value, target = coalesce(excluded.target, metrics.target),
                 unit = coalesce(excluded.unit, metrics.unit), updated_at = excluded.updated_at""",
            (
                old["name"] if old else metric["name"],
                day,
                metric["value"],
                metric["target"],
                metric["unit"],
                utc_now_iso(),
            ),
        )
        new = conn.execute("SELECT * FROM metrics WHERE name = ? AND date = ?", (metric["name"], day)).fetchone()
    return as_json(new), (as_json(old) if old else None)


def list_metrics(conn: sqlite3.Connection, *, date: str | None = None) -> list[dict[str, Any]]:
    sql, params = "SELECT * FROM metrics", []
    if date is not None:
        try:
            day = parse_date(date)
        except ValueError as exc:
            raise BadInput("--date", str(exc)) from None
        sql += " WHERE date = ?"
        params.append(day.isoformat())
    sql += " ORDER BY date DESC, name COLLATE NOCASE"
    return [as_json(r) for r in conn.execute(sql, params)]
