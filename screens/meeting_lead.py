"""The lead's keys on the segment on screen: the client's cards (up and
down, page by page, each marked shown once on screen) and their page, the
call, the team's notes, today's client win (not ready, another win, undo)
and who is in the room; and finishing.

A mixin of :class:`screens.meeting.MeetingScreen`, which keeps the key
bindings (one place to read the meeting's keys), the clock and the board:
this file holds what each of those keys does beyond moving the clock.
``briefing.presenting`` (and the rotation under it) is imported by the keys
that use it: the app opens mid-story without them (briefing.board).
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

from briefing import meeting as meetings
from briefing.i18n import _
from screens.data import Loaded, run
from screens.widgets.panes import ReadingPane

if TYPE_CHECKING:
    from collections.abc import Callable
    from datetime import datetime

    from textual.app import App

    from briefing.board import Board
    from briefing.clock import MeetingState
    from screens.widgets.call_pane import CallPane
    from screens.widgets.panes import Pane


class LeadKeys:
    """The meeting screen's segment keys (see the module's docstring)."""

    if TYPE_CHECKING:  # what MeetingScreen provides
        app: App[Any]
        board: Board | None
        _panes: dict[str, Pane]
        _verbatim_index: int
        _wanted_card: int | None
        _notes_saved: str
        _verbatim_id: int | None
        AttendanceRead: type[Loaded[dict[int, str]]]

        def state(self) -> MeetingState | None: ...
        def now(self) -> datetime: ...
        def load(self) -> None: ...
        def command(self, fn: Callable[..., Any], *args: Any, reload: bool = True) -> None: ...
        def tick(self) -> MeetingState | None: ...
        def call_after_refresh(self, callback: Callable[..., Any], *args: Any) -> bool: ...

    # -- the client's cards -----------------------------------------------------------

    def _mark_current_verbatim(self, state: MeetingState) -> None:
        """A card on the screen is shown: stored once the frame holding it has
        gone to the terminal, so the write stays out of the first frame's way."""
        board = self.board
        if board is None or not board.verbatims or state.state != "running":
            return
        vid = board.verbatims[self._verbatim_index].id
        if vid not in board.shown:
            self.call_after_refresh(self._mark_if_still_shown, vid)

    def _mark_if_still_shown(self, vid: int) -> None:
        board, state = self.board, self.state()
        if board is None or state is None or state.state != "running" or not board.verbatims:
            return
        on_screen = board.pane_of(state.index) == "client"
        current = board.verbatims[min(self._verbatim_index, len(board.verbatims) - 1)].id
        if on_screen and current == vid and vid not in board.shown:
            self.board = replace(board, shown=board.shown | {vid}, last_shown=vid)
            self.command(meetings.mark_shown, board.meeting.id, vid, self.now(), reload=False)

    def action_verbatim(self, step: int) -> None:
        if self.board and self.board.verbatims:
            self._verbatim_index = (self._verbatim_index + step) % len(self.board.verbatims)
            self._verbatim_id = self.board.verbatims[self._verbatim_index].id
            self.tick()

    def _follow_card(self, board: Board) -> None:
        """Keep the card the room is looking at: the same verbatim wherever
        a new read puts it; if it is gone (archived), the one now in its place."""
        ids = [v.id for v in board.verbatims]
        if self._wanted_card in ids:
            self._verbatim_id, self._wanted_card = self._wanted_card, None
        if self._verbatim_id in ids:
            self._verbatim_index = ids.index(self._verbatim_id)
        else:
            self._verbatim_index = min(self._verbatim_index, max(len(ids) - 1, 0))
        self._verbatim_id = ids[self._verbatim_index] if ids else None

    def _reading_pane(self) -> ReadingPane | None:
        pane = next((p for p in self._panes.values() if p.display and p.is_mounted), None)
        return pane if isinstance(pane, ReadingPane) else None

    def action_page(self, step: int) -> None:
        pane = self._reading_pane()
        if pane is not None:
            pane.page(step)

    def _card_on_screen(self) -> int | None:
        """The id of the verbatim whose card the room is looking at, if any."""
        card = self._panes.get("client")
        if self.board is None or not self.board.verbatims or card is None or not card.display:
            return None
        return self.board.verbatims[min(self._verbatim_index, len(self.board.verbatims) - 1)].id

    def action_client_page(self) -> None:
        """The person behind the quote; Escape comes back to the running briefing."""
        vid = self._card_on_screen()
        if vid is not None:
            from screens.client_screen import ClientScreen

            self.app.push_screen(ClientScreen(verbatim_id=vid))

    # -- the other segments ---------------------------------------------------------

    def _call_pane(self) -> CallPane | None:
        pane: CallPane | None = self._panes.get("call")  # type: ignore[assignment]
        return pane if pane is not None and pane.display and pane.is_mounted else None

    def action_call(self, what: str) -> None:
        pane = self._call_pane()
        if pane is not None:
            pane.act(what)

    def on_call_pane_logged(self, event: CallPane.Logged) -> None:
        """A call's words are a new verbatim: the next client card shows them."""
        self._wanted_card = event.value.verbatim_id or self._wanted_card
        self.load()

    def action_edit_notes(self) -> None:
        state = self.state()
        notes = self._panes.get("team")
        if state is not None and state.segment.kind.value == "team" and notes is not None and notes.is_mounted:
            notes.start_writing()

    def action_leave_notes(self) -> None:
        notes = self._panes.get("team")
        if notes is not None and notes.writing:
            self._save_notes()
            notes.stop_writing()

    def _save_notes(self) -> None:
        notes = self._panes.get("team")
        if notes is None:
            return  # never shown, so never written in
        text = notes.text
        if self.board is not None and text != self._notes_saved:
            self._notes_saved = text
            meeting_id = self.board.meeting.id
            self.command(meetings.save_notes, meeting_id, text, reload=False)

    def _on_win_segment(self) -> bool:
        state = self.state()
        return bool(self.board and state and state.index == self.board.win_index)

    def action_skip(self) -> None:
        """The presenter is not ready today: the next one presents."""
        from briefing import presenting

        if self._on_win_segment():
            self.command(presenting.skip, self.now(), self.app.day)

    def action_pick_win(self) -> None:
        from briefing import presenting

        if not self._on_win_segment():
            return
        from screens.pick_win import PickWinScreen

        def picked(win_id: int | None) -> None:
            if win_id is not None:
                self.command(presenting.pick_win, win_id)

        self.app.push_screen(PickWinScreen(), picked)

    def action_attendance(self) -> None:
        """Correct who is in the room, during the briefing."""
        from briefing import presenting

        if self.board is not None:
            run(self, self.AttendanceRead, presenting.attendance, self.board.meeting.id)

    def on_meeting_screen_attendance_read(self, event: Loaded[dict[int, str]]) -> None:
        """Who is in the room as read (MeetingScreen.AttendanceRead): the lead corrects it."""
        from briefing import presenting
        from screens.checkin import CheckInScreen

        if self.board is None:
            return
        meeting_id, current = self.board.meeting.id, event.value

        def corrected(status: dict[int, str] | None) -> None:
            changed = {pid: s for pid, s in (status or {}).items() if current.get(pid, "present") != s}
            if changed:
                self.command(presenting.set_attendances, meeting_id, changed)

        self.app.push_screen(CheckInScreen(_("Who is in the room?"), current), corrected)

    def action_finish(self) -> None:
        from screens.confirm import ConfirmScreen

        def answered(yes: bool | None) -> None:
            if yes:
                self._save_notes()
                self.command(meetings.finish, self.now())

        self.app.push_screen(ConfirmScreen(_("Finish the briefing and see the summary?")), answered)

    def action_unskip(self) -> None:
        """Undo the last "not ready today" (``x`` pressed by mistake)."""
        from briefing import presenting

        if self._on_win_segment():
            self.command(presenting.unskip, self.app.day)
