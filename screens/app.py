"""The App: holds where the database is and notices when it changes.

Kept thin on purpose (screens do the work). ``make_app`` is the factory
tests use to run the app on a temporary database with a fixed date.
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import threading
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual import on
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.command import CommandPalette
from textual.reactive import var
from textual.screen import Screen

from briefing.i18n import N_, _
from briefing.safetext import inert
from briefing.timeutil import today as _today
from screens import data
from screens.data import Failed, Loaded, Refused, connection, finish_writes
from screens.speaking import Speaks

if TYPE_CHECKING:
    from collections.abc import Iterable

    from briefing.board import Board
    from briefing.watch import Seen

#: Seconds after launch before SQLite's quick check reads the whole file.
QUICK_CHECK_AFTER_S = 5.0
#: While a briefing is on screen, the check waits this long before looking again.
QUICK_CHECK_RETRY_S = 30.0
#: How often another process's commits are looked for (a cheap pragma).
POLL_SECONDS = 0.5
#: Textual's own commands in the Menu (ctrl+p), as Textual words them: the
#: msgids of their translations (``BriefingApp.get_system_commands``).
SYSTEM_WORDS = (
    N_("Theme"),
    N_("Change the current theme"),
    N_("Quit"),
    N_("Quit the application as soon as possible"),
    N_("Keys"),
    N_("Hide the keys and widget help panel"),
    N_("Show help for the focused widget and a summary of available keys"),
    N_("Minimize"),
    N_("Minimize the widget and restore to normal size"),
    N_("Maximize"),
    N_("Maximize the focused widget"),
    N_("Screenshot"),
    N_("Save an SVG 'screenshot' of the current screen"),
)


class BriefingApp(Speaks, App[None]):
    COMMANDS = App.COMMANDS | {lambda: _commands()}
    TITLE = "briefing"
    BINDINGS = [
        Binding("q", "quit", N_("Quit"), id="quit"),
        # Every screen and action in plain words: "menu" says so to someone
        # who has never heard of a command palette.
        Binding(
            "ctrl+p",
            "command_palette",
            N_("Menu"),
            show=False,
            priority=True,
            tooltip=N_("Every screen and action"),
        ),
    ]

    #: Bumped whenever the database changed under us; screens watch it.
    generation: var[int] = var(0)

    def __init__(
        self,
        db_path: Path,
        *,
        day: date | None = None,
        watch: bool = True,
        now: datetime | None = None,
        opening: Opening | None = None,
    ) -> None:
        """``opening``: what the launch read before the app started (see
        :func:`run`); without it the app reads it when it mounts."""
        super().__init__()
        self.db_path = Path(db_path)
        self._opening = opening
        self.fixed_day = day
        #: Freezes the meeting clock (snapshot tests); None in real use.
        self.fixed_now = now
        self._watch = watch
        self._watch_thread: threading.Thread | None = None
        self._stop_watching = threading.Event()

    @property
    def day(self) -> date:
        """Today, unless a test or a demo pinned the date."""
        return self.fixed_day or _today()

    def first_screen(self) -> Screen:
        """What the app opens onto: the meeting under way, or home (a served
        mode opens its own)."""
        if self._opening is None:
            # The one read on the UI thread (see run()), for apps made by make_app.
            with connection(self) as conn:
                self._opening = Opening.read(conn, self.day, first_frame=self._watch)
        board, self._opening = self._opening.board, None
        if board is not None:
            from screens.meeting import MeetingScreen

            return MeetingScreen(board)
        from screens.home import HomeScreen

        return HomeScreen()

    def get_default_screen(self) -> Screen:
        """The first screen is Textual's own, not pushed over an empty one:
        one screen fewer to mount and lay out before the first frame
        (docs/PERFORMANCE.md). Not in a browser tab: there Textual's web
        driver reports the page blurred at once, and a footer first filled
        while blurred stays empty until the page is clicked; the first
        screen is pushed as before, in time for the footer."""
        if self.is_web:
            return super().get_default_screen()
        first = self.first_screen()
        # switch_screen pops the result callback push_screen gives a screen
        # (the meeting gives way to its summary, or to home); give it one.
        first._push_result_callback(self, None)  # noqa: SLF001 - see above
        return first

    def heading(self) -> str:
        """The header's second line."""
        return self.db_path.name

    def on_mount(self) -> None:
        self.sub_title = self.heading()
        self.call_after_refresh(_collect_again)
        if self._watch:
            # After the first frame: the room sees the clock before anything else.
            self.call_after_refresh(self._start_watching)
        if self.is_web:
            self.push_screen(self.first_screen())

    def _start_watching(self) -> None:
        self._stop_watching = threading.Event()
        loop = asyncio.get_running_loop()
        self._watch_thread = threading.Thread(
            target=self._follow_database, args=(loop,), name="briefing-watch", daemon=True
        )
        self._watch_thread.start()
        # What was committed between the first read and now is not a change
        # the watcher can see: read once more.
        self.generation += 1
        # Where it is cheap: once per launch, in the background, once the
        # lead's first keys (open the inbox, start) have been answered.
        self.set_timer(QUICK_CHECK_AFTER_S, self._check_when_free)

    def _check_when_free(self) -> None:
        """SQLite's quick check reads the whole file (0.3 s of CPU on ten
        years of history): not while a briefing is on the wall, where the
        clock has the machine; once it is over, or at once on any other screen."""
        from screens.meeting import MeetingScreen

        if isinstance(self.screen, MeetingScreen):
            self.set_timer(QUICK_CHECK_RETRY_S, self._check_when_free)
            return
        data.run(self, self.Checked, _quick_check)

    def _follow_database(self, loop: asyncio.AbstractEventLoop) -> None:
        """Look for others' commits from a thread of its own: a look is a
        pragma and two stats, and the UI's loop wakes only when something
        changed (not twice a second through a timer, which cost the meeting
        screen a tenth of its CPU: docs/PERFORMANCE.md)."""
        watcher = None
        try:
            from briefing.watch import ChangeWatcher  # after the first frame, on this thread

            watcher = ChangeWatcher(self.db_path)
            while not self._stop_watching.wait(POLL_SECONDS):
                seen = watcher.look()
                if seen.changed or seen.swapped:
                    loop.call_soon_threadsafe(self._seen, seen)
        except Exception as exc:  # noqa: BLE001 - said on screen, not lost in a thread
            message = _(
                "Changes made from elsewhere are no longer followed ({problem}); restart the app to follow them."
            ).format(problem=exc)
            with contextlib.suppress(RuntimeError):  # the app is closing: nobody to tell
                loop.call_soon_threadsafe(lambda: self.notify(message, severity="error", timeout=30, markup=False))
        finally:
            if watcher is not None:
                watcher.close()

    def action_command_palette(self) -> None:
        """The Menu, in the team's language (screens/palette.py)."""
        if self.use_command_palette and not CommandPalette.is_open(self):
            from screens.palette import Palette

            self.push_screen(Palette(id="--command-palette", placeholder=_("Search for commands…")))

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """Textual's commands (theme, keys, screenshot), their words translated."""
        for command in super().get_system_commands(screen):
            yield command._replace(title=_(command.title), help=_(command.help))

    def go_home(self) -> None:
        """Back to home: pop to it if it is below, else open it in place."""
        from screens.home import HomeScreen

        home = next((s for s in reversed(self.screen_stack) if isinstance(s, HomeScreen)), None)
        if home is None:
            self.switch_screen(HomeScreen())
            return
        while self.screen is not home:
            self.pop_screen()

    def _seen(self, seen: Seen) -> None:
        """What the watcher's thread found, on the UI's loop."""
        if not self.is_running:
            return
        if seen.swapped:
            what = _(seen.swapped)
            self.notify(
                _(
                    "{what}. What is on screen now comes from the file as it is at {path};"
                    " anything shown before may be gone."
                ).format(what=what[:1].upper() + what[1:], path=self.db_path),
                title=_("The database changed under the app"),
                severity="error",
                timeout=60,
                markup=False,
            )
        if seen.changed or seen.swapped:
            self.generation += 1

    class Checked(Loaded[tuple[str, ...]]):
        """What SQLite's quick check found wrong with the file (nothing: sound)."""

    @on(Checked)
    def _checked(self, event: Checked) -> None:
        if event.value:
            self.notify(
                _(
                    "{path} is damaged ({problem}). Nothing more is written to it;"
                    " 'briefing doctor' checks it and rescues what it holds."
                ).format(path=self.db_path, problem=event.value[0]),
                title=_("The database file is damaged"),
                severity="error",
                timeout=120,
                markup=False,
            )

    @on(Failed)
    def _failed(self, event: Failed) -> None:
        """What no screen handled itself: said, never a crash."""
        self.notify(event.message, severity="error", timeout=8, markup=False)

    @on(Refused)
    def _refused(self, event: Refused) -> None:
        self.notify(inert(event.error.problem, single_line=True), severity="warning", markup=False)

    def on_unmount(self) -> None:
        finish_writes(self)  # a key pressed just before quitting still lands
        if self._watch_thread is not None:
            self._stop_watching.set()
            self._watch_thread.join(timeout=2 * POLL_SECONDS)


