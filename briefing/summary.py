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

__all__ = ["Summary", "latest_id", "load"]


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
    #: The client-win segment was passed too quickly for a win to be told
    #: (under the agenda's ``win_min_s``): nobody's turn was used.
    win_skipped: bool = False

    def who(self, status: str) -> tuple[str, ...]:
        """The names checked in as ``status`` (present, absent, off), by name."""
        return tuple(sorted((n for n, s in self.attendance.items() if s == status), key=str.casefold))

    @property
    def win_elapsed_s(self) -> float | None:
        """How long the client-win segment ran; None without one."""
        win = self.meeting.agenda.win_index
        return None if win is None else self.state.segments[win].elapsed_s


def load(conn: sqlite3.Connection, meeting_id: int) -> Summary:
    from briefing import verbatims, wins

    with snapshot(conn):
        meeting = meetings.load(conn, meeting_id)
        row = conn.execute("SELECT outcome, presenter_id, win_id FROM meetings WHERE id = ?", (meeting_id,)).fetchone()
        names = {r["id"]: r["name"] for r in conn.execute("SELECT id, name FROM collaborators")}
        shown_ids = meetings.shown_verbatims(conn, meeting_id)
        by_id = {v.id: v for v in verbatims.get_many(conn, shown_ids)}
        state = meeting.state()
        presenter = names.get(row["presenter_id"])
        return Summary(
            meeting=meeting,
            outcome=row["outcome"],
            state=state,
            presenter=presenter,
            win=wins.find(conn, row["win_id"]) if row["win_id"] is not None else None,
            skipped=tuple(names[i] for i in presenting.skips(conn, meeting_id)),
            attendance={names[k]: v for k, v in presenting.attendance(conn, meeting_id).items()},
            verbatims_shown=tuple(by_id[i] for i in shown_ids if i in by_id),
            win_skipped=presenter is None
            and _passed_win(meeting, state)
            and not meetings.win_segment_ran(meeting.agenda, state),
        )


def _passed_win(meeting: meetings.Meeting, state: MeetingState) -> bool:
    """The briefing left its client-win segment, or ended on or after it."""
    win = meeting.agenda.win_index
    return win is not None and (state.index > win or (state.is_over and state.index >= win))


def latest_id(conn: sqlite3.Connection) -> int | None:
    """The briefing under way, else the last one held or abandoned."""
    row = conn.execute("SELECT id FROM meetings ORDER BY id DESC LIMIT 1").fetchone()
    return row[0] if row else None
