"""One collaborator's last twelve months: how they are growing.

What the lead looks at with each person, not a ranking: the client words
they brought back month by month, the wins they made and who told them,
the wins they told (theirs and colleagues'), how often they stood in
front, how often they were away, and their latest verbatims. Nothing here
compares people or sums them up in one score.

Every query reads the year alone, down the date and day indexes: a person
on ten years of history costs what they did this year.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import date

from briefing import team, verbatims
from briefing.db import snapshot
from briefing.records import Person, Verbatim
from briefing.timeutil import today as _today

__all__ = ["MONTHS", "PersonYear", "load", "month_starts"]

MONTHS = 12
#: The latest verbatims shown with the year.
LATEST = 5


@dataclass(frozen=True)
class PersonYear:
    person: Person
    #: (first day of the month, verbatims they collected), oldest first.
    collected: tuple[tuple[date, int], ...]
    #: Wins they made, and how many of those a colleague told.
    wins_made: int
    wins_made_told_by_others: int
    #: Wins they told, and how many of those were a colleague's.
    wins_told: int
    wins_told_of_others: int
    #: Briefings held in the year: as presenter, and their attendance.
    briefings: int
    presented: int
    absent: int
    off: int
    latest: tuple[Verbatim, ...]

    @property
    def collected_in_year(self) -> int:
        return sum(n for _, n in self.collected)


def month_starts(day: date, months: int = MONTHS) -> list[date]:
    """The first days of the last ``months`` months, oldest first, ``day``'s last."""
    starts = []
    year, month = day.year, day.month
    for _ in range(months):
        starts.append(date(year, month, 1))
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return starts[::-1]


def load(conn: sqlite3.Connection, person_id: int, day: date | None = None) -> PersonYear:
    day = day or _today()
    months = month_starts(day)
    since = months[0].isoformat()
    with snapshot(conn):
        person = team.get(conn, person_id)
        per_month = dict(
            conn.execute(
                """SELECT substr(date, 1, 7), count(*) FROM verbatims
                   WHERE date >= ? AND collected_by = ? GROUP BY 1""",
                (since, person_id),
            ).fetchall()
        )
        made, made_told_by_others = conn.execute(
            """SELECT count(*), count(presented_by IS NOT NULL AND presented_by != owner_id OR NULL)
               FROM wins WHERE date >= ? AND owner_id = ?""",
            (since, person_id),
        ).fetchone()
        held = conn.execute(
            """SELECT count(*),
                      count(m.presenter_id = :p OR NULL),
                      count(m.presenter_id = :p AND w.owner_id != :p OR NULL),
                      count(a.status = 'absent' OR NULL),
                      count(a.status = 'off' OR NULL)
               FROM meetings m
               LEFT JOIN wins w ON w.id = m.win_id
               LEFT JOIN meeting_attendance a ON a.meeting_id = m.id AND a.collaborator_id = :p
               WHERE m.outcome = 'finished' AND m.day >= :since""",
            # Only the briefings since they joined count for their attendance.
            {"p": person_id, "since": max(since, person.joined_on.isoformat())},
        ).fetchone()
        briefings, presented, told_of_others, absent, off = held
        told = conn.execute(
            """SELECT count(*) FROM meetings INDEXED BY meetings_held
               WHERE outcome = 'finished' AND day >= ? AND presenter_id = ? AND win_id IS NOT NULL""",
            (since, person_id),
        ).fetchone()[0]
        latest = verbatims.list_verbatims(conn, by=person.name, limit=LATEST)
    return PersonYear(
        person=person,
        collected=tuple((m, per_month.get(m.isoformat()[:7], 0)) for m in months),
        wins_made=made,
        wins_made_told_by_others=made_told_by_others,
        wins_told=told,
        wins_told_of_others=told_of_others,
        briefings=briefings,
        presented=presented,
        absent=absent,
        off=off,
        latest=tuple(latest),
    )
