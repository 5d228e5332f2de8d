"""Past briefings, newest first, a page at a time: what the habit looks like.

A page is read in three queries whatever the history's length: the page's
briefings (walked down the ``meetings (day)`` index from a cursor), their
events (down the ``(meeting_id, seq)`` index), and how many verbatims each
showed. Each briefing's time is folded from its own events, as its summary
is, so the history and the summary always agree.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from datetime import date

from briefing import agenda as agendas
from briefing.db import snapshot
from briefing.errors import BadInput, NotFound
from briefing.i18n import _
from briefing.meeting import Meeting, events_of
from briefing.timeutil import parse_date

__all__ = ["PAGE", "PastBriefing", "between", "find", "page", "resolve"]

#: Briefings read at a time (a screen asks for the next page as it scrolls).
PAGE = 50


@dataclass(frozen=True)
class PastBriefing:
    id: int
    day: date
    #: How long it ran, in seconds (pauses not counted).
    duration_s: float
    #: Client time over client + sales time; None when neither ran.
    client_share: float | None
    target_share: float
    #: Who told the client win (today's name), if anyone did.
    presenter: str | None
    win_title: str | None
    #: Who won it, credited when someone else told it.
    win_owner: str | None
    verbatims_shown: int

    @property
    def under_target(self) -> bool:
        return self.client_share is not None and self.client_share < self.target_share

    @property
    def cursor(self) -> tuple[str, int]:
        """Where the next (older) page starts."""
        return (self.day.isoformat(), self.id)


def page(
    conn: sqlite3.Connection,
    *,
    start: date | None = None,
    end: date | None = None,
    after: tuple[str, int] | None = None,
    limit: int = PAGE,
) -> list[PastBriefing]:
    """Finished briefings from ``start`` to ``end`` (days, inclusive), newest
    first, older than ``after`` (a :attr:`PastBriefing.cursor`), at most ``limit``."""
    where, params = ["m.outcome = 'finished'"], []
    if start is not None:
        where.append("m.day >= ?")
        params.append(start.isoformat())
    if end is not None:
        where.append("m.day <= ?")
        params.append(end.isoformat())
    if after is not None:
        where.append("(m.day < ? OR (m.day = ? AND m.id < ?))")
        params += [after[0], after[0], after[1]]
    with snapshot(conn):
        rows = conn.execute(
            f"""SELECT m.id, m.day, m.agenda, p.name AS presenter, w.title AS win, o.name AS owner
                FROM meetings m
                LEFT JOIN collaborators p ON p.id = m.presenter_id
                LEFT JOIN wins w ON w.id = m.win_id
                LEFT JOIN collaborators o ON o.id = w.owner_id
                WHERE {" AND ".join(where)}
                ORDER BY m.day DESC, m.id DESC LIMIT ?""",
            (*params, limit),
        ).fetchall()
        return _fold(conn, rows)


def between(conn: sqlite3.Connection, start: str | None, end: str | None, limit: int | None) -> list[PastBriefing]:
    """:func:`page` from days as typed (``2026-11-02``, ``yesterday``)."""
    first, last = _day("start", start), _day("end", end)
    if first and last and first > last:
        raise BadInput("start", _("{first} is after the end of the range ({last})").format(first=first, last=last))
    if limit is not None and limit < 1:
        raise BadInput("limit", _("must be at least 1"))
    return page(conn, start=first, end=last, limit=limit or -1)


def resolve(conn: sqlite3.Connection, which: str) -> int:
    """A briefing's id from what a person typed: its id, or its day (the
    last held that day)."""
    which = which.strip()
    if which.isdigit() and len(which) < 10:
        found = conn.execute("SELECT id, outcome FROM meetings WHERE id = ?", (int(which),)).fetchone()
        if found is None:
            raise NotFound("which", _("no briefing with id {id}").format(id=which))
        if found["outcome"] != "finished":
            if found["outcome"] is None:
                problem = _("briefing {id} is still under way: the history holds the briefings held")
            else:
                problem = _("briefing {id} was abandoned: the history holds the briefings held")
            raise BadInput("which", problem.format(id=which))
        return found[0]
    held = find(conn, _day("which", which))
    if not held:
        raise NotFound("which", _("no briefing was held on {day}").format(day=which))
    return held[0]


def _day(field: str, value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return parse_date(value)
    except ValueError as exc:
        raise BadInput(field, str(exc)) from None


def find(conn: sqlite3.Connection, day: date) -> list[int]:
    """Ids of the briefings held on ``day``, the latest first."""
    rows = conn.execute(
        "SELECT id FROM meetings WHERE day = ? AND outcome = 'finished' ORDER BY id DESC", (day.isoformat(),)
    )
    return [r[0] for r in rows]


def _fold(conn: sqlite3.Connection, rows: list[sqlite3.Row]) -> list[PastBriefing]:
    if not rows:
        return []
    ids = [r["id"] for r in rows]
    marks = ",".join("?" * len(ids))
    events = events_of(conn, ids)
    shown = dict(
        conn.execute(
            f"SELECT meeting_id, count(*) FROM meeting_verbatims WHERE meeting_id IN ({marks}) GROUP BY meeting_id",
            ids,
        ).fetchall()
    )
    out = []
    # Most briefings of a team ran the same agenda: read each one once.
    read: dict[str, agendas.Agenda] = {}
    for r in rows:
        agenda = read.get(r["agenda"])
        if agenda is None:
            agenda = read[r["agenda"]] = agendas.from_json(json.loads(r["agenda"]))
        meeting = Meeting(r["id"], date.fromisoformat(r["day"]), agenda, events[r["id"]], "")
        # A finished briefing's clock stops at its last event: "now" changes nothing.
        last = meeting.events[-1].at if meeting.events else None
        state = meeting.clock().state(last) if last else None
        out.append(
            PastBriefing(
                id=r["id"],
                day=meeting.day,
                duration_s=state.elapsed_s if state else 0.0,
                client_share=state.client_share if state else None,
                target_share=agenda.target_share,
                presenter=r["presenter"],
                win_title=r["win"],
                win_owner=r["owner"],
                verbatims_shown=shown.get(r["id"], 0),
            )
        )
    return out
