"""The App: holds where the database is and notices when it changes.

Kept thin on purpose (screens do the work). ``make_app`` is the factory
tests use to run the app on a temporary database with a fixed date.
"""

from __future__ import annotations

import sqlite3
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from textual.app import App
from textual.binding import Binding
from textual.reactive import reactive

from briefing.db import connect, data_version
from briefing.timeutil import today as _today
from screens.commands import BriefingCommands

if TYPE_CHECKING:
    from briefing.board import Board

#: How often another process's commits are looked for (a cheap pragma).
POLL_SECONDS = 0.5


class BriefingApp(App[None]):
    CSS_PATH = "briefing.tcss"
    COMMANDS = App.COMMANDS | {BriefingCommands}
    TITLE = "briefing"
    BINDINGS = [Binding("q", "quit", "Quit", id="quit")]

    #: Bumped whenever the database changed under us; screens watch it.
    generation: reactive[int] = reactive(0)

    def __init__(
        self, db_path: Path, *, day: date | None = None, watch: bool = True, now: datetime | None = None
    ) -> None:
        super().__init__()
        self.db_path = Path(db_path)
        self.fixed_day = day
        #: Freezes the meeting clock (snapshot tests); None in real use.
        self.fixed_now = now
        self._watch = watch
        self._watch_conn: sqlite3.Connection | None = None
        self._last_version = -1

    @property
    def day(self) -> date:
        """Today, unless a test or a demo pinned the date."""
        return self.fixed_day or _today()

    def connect(self) -> sqlite3.Connection:
        """A fresh connection, for a worker thread (connections are per thread)."""
        return connect(self.db_path)

    def on_mount(self) -> None:
        self.sub_title = str(self.db_path.name)
        if self._watch:
            self._watch_conn = connect(self.db_path)
            self._last_version = data_version(self._watch_conn)
            self.set_interval(POLL_SECONDS, self._poll)
        board = self._board_under_way()
        if board is not None:
            # Restarted mid-meeting: straight back to it. Home is only built
            # when the meeting is left, and the meeting is read here, on this
            # thread (a WAL read never waits for a writer), so the very first
            # frame already shows the clock rather than an empty screen.
            from screens.meeting import MeetingScreen

            self.push_screen(MeetingScreen(board))
        else:
            from screens.home import HomeScreen

            self.push_screen(HomeScreen())

    def go_home(self) -> None:
        """Back to home: pop to it if it is below, else open it in place."""
        from screens.home import HomeScreen

        home = next((s for s in reversed(self.screen_stack) if isinstance(s, HomeScreen)), None)
        if home is None:
            self.switch_screen(HomeScreen())
            return
        while self.screen is not home:
            self.pop_screen()

    def _board_under_way(self) -> Board | None:
        from briefing.board import load_board

        conn = self.connect()
        try:
            return load_board(conn, self.day)
        finally:
            conn.close()

    def _poll(self) -> None:
        assert self._watch_conn is not None
        version = data_version(self._watch_conn)
        if version != self._last_version:
            self._last_version = version
            self.generation += 1

    def on_unmount(self) -> None:
        if self._watch_conn is not None:
            self._watch_conn.close()


def make_app(db_path: Path, *, day: date | None = None, watch: bool = True, now: datetime | None = None) -> BriefingApp:
    return BriefingApp(db_path, day=day, watch=watch, now=now)


def run(db_path: Path) -> None:
    make_app(db_path).run()
