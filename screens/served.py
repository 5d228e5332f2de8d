"""The app as ``briefing serve`` runs it for one browser tab, in one of three modes.

    python -m screens.served full|inbox|view DATABASE

- ``full``: the whole app, for the lead (what ``briefing`` opens in a terminal).
- ``inbox``: add, edit and browse verbatims and wins, and nothing else: no
  home, no meeting, no team or agenda, and archiving only what the person
  at this browser collected. Who that is is asked once per browser
  (:mod:`screens.who_dialog`), the browser named by ``$BRIEFING_BROWSER``.
- ``view``: the briefing under way, read-only (:mod:`screens.view_screen`).

The server (:mod:`briefing.serve`) starts one such process per tab, with
Textual's web driver; run in a terminal it opens the same screens there,
which is how the benchmark compares the two.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from textual import on
from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.screen import Screen
from textual.widgets import Input

from briefing import browsers
from briefing.i18n import N_, _
from briefing.records import Person, Verbatim
from briefing.safetext import inert
from screens.app import BriefingApp
from screens.data import Loaded, run
from screens.inbox import InboxScreen
from screens.verbatim_form import VerbatimFormScreen
from screens.win_form import WinFormScreen

MODES = ("full", "inbox", "view")
NOT_YOURS = N_("Only the lead archives a colleague's verbatim; this one was collected by someone else")


class InboxApp(BriefingApp):
    """The inbox alone, for a collaborator in a browser."""

    COMMANDS = {lambda: InboxCommands}

    def __init__(self, db_path: Path, *, browser: str | None = None, **kwargs) -> None:
        super().__init__(db_path, **kwargs)
        self.browser = browser
        #: Who is adding, once known (asked once per browser).
        self.adding: Person | None = None

    class Known(Loaded[Person | None]):
        """Who this browser chose before, if anyone."""

    def first_screen(self) -> InboxDesk:
        return InboxDesk()

    def heading(self) -> str:
        return _("Inbox")

    def on_mount(self) -> None:
        # Once the desk is up (BriefingApp.on_mount pushes it in a browser),
        # so that the question opens over it.
        self.call_later(self._who)

    def _who(self) -> None:
        if self.browser is not None:
            run(self, self.Known, browsers.who, self.browser)
        else:
            self._ask()

    @on(Known)
    def _known(self, event: Known) -> None:
        if event.value is None:
            self._ask()
        else:
            self.adding = event.value

    def _ask(self) -> None:
        from screens.who_dialog import WhoScreen

        self.push_screen(WhoScreen(self.browser), self._chosen)

    def _chosen(self, person: Person | None) -> None:
        if person is not None:
            self.adding = person
            self.notify(_("Adding as {name}").format(name=inert(person.name, single_line=True)), markup=False)
        self.screen.refresh_bindings()

    def go_home(self) -> None:
        """There is no home here: back to the inbox (the first screen)."""
        while not isinstance(self.screen, InboxDesk):
            self.pop_screen()


class InboxDesk(InboxScreen):
    """The inbox as a collaborator's desk: it cannot be closed (there is
    nothing behind it), the forms start with their name, and only their
    own verbatims can be archived."""

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "archive" and not self._mine():
            return False
        if action == "back" and self.focused is self.table():
            return False  # nothing to go back to
        return super().check_action(action, parameters)

    def _mine(self) -> bool:
        row, me = self.current_row(), getattr(self.app, "adding", None)
        return isinstance(row, Verbatim) and me is not None and row.collected_by_id == me.id

    def on_screen_resume(self) -> None:
        """Back from the "who is adding" dialog (or a form): the rows have the
        keys, so ``a`` adds. A browser's focus events could leave the empty
        search box focused, and ``a`` then typed a search."""
        search = self.query_one("#inbox-search", Input)
        if self.focused is None or (self.focused is search and not search.value):
            self.table().focus()

    def on_data_table_row_highlighted(self) -> None:
        self.refresh_bindings()  # "Archive" in the footer only on one's own rows

    def action_archive(self) -> None:
        if not self._mine():
            self.notify(_(NOT_YOURS), severity="warning", markup=False)
            return
        super().action_archive()

    def action_back(self) -> None:
        if self.focused is not self.table():
            self.table().focus()

    def action_form(self, edit: bool) -> None:
        kind, row_id = self.kind, self.current_id() if edit else None
        if edit and row_id is None:
            self.notify(_("Nothing to edit here yet"), severity="warning", markup=False)
            return
        form = (DeskVerbatimForm if kind == "verbatims" else DeskWinForm)(row_id)
        self.app.push_screen(form, lambda saved: self._saved(kind, saved))


def _default_by(form: VerbatimFormScreen | WinFormScreen, record: object) -> None:
    """A new record is the person's at this browser until they say otherwise."""
    from textual.widgets import Select
    from textual.widgets.select import InvalidSelectValueError

    me = getattr(form.app, "adding", None)
    if record is None and me is not None:
        try:
            form.query_one("#by", Select).value = me.name
        except InvalidSelectValueError:
            pass  # they left the team meanwhile: the field stays unset


