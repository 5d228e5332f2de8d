"""Adding or editing a client win, and whose it is.

The owner is picked from the active team, never typed: the credit has to
land on the right person. The team wins together, and credit goes to
whoever did the work.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Input, Select, TextArea

from briefing import client_hint, wins
from briefing.i18n import N_, _
from briefing.records import Person, Win
from briefing.safetext import inert
from screens.client_form import ClientFormScreen
from screens.saving import field, people

#: Model field -> widget id, so a refusal from the core lands on the right field.
WIDGETS = {"title": "title", "owner": "by", "client": "client", "story": "story", "date": "date"}


class WinFormScreen(ClientFormScreen):
    """Dismissed with the win's id once saved, or None when cancelled."""

    NOUN = "win"
    NEW = N_("New win")
    EDITING = N_("Edit win {id}")
    SAVED = N_("Win saved")
    DISCARD = N_("Discard this win? What you typed will be lost.")
    FIELDS = ("title", "by", "client", "date", "story")
    WIDGETS = WIDGETS
    OPTIONAL = ("client", "story")
    GET = staticmethod(wins.get)
    ADD = staticmethod(wins.add)
    EDIT = staticmethod(wins.edit)
    HINT = staticmethod(client_hint.for_win)

    def __init__(self, win_id: int | None = None) -> None:
        super().__init__(win_id)

    def compose_fields(self) -> ComposeResult:
        title = Input(id="title", placeholder=_("a deal, a saved account, a problem solved"))
        yield field(_("Win, in a line"), title)
        with Horizontal(classes="row"):
            yield field(_("Won by"), Select([], prompt=_("Choose who won it"), id="by"), "-wide")
            yield field(_("Client"), Input(id="client", placeholder=_("optional")))
            yield field(_("Date (YYYY-MM-DD)"), Input(self.app.day.isoformat(), id="date"), "-last")
        yield from self.client_notes()
        yield field(
            _("Story: how it happened (optional)"),
            TextArea(id="story", placeholder=_("A sentence or two the team can retell")),
            "-grow",
        )

    def fill(self, loaded: tuple[list[Person], Win | None]) -> None:
        members, record = loaded
        by = self.query_one("#by", Select)
        by.set_options(people(members, record and record.owner))
        if record is None:
            return
        # inert: see VerbatimFormScreen.fill.
        self.query_one("#title", Input).value = inert(record.title, single_line=True)
        by.value = record.owner
        self.query_one("#client", Input).value = inert(record.client, single_line=True)
        self.query_one("#date", Input).value = record.date.isoformat()
        area = self.query_one("#story", TextArea)
        area.load_text(inert(record.story))
        area.move_cursor(area.document.end)
