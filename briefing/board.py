"""Everything the meeting screen shows, read in one go.

The screen is a view: it asks for the board after every change and renders
it. Reading it in one function keeps the SQL out of the UI and testable.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from typing import TYPE_CHECKING, Any

from briefing import meeting as meetings
from briefing import metrics, verbatims
from briefing.db import snapshot
from briefing.records import Metric, Verbatim
from briefing.timeutil import today as _today

if TYPE_CHECKING:
    from briefing import clients, presenting, win_stories
    from briefing.agenda import Agenda

__all__ = ["Board", "after_command", "load_board"]


@dataclass(frozen=True)
class Board:
    meeting: meetings.Meeting
    #: New verbatims plus those already shown in this briefing, newest first.
    verbatims: tuple[Verbatim, ...] = ()
    metrics: tuple[Metric, ...] = ()
    shown: frozenset[int] = frozenset()
    #: The verbatim marked shown last: the card on the lead's screen, which a
    #: read-only view (``briefing serve --mode view``) follows.
    last_shown: int | None = None
    #: Who presents today's client win (see briefing.presenting).
    presentation: presenting.Presentation | None = None
    #: The week's wins and what their clients said before (under the numbers).
    win_stories: tuple[win_stories.WinStory, ...] = ()
    #: The client the lead chose to call in this briefing (the call segment).
    calling: clients.Client | None = None
    #: False: read for the app's first frame, with only what the segment on
    #: screen shows (see :func:`load_board`); the whole board follows.
    whole: bool = True

    @property
    def win_index(self) -> int | None:
        """Index of the agenda's client-win segment, if it has one."""
        return self.meeting.agenda.win_index

    def pane_of(self, index: int) -> str:
        """What segment ``index`` shows under the clock: "win" for the client
        win, "call" for the client call, else its kind (client, sales, team)."""
        return pane_of(self.meeting.agenda, index)


def pane_of(agenda: Agenda, index: int) -> str:
    """See :meth:`Board.pane_of`."""
    if index == agenda.win_index:
        return "win"
    if index == agenda.call_index:
        return "call"
    return agenda.segments[index].kind.value


def load_board(
    conn: sqlite3.Connection,
    day: date | None = None,
    meeting_id: int | None = None,
    *,
    cards_of: Board | None = None,
    first_frame: bool = False,
) -> Board | None:
    """The briefing ``meeting_id`` (default: the one under way) as the room
    sees it on ``day``; None when there is no such briefing.

    ``cards_of``: a board just read, whose verbatims and numbers a meeting
    command (next, pause, switch...) cannot have changed: only the meeting
    and today's presenter are read again, so a key costs the same on ten
    years of verbatims as on the demo. (A change from elsewhere makes the
    app read the whole board again.)

    ``first_frame``: only what the segment on screen shows (a board with
    ``whole`` False). Today's presenter (the rotation, folded over every
    past briefing) and the week's win stories are read for their own
    segments only: the app opens mid-story without importing or running
    them before its first frame, and reads the whole board just after it.
    """
    with snapshot(conn):
        meeting = meetings.load(conn, meeting_id) if meeting_id else meetings.current(conn)
        if meeting is None:
            return None
        day = day or _today()
        if cards_of is not None and cards_of.whole and cards_of.meeting.id == meeting.id:
            from briefing import presenting

            # (Whom the lead calls changes only from the call pane, which
            # knows it; a viewer always reads the whole board.)
            return replace(cards_of, meeting=meeting, presentation=presenting.next_presentation(conn, day, meeting.id))
        on_screen = pane_of(meeting.agenda, meeting.clock().index) if first_frame else None
        shown = meetings.shown_verbatims(conn, meeting.id)
        waiting = verbatims.list_verbatims(conn, status="new")
        # Shown ones stay on the board (the room may go back to them) unless
        # archived since: a card archived while on screen leaves it.
        again = [v for v in verbatims.get_many(conn, shown) if v.status != "archived"]
        by_id = {v.id: v for v in [*waiting, *again]}
        cards = sorted(by_id.values(), key=lambda v: (v.date, v.id), reverse=True)
        return Board(
            meeting=meeting,
            verbatims=tuple(cards),
            metrics=tuple(metrics.on_day(conn, day)),
            shown=frozenset(shown),
            last_shown=shown[-1] if shown else None,
            presentation=_presentation(conn, day, meeting.id) if on_screen in (None, "win") else None,
            win_stories=_win_stories(conn, day) if on_screen in (None, "sales") else (),
            calling=_calling(conn, meeting.id),
            whole=on_screen is None,
        )


def _presentation(conn: sqlite3.Connection, day: date, meeting_id: int) -> presenting.Presentation:
    from briefing import presenting

    return presenting.next_presentation(conn, day, meeting_id)


def _win_stories(conn: sqlite3.Connection, day: date) -> tuple[win_stories.WinStory, ...]:
    from briefing import win_stories

    return tuple(win_stories.recent(conn, day))


def _calling(conn: sqlite3.Connection, meeting_id: int) -> clients.Client | None:
    """The client being called, if a call is on: their module is imported only
    then, not for every meeting's first frame."""
    row = conn.execute("SELECT call_client_id FROM meetings WHERE id = ?", (meeting_id,)).fetchone()
    if not row or row[0] is None:
        return None
    from briefing import clients

    return clients.get(conn, row[0])


def after_command(
    conn: sqlite3.Connection,
    fn: Callable[..., Any],
    args: tuple[Any, ...],
    day: date,
    board: Board | None,
    reload: bool,
) -> Board | None:
    """Run one meeting command (``fn(conn, *args)``), then read what it
    changed of the board (None when ``reload`` is off: a write whose effect
    the screen already shows, like a card marked shown)."""
    fn(conn, *args)
    if not reload:
        return None
    return load_board(conn, day, board.meeting.id if board else None, cards_of=board)
