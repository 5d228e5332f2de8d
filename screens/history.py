"""The briefings held, newest first: whether the habit is working.

Each line is one morning: how long it ran, the client share against the
target (marked in words when under it, never by colour alone), who told
which win, how many client verbatims the room saw. Enter opens that
day's full summary. Years of history cost a page: more rows are read as
the cursor nears the end (briefing.history reads a page down an index).
"""

from __future__ import annotations

from functools import partial
from pathlib import Path

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static

from briefing import formats, history, minutes
from briefing.history import PastBriefing
from briefing.i18n import N_, _, ngettext
from briefing.timeutil import mmss
from screens.data import Loaded, follow, run
from screens.format import shortfall
from screens.safe import filled, safe
from screens.speaking import Speaks
from screens.widgets.tables import fill

#: Read the next page when the cursor is this close to the last row.
MORE_WHEN_LEFT = 10
HEADINGS = (N_("Date"), N_("Duration"), N_("Client share"), N_("Shown"), N_("Client win"))


def share_text(b: PastBriefing, wide: bool) -> Text:
    """The share, and under the target a mark in words (never colour alone)."""
    if b.client_share is None:
        return Text("—", style="dim")
    pct = formats.percentage(round(b.client_share * 100))
    if b.under_target:
        target = formats.percentage(round(b.target_share * 100))
        said = _("{share} ▼ under {target}") if wide else _("{share} ▼ under")
        return Text(said.format(share=pct, target=target), style=shortfall())
    return Text(pct)


def told_text(b: PastBriefing) -> Text:
    if b.presenter is None:
        return Text(_("no client win told"), style="dim italic")
    presenter = safe(b.presenter, single_line=True)
    if b.win_title is None:
        text = filled(_("{presenter}: a fresh client story"), "italic", presenter=presenter)
    else:
        text = filled(_("{presenter}: {win}"), presenter=presenter, win=safe(b.win_title, single_line=True))
        if b.win_owner and b.win_owner != b.presenter:
            owner = safe(b.win_owner, "dim", single_line=True)
            text.append_text(filled(_(" — won by {owner}"), "dim", owner=owner))
    text.style = "bold"  # the whole line
    return text


def cells(b: PastBriefing, width: int, year: int) -> tuple[Text, ...]:
    """One line; the client win gets what the other columns leave of ``width``."""
    wide = width >= WIDE
    told = told_text(b)
    told.truncate(max(width - (BEFORE_TOLD if wide else BEFORE_TOLD_NARROW), 20), overflow="ellipsis")
    return (
        Text(formats.short_day(b.day, year=b.day.year != year)),
        Text(mmss(b.duration_s)),
        share_text(b, wide),
        Text(str(b.verbatims_shown), justify="right"),
        told,
    )


#: From this width on, the share's mark names the target too.
WIDE = 120
#: What the columns before "Client win" take at most, padding included.
BEFORE_TOLD = 15 + 5 + 15 + 5 + 2 * 5 + 2
BEFORE_TOLD_NARROW = 15 + 5 + 12 + 5 + 2 * 5 + 2


