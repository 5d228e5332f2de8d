"""The inbox: every verbatim and win, to read, find and tidy before the briefing.

Collaborators add material from their own terminals while the lead's app is
open, so the lists reload on every database change. A reload must never move
the lead's cursor, scroll or search: rows are updated in place, not rebuilt.
"""

from __future__ import annotations

import time
from functools import partial

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import DataTable, Footer, Header, Input, Select, Static, TabbedContent, TabPane

from briefing.i18n import N_, _
from briefing.inbox import PAGE, Found, Page, Query, find, page
from briefing.records import Person, Verbatim, Win
from screens.data import Loaded, follow, run
from screens.inbox_actions import RecordKeys
from screens.inbox_cells import (
    ANYONE,
    COLUMNS,
    EMPTY,
    NO_MATCH,
    STATUSES,
    TABS,
    count_text,
    fitted,
    preview_text,
    row_cell,
)
from screens.safe import safe
from screens.speaking import Speaks

#: Rows left below the cursor when the next page is read.
MORE_WHEN_LEFT = 20
DEBOUNCE_SECONDS = 0.2
WIDE = 120  # from this width on, every column is shown in full


class InboxTable(Speaks, DataTable):
    BINDINGS = [
        # Enter opens a row, as in any list; the footer keeps its room for
        # the keys nobody would guess (at 80 columns, in French too).
        Binding("enter", "select_cursor", N_("Open"), show=False, id="inbox.open"),
        Binding("right", "screen.switch_tab", N_("Tabs"), key_display="←→", id="inbox.switch"),
        Binding("left", "screen.switch_tab", N_("Tabs"), show=False, id="inbox.switch_back"),
    ]


class SearchInput(Speaks, Input):
    BINDINGS = [Binding("escape", "screen.back", N_("Back to the list"), id="inbox.search_done")]