class DeskVerbatimForm(VerbatimFormScreen):
    def fill(self, loaded) -> None:
        super().fill(loaded)
        _default_by(self, loaded[1])


class DeskWinForm(WinFormScreen):
    def fill(self, loaded) -> None:
        super().fill(loaded)
        _default_by(self, loaded[1])


class InboxCommands(Provider):
    """The Menu (ctrl+p) of the inbox mode: the inbox's own actions only."""

    def _commands(self):
        screen = self.app.screen
        if not isinstance(screen, InboxDesk):
            return []
        return [
            (_("Add a verbatim"), _("A client's own words"), lambda: _add(screen, "verbatims")),
            (_("Add a client win"), _("A deal, a saved account, whose it is"), lambda: _add(screen, "wins")),
            (_("Search"), _("Find a verbatim or a win as you type"), screen.action_search),
        ]

    async def discover(self) -> Hits:
        for title, help_text, callback in self._commands():
            yield DiscoveryHit(title, callback, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, help_text, callback in self._commands():
            if (score := matcher.match(title)) > 0:
                yield Hit(score, matcher.highlight(title), callback, text=title, help=help_text)


def _add(screen: InboxDesk, kind: str) -> None:
    screen.query_one("TabbedContent").active = kind
    screen.action_form(False)


class ViewApp(BriefingApp):
    """The briefing under way, read-only; the lobby when none runs."""

    ENABLE_COMMAND_PALETTE = False

    def first_screen(self) -> Screen:
        from screens.view_screen import LobbyScreen

        return LobbyScreen()

    def heading(self) -> str:
        return _("View")

    def go_home(self) -> None:
        from screens.view_screen import LobbyScreen

        self.switch_screen(LobbyScreen())


def make(mode: str, db_path: Path, *, browser: str | None = None, **kwargs) -> BriefingApp:
    if mode == "inbox":
        return InboxApp(db_path, browser=browser, **kwargs)
    if mode == "view":
        return ViewApp(db_path, **kwargs)
    return BriefingApp(db_path, **kwargs)


def main(argv: list[str]) -> int:
    if len(argv) != 2 or argv[0] not in MODES:
        print("usage: python -m screens.served full|inbox|view DATABASE", file=sys.stderr)
        return 2
    mode, db_path = argv[0], Path(argv[1])
    browser = os.environ.get(browsers.ENV) or None
    if browser is not None and not browsers.SHAPE.fullmatch(browser):
        browser = None  # not one the server made: ask, remember nothing
    if mode == "full":
        from screens.app import run as run_full

        run_full(db_path)
    else:
        speak(db_path)
        make(mode, db_path, browser=browser).run()
    return 0


def speak(db_path: Path) -> str:
    """Choose the tab's language before a screen is built, as the full app
    does (:func:`screens.app.run`): ``$BRIEFING_LANG`` (the server passes
    its ``--lang`` so), the team's setting, the system's locale. A file that
    cannot be read is said by the app itself, once open: here it only
    means no team setting."""
    from briefing import i18n
    from briefing.db import is_database_error, opened
    from briefing.errors import BriefingError
    from briefing.team_settings import team_language

    try:
        with opened(db_path) as conn:
            team = team_language(conn)
    except Exception as exc:
        if not (isinstance(exc, BriefingError) or is_database_error(exc)):
            raise
        team = None
    return i18n.decide(None, team)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
