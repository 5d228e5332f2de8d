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

from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll

from briefing.i18n import N_, _
from briefing.records import Metric
from screens.format import gap_text, number
from screens.safe import safe
from screens.widgets.tables import fill

if TYPE_CHECKING:
    from briefing.win_stories import WinStory

#: The lower border of a pane whose text goes on out of sight.
MORE = N_("more ↓  PgDn")
BACK = N_("↑ PgUp")


class Pane(Vertical):
    """Keeps what it was last asked to show, and draws it when it can."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._data: tuple[Any, ...] | None = None
        #: The border's title and subtitle as last set (see set_border).
        self._border_words: tuple[str | None, str | None] = (None, None)

    def show(self, *data: Any) -> None:
        if self.is_mounted and data == self._data:
            # The same again (a board read again after a write that changed
            # nothing here): drawing it would cost a layout and a frame.
            return
        self._data = data
        if self.is_mounted:
            self.draw(*data)

    def on_mount(self) -> None:
        if self._data is not None:
            self.draw(*self._data)

    def draw(self, *data: Any) -> None:
        raise NotImplementedError

    def set_border(self, *, title: str | None = None, subtitle: str | None = None) -> None:
        """Set the border's words if they changed: Textual repaints the whole
        pane on every set, even to the words it already shows."""
        if title is not None and title != self._border_words[0]:
            self.border_title = title
        if subtitle is not None and subtitle != self._border_words[1]:
            self.border_subtitle = subtitle
        self._border_words = (
            self._border_words[0] if title is None else title,
            self._border_words[1] if subtitle is None else subtitle,
        )


class ReadingPane(Pane):
    """A pane of text read out to the room, which may be longer than the
    screen: it scrolls a page at a time (the meeting's PgDn/PgUp) and its
    lower border says when there is more, so nothing is cut silently."""

    #: The selector of the pane's scrolling part.
    SCROLL = ""
    #: Whether the footer was last told there is more to page through.
    _footer_more = False
    _footer_check_due = False

    def on_mount(self) -> None:
        scroll = self._scroll()
        assert scroll is not None
        self.watch(scroll, "scroll_y", self._mark_more, init=False)
        self.watch(scroll, "virtual_size", self._mark_more, init=False)
        # (Pane.on_mount then draws what it was given: Textual calls both.)

    def _scroll(self) -> VerticalScroll | None:
        """The scrolling part; None once the pane is being taken down."""
        return next(iter(self.query(self.SCROLL).results(VerticalScroll)), None)

    def on_resize(self) -> None:
        self.call_after_refresh(self._mark_more)

    def page(self, step: int) -> None:
        scroll = self._scroll()
        if scroll is not None:
            (scroll.scroll_page_down if step > 0 else scroll.scroll_page_up)(animate=False)

    def back_to_top(self) -> None:
        scroll = self._scroll()
        if scroll is not None:
            scroll.scroll_home(animate=False)

    @property
    def has_more(self) -> bool:
        """Some of the text is out of sight, below or above."""
        scroll = self._scroll()
        return scroll is not None and scroll.max_scroll_y > 0

    def _mark_more(self) -> None:
        scroll = self._scroll()
        if scroll is None or not self.is_attached:
            return
        if scroll.scroll_y < scroll.max_scroll_y:
            self.set_border(subtitle=_(MORE))
        elif scroll.max_scroll_y > 0:
            self.set_border(subtitle=_(BACK))
        else:
            self.set_border(subtitle="")
        if not self._footer_check_due:
            self._footer_check_due = True
            self.call_after_refresh(self._update_footer)

    def _update_footer(self) -> None:
        """The footer rebuilds all its keys when told: tell it only when
        PgDn/PgUp come or go, once the layout has settled (a card being
        laid out is briefly taller than it ends up)."""
        self._footer_check_due = False
        if self.is_attached and self.has_more != self._footer_more:
            self._footer_more = self.has_more
            self.screen.refresh_bindings()


class MetricsPane(Pane):
    DEFAULT_CSS = """
    MetricsPane { border: round $primary; padding: 0 1; height: 1fr; }
    MetricsPane DataTable { height: auto; max-height: 1fr; }
    """

    def __init__(self, *, id: str | None = None, focusable: bool = True) -> None:
        """``focusable=False`` on the meeting screen: read from afar, never
        scrolled, and its keys stay the meeting's."""
        super().__init__(id=id)
        self._focusable = focusable
        self.border_title = _("Today's numbers")

    def compose(self) -> ComposeResult:
        from textual.widgets import DataTable

        from screens.widgets.client_story import WinStories

        table = DataTable(show_cursor=False, zebra_stripes=True)
        table.can_focus = self._focusable
        yield table
        yield WinStories(id="win-stories")

    def draw(self, metrics: tuple[Metric, ...], stories: tuple[WinStory, ...] = ()) -> None:
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
        fill(self.query_one(DataTable), (_("Metric"), _("Value"), _("Target"), _("Gap")), rows)
        from screens.widgets.client_story import WinStories

        box = self.query_one("#win-stories", WinStories)
        box.display = bool(stories)
        box.stories = stories


class NotesPane(Pane):
    """The notes of the day. Typing is off until the lead asks for it (e),
    so the meeting's one-letter keys keep working in team time."""

    DEFAULT_CSS = """
    NotesPane { border: round $secondary; padding: 0 1; height: 1fr; }
    NotesPane TextArea { height: 1fr; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.border_title = _("Focus of the day — notes (e to write, esc when done)")

    def compose(self) -> ComposeResult:
        from textual.widgets import TextArea

        area = TextArea(id="notes")
        area.can_focus = False
        yield area

    def draw(self, notes: str) -> None:
        area = self.query_one("#notes")
        if area.has_focus:
            # Never under the lead's cursor: not drawn, so the next show
            # draws it, even the same notes again.
            self._data = None
        elif area.text != notes:
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
