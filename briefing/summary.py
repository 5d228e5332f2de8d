"""A briefing once it is over: where the minutes went, who presented what.

Nothing here is stored apart: the summary is folded from the briefing's
events (its time), and read from the rows kept as it ran (attendance, the
verbatims shown, the presenter, the notes), so it always agrees with them,
and names are today's names (credit follows a rename).
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from briefing import meeting as meetings
from briefing import presenting
from briefing.clock import MeetingState
from briefing.db import snapshot
from briefing.records import Verbatim, Win

__all__ = ["Summary", "load"]


@dataclass(frozen=True)
class Summary:
    meeting: meetings.Meeting
    #: finished | abandoned, or None while it is still under way.
    outcome: str | None
    #: The clock at the end (or now, while under way).
    state: MeetingState
    presenter: str | None
    win: Win | None
    #: Who said "not ready today", in order.
    skipped: tuple[str, ...]
    #: Name -> present | absent | off.
    attendance: dict[str, str]
    #: In the order they were put on the screen.
    verbatims_shown: tuple[Verbatim, ...]


def load(conn: sqlite3.Connection, meeting_id: int) -> Summary:
    from briefing import verbatims, wins

    with snapshot(conn):
        meeting = meetings.load(conn, meeting_id)
        row = conn.execute("SELECT outcome, presenter_id, win_id FROM meetings WHERE id = ?", (meeting_id,)).fetchone()
        names = {r["id"]: r["name"] for r in conn.execute("SELECT id, name FROM collaborators")}
        shown_ids = meetings.shown_verbatims(conn, meeting_id)
        by_id = {v.id: v for v in verbatims.get_many(conn, shown_ids)}
        return Summary(
            meeting=meeting,
            outcome=row["outcome"],
            state=meeting.state(),
            presenter=names.get(row["presenter_id"]),
            win=wins.find(conn, row["win_id"]) if row["win_id"] is not None else None,
            skipped=tuple(names[i] for i in presenting.skips(conn, meeting_id)),
            attendance={names[k]: v for k, v in presenting.attendance(conn, meeting_id).items()},
            verbatims_shown=tuple(by_id[i] for i in shown_ids if i in by_id),
        )
