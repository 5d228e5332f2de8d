"""Is the team ready for today's briefing? What the home screen shows.

One read, in one function, so the screen stays a view and the answer can
be tested without a terminal.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from datetime import date

from briefing import metrics, team
from briefing.db import snapshot
from briefing.records import Metric, Person, Verbatim
from briefing.timeutil import today as _today

__all__ = ["Readiness", "readiness"]


@dataclass(frozen=True)
class Readiness:
    day: date
    #: The active team, leads first.
    team: tuple[Person, ...]
    new_verbatims: int
    pending_wins: int
    metrics_today: tuple[Metric, ...]
    #: Metrics the team tracked on earlier days that have no value today.
    metrics_missing: tuple[str, ...] = field(default_factory=tuple)
    latest_verbatim: Verbatim | None = None
    #: Why the rotation picks today's presenter, in plain words.
    next_presenter: str | None = None
    #: The briefing under way, if one is.
    running_id: int | None = None
    #: The team already held a briefing today: starting another asks first.
    held_today: bool = False

    @property
    def lead(self) -> list[str]:
        return [p.name for p in self.team if p.is_lead]

    @property
    def members(self) -> list[str]:
        return [p.name for p in self.team if not p.is_lead]


def readiness(conn: sqlite3.Connection, day: date | None = None) -> Readiness:
    from briefing import meeting, presenting, verbatims

    with snapshot(conn):
        day = day or _today()
        iso = day.isoformat()
        new = conn.execute("SELECT count(*) FROM verbatims WHERE status = 'new'").fetchone()[0]
        pending = conn.execute("SELECT count(*) FROM wins WHERE status = 'pending'").fetchone()[0]
        today_rows = metrics.on_day(conn, day)
        have = {m.name.casefold() for m in today_rows}
        recent = [
            r[0]
            for r in conn.execute(
                """SELECT name FROM metrics WHERE date < ? AND date >= date(?, '-14 days')
                   GROUP BY name COLLATE NOCASE ORDER BY name COLLATE NOCASE""",
                (iso, iso),
            )
        ]
        latest = verbatims.list_verbatims(conn, status="new", limit=1)
        running = meeting.current_id(conn)
        held = conn.execute("SELECT 1 FROM meetings WHERE day = ? AND outcome = 'finished'", (iso,)).fetchone()
        chosen = presenting.next_presentation(conn, day, running)
        return Readiness(
            day=day,
            team=tuple(team.list_team(conn, include_inactive=False)),
            new_verbatims=new,
            pending_wins=pending,
            metrics_today=tuple(today_rows),
            metrics_missing=tuple(name for name in recent if name.casefold() not in have),
            latest_verbatim=latest[0] if latest else None,
            next_presenter=chosen.choice.reason if chosen.choice.presenter or running else None,
            running_id=running,
            held_today=held is not None,
        )
