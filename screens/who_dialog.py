"""Who is adding? Asked once per browser in the inbox served to a browser.

A collaborator who never opens a terminal picks their own name from the
team; the browser remembers it (briefing.browsers), so the forms say
"collected by" them from then on and the inbox lets them archive their own
entries only.
"""

from __future__ import annotations

from functools import partial

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Label, OptionList, Static
from textual.widgets.option_list import Option

from briefing import browsers
from briefing.i18n import N_, _
from briefing.records import Person
from briefing.team import list_team
from screens.data import Loaded, run
from screens.dialog import Dialog
from screens.safe import safe
from screens.speaking import Speaks

ASK = N_("Who is adding? Choose your name once; this browser remembers it.")
NOBODY = N_("Nobody is in the team yet: the lead adds people first.")


class WhoScreen(Speaks, Dialog[Person | None]):
    """Dismissed with the person chosen (stored for ``browser`` when given),
    or None on Esc (asked again next time)."""

    DEFAULT_CSS = """
    WhoScreen > .dialog { width: 64; max-width: 100%; }
    WhoScreen OptionList { height: auto; max-height: 16; margin: 1 0; }
    """

    BINDINGS = [Binding("escape", "cancel", N_("Not now"), id="who.cancel")]

    class Team(Loaded[list[Person]]):
        """The active team to choose from."""

    class Remembered(Loaded[Person]):
        """The choice, stored for this browser."""

    def __init__(self, browser: str | None) -> None:
        super().__init__()
        self.browser = browser
        self._team: list[Person] = []

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="who"):
            yield Static(_(ASK), id="who-ask")
            yield OptionList(id="who-names")
            yield Label(_("↑↓ choose · Enter: that's me · Esc: not now"), classes="keys")

    def on_mount(self) -> None:
        run(self, self.Team, partial(list_team, include_inactive=False))

    @on(Team)
    def _show(self, event: Team) -> None:
        self._team = [p for p in event.value if not p.is_lead] + [p for p in event.value if p.is_lead]
        names = self.query_one(OptionList)
        names.clear_options()
        names.add_options([Option(safe(p.name, single_line=True), id=str(p.id)) for p in self._team])
        if self._team:
            names.highlighted = 0  # Enter alone picks the first name
        else:
            self.query_one("#who-ask", Static).update(_(NOBODY))
        names.focus()

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        person = next(p for p in self._team if str(p.id) == event.option.id)
        if self.browser is None:
            self.dismiss(person)
            return
        run(self, self.Remembered, browsers.remember, self.browser, person.id, write=True)

    @on(Remembered)
    def _remembered(self, event: Remembered) -> None:
        self.dismiss(event.value)
