"""What fills the screen under the clock, by kind of segment.

Client time shows clients' own words, one large card at a time; sales time
shows today's numbers against target; team time has a notes field kept with
the briefing.

The meeting screen mounts a pane the first time its segment comes up, so
the clock reaches the wall sooner: a pane may therefore be given its data
before it is mounted, and draws it once it is. The table and the text area
are imported the same way, on first use.
"""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static

from briefing.records import Metric, Verbatim
from screens.format import gap_text, number
from screens.safe import safe
from screens.widgets.tables import fill

SENTIMENT = {"positive": "☺ positive", "neutral": "· neutral", "negative": "☹ negative"}


class Pane(Vertical):
    """Keeps what it was last asked to show, and draws it when it can."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._data: tuple[Any, ...] | None = None

    def show(self, *data: Any) -> None:
        self._data = data
        if self.is_mounted:
            self.draw(*data)

    def on_mount(self) -> None:
        if self._data is not None:
            self.draw(*self._data)

    def draw(self, *data: Any) -> None:
        raise NotImplementedError


class VerbatimCard(Pane):
    DEFAULT_CSS = """
    VerbatimCard { border: round $accent; padding: 0 2; height: 1fr; }
    VerbatimCard #quote { text-style: bold; height: auto; max-height: 1fr; }
    VerbatimCard #who { color: $text-muted; margin-top: 1; height: auto; }
    """

    def compose(self) -> ComposeResult:
        yield Static(id="quote")
        yield Static(id="who")

    def draw(self, verbatims: tuple[Verbatim, ...], index: int) -> None:
        quote, who = self.query_one("#quote", Static), self.query_one("#who", Static)
        if not verbatims:
            self.border_title = "Client voice"
            quote.update(Text("No new verbatim today. Call a client, or ask the team for a story."))
            who.update("")
            return
        v = verbatims[index]
        self.border_title = f"Verbatim {index + 1} of {len(verbatims)}  ↑↓"
        text = Text("“")
        text.append_text(safe(v.text))
        text.append("”")
        quote.update(text)
        line = Text("— ")
        line.append_text(safe(v.client, "bold", single_line=True))
        if v.company:
            line.append(", ")
            line.append_text(safe(v.company, single_line=True))
        line.append(f"   {v.channel} · {SENTIMENT.get(v.sentiment, v.sentiment)} · {v.date}")
        if v.collected_by:
            line.append("   collected by ")
            line.append_text(safe(v.collected_by, single_line=True))
        who.update(line)


class MetricsPane(Pane):
    DEFAULT_CSS = """
    MetricsPane { border: round $primary; padding: 0 1; height: 1fr; }
    """
    BORDER_TITLE = "Today's numbers"

    def __init__(self, *, id: str | None = None, focusable: bool = True) -> None:
        """``focusable=False`` on the meeting screen: read from afar, never
        scrolled, and its keys stay the meeting's."""
        super().__init__(id=id)
        self._focusable = focusable

    def compose(self) -> ComposeResult:
        from textual.widgets import DataTable

        table = DataTable(show_cursor=False, zebra_stripes=True)
        table.can_focus = self._focusable
        yield table

    def draw(self, metrics: tuple[Metric, ...]) -> None:
        from textual.widgets import DataTable

        rows = []
        for m in metrics:
            unit = f" {m.unit}" if m.unit and len(m.unit) <= 2 else ""
            cells = (
                safe(m.name, single_line=True),
                safe(f"{number(m.value)}{unit}", single_line=True),
                Text(number(m.target) if m.target is not None else "—"),
                gap_text(m.gap),
            )
            rows.append((cells, None))
        fill(self.query_one(DataTable), ("Metric", "Value", "Target", "Gap"), rows)


class NotesPane(Pane):
    """The notes of the day. Typing is off until the lead asks for it (e),
    so the meeting's one-letter keys keep working in team time."""

    DEFAULT_CSS = """
    NotesPane { border: round $secondary; padding: 0 1; height: 1fr; }
    NotesPane TextArea { height: 1fr; }
    """
    BORDER_TITLE = "Focus of the day — notes (e to write, esc when done)"

    def compose(self) -> ComposeResult:
        from textual.widgets import TextArea

        area = TextArea(id="notes")
        area.can_focus = False
        yield area

    def draw(self, notes: str) -> None:
        area = self.query_one("#notes")
        if not area.has_focus and area.text != notes:  # never under the lead's cursor
            area.load_text(notes)

    @property
    def text(self) -> str:
        if self.is_mounted:
            return self.query_one("#notes").text
        return self._data[0] if self._data else ""

    @property
    def writing(self) -> bool:
        return self.is_mounted and self.query_one("#notes").has_focus

    def start_writing(self) -> None:
        area = self.query_one("#notes")
        area.can_focus = True
        area.focus()

    def stop_writing(self) -> None:
        self.query_one("#notes").can_focus = False
        self.screen.set_focus(None)


class PresenterPane(Pane):
    """The client-win segment: a collaborator, not the lead, tells a win."""

    DEFAULT_CSS = """
    PresenterPane { border: round $success; padding: 0 2; height: 1fr; }
    PresenterPane #presenter { text-style: bold; color: $success; height: auto; }
    PresenterPane #win { height: auto; margin-top: 1; }
    PresenterPane #reason { color: $text-muted; height: auto; }
    """

    def compose(self) -> ComposeResult:
        # The reason comes before the story: on a small screen the story is
        # what may be cut, never why this person was chosen.
        yield Static(id="presenter")
        yield Static(id="reason")
        yield Static(id="win")

    BORDER_TITLE = "Client win · x: not ready · u: undo x · w: another win · a: attendance"

    def draw(self, presentation) -> None:
        presenter, win, reason = (
            self.query_one("#presenter", Static),
            self.query_one("#win", Static),
            self.query_one("#reason", Static),
        )
        if presentation is None:
            presenter.update("")
            win.update("")
            reason.update("")
            return
        person = presentation.choice.presenter
        presenter.update(
            Text.assemble("▶ ", safe(person.name, "bold"), " presents") if person else Text("Nobody can present today")
        )
        w = presentation.win
        if w is None:
            win.update(Text("No win is pending: ask for a fresh client story.", style="italic"))
        else:
            text = Text.assemble(("“", "bold"), safe(w.title, "bold"), ("”", "bold"))
            if w.client:
                text.append("  — ")
                text.append_text(safe(w.client, single_line=True))
            if not presentation.own_win:
                text.append("\nWon by ", style="bold")
                text.append_text(safe(w.owner, "bold", single_line=True))
            if w.story:
                text.append("\n")
                text.append_text(safe(w.story))
            win.update(text)
        reason.update(safe(presentation.choice.reason))
