"""The lead picks which pending win is told today."""

from __future__ import annotations

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DataTable, Label

from screens.safe import safe


class PickWinScreen(ModalScreen[int | None]):
    DEFAULT_CSS = """
    PickWinScreen { align: center middle; }
    PickWinScreen > Vertical {
        width: 90%; max-width: 120; height: auto; max-height: 90%;
        border: thick $primary; background: $surface; padding: 1 2;
    }
    PickWinScreen DataTable { height: auto; max-height: 20; margin: 1 0; }
    """
    BINDINGS = [
        Binding("enter", "pick", "Tell this one", id="pick.choose", priority=True),
        Binding("escape", "cancel", "Cancel", id="pick.cancel"),
    ]

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label("Which client win is told today?")
            yield DataTable(cursor_type="row", zebra_stripes=True)
            yield Label("↑↓ choose · Enter: tell this one · Esc: cancel")

    def on_mount(self) -> None:
        self.query_one(DataTable).add_columns("Date", "Won by", "Client", "Win")
        self.load()

    @work(thread=True, exit_on_error=False)
    def load(self) -> None:
        from briefing.wins import list_wins

        conn = self.app.connect()
        try:
            wins = list_wins(conn, status="pending")
        finally:
            conn.close()
        self.app.call_from_thread(self._fill, wins)

    def _fill(self, wins) -> None:
        table = self.query_one(DataTable)
        for w in wins:
            table.add_row(
                Text(w["date"]),
                safe(w["owner"], single_line=True),
                safe(w["client"], single_line=True),
                safe(w["title"], single_line=True),
                key=str(w["id"]),
            )
        table.focus()

    def action_pick(self) -> None:
        table = self.query_one(DataTable)
        if not table.row_count:
            self.dismiss(None)
            return
        self.dismiss(int(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value))

    def action_cancel(self) -> None:
        self.dismiss(None)
