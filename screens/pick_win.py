"""The lead picks which pending win is told today."""

from __future__ import annotations

from functools import partial

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import DataTable, Label

from briefing.i18n import N_, _
from briefing.records import Win
from briefing.wins import list_wins
from screens.data import Loaded, run
from screens.dialog import Dialog
from screens.safe import safe
from screens.speaking import Speaks
from screens.widgets.tables import fill


class PickWinScreen(Speaks, Dialog[int | None]):
    DEFAULT_CSS = """
    PickWinScreen > .dialog { width: 90%; max-width: 120; }
    """

    BINDINGS = [
        Binding("enter", "pick", N_("Tell this one"), id="pick.choose", priority=True),
        Binding("escape", "cancel", N_("Cancel"), id="pick.cancel"),
    ]

    class Pending(Loaded[list[Win]]):
        """The wins not told yet."""

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(_("Which client win is told today?"))
            yield DataTable(cursor_type="row", zebra_stripes=True)
            yield Label(_("↑↓ choose · Enter: tell this one · Esc: cancel"))

    def on_mount(self) -> None:
        run(self, self.Pending, partial(list_wins, status="pending"))

    @on(Pending)
    def _fill(self, event: Pending) -> None:
        rows = [
            (
                (
                    Text(w.date.isoformat()),
                    safe(w.owner, single_line=True),
                    safe(w.client, single_line=True),
                    safe(w.title, single_line=True),
                ),
                str(w.id),
            )
            for w in event.value
        ]
        table = self.query_one(DataTable)
        fill(table, (_("Date"), _("Won by"), _("Client"), _("Win")), rows)
        table.focus()

    def action_pick(self) -> None:
        table = self.query_one(DataTable)
        if not table.row_count:
            self.dismiss(None)
            return
        self.dismiss(int(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value))
