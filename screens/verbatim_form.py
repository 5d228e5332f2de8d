"""Adding or editing a verbatim: a client's own words, in under a minute.

Validation is the core's (the CLI and this form can never disagree); the
form only says *where* the problem is, next to the field, and keeps every
character the user typed.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Input, Select, TextArea

from briefing import client_hint, verbatims
from briefing.i18n import N_, _
from briefing.kinds import Channel, Sentiment
from briefing.records import Person, Verbatim
from briefing.safetext import inert
from screens.client_form import ClientFormScreen
from screens.format import channel_word
from screens.inbox_cells import word
from screens.saving import field, people

#: Model field -> widget id, so a refusal from the core lands on the right field.
WIDGETS = {
    "text": "text",
    "client": "client",
    "company": "company",
    "channel": "channel",
    "sentiment": "sentiment",
    "collected_by": "by",
    "date": "date",
}


class VerbatimFormScreen(ClientFormScreen):
    """Dismissed with the verbatim's id once saved, or None when cancelled."""

    NOUN = "verbatim"
    NEW = N_("New verbatim")
    EDITING = N_("Edit verbatim {id}")
    SAVED = N_("Verbatim saved")
    DISCARD = N_("Discard this verbatim? What you typed will be lost.")
    FIELDS = ("text", "client", "company", "channel", "sentiment", "by", "date")
    WIDGETS = WIDGETS
    OPTIONAL = ("company", "collected_by")
    GET = staticmethod(verbatims.get)
    ADD = staticmethod(verbatims.add)
    EDIT = staticmethod(verbatims.edit)
    CLIENT_FIELDS = ("client", "company")
    HINT = staticmethod(client_hint.for_verbatim)

    def __init__(self, verbatim_id: int | None = None) -> None:
        super().__init__(verbatim_id)

    def compose_fields(self) -> ComposeResult:
        yield field(
            _("Quote: the client's own words"),
            TextArea(id="text", placeholder=_("What the client said, as they said it")),
            "-grow",
        )
        with Horizontal(classes="row"):
            yield field(_("Client"), Input(id="client", placeholder=_("who said it")))
            yield field(_("Company"), Input(id="company", placeholder=_("optional")), "-last")
        yield from self.client_notes()
        with Horizontal(classes="row"):
            yield field(_("Channel"), _choice(Channel, Channel.OTHER, "channel"))
            yield field(_("Sentiment"), _choice(Sentiment, Sentiment.NEUTRAL, "sentiment"))
            yield field(_("Collected by"), Select([], prompt=_("(not said)"), id="by"), "-wide")
            yield field(_("Date (YYYY-MM-DD)"), Input(self.app.day.isoformat(), id="date"), "-last")

    def fill(self, loaded: tuple[list[Person], Verbatim | None]) -> None:
        members, record = loaded
        by = self.query_one("#by", Select)
        by.set_options(people(members, record and record.collected_by))
        if record is None:
            return
        # inert: control characters shown as placeholders, never sent raw to
        # the terminal; unchanged fields are not saved back, so nothing is altered.
        area = self.query_one("#text", TextArea)
        area.load_text(inert(record.text))
        area.move_cursor(area.document.end)
        self.query_one("#client", Input).value = inert(record.client, single_line=True)
        self.query_one("#company", Input).value = inert(record.company, single_line=True)
        self.query_one("#channel", Select).value = record.channel
        self.query_one("#sentiment", Select).value = record.sentiment
        if record.collected_by:
            by.value = record.collected_by
        self.query_one("#date", Input).value = record.date.isoformat()


def _choice(kind: type[Channel] | type[Sentiment], default: str, wid: str) -> Select[str]:
    """The fixed vocabulary in the user's words; the stored value stays English."""
    said = channel_word if kind is Channel else word
    return Select([(said(v.value), v.value) for v in kind], allow_blank=False, value=default.value, id=wid)