class InboxScreen(Speaks, RecordKeys, Screen[None]):
    DEFAULT_CSS = """
    InboxScreen #inbox-bar { height: auto; }
    InboxScreen #inbox-search { width: 1fr; }
    InboxScreen #inbox-bar Select { width: 24; }
    InboxScreen TabbedContent, InboxScreen ContentSwitcher, InboxScreen TabPane { height: 1fr; }
    InboxScreen TabPane { padding: 0; }
    InboxScreen InboxTable { height: 1fr; }
    InboxScreen TabPane.-empty InboxTable { height: auto; }
    InboxScreen .empty { display: none; padding: 1 2; color: $text-muted; }
    InboxScreen TabPane.-empty .empty { display: block; }
    InboxScreen #inbox-preview { height: 3; padding: 0 1; background: $boost; }
    InboxScreen.-wide #inbox-preview { height: 5; }
    """

    SUB_TITLE = N_("Inbox")
    BINDINGS = [
        Binding("a", "form(False)", N_("Add"), id="inbox.add"),
        Binding("e", "form(True)", N_("Edit"), id="inbox.edit"),
        Binding("d", "archive", N_("Archive"), id="inbox.archive"),
        Binding("u", "undo", N_("Undo"), id="inbox.undo"),
        Binding("c", "client", N_("Client"), id="inbox.client"),
        Binding("slash", "search", N_("Search"), key_display="/", id="inbox.search"),
        Binding("escape", "back", N_("Close"), id="inbox.back"),
        # q still quits; not in the footer, which has no room left for it at
        # 80 columns (esc goes back home, where q is shown).
        Binding("q", "app.quit", N_("Quit"), show=False, id="inbox.quit"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.sub_title = _(self.SUB_TITLE)
        self.loads = 0  # results shown so far (tests wait on it)
        self._last: Found | None = None
        self._team: dict[int, str] = {}
        self._want: dict[str, str] = {}  # a row the cursor goes to once it shows
        self._undo: tuple[int, str, float] | None = None
        self._debounce: Timer | None = None
        self._layouts: dict[str, tuple[bool, int]] = {}
        #: The rows each list shows (pages read so far), and whether more follow.
        self._rows: dict[str, list[Verbatim | Win]] = {kind: [] for kind in COLUMNS}
        self._more: dict[str, bool] = dict.fromkeys(COLUMNS, False)
        self._reading_more: dict[str, bool] = dict.fromkeys(COLUMNS, False)
        #: Tabs whose table waits to be filled (True: from scratch), until shown.
        self._unfilled: dict[str, bool] = {}

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="inbox-bar"):
            yield SearchInput(placeholder=_("Search (/) · Tab: filters"), id="inbox-search")
            statuses = [(_(label), value) for label, value in STATUSES]
            yield Select(statuses, value="", allow_blank=False, id="inbox-status")
            yield Select([(_(ANYONE), 0)], value=0, allow_blank=False, id="inbox-by")
        with TabbedContent(id="inbox-tabs"):
            for kind in COLUMNS:
                with TabPane(_(TABS[kind]), id=kind):
                    yield InboxTable(cursor_type="row", zebra_stripes=True, id=f"{kind}-table")
                    yield Static(_(EMPTY[kind]), classes="empty", id=f"{kind}-empty")
        yield Static(id="inbox-preview")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        follow(self, self.reload)
        self.table().focus()
        self.reload()

    @property
    def kind(self) -> str:
        return self.query_one(TabbedContent).active or "verbatims"

    def table(self, kind: str | None = None) -> InboxTable:
        return self.query_one(f"#{kind or self.kind}-table", InboxTable)

    def current_id(self) -> int | None:
        table = self.table()
        return _id_at(table) if table.row_count else None

    def current_row(self) -> Verbatim | Win | None:
        wanted = self.current_id()
        return next((r for r in self._rows[self.kind] if r.id == wanted), None) if wanted is not None else None

    # -- loading ---------------------------------------------------------------

    class Searched(Loaded[Found]):
        """What matches the search and filters: the first rows of each list."""

    class MoreRows(Loaded[tuple[Query, str, Page]]):
        """The next rows of one list, read as the lead scrolls down."""

    class Archived(Loaded[Verbatim]):
        """A verbatim archived (the value: as it was, for undo)."""

    class Restored(Loaded[Verbatim]):
        """An archived verbatim brought back."""

    def query_typed(self) -> Query:
        by = self.query_one("#inbox-by", Select).value
        return Query(
            search=self.query_one("#inbox-search", Input).value.strip(),
            status=str(self.query_one("#inbox-status", Select).value),
            by=self._team.get(by, "") if isinstance(by, int) else "",
        )

    def reload(self) -> None:
        """Read again. The same search reads as many rows as are shown, so a
        colleague's addition never shrinks the view; a new one starts over.
        A newer read cancels an older one still running."""
        query = self.query_typed()
        same = self._last is not None and query == self._last.query
        shown = {kind: len(self._rows[kind]) if same else PAGE for kind in COLUMNS}
        run(self, self.Searched, partial(find, verbatims_shown=shown["verbatims"], wins_shown=shown["wins"]), query)

    @on(Searched)
    def _found(self, event: Searched) -> None:
        self._show(event.value)

    def _show(self, found: Found) -> None:
        refiltered = self._last is None or found.query != self._last.query
        self._last = found
        self._show_team(found.team)
        for kind in COLUMNS:
            page = found.verbatims if kind == "verbatims" else found.wins
            self._more[kind] = page.more
            self._fill(kind, list(page.rows), refiltered)
        self._show_counts()

    def _show_counts(self) -> None:
        query = self._last.query if self._last else Query()
        for kind in COLUMNS:
            rows = self._rows[kind]
            filtered = query.search or query.by or (query.status and kind == "verbatims")
            self.query_one(f"#{kind}-empty", Static).update(_(NO_MATCH if filtered else EMPTY[kind]))
            self.query_one(f"#{kind}", TabPane).set_class(not rows, "-empty")
        # Counts in the header, not the tab labels: a relabelled tab can leave
        # its underline at the old width. "100+": more follow as you scroll.
        counts = [count_text(kind, len(self._rows[kind]), self._more[kind]) for kind in COLUMNS]
        self.sub_title = " · ".join([_(self.SUB_TITLE), *counts])
        self._preview()
        self.loads += 1

    def _more_if_near_the_end(self) -> None:
        kind, table = self.kind, self.table()
        if self._more[kind] and not self._reading_more[kind] and table.cursor_row >= table.row_count - MORE_WHEN_LEFT:
            self._reading_more[kind] = True
            run(
                self,
                self.MoreRows,
                _next_page,
                self._last.query if self._last else Query(),
                kind,
                len(self._rows[kind]),
            )

    @on(MoreRows)
    def _more_rows(self, event: MoreRows) -> None:
        query, kind, page = event.value
        self._reading_more[kind] = False
        if self._last is None or query != self._last.query:
            return  # the search changed meanwhile: these rows belong to no list shown
        known = {r.id for r in self._rows[kind]}
        fresh = [r for r in page.rows if r.id not in known]
        self._rows[kind] += fresh
        self._more[kind] = page.more
        if kind != self.kind:
            self._unfilled.setdefault(kind, False)
            self._show_counts()
            return
        columns, wide = self._columns(kind)
        table = self.table(kind)
        for r in fresh:
            table.add_row(*[row_cell(r, f, w, wide, self.app.day) for f, _heading, w in columns], key=str(r.id))
        self._show_counts()

    def _show_team(self, people: tuple[Person, ...]) -> None:
        team = {p.id: p.name for p in people}
        if team != self._team:
            self._team = team
            select = self.query_one("#inbox-by", Select)
            chosen = select.value
            select.set_options([(_(ANYONE), 0)] + [(safe(name, single_line=True), pid) for pid, name in team.items()])
            select.value = chosen if chosen in team else 0

    def _columns(self, kind: str) -> tuple[list[tuple[str, str, int]], bool]:
        """(field, heading, width) of the columns this width shows, and whether
        the screen is wide enough for every column in full."""
        wide = self.size.width >= WIDE
        columns = [
            (field, _(heading), fitted(kind, field, heading, w[wide]))
            for field, heading, *w in COLUMNS[kind]
            if w[wide]
        ]
        spare = self.size.width - 2 - 2 * len(columns) - sum(w for *_rest, w in columns if w > 0)
        return [(field, heading, w if w > 0 else max(spare, 10)) for field, heading, w in columns], wide

    def _fill(self, kind: str, rows: list[Verbatim | Win], refiltered: bool) -> None:
        """Bring the table to ``rows``: a new search replaces every row in one
        go; a read of the same search updates in place, the cursor staying
        on its row (a colleague's addition must not move the lead's view).
        The tab not shown is filled when it is (its rows are kept till then)."""
        self._rows[kind] = rows
        if kind != self.kind:
            self._unfilled[kind] = self._unfilled.get(kind, False) or refiltered
            return
        self._unfilled.pop(kind, None)
        table = self.table(kind)
        keep = self._want.pop(kind, None) or (str(_id_at(table)) if table.row_count else None)
        old_row = table.cursor_row
        columns, wide = self._columns(kind)
        self.set_class(wide, "-wide")
        wanted = {str(r.id): [row_cell(r, f, w, wide, self.app.day) for f, _heading, w in columns] for r in rows}
        order = list(wanted)
        if refiltered or self._layouts.get(kind) != (wide, self.size.width):
            self._layouts[kind] = (wide, self.size.width)
            table.clear(columns=True)
            for field, heading, width in columns:
                table.add_column(heading, width=width, key=field)
            for key, cells in wanted.items():
                table.add_row(*cells, key=key)
        else:
            for key in [k for k in table.rows if k.value not in wanted]:
                table.remove_row(key)
            for key, cells in wanted.items():
                if key not in table.rows:
                    table.add_row(*cells, key=key)
                elif table.get_row(key) != cells:
                    for (field, *_rest), cell in zip(columns, cells, strict=False):
                        table.update_cell(key, field, cell)
            if [row.key.value for row in table.ordered_rows] != order:
                # A DataTable cannot insert mid-table: new rows were appended, so
                # sort into place (rebuilding would lose the scroll position).
                first = table.ordered_columns[0].key
                rank = {id(table.get_cell(key, first)): i for i, key in enumerate(order)}
                table.sort(first, key=lambda cell: rank[id(cell)])
        if keep in wanted:
            table.move_cursor(row=order.index(keep))
        elif order:
            table.move_cursor(row=0 if refiltered else min(old_row, len(order) - 1))

    def on_resize(self) -> None:
        if self._last is not None:
            for kind in COLUMNS:
                self._fill(kind, self._rows[kind], refiltered=False)
            self._show_counts()

    def _preview(self) -> None:
        row = self.current_row()
        self.query_one("#inbox-preview", Static).update(preview_text(row) if row else "")

    # -- what the user does ----------------------------------------------------

    @on(Input.Changed, "#inbox-search")
    def _typed(self) -> None:
        if self._debounce is not None:
            self._debounce.stop()
        self._debounce = self.set_timer(DEBOUNCE_SECONDS, self.reload)

    @on(Input.Submitted, "#inbox-search")
    def _searched(self) -> None:
        self.table().focus()

    @on(Select.Changed)
    def _filtered(self) -> None:
        self.reload()

    @on(TabbedContent.TabActivated)
    def _tab_changed(self) -> None:
        if self.kind in self._unfilled:
            self._fill(self.kind, self._rows[self.kind], self._unfilled[self.kind])
        self.query_one("#inbox-status").display = self.kind == "verbatims"
        self.table().focus()
        self._preview()
        self.refresh_bindings()

    @on(DataTable.RowHighlighted)
    def _highlighted(self) -> None:
        self._preview()
        self._more_if_near_the_end()

    @on(DataTable.RowSelected)
    def _selected(self) -> None:
        from screens.verbatim_detail import VerbatimDetailScreen, WinDetailScreen

        detail = VerbatimDetailScreen if self.kind == "verbatims" else WinDetailScreen
        if (row_id := self.current_id()) is not None:
            self.app.push_screen(detail(row_id))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "archive":
            return self.kind == "verbatims"
        if action == "undo":
            return self._undo is not None and time.monotonic() < self._undo[2]
        return True

    def action_switch_tab(self) -> None:
        self.query_one(TabbedContent).active = "wins" if self.kind == "verbatims" else "verbatims"

    def action_search(self) -> None:
        self.query_one("#inbox-search", Input).focus()

    def action_back(self) -> None:
        if self.focused is not self.table():
            self.table().focus()
        else:
            self.app.pop_screen()


def _id_at(table: DataTable) -> int:
    return int(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)


def _next_page(conn, query: Query, kind: str, offset: int) -> tuple[Query, str, Page]:
    return query, kind, page(conn, query, kind, offset)
