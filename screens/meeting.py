"""The meeting: a big clock, the client/sales balance, and what to talk about.

The truth is the event log in the database (``briefing.clock``); this screen
folds it, ticks the display from a monotonic clock between reads, and
appends events when the lead presses a key. Another screen or the CLI
driving the same meeting shows up here through the app's ``generation``.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from functools import partial
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.reactive import var
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Footer, Header

from briefing import meeting as meetings
from briefing.board import Board, after_command, load_board
from briefing.clock import Clock, MeetingState
from briefing.counted_time import CountedTime
from briefing.i18n import N_
from briefing.timeutil import mmss
from screens.breakpoints import fit_to_terminal
from screens.data import Loaded, follow, run
from screens.meeting_lead import LeadKeys
from screens.meeting_text import (
    BannerView,
    TitleView,
    agenda_text,
    balance_figures,
    banner_text,
    clock_classes,
    title_text,
)
from screens.speaking import Speaks
from screens.widgets.balance import BalanceGauge
from screens.widgets.bigclock import BigClock
from screens.widgets.call_keys import CALL_HELP, CALL_KEYS
from screens.widgets.panes import MetricsPane, NotesPane, Pane
from screens.widgets.segment_bar import SegmentBar
from screens.widgets.verbatim_card import VerbatimCard
from screens.widgets.view import ShapedStatic, ViewStatic


def _presenter_pane(**kwargs: Any) -> Pane:
    """Imported on the client-win segment, with the rotation it shows."""
    from screens.widgets.presenter_pane import PresenterPane

    return PresenterPane(**kwargs)


def _call_pane(**kwargs: Any) -> Pane:
    """Imported on the first call segment (most briefings open on a client's words)."""
    from screens.widgets.call_pane import CallPane

    return CallPane(**kwargs)


#: How long after a second boundary the display is redrawn: a hair later
#: than the boundary itself, so the fold is sure to have crossed it.
TICK_LATE_S = 0.005
#: What fills the space under the clock, by kind of segment ("win": the
#: client-win segment). Each is mounted the first time it is needed.
PANES: dict[str, Callable[..., Pane]] = {
    "client": VerbatimCard,
    "win": _presenter_pane,
    "sales": partial(MetricsPane, focusable=False),
    "team": NotesPane,
    "call": _call_pane,
}
#: The panes that tell a client's story: the story gets the screen and the
#: clock gives way (small, above it). Numbers and team time keep a big clock.
STORY = frozenset({"client", "win", "call"})


class MeetingScreen(Speaks, LeadKeys, Screen[None]):
    DEFAULT_CSS = """
    #meeting-top { height: 55%; min-height: 11; }
    #meeting-main { width: 1fr; padding: 0 1; }
    #segment-title { height: 1; margin-top: 1; text-wrap: nowrap; text-overflow: ellipsis; }
    /* Calm while there is time; amber in the last minute; red once over. */
    #clock { height: 1fr; min-height: 3; color: $text; }
    #clock.-last-minute { color: $warning; }
    #clock.-overrun { color: $error; }
    #clock.-paused { color: $text-muted; }
    #progress { height: 1; width: 100%; }
    /* A client's words (or a win's story) on screen: the story takes the room,
       the clock gives way to a small one above it (3 rows; 5 on a tall screen). */
    MeetingScreen.-story #meeting-top { height: auto; min-height: 0; }
    MeetingScreen.-story #meeting-main { height: auto; }
    MeetingScreen.-story #segment-title { margin-top: 0; }
    MeetingScreen.-story #clock { height: 3; }
    MeetingScreen.-story.-tall #clock { height: 5; }
    MeetingScreen.-story #agenda { height: auto; }
    /* A short screen: the win's bands lose their padding so the story has room. */
    MeetingScreen.-short PresenterPane .band { min-height: 1; padding: 0 2; }
    MeetingScreen.-short PresenterPane #win-title { margin-top: 0; }
    #agenda { width: 34; border: round $primary; border-title-align: left; padding: 0 1; }
    #banner { height: auto; padding: 0 1; }
    /* The panes: one shown at a time, under the banner (no container: one
       widget fewer to style, lay out and draw before the first frame). */
    MeetingScreen > Pane { height: 1fr; margin: 0 1; }
    """

    #: ``-tall``: room for the 5-row clock above a story; below, the 3-row one.
    VERTICAL_BREAKPOINTS = [(0, "-short"), (34, "-tall")]
    BINDINGS = [
        Binding("space", "toggle", N_("Pause"), id="meeting.toggle"),
        Binding("n,right", "go(1)", N_("Next"), id="meeting.next"),
        Binding("p,left", "go(-1)", N_("Prev"), id="meeting.prev"),
        Binding("tab", "switch", N_("Client⇄Sales"), id="meeting.switch", priority=True),
        Binding("plus", "adjust(60)", N_("+1m"), id="meeting.plus"),
        Binding("minus", "adjust(-60)", N_("−1m"), id="meeting.minus"),
        Binding("down", "verbatim(1)", N_("Verbatim ↓"), id="meeting.verbatim_next", show=False),
        Binding("up", "verbatim(-1)", N_("Verbatim ↑"), id="meeting.verbatim_prev", show=False),
        # Shown only when the quote or the story goes on out of sight.
        Binding("pagedown", "page(1)", N_("More"), id="meeting.page_down"),
        Binding("pageup", "page(-1)", N_("Back"), id="meeting.page_up", show=False),
        Binding("e", "edit_notes", N_("Notes"), id="meeting.notes", show=False),
        Binding("x", "skip", N_("Not ready"), id="meeting.skip", show=False),
        Binding("u", "unskip", N_("Undo not ready"), id="meeting.unskip", show=False),
        Binding("w", "pick_win", N_("Another win"), id="meeting.pick_win", show=False),
        Binding("a", "attendance", N_("Attendance"), id="meeting.attendance", show=False),
        # The card's title says it (no room left in the footer at 80x24).
        Binding("o", "client_page", N_("Client"), id="meeting.client", show=False),
        Binding("escape", "leave_notes", N_("Done writing"), id="meeting.leave_notes", show=False),
        # The client call (keys listed on its pane; see screens/widgets/call_pane.py).
        *(Binding(key, f"call('{what}')", CALL_HELP[what], show=False) for key, what in CALL_KEYS.items()),
        Binding("f", "finish", N_("Finish"), id="meeting.finish"),
        # Quitting leaves the meeting running in the database: reopen to resume.
        Binding("q", "app.quit", N_("Quit"), id="meeting.quit"),
    ]

    def __init__(self, board: Board | None = None) -> None:
        """``board``: the meeting as already read, to draw it in the first
        frame; without it the screen reads it in a worker."""
        super().__init__()
        fit_to_terminal(self)
        self._first_board = board
        #: The pane the first frame shows under the clock (None: read in a worker).
        self._first_kind = board.pane_of(board.meeting.clock().index) if board is not None else None
        if self._first_kind is not None:  # styled once, in story mode or not, before the first frame
            self._set_story(board, self._first_kind, update=False)
        self.board: Board | None = None
        self.clock: Clock | None = None
        self._time: CountedTime | None = None
        self._rung: tuple[int, float] | None = None
        self._verbatim_index = 0
        #: The card the room looks at, followed by id: a colleague adding or
        #: editing a verbatim during the meeting never changes it.
        self._verbatim_id: int | None = None
        #: Counts the boards read, so the pane redraws after each read.
        self._boards_read = 0
        self._notes_saved = ""
        self._panes: dict[str, Pane] = {}
        self._tick_timer: Timer | None = None
        #: A verbatim just kept from a call: the card goes to it once read.
        self._wanted_card: int | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="meeting-top"):
            with Vertical(id="meeting-main"):
                yield ViewStatic(title_text, id="segment-title")
                # Built with the classes the first state gives them: set once
                # mounted, each would restyle its widget before the first frame.
                first = self._first_state()
                look = clock_classes(first) if first else {}
                yield BigClock(id="clock", classes=" ".join(name for name, on in look.items() if on))
                yield SegmentBar(id="progress")
                yield BalanceGauge(id="balance", figures=balance_figures(first) if first else None)
            yield ShapedStatic(id="agenda")
        yield ViewStatic(banner_text, id="banner")
        # The panes are mounted on first use; the current segment's is in the
        # first frame with the clock.
        if self._first_kind is not None:
            kind = self._first_kind
            yield self._panes.setdefault(kind, PANES[kind](id=f"pane-{kind}"))
        yield Footer(show_command_palette=False, compact=True)

    def _first_state(self) -> MeetingState | None:
        """The state the first frame shows (None: the board is read in a
        worker). Starts the screen's count of time, which the first tick
        then reads, so both see the same second."""
        board = self._first_board
        if board is None:
            return None
        self._time = CountedTime(fixed=self.app.fixed_now)
        events = board.meeting.events
        self._time.rebase(events[-1].at if events else None)
        return board.meeting.clock().state(self._time.now())

    def on_mount(self) -> None:
        follow(self, self.load)
        if self._first_board is not None:
            self.apply(self._first_board)
            self._first_board = None
        else:
            self.load()

    # -- reading ---------------------------------------------------------------

    class BoardRead(Loaded[Board | None]):
        """The meeting as the room sees it, read (None: there is none)."""

    class Applied(Loaded[Board | None]):
        """A key's command is stored; the board after it, if it was re-read."""

    class AttendanceRead(Loaded[dict[int, str]]):
        """Who is in the room, as checked in, for the lead to correct."""

    def load(self) -> None:
        # Follow the meeting we show even once it is over (to its summary).
        run(self, self.BoardRead, load_board, self.app.day, self._meeting_id())

    def _meeting_id(self) -> int | None:
        return self.board.meeting.id if self.board else None

    @on(BoardRead)
    def _board_read(self, event: BoardRead) -> None:
        if event.value is not None:
            self.apply(event.value)
        elif self.is_current:
            self.app.go_home()  # no meeting to show

    @on(Applied)
    def _applied(self, event: Applied) -> None:
        if event.value is not None:
            self.apply(event.value)

    def apply(self, board: Board) -> None:
        # Read again and the same (the watcher's first look, a colleague's
        # write elsewhere in the file): redrawing would cost a layout and a
        # full frame for nothing on the wall.
        if board != self.board:
            self._show(board)
        state = self.state()
        if state is not None and state.is_over and self.is_current:
            from screens.summary import SummaryScreen

            self.app.switch_screen(SummaryScreen(board.meeting.id))

    def _show(self, board: Board) -> None:
        self.board = board
        self._boards_read += 1
        self.clock = board.meeting.clock()
        if self._time is None:
            self._time = CountedTime(fixed=self.app.fixed_now)
        events = board.meeting.events
        self._time.rebase(events[-1].at if events else None)
        notes = self._panes.get("team")
        if notes is None or not notes.writing:
            self._notes_saved = board.meeting.notes
        self._follow_card(board)
        self._tick_and_reschedule()  # a resume or a new segment moves the second boundaries

    def now(self) -> datetime:
        """The screen's own count of time (briefing.counted_time): a stepped
        wall clock never jumps the room's clock."""
        assert self._time is not None
        return self._time.now()

    def state(self) -> MeetingState | None:
        return self.clock.state(self.now()) if self.clock is not None else None

    # -- drawing -----------------------------------------------------------------

    def on_resize(self) -> None:
        """A new size may change the breakpoint class (``-tall``): the agenda
        box takes its rows now, not at the next second."""
        self.tick()

    def _tick_and_reschedule(self) -> None:
        """Redraw, then sleep until the next displayed second turns over.

        Waking on the second boundaries (not on a fixed interval) puts each
        new digit on the wall within a few milliseconds of the true time,
        and costs one wake-up a second instead of four.
        """
        if self._tick_timer is not None:
            self._tick_timer.stop()
        state = self.tick()
        self._tick_timer = self.set_timer(
            self._seconds_to_next_change(state), self._tick_and_reschedule, name="meeting-tick"
        )

    def _seconds_to_next_change(self, state: MeetingState | None) -> float:
        wait = state.seconds_to_next_second() if state is not None else None
        if wait is None or self.app.fixed_now is not None:
            return 1.0  # nothing moves by itself; changes arrive as events
        return wait + TICK_LATE_S

    #: What the pane under the clock shows: redrawn when this changes.
    pane_view: var[tuple[Any, ...] | None] = var(None, init=False)

    def tick(self) -> MeetingState | None:
        """Bring every widget to the state now; returns the state drawn.

        Each widget redraws only when what it shows changed: the title, the
        banner and the pane hold frozen views in reactives (Textual compares
        them), the big clock its text, the agenda its shape.
        """
        state = self.state()
        if state is None:
            return None
        seg = state.segment
        clock = self.query_one("#clock", BigClock)
        clock.value = f"+{mmss(seg.overrun_s)}" if seg.overrun_s > 0 else mmss(seg.countdown_s)
        clock.update_classes(clock_classes(state))
        self.query_one("#segment-title", ViewStatic).view = TitleView.of(state)
        self.query_one("#progress", SegmentBar).show(seg.elapsed_s, max(seg.planned_s, 1))
        self.query_one("#balance", BalanceGauge).show(*balance_figures(state))
        self.query_one("#banner", ViewStatic).view = BannerView.of(state)
        # The pane first: it decides story mode, which sets the agenda's rows.
        self.pane_view = (self._boards_read, state.index, self._verbatim_index, state.state)
        self.query_one("#agenda", ShapedStatic).show(agenda_text(state, self._agenda_rows()))
        self._ring_if_time_is_up(state)
        return state

    def watch_pane_view(self) -> None:
        state = self.state()
        board = self.board
        if state is None:
            return
        kind = board.pane_of(state.index) if board is not None else state.segment.kind.value
        pane = self._pane(kind)
        if board is None:
            return
        self._set_story(board, kind)
        if kind == "win":
            pane.show(board.presentation)
        elif kind == "call":
            pane.show(board)
        elif kind == "client":
            pane.show(board.verbatims, self._verbatim_index)
            self._mark_current_verbatim(state)
        elif kind == "sales":
            pane.show(board.metrics, board.win_stories)
        else:
            pane.show(board.meeting.notes)

    def _pane(self, kind: str) -> Pane:
        """The pane for ``kind``, now the only one displayed."""
        pane = self._panes.get(kind)
        if pane is None:
            pane = self._panes[kind] = PANES[kind](id=f"pane-{kind}")
            self.mount(pane, before=self.query_one(Footer))
        if not pane.display or any(p.display for p in self._panes.values() if p is not pane):
            for other in self._panes.values():
                other.display = other is pane
            # PgDn/PgUp belong to the pane on show: the footer follows it.
            self.refresh_bindings()
        return pane

    def _ring_if_time_is_up(self, state: MeetingState) -> None:
        seg = state.segment
        if state.state == "running" and seg.overrun_s > 0 and self._rung != (seg.index, seg.planned_s):
            self._rung = (seg.index, seg.planned_s)
            if seg.overrun_s < 2:  # rang at the moment time ran out, not on every reload
                self.app.bell()

    # -- acting ------------------------------------------------------------------

    def command(self, fn: Callable[..., Any], *args: Any, reload: bool = True) -> None:
        """Store what a key means (``fn(conn, *args)``), then show the board after it."""
        run(self, self.Applied, after_command, fn, args, self.app.day, self.board, reload, write=True)

    def action_toggle(self) -> None:
        self.command(meetings.toggle, self.now())

    def action_go(self, step: int) -> None:
        state = self.state()
        if step > 0 and state is not None and state.is_last_segment and not state.is_over:
            self.action_finish()  # "next" after the last segment: the lead is done
            return
        self._save_notes()
        self.command(meetings.go, step, self.now())

    def action_switch(self) -> None:
        self.command(meetings.switch, None, self.now())

    def action_adjust(self, seconds: int) -> None:
        self.command(meetings.adjust, seconds, self.now())

    def _agenda_rows(self) -> int | None:
        """In story mode the agenda box is as tall as the small clock's column
        (7 rows; 9 on a tall screen, less its border): it never pushes the
        client's words off the screen."""
        if not self.has_class("-story"):
            return None
        return 7 if self.has_class("-tall") else 5

    def _set_story(self, board: Board, kind: str, *, update: bool = True) -> None:
        """A client's words (or a win's story) take the screen; the clock gives way.
        Client time with no verbatim to show keeps the big clock."""
        self.set_class(kind in STORY and (kind != "client" or bool(board.verbatims)), "-story", update=update)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """PgDn/PgUp are in the footer only while a quote or story goes on out of sight."""
        if action == "page":
            pane = self._reading_pane()
            return pane is not None and pane.has_more
        if action == "call":
            return self._call_pane() is not None
        if action == "client_page":
            return self._card_on_screen() is not None
        return True
