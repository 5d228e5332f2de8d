"""Client time: one client's own words, the largest thing on the screen.

The quote is set in a reading measure in the middle of the card, never in
one line across a projector. Who said it and who collected it sit under it
and never scroll away: the credit is the point. A quote longer than the
card scrolls (PgDn/PgUp from the meeting screen), and the card's lower
border says there is more, so nothing is ever cut without a mark.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Static

from briefing import formats
from briefing.i18n import _
from briefing.records import Verbatim
from screens.format import channel_word, sentiment_word
from screens.safe import safe
from screens.widgets.panes import ReadingPane

#: The widest a line of a quote is set, in cells: about what a book sets,
#: so the room reads it as sentences, not as one ribbon across the wall.
MEASURE = 76
#: The most rows the credit takes (it wraps on a narrow screen), and always has.
CREDIT_ROWS = 4


def quote_text(v: Verbatim) -> Text:
    text = Text("“")
    text.append_text(safe(v.text))
    text.append("”")
    return text


def credit_text(v: Verbatim) -> Text:
    """Who said it (first line) and who brought it to the team (second)."""
    line = Text("— ")
    line.append_text(safe(v.client, "bold", single_line=True))
    if v.company:
        line.append(", ")
        line.append_text(safe(v.company, single_line=True))
    line.append("\n")
    if v.collected_by:
        line.append(_("collected by "))
        line.append_text(safe(v.collected_by, "bold", single_line=True))
        line.append("  ·  ")
    line.append(f"{channel_word(v.channel)} · {sentiment_word(v.sentiment)} · {formats.short_day(v.date)}", style="dim")
    return line


class VerbatimCard(ReadingPane):
    DEFAULT_CSS = f"""
    VerbatimCard {{
        border: round $accent; padding: 0 2; height: 1fr;
        align: center middle; border-subtitle-align: right; border-subtitle-style: bold;
    }}
    VerbatimCard #reading {{
        width: 100%; max-width: {MEASURE + 3}; height: auto;
        border-left: thick $accent; padding-left: 2;
    }}
    VerbatimCard #quote-scroll {{ height: auto; scrollbar-size-vertical: 1; }}
    VerbatimCard #quote {{ width: 100%; height: auto; text-style: bold; }}
    VerbatimCard #who {{ width: 100%; height: auto; max-height: {CREDIT_ROWS}; margin-top: 1; }}
    """

    SCROLL = "#quote-scroll"

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._shown_id: int | None = None
        self._words: tuple[Text, Text] | None = None

    def compose(self) -> ComposeResult:
        # The quote and its credit together in the middle of the card; the
        # quote scrolls within what the credit leaves, the credit never does.
        scroll = VerticalScroll(id="quote-scroll")
        scroll.can_focus = False  # the meeting's keys stay the meeting's; PgDn scrolls it
        with Vertical(id="reading"):
            with scroll:
                yield Static(id="quote")
            yield Static(id="who")

    def on_resize(self) -> None:
        scroll = self._scroll()
        if scroll is not None:
            scroll.styles.max_height = max(self.content_size.height - CREDIT_ROWS - 1, 1)

    def draw(self, verbatims: tuple[Verbatim, ...], index: int) -> None:
        if not verbatims:
            self.set_border(title=_("Client voice"))
            self._set_words(Text(_("No new verbatim today. Call a client, or ask the team for a story.")), Text())
            self._shown_id = None
            return
        v = verbatims[index]
        self.set_border(
            title=_("Verbatim {number} of {count}  ↑↓  ·  o: their page").format(number=index + 1, count=len(verbatims))
        )
        self._set_words(quote_text(v), credit_text(v))
        if v.id != self._shown_id:
            self._shown_id = v.id
            self.back_to_top()
        self.call_after_refresh(self._mark_more)

    def _set_words(self, quote: Text, credit: Text) -> None:
        """Only words that changed are set: the card read again once it is
        marked shown (its status moved, not its words) costs no layout."""
        if (quote, credit) == self._words:
            return
        self._words = (quote, credit)
        self.query_one("#quote", Static).update(quote)
        self.query_one("#who", Static).update(credit)
