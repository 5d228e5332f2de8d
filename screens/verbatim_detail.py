"""How a verbatim or a win reads: in one line, in a few, and in full.

The inbox clips quotes to one line so the list reads at a glance (the
cells and the preview below are built here); the detail screens are where
the whole of what the client said can be read, however long.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static
from textual.worker import Worker, WorkerState

from briefing.errors import BriefingError
from screens.safe import safe

STYLE = {
    "new": "bold",
    "pending": "bold",
    "archived": "dim italic",
    "presented": "dim",
    "positive": "green",
    "negative": "red",
    "neutral": "dim",
}
SHORT = {"archived": "arch.", "positive": "pos", "neutral": "neu", "negative": "neg"}
PEOPLE = ("collected_by", "owner", "presented_by")
#: (field, heading, narrow width, wide width): 0 hides the column, -1 gives it what is left.
COLUMNS = {
    "verbatims": [
        ("date", "Date", 6, 6),
        ("status", "Status", 6, 8),
        ("client", "Client", 16, 22),
        ("company", "Company", 0, 22),
        ("collected_by", "By", 9, 18),
        ("channel", "Via", 6, 7),
        ("sentiment", "Mood", 4, 8),
        ("text", "Quote", -1, -1),
    ],
    "wins": [
        ("date", "Date", 6, 6),
        ("status", "Status", 9, 9),
        ("owner", "Won by", 9, 18),
        ("client", "Client", 14, 24),
        ("title", "Win", -1, -1),
        ("presented_by", "Told by", 9, 18),
    ],
}


def row_cell(row: dict[str, Any], field: str, width: int, wide: bool, today: date) -> Text:
    """One inbox cell, clipped to ``width``; narrow screens get short words."""
    value = row[field] or ""
    if field == "date":
        day = date.fromisoformat(value)
        value = f"{day:%d %b}" if day.year == today.year else value
    style = ""
    if field in ("status", "sentiment"):
        style, value = STYLE.get(value, ""), value if wide else SHORT.get(value, value)
    elif not wide and field in PEOPLE and len(parts := value.split()) > 1:
        value = f"{parts[0]} {parts[-1][0]}."  # "Inès M." fits a narrow column
    cell = safe(value, style, single_line=True)
    cell.truncate(width, overflow="ellipsis")
    return cell


def preview_text(kind: str, row: dict[str, Any]) -> Text:
    """The few lines under the inbox: who said it, then the words themselves."""
    if kind == "verbatims":
        head = [safe(row["client"], "bold", single_line=True)]
        head += [safe(row["company"], single_line=True)] if row["company"] else []
        if row["collected_by"]:
            head.append(safe(f"collected by {row['collected_by']}", "dim", single_line=True))
        body = safe(row["text"])
    else:
        head = [safe(row["title"], "bold", single_line=True), safe(f"won by {row['owner']}", single_line=True)]
        body = safe(row["story"]) if row["story"] else Text("No story yet.", style="dim")
    return Text(" · ").join(head) + Text("\n") + body


class DetailScreen(ModalScreen[None]):
    """Loads one record in a worker, shows its facts above its long text."""

    DEFAULT_CSS = """
    DetailScreen { align: center middle; }
    DetailScreen > VerticalScroll {
        width: 90%; max-width: 110; height: auto; max-height: 90%;
        border: thick $primary; background: $surface; padding: 0 2;
        border-subtitle-color: $text-muted;
    }
    DetailScreen #detail-facts { height: auto; margin-bottom: 1; }
    """
    BINDINGS = [Binding("escape", "close", "Close", id="detail.close")]
    FRAME_TITLE = ""

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="detail"):
            yield Static(id="detail-facts")
            yield Static("Loading…", id="detail-text")

    def on_mount(self) -> None:
        frame = self.query_one("#detail", VerticalScroll)
        frame.border_title = self.FRAME_TITLE
        frame.border_subtitle = "↑↓ PgUp PgDn: scroll · Esc: close"
        frame.focus()
        self.load()

    def fetch(self, conn) -> dict[str, Any]:
        raise NotImplementedError

    def facts(self, row: dict[str, Any]) -> Text:
        raise NotImplementedError

    def body(self, row: dict[str, Any]) -> Text:
        raise NotImplementedError

    @work(thread=True, exclusive=True, exit_on_error=False, group="detail")
    def load(self) -> dict[str, Any]:
        conn = self.app.connect()
        try:
            return self.fetch(conn)
        finally:
            conn.close()

    @on(Worker.StateChanged)
    def _loaded(self, event: Worker.StateChanged) -> None:
        if event.worker.group != "detail":
            return
        text = self.query_one("#detail-text", Static)
        if event.state == WorkerState.SUCCESS:
            row = event.worker.result
            self.query_one("#detail-facts", Static).update(self.facts(row))
            text.update(self.body(row))
        elif event.state == WorkerState.ERROR:
            error = event.worker.error
            problem = str(error) if isinstance(error, BriefingError) else f"Could not read the database: {error}"
            text.update(Text(problem, style="red"))

    def action_close(self) -> None:
        self.dismiss(None)


def _line(label: str, value: str | None, style: str = "") -> Text:
    line = Text(f"{label:<13}", style="dim")
    line.append_text(safe(value or "—", style, single_line=True))
    return line


class VerbatimDetailScreen(DetailScreen):
    FRAME_TITLE = "Verbatim"

    def __init__(self, verbatim_id: int) -> None:
        super().__init__()
        self.verbatim_id = verbatim_id

    def fetch(self, conn) -> dict[str, Any]:
        from briefing.verbatims import get

        return get(conn, self.verbatim_id)

    def facts(self, row: dict[str, Any]) -> Text:
        return Text("\n").join(
            [
                _line("Client", row["client"], "bold"),
                _line("Company", row["company"]),
                _line("Channel", row["channel"]),
                _line("Sentiment", row["sentiment"], STYLE.get(row["sentiment"], "")),
                _line("Date", row["date"]),
                _line("Status", row["status"]),
                _line("Collected by", row["collected_by"]),
            ]
        )

    def body(self, row: dict[str, Any]) -> Text:
        return safe(row["text"])


class WinDetailScreen(DetailScreen):
    FRAME_TITLE = "Client win"

    def __init__(self, win_id: int) -> None:
        super().__init__()
        self.win_id = win_id

    def fetch(self, conn) -> dict[str, Any]:
        from briefing.errors import NotFound
        from briefing.wins import list_wins

        found = [w for w in list_wins(conn) if w["id"] == self.win_id]
        if not found:
            raise NotFound("ID", f"no win with id {self.win_id}")
        return found[0]

    def facts(self, row: dict[str, Any]) -> Text:
        return Text("\n").join(
            [
                _line("Win", row["title"], "bold"),
                _line("Won by", row["owner"]),
                _line("Client", row["client"]),
                _line("Date", row["date"]),
                _line("Status", row["status"]),
                _line("Presented by", row["presented_by"]),
            ]
        )

    def body(self, row: dict[str, Any]) -> Text:
        return safe(row["story"]) if row["story"] else Text("No story written yet.", style="dim")
