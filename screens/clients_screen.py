"""Clients: find a person by typing part of their name, open their page.

The list is read a page at a time (50 names, in name order down the
``clients_key`` index) and the next page only when the cursor reaches the
end: ten years of clients (22,000) are never loaded to show twenty.
"""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import DataTable, Footer, Header, Input, Static

from briefing import client_admin
from briefing.client_admin import ListedClient
from briefing.i18n import N_, _, ngettext
from screens.data import Loaded, follow, run
from screens.safe import safe
from screens.speaking import Speaks

PAGE = client_admin.PAGE
DEBOUNCE_S = 0.15


def _page(conn, search: str, offset: int) -> tuple[str, int, list[ListedClient]]:
    return search, offset, client_admin.list_clients(conn, search=search, limit=PAGE + 1, offset=offset)


class ClientsScreen(Speaks, Screen[None]):
    SUB_TITLE = N_("Clients")
    BINDINGS = [
        Binding("enter", "open", N_("Open"), id="clients.open", show=False),
        Binding("escape", "back", N_("Back"), id="clients.back"),
    ]
    DEFAULT_CSS = """
    ClientsScreen #clients-search { margin: 0 1; }
    ClientsScreen DataTable { height: 1fr; }
    ClientsScreen #clients-more { height: 1; padding: 0 2; color: $text-muted; }
    """

    class Read(Loaded[tuple[str, int, list[ListedClient]]]):
        """A page of clients for a search."""

    def __init__(self) -> None:
        super().__init__()
        self.sub_title = _(self.SUB_TITLE)
        self.rows: list[ListedClient] = []
        self.more = False
        self.loads = 0  # pages shown so far (tests wait on it)
        self._debounce: Timer | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        yield Input(placeholder=_("Type part of a name · ↓ to the list · Enter: their page"), id="clients-search")
        table: DataTable = DataTable(cursor_type="row", zebra_stripes=True, id="clients-table")
        table.add_columns(_("Name"), _("Company"), _("Last heard"), _("Verbatims"))
        yield table
        yield Static(id="clients-more")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        follow(self, self.reload)
        self.query_one(Input).focus()
        self.reload()

    def reload(self) -> None:
        run(self, self.Read, _page, self.query_one(Input).value.strip(), 0)

    @on(Input.Changed)
    def _typed(self) -> None:
        if self._debounce is not None:
            self._debounce.stop()
        self._debounce = self.set_timer(DEBOUNCE_S, self.reload)

    @on(Input.Submitted)
    def _to_list(self) -> None:
        self.query_one(DataTable).focus()

    def on_key(self, event) -> None:
        if event.key == "down" and self.query_one(Input).has_focus:
            self.query_one(DataTable).focus()
            event.stop()

    @on(Read)
    def _show(self, event: Read) -> None:
        search, offset, found = event.value
        if search != self.query_one(Input).value.strip():
            return  # typed on since: a newer read is coming
        self.more = len(found) > PAGE
        found = found[:PAGE]
        table = self.query_one(DataTable)
        if offset == 0:
            self.rows = []
            table.clear()
        self.rows += found
        for item in found:
            c = item.client
            table.add_row(
                safe(c.name, "bold", single_line=True),
                safe(c.company or "—", single_line=True),
                Text(item.last_heard or _("never"), style="dim"),
                Text(str(item.verbatims), justify="right"),
                key=str(c.id),
            )
        shown = len(self.rows)
        if not shown:
            note = _("No client matches.")
        elif self.more:
            note = ngettext("{count} shown · more below", "{count} shown · more below", shown).format(count=shown)
        else:
            note = ngettext("{count} shown", "{count} shown", shown).format(count=shown)
        self.query_one("#clients-more", Static).update(note)
        self.loads += 1

    @on(DataTable.RowHighlighted)
    def _near_end(self, event: DataTable.RowHighlighted) -> None:
        if self.more and event.cursor_row >= len(self.rows) - 1:
            self.more = False
            run(self, self.Read, _page, self.query_one(Input).value.strip(), len(self.rows))

    @on(DataTable.RowSelected)
    def _selected(self, event: DataTable.RowSelected) -> None:
        self._open(int(event.row_key.value))

    def action_open(self) -> None:
        table = self.query_one(DataTable)
        if table.row_count:
            self._open(self.rows[table.cursor_row].client.id)

    def _open(self, client_id: int) -> None:
        from screens.client_screen import ClientScreen

        self.app.push_screen(ClientScreen(client_id))

    def action_back(self) -> None:
        self.app.pop_screen()
