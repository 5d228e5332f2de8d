"""Is the team ready for today's briefing? What the home screen shows.

One read, in one function, so the screen stays a view and the answer can
be tested without a terminal.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from briefing import team
from briefing.timeutil import today as _today


@dataclass(frozen=True)
class Readiness:
    day: date
    team: list[dict[str, Any]]
    new_verbatims: int
    pending_wins: int
    metrics_today: list[dict[str, Any]]
    #: Metrics the team tracked on earlier days that have no value today.
    metrics_missing: list[str] = field(default_factory=list)
    latest_verbatim: dict[str, Any] | None = None
    #: Why the rotation picks today's presenter, in plain words.
    next_presenter: str | None = None

    @property
    def lead(self) -> list[str]:
        return [p["name"] for p in self.team if p["role"] == "lead"]

    @property
    def members(self) -> list[str]:
        return [p["name"] for p in self.team if p["role"] != "lead"]


def readiness(conn: sqlite3.Connection, day: date | None = None) -> Readiness:
    day = day or _today()
    iso = day.isoformat()
    new = conn.execute("SELECT count(*) FROM verbatims WHERE status = 'new'").fetchone()[0]
    pending = conn.execute("SELECT count(*) FROM wins WHERE status = 'pending'").fetchone()[0]
    today_rows = [
        dict(r)
        for r in conn.execute(
            "SELECT name, value, target, unit, date FROM metrics WHERE date = ? ORDER BY name COLLATE NOCASE", (iso,)
        )
    ]
    have = {r["name"].casefold() for r in today_rows}
    recent = [
        r[0]
        for r in conn.execute(
            """SELECT name FROM metrics WHERE date < ? AND date >= date(?, '-14 days')
               GROUP BY name COLLATE NOCASE ORDER BY name COLLATE NOCASE""",
            (iso, iso),
        )
    ]
    latest = conn.execute(
        """SELECT v.text, v.client, v.company, c.name AS collected_by FROM verbatims v
           LEFT JOIN collaborators c ON c.id = v.collected_by
           WHERE v.status = 'new' ORDER BY v.date DESC, v.id DESC LIMIT 1"""
    ).fetchone()
    return Readiness(
        day=day,
        team=team.list_team(conn, include_inactive=False),
        new_verbatims=new,
        pending_wins=pending,
        metrics_today=today_rows,
        metrics_missing=[name for name in recent if name.casefold() not in have],
        latest_verbatim=dict(latest) if latest else None,
        next_presenter=_next_presenter(conn, day),
    )


def _next_presenter(conn: sqlite3.Connection, day: date) -> str | None:
    from briefing import meeting, presenting

    running = meeting.current(conn)
    now = presenting.next_presentation(conn, day, running.id if running else None)
    return now.choice.reason if now.choice.presenter or running else None
