"""The meeting: a big clock, the client/sales balance, and what to talk about.

The truth is the event log in the database (``briefing.clock``); this screen
folds it, ticks the display from a monotonic clock between reads, and
appends events when the lead presses a key. Another screen or the CLI
driving the same meeting shows up here through the app's ``generation``.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import ContentSwitcher, Footer, Header, ProgressBar, Static, TextArea
from textual.worker import Worker, WorkerState

from briefing import meeting as meetings
from briefing import presenting
from briefing.board import Board, load_board
from briefing.clock import Clock, MeetingState
from briefing.errors import BriefingError
from screens.format import mmss
from briefing.safetext import inert
from screens.safe import safe
from screens.widgets.balance import BalanceGauge
from screens.widgets.bigclock import BigClock
from screens.widgets.panes import MetricsPane, NotesPane, PresenterPane, VerbatimCard

TICK_SECONDS = 0.25
KIND_LABEL = {"client": "CLIENT TIME", "sales": "SALES TIME", "team": "TEAM TIME"}
MARK = {"done": "✓", "current": "▶", "next": "·"}


class MeetingScreen(Screen[None]):
    BINDINGS = [
        Binding("space", "toggle", "Pause", id="meeting.toggle"),
        Binding("n,right", "go(1)", "Next", id="meeting.next"),
        Binding("p,left", "go(-1)", "Prev", id="meeting.prev"),
        Binding("tab", "switch", "Client⇄Sales", id="meeting.switch", priority=True),
        Binding("plus", "adjust(60)", "+1m", id="meeting.plus"),
        Binding("minus", "adjust(-60)", "−1m", id="meeting.minus"),
        Binding("down", "verbatim(1)", "Verbatim ↓", id="meeting.verbatim_next", show=False),
        Binding("up", "verbatim(-1)", "Verbatim ↑", id="meeting.verbatim_prev", show=False),
        Binding("e", "edit_notes", "Notes", id="meeting.notes", show=False),
        Binding("x", "skip", "Not ready", id="meeting.skip", show=False),
        Binding("w", "pick_win", "Another win", id="meeting.pick_win", show=False),
        Binding("a", "attendance", "Attendance", id="meeting.attendance", show=False),
        Binding("escape", "leave_notes", "Done writing", id="meeting.leave_notes", show=False),
        Binding("f", "finish", "Finish", id="meeting.finish"),
        # Quitting leaves the meeting running in the database: reopen to resume.
        Binding("q", "app.quit", "Quit", id="meeting.quit"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.board: Board | None = None
        self.clock: Clock | None = None
        self._base_wall: datetime | None = None
        self._base_mono = 0.0
        self._shown_key: tuple[Any, ...] | None = None
        self._rung: tuple[int, float] | None = None
        self._verbatim_index = 0
        self._notes_saved = ""
        #: What each widget last showed: a widget is only updated on change,
        #: since every update costs a layout pass (the clock ticks each second).
        self._last: dict[str, Any] = {}

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="meeting-top"):
            with Vertical(id="meeting-main"):
                yield Static(id="segment-title")
                yield BigClock(id="clock")
                yield ProgressBar(id="progress", show_eta=False, show_percentage=False)
                yield BalanceGauge(id="balance")
            yield Static(id="agenda")
        yield Static(id="banner")
        with ContentSwitcher(id="content", initial="pane-client"):
            yield VerbatimCard(id="pane-client")
            yield PresenterPane(id="pane-win")
            yield MetricsPane(id="pane-sales")
            yield NotesPane(id="pane-team")
        yield Footer(show_command_palette=False)

    def on_mount(self) -> None:
        for table in self.query("DataTable"):
            table.can_focus = False
        self.query_one("#notes", TextArea).can_focus = False
        self.watch(self.app, "generation", lambda _: self.load(), init=False)
        self.set_interval(TICK_SECONDS, self.tick)
        self.load()

    # -- reading ---------------------------------------------------------------

    @work(thread=True, exclusive=True, exit_on_error=False, group="meeting-load")
    def load(self) -> Board | None:
        conn = self.app.connect()
        try:
            # Follow the meeting we show even once it is over (to its summary).
            return load_board(conn, self.app.day, self.board.meeting.id if self.board else None)
        finally:
            conn.close()

    @on(Worker.StateChanged)
    def _worker_done(self, event: Worker.StateChanged) -> None:
        worker = event.worker
        if event.state == WorkerState.ERROR:
            self.notify(f"Database problem: {inert(str(worker.error))}", severity="error", timeout=8, markup=False)
        elif event.state == WorkerState.SUCCESS and worker.group in ("meeting-load", "meeting-command"):
            result = worker.result
            if isinstance(result, str):
                self.notify(inert(result), severity="warning", markup=False)  # may quote a name
            elif isinstance(result, Board):
                self.apply(result)
            elif result is None and worker.group == "meeting-load" and self.is_current:
                self.app.go_home()  # no meeting to show

    def apply(self, board: Board) -> None:
        self.board = board
        self.clock = board.meeting.clock()
        self._base_wall = meetings.utc_now()
        self._base_mono = time.monotonic()
        self._shown_key = None
        self._last.clear()
        notes = self.query_one("#notes", TextArea)
        if not notes.has_focus and notes.text != board.meeting.notes:
            notes.load_text(board.meeting.notes)
            self._notes_saved = board.meeting.notes
        self.query_one("#pane-sales", MetricsPane).show(board.metrics)
        self._verbatim_index = min(self._verbatim_index, max(len(board.verbatims) - 1, 0))
        self.tick()
        state = self.state()
        if state is not None and state.is_over and self.is_current:
            from screens.summary import SummaryScreen

            self.app.switch_screen(SummaryScreen(board.meeting.id))

    def now(self) -> datetime:
        """Wall time advanced by the monotonic clock since the last read."""
        if self.app.fixed_now is not None:
            return self.app.fixed_now
        assert self._base_wall is not None
        return self._base_wall + timedelta(seconds=time.monotonic() - self._base_mono)

    def state(self) -> MeetingState | None:
        return self.clock.state(self.now()) if self.clock is not None else None

    # -- drawing -----------------------------------------------------------------

    def tick(self) -> None:
        state = self.state()
        if state is None:
            return
        seg = state.segment
        key = (
            state.state, state.index, state.running_kind, int(seg.elapsed_s), seg.planned_s,
            int(state.elapsed_by_kind["client"]), int(state.elapsed_by_kind["sales"]),
            self._verbatim_index, self.size,
        )
        if key == self._shown_key:
            return
        self._shown_key = key
        self._draw(state)
        self._ring_if_time_is_up(state)

    def _changed(self, name: str, key: Any) -> bool:
        if self._last.get(name) == key:
            return False
        self._last[name] = key
        return True

    def _draw(self, state: MeetingState) -> None:
        seg = state.segment
        clock = self.query_one("#clock", BigClock)
        overrun = seg.overrun_s > 0
        clock.value = f"+{mmss(seg.overrun_s)}" if overrun else mmss(seg.remaining_s + 0.999)
        clock.set_class(overrun, "-overrun")
        clock.set_class(state.state != "running", "-paused")
        if self._changed("title", (seg.index, seg.title, seg.kind, overrun)):
            self._draw_title(seg, len(state.segments), overrun)
        bar = self.query_one("#progress", ProgressBar)
        bar.update(total=max(seg.planned_s, 1), progress=min(seg.elapsed_s, max(seg.planned_s, 1)))
        by_kind = state.elapsed_by_kind
        self.query_one("#balance", BalanceGauge).show(by_kind["client"], by_kind["sales"], state.client_share, state.target_share)
        self.query_one("#agenda", Static).update(self._agenda_text(state))
        if self._changed("banner", (state.state, state.auto_paused, state.running_kind, seg.kind)):
            self.query_one("#banner", Static).update(self._banner(state))
        self._show_content(state)

    def _draw_title(self, seg, count: int, overrun: bool) -> None:
        title = Text.assemble(
            (f"{seg.index + 1}/{count}  ", "dim"),
            safe(seg.title, "bold", single_line=True),
            "  ·  ",
            (KIND_LABEL[seg.kind.value], f"bold reverse {'green' if seg.kind.value == 'client' else 'blue' if seg.kind.value == 'sales' else 'magenta'}"),
        )
        if overrun:
            title.append("   OVERRUN", style="bold red")
        self.query_one("#segment-title", Static).update(title)

    def _agenda_text(self, state: MeetingState) -> Text:
        text = Text()
        for s in state.segments:
            style = "bold" if s.status == "current" else ("dim" if s.status == "done" else "")
            text.append(f"{MARK[s.status]} ", style=style)
            text.append_text(safe(s.title, style, single_line=True))
            actual = f"  {mmss(s.elapsed_s)}/{mmss(s.planned_s)}" if s.status != "next" else f"  {mmss(s.planned_s)}"
            text.append(actual + "\n", style="dim")
        text.append(f"Total {mmss(state.elapsed_s)} of {mmss(sum(s.planned_s for s in state.segments))}", style="italic")
        return text

    def _banner(self, state: MeetingState) -> Text:
        if state.auto_paused:
            return Text("⏸ Paused by itself after 30 minutes without activity — space to resume", style="bold yellow")
        if state.state == "paused":
            return Text("⏸ Paused — space to resume", style="bold yellow")
        if state.running_kind != state.segment.kind:
            kind = state.running_kind.value.upper()
            return Text(f"⇄ The clock is counting {kind} time — tab to flip back", style="bold yellow")
        return Text("")

    def _show_content(self, state: MeetingState) -> None:
        kind = state.segment.kind.value
        board = self.board
        if not self._changed("content", (id(board), state.index, self._verbatim_index, state.state)):
            return
        if board is not None and state.index == board.win_index:
            self.query_one("#content", ContentSwitcher).current = "pane-win"
            self.query_one("#pane-win", PresenterPane).show(board.presentation)
            return
        self.query_one("#content", ContentSwitcher).current = f"pane-{kind}"
        if kind == "client" and board is not None:
            self.query_one("#pane-client", VerbatimCard).show(self.board.verbatims, self._verbatim_index)
            self._mark_current_verbatim(state)

    def _mark_current_verbatim(self, state: MeetingState) -> None:
        board = self.board
        if board is None or not board.verbatims or state.state != "running":
            return
        vid = board.verbatims[self._verbatim_index]["id"]
        if vid not in board.shown:
            self.board = Board(board.meeting, board.verbatims, board.metrics, board.shown | {vid})
            self.command(lambda conn: meetings.mark_shown(conn, board.meeting.id, vid), reload=False)

    def _ring_if_time_is_up(self, state: MeetingState) -> None:
        seg = state.segment
        if state.state == "running" and seg.overrun_s > 0 and self._rung != (seg.index, seg.planned_s):
            self._rung = (seg.index, seg.planned_s)
            if seg.overrun_s < 2:  # rang at the moment time ran out, not on every reload
                self.app.bell()

    # -- acting ------------------------------------------------------------------

    def command(self, fn: Callable[[Any], Any], *, reload: bool = True) -> None:
        self._run_command(fn, reload)

    @work(thread=True, exit_on_error=False, group="meeting-command")
    def _run_command(self, fn: Callable[[Any], Any], reload: bool) -> Board | str | None:
        conn = self.app.connect()
        try:
            fn(conn)
            return load_board(conn, self.app.day, self.board.meeting.id if self.board else None) if reload else None
        except BriefingError as exc:
            return str(exc)
        finally:
            conn.close()

    def action_toggle(self) -> None:
        self.command(meetings.toggle)

    def action_go(self, step: int) -> None:
        self._save_notes()
        self.command(lambda conn: meetings.go(conn, step))

    def action_switch(self) -> None:
        self.command(meetings.switch)

    def action_adjust(self, seconds: int) -> None:
        self.command(lambda conn: meetings.adjust(conn, seconds))

    def action_verbatim(self, step: int) -> None:
        if self.board and self.board.verbatims:
            self._verbatim_index = (self._verbatim_index + step) % len(self.board.verbatims)
            self.tick()

    def action_edit_notes(self) -> None:
        state = self.state()
        if state is not None and state.segment.kind.value == "team":
            notes = self.query_one("#notes", TextArea)
            notes.can_focus = True
            notes.focus()

    def action_leave_notes(self) -> None:
        notes = self.query_one("#notes", TextArea)
        if notes.has_focus:
            self._save_notes()
            notes.can_focus = False
            self.set_focus(None)

    def _save_notes(self) -> None:
        text = self.query_one("#notes", TextArea).text
        if self.board is not None and text != self._notes_saved:
            self._notes_saved = text
            meeting_id = self.board.meeting.id
            self.command(lambda conn: meetings.save_notes(conn, meeting_id, text), reload=False)

    def _on_win_segment(self) -> bool:
        state = self.state()
        return bool(self.board and state and state.index == self.board.win_index)

    def action_skip(self) -> None:
        """The presenter is not ready today: the next one presents."""
        if self._on_win_segment():
            self.command(lambda conn: presenting.skip(conn, meetings._iso(meetings.utc_now()), self.app.day))

    def action_pick_win(self) -> None:
        if not self._on_win_segment():
            return
        from screens.pick_win import PickWinScreen

        def picked(win_id: int | None) -> None:
            if win_id is not None:
                self.command(lambda conn: presenting.pick_win(conn, win_id))

        self.app.push_screen(PickWinScreen(), picked)

    def action_attendance(self) -> None:
        """Correct who is in the room, during the briefing."""
        if self.board is None:
            return
        from screens.checkin import CheckInScreen

        meeting_id = self.board.meeting.id
        conn = self.app.connect()
        try:
            current = presenting.attendance(conn, meeting_id)
        finally:
            conn.close()

        def corrected(status: dict[int, str] | None) -> None:
            if status:
                changed = {pid: s for pid, s in status.items() if current.get(pid, "present") != s}
                self.command(lambda conn: [presenting.set_attendance(conn, meeting_id, pid, s) for pid, s in changed.items()])

        self.app.push_screen(CheckInScreen("Who is in the room?", current), corrected)

    def action_finish(self) -> None:
        from screens.confirm import ConfirmScreen

        def answered(yes: bool | None) -> None:
            if yes:
                self._save_notes()
                self.command(meetings.finish)

        self.app.push_screen(ConfirmScreen("Finish the briefing and see the summary?"), answered)
