"""Everything the meeting screen shows, read in one go.

The screen is a view: it asks for the board after every change and renders
it. Reading it in one function keeps the SQL out of the UI and testable.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from briefing import meeting as meetings
from briefing import presenting, verbatims
from briefing.readiness import readiness
from briefing.timeutil import today as _today


@dataclass(frozen=True)
class Board:
    meeting: meetings.Meeting
    #: New verbatims plus those already shown in this briefing, newest first.
    verbatims: list[dict[str, Any]] = field(default_factory=list)
    metrics: list[dict[str, Any]] = field(default_factory=list)
    shown: frozenset[int] = frozenset()
    #: Who presents today's client win (see briefing.presenting).
    presentation: presenting.Presentation | None = None
    #: Index of the agenda's client-win segment, if it has one.
    win_index: int | None = None


def load_board(conn: sqlite3.Connection, day: date | None = None, meeting_id: int | None = None) -> Board | None:
    meeting = meetings.load(conn, meeting_id) if meeting_id else meetings.current(conn)
    if meeting is None:
        return None
    shown = meetings.shown_verbatims(conn, meeting.id)
    waiting = verbatims.list_verbatims(conn, status="new")
    already = [verbatims.get(conn, vid) for vid in shown]
    rows = sorted({r["id"]: r for r in waiting + already}.values(), key=lambda r: (r["date"], r["id"]), reverse=True)
    return Board(
        meeting=meeting,
        verbatims=rows,
        metrics=readiness(conn, day or _today()).metrics_today,
        shown=frozenset(shown),
        presentation=presenting.next_presentation(conn, day or _today(), meeting.id),
        win_index=meeting.agenda.win_index,
    )