def _collect_again() -> None:
    """After the first frame: the garbage collector, off while ``briefing``
    launched the app (briefing.cli.app.launched), back on, with what the
    launch made frozen out of its reach. A no-op for an app made otherwise."""
    if not gc.isenabled():
        gc.freeze()
        gc.enable()


def _quick_check(conn) -> tuple[str, ...]:
    from briefing.doctor import check

    return check(conn.path, quick=True).problems


@dataclass(frozen=True)
class Opening:
    """What the app opens onto: the meeting under way (its board), or home."""

    board: Board | None

    @classmethod
    def read(cls, conn: Any, day: date, *, first_frame: bool = True) -> Opening:
        """``first_frame``: only what the segment on screen shows (see
        briefing.board.load_board); the app that follows the database reads
        the whole board once its first frame is out (``_start_watching``)."""
        from briefing.board import load_board

        return cls(load_board(conn, day, first_frame=first_frame))


def make_app(db_path: Path, *, day: date | None = None, watch: bool = True, now: datetime | None = None) -> BriefingApp:
    return BriefingApp(db_path, day=day, watch=watch, now=now)


def prepare(db_path: Path, *, lang: str | None = None) -> BriefingApp:
    """The app for ``db_path``, ready to run. The database is read before
    Textual starts: a bad file is refused in one line (a BriefingError for
    the CLI to print), and restarted mid-meeting, the very first frame holds
    the clock and the card, not an empty screen waiting for a worker (a WAL
    read never waits for a writer). The language is chosen from the same
    read, before a screen is built (``lang``: the ``--lang`` flag). The first
    screen's module is imported here too, with the rest of the start-up's
    imports (see briefing.cli.app: the garbage collector is off meanwhile)."""
    from briefing import i18n
    from briefing.db import opened
    from briefing.team_settings import team_language
    from briefing.timeutil import today

    with opened(db_path) as conn:
        i18n.decide(lang, team_language(conn))
        opening = Opening.read(conn, today())
    if opening.board is not None:
        import screens.meeting
    else:
        import screens.home  # noqa: F401
    return BriefingApp(db_path, opening=opening)


def run(db_path: Path, *, lang: str | None = None) -> None:
    prepare(db_path, lang=lang).run()


def _commands() -> type:
    """The palette's provider, imported when the palette first opens."""
    from screens.commands import BriefingCommands

    return BriefingCommands