class HistoryScreen(Speaks, Screen[None]):
    DEFAULT_CSS = """
    HistoryScreen #history-body { padding: 0 1; height: 1fr; }
    HistoryScreen #history-count { height: auto; margin: 0 0 1 0; color: $text-muted; }
    HistoryScreen #history-table { height: 1fr; }
    HistoryScreen #history-empty { height: auto; color: $text-muted; padding: 1 0; display: none; }
    """

    BINDINGS = [
        Binding("enter", "open", N_("Summary"), id="history.open", show=True, priority=True),
        Binding("e", "export", N_("Export minutes"), id="history.export"),
        Binding("escape", "back", N_("Back"), id="history.back"),
    ]

    class Read(Loaded[list[PastBriefing]]):
        """The newest page of the history, read again."""

    class More(Loaded[list[PastBriefing]]):
        """The page after the rows shown."""

    class Exported(Loaded[Path]):
        """The highlighted briefing's minutes, written to this new file."""

    def __init__(self) -> None:
        super().__init__()
        self.held: list[PastBriefing] = []
        self._more = False
        self._reading_more = False
        #: The width the rows were cut to (a resize to another redraws them).
        self._drawn_width = 0

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="history-body"):
            yield Static(id="history-count")
            yield DataTable(id="history-table", cursor_type="row", zebra_stripes=True)
            yield Static(
                _("No briefing held yet: the first one you finish shows here, with its summary."),
                id="history-empty",
            )
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = _("History")
        self.query_one(DataTable).focus()
        follow(self, self.load)
        self.load()

    def load(self) -> None:
        # Read again as many rows as are shown, so the lead's place stays.
        run(self, self.Read, partial(history.page, limit=max(len(self.held), history.PAGE)))

    @on(Read)
    def _read(self, event: Read) -> None:
        table = self.query_one(DataTable)
        keep = self.held[table.cursor_row].id if self.held and table.row_count else None
        self.held = list(event.value)
        self._more = len(self.held) >= history.PAGE
        self._draw(keep)
        self._show_count()
        self.refresh_bindings()

    def _draw(self, keep: int | None) -> None:
        """The rows held, cut to the screen's width, the cursor on ``keep``."""
        table = self.query_one(DataTable)
        self._drawn_width = self.size.width
        # Column widths set with the rows (see screens.widgets.tables); a
        # later page's rows take these widths.
        fill(
            table,
            [_(h) for h in HEADINGS],
            [(cells(b, self.size.width, self.app.day.year), str(b.id)) for b in self.held],
        )
        at = next((i for i, b in enumerate(self.held) if b.id == keep), 0)
        table.move_cursor(row=at)

    def on_resize(self) -> None:
        """A wider terminal (the laptop plugged into the projector) gives the
        client win its width back; a narrower one cuts it to fit."""
        if self.held and self.size.width != self._drawn_width:
            table = self.query_one(DataTable)
            self._draw(self.held[table.cursor_row].id if table.row_count else None)

    @on(More)
    def _more_read(self, event: More) -> None:
        self._reading_more = False
        self._more = len(event.value) >= history.PAGE
        self.held += event.value
        table = self.query_one(DataTable)
        for b in event.value:
            table.add_row(*cells(b, self.size.width, self.app.day.year), key=str(b.id))
        self._show_count()

    def _show_count(self) -> None:
        empty = not self.held
        self.query_one("#history-empty").display = empty
        self.query_one(DataTable).display = not empty
        under = sum(b.under_target for b in self.held)
        count = f"{len(self.held)}{'+' if self._more else ''}"
        shown = ngettext("{count} briefing", "{count} briefings", len(self.held)).format(count=count)
        under_target = _(" · {count} under the client-share target").format(count=under) if self.held else ""
        self.query_one("#history-count", Static).update(Text.assemble((shown, "bold"), under_target))

    @on(DataTable.RowHighlighted)
    def _near_the_end(self) -> None:
        table = self.query_one(DataTable)
        if self._more and not self._reading_more and table.cursor_row >= table.row_count - MORE_WHEN_LEFT:
            self._reading_more = True
            run(self, self.More, partial(history.page, after=self.held[-1].cursor))

    def action_open(self) -> None:
        table = self.query_one(DataTable)
        if self.held and table.row_count:
            from screens.summary import SummaryScreen

            self.app.push_screen(SummaryScreen(self.held[table.cursor_row].id, back=True))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Summary and export only when there is a briefing to open."""
        if action in ("open", "export"):
            return bool(self.held)
        return True

    def action_export(self) -> None:
        table = self.query_one(DataTable)
        if self.held and table.row_count:
            run(self, self.Exported, minutes.save, self.held[table.cursor_row].id)

    @on(Exported)
    def _exported(self, event: Exported) -> None:
        self.notify(str(event.value), title=_("Minutes written"), markup=False)

    def action_back(self) -> None:
        self.app.pop_screen()
