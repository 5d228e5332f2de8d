"""A verbatim or a win in full: its facts above the whole of its text.

The inbox clips quotes to one line; here the whole of what the client said
can be read, however long, and scrolled.
"""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Static

from briefing.i18n import N_, _
from briefing.records import Verbatim, Win
from screens.data import Failed, Loaded, Refused, run
from screens.dialog import Dialog
from screens.format import channel_word
from screens.inbox_cells import style_of, word
from screens.safe import safe
from screens.speaking import Speaks
from screens.tones import tone

#: The facts' labels are padded to one width, at least this one.
LABEL_WIDTH = 13


class DetailScreen(Speaks, Dialog[None]):
    """Reads one record, shows its facts above its long text."""

    DEFAULT_CSS = """
    DetailScreen > .dialog { width: 90%; max-width: 110; padding: 0 2; border-subtitle-color: $text-muted; }
    DetailScreen #detail-facts { height: auto; margin-bottom: 1; }
    """

    BINDINGS = [
        Binding("escape", "cancel", N_("Close"), id="detail.close"),
        Binding("c", "client", N_("Client"), id="detail.client"),
    ]
    FRAME_TITLE = ""
    #: ClientScreen's keyword for this kind of record ("verbatim_id", "win_id").
    CLIENT_OF = ""

    class Read(Loaded[Any]):
        """The record, read."""

    def __init__(self, record_id: int) -> None:
        super().__init__()
        self.record_id = record_id

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="detail", classes="dialog"):
            yield Static(id="detail-facts")
            yield Static(_("Loading…"), id="detail-text")

    def on_mount(self) -> None:
        frame = self.query_one("#detail", VerticalScroll)
        frame.border_title = _(self.FRAME_TITLE)
        frame.border_subtitle = _("↑↓ PgUp PgDn: scroll · c: client · Esc: close")
        frame.focus()
        run(self, self.Read, type(self).fetch, self.record_id)

    @staticmethod
    def fetch(conn: Any, record_id: int) -> Any:
        raise NotImplementedError

    def action_client(self) -> None:
        """The page of the person behind this record, over this dialog."""
        from screens.client_screen import ClientScreen

        self.app.push_screen(ClientScreen(**{self.CLIENT_OF: self.record_id}))

    def facts(self, row: Any) -> Text:
        raise NotImplementedError

    def body(self, row: Any) -> Text:
        raise NotImplementedError

    @on(Read)
    def _read(self, event: Read) -> None:
        self.query_one("#detail-facts", Static).update(self.facts(event.value))
        self.query_one("#detail-text", Static).update(self.body(event.value))

    @on(Refused)
    @on(Failed)
    def _not_read(self, event: Refused | Failed) -> None:
        event.stop()
        problem = event.error.problem if isinstance(event, Refused) else event.message
        self.query_one("#detail-text", Static).update(safe(problem, tone("bad")))


def _facts(lines: list[tuple[str, object, str]]) -> Text:
    """(label, value, style) a line each, the values lined up after the
    longest label (a French one can be longer than English's)."""
    labels = [_(label) for label, _value, _style in lines]
    width = max(LABEL_WIDTH, *(len(label) + 1 for label in labels))
    return Text("\n").join(
        _line(label, value, style, width) for label, (_label, value, style) in zip(labels, lines, strict=True)
    )


def _line(label: str, value: object, style: str = "", width: int = LABEL_WIDTH) -> Text:
    line = Text(f"{label:<{width}}", style="dim")
    line.append_text(safe(str(value) if value else "—", style, single_line=True))
    return line


class VerbatimDetailScreen(DetailScreen):
    FRAME_TITLE = N_("Verbatim")
    CLIENT_OF = "verbatim_id"

    @staticmethod
    def fetch(conn: Any, record_id: int) -> Verbatim:
        from briefing.verbatims import get

        return get(conn, record_id)

    def facts(self, row: Verbatim) -> Text:
        return _facts(
            [
                (N_("Client"), row.client, "bold"),
                (N_("Company"), row.company, ""),
                (N_("Channel"), channel_word(row.channel), ""),
                (N_("Sentiment"), word(row.sentiment), style_of(row.sentiment)),
                (N_("Date"), row.date, ""),
                (N_("Status"), word(row.status), ""),
                (N_("Collected by"), row.collected_by, ""),
            ]
        )

    def body(self, row: Verbatim) -> Text:
        return safe(row.text)


class WinDetailScreen(DetailScreen):
    FRAME_TITLE = N_("Client win")
    CLIENT_OF = "win_id"

    @staticmethod
    def fetch(conn: Any, record_id: int) -> Win:
        from briefing.wins import get

        return get(conn, record_id)

    def facts(self, row: Win) -> Text:
        return _facts(
            [
                (N_("Win"), row.title, "bold"),
                (N_("Won by"), row.owner, ""),
                (N_("Client"), row.client, ""),
                (N_("Date"), row.date, ""),
                (N_("Status"), word(row.status), ""),
                (N_("Presented by"), row.presented_by, ""),
            ]
        )

    def body(self, row: Win) -> Text:
        return safe(row.story) if row.story else Text(_("No story written yet."), style="dim")
