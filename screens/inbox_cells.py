"""How a verbatim or a win reads in the inbox: a row of cells, a preview, the inbox's words.

The inbox clips quotes to one line so the list reads at a glance; the
preview under it shows a few lines, and the detail screens
(``screens.verbatim_detail``) the whole of what the client said.
"""

from __future__ import annotations

from datetime import date

from rich.text import Text

from briefing import i18n
from briefing.i18n import N_, NP_, _, ngettext, pgettext
from briefing.records import Verbatim, Win
from screens.format import CHANNELS, channel_word
from screens.safe import filled, safe
from screens.tones import tone

STYLE = {"new": "bold", "pending": "bold", "archived": "dim italic", "presented": "dim", "neutral": "dim"}
#: Sentiments in the theme's colours for good and bad news.
TONE = {"positive": "good", "negative": "bad"}
#: The stored statuses and sentiments, as the room reads them.
WORDS = {
    "new": NP_("status", "new"),
    "shown": NP_("status", "shown"),
    "archived": NP_("status", "archived"),
    "pending": NP_("status", "pending"),
    "presented": NP_("status", "presented"),
    "positive": NP_("status", "positive"),
    "neutral": NP_("status", "neutral"),
    "negative": NP_("status", "negative"),
}
#: ... and in a narrow column.
SHORT = {
    "archived": N_("arch."),
    "presented": N_("told"),
    "positive": N_("pos"),
    "neutral": N_("neu"),
    "negative": N_("neg"),
}
PEOPLE = ("collected_by", "owner", "presented_by")
#: The inbox's own words around the rows.
EMPTY = {
    "verbatims": N_("No verbatim yet — press a to add one"),
    "wins": N_("No client win yet — press a to add one"),
}
NO_MATCH = N_("Nothing matches — / to change the search, or Tab to the filters")
TABS = {"verbatims": N_("Verbatims"), "wins": N_("Wins")}
#: The status filter's choices (the stored status, "" for all but archived).
STATUSES = ((N_("All but archived"), ""), (N_("New"), "new"), (N_("Shown"), "shown"), (N_("Archived"), "archived"))
ANYONE = N_("Anyone")
#: (field, heading, narrow width, wide width): 0 hides the column, -1 gives it
#: what is left. The quote (and a win's title) is what the list is for, so it
#: gets the most width: the client's company rides with the client's name,
#: people shorten to "Inès M." when their column is narrower than the name.
#: A language whose words are longer widens a column to them (see ``fitted``).
COLUMNS = {
    "verbatims": [
        ("date", N_("Date"), 6, 6),
        ("status", N_("Status"), 6, 6),
        ("text", N_("Quote"), -1, -1),
        ("client", N_("Client"), 13, 24),
        ("collected_by", N_("By"), 9, 14),
        ("channel", N_("Via"), 0, 6),
        ("sentiment", N_("Mood"), 4, 8),
    ],
    "wins": [
        ("date", N_("Date"), 6, 6),
        ("status", N_("Status"), 9, 9),
        ("owner", N_("Won by"), 9, 18),
        ("client", N_("Client"), 14, 24),
        ("title", N_("Win"), -1, -1),
        ("presented_by", N_("Told by"), 9, 18),
    ],
}
#: The words a column of fixed vocabulary can show, by list and field.
VOCABULARY = {
    ("verbatims", "status"): ("new", "shown", "archived"),
    ("wins", "status"): ("pending", "presented"),
    ("verbatims", "sentiment"): ("positive", "neutral", "negative"),
}


def word(value: str) -> str:
    """A stored status or sentiment in the current language (else as stored)."""
    return pgettext("status", WORDS[value]) if value in WORDS else value


def short_word(value: str) -> str:
    return _(SHORT[value]) if value in SHORT else word(value)


def fitted(kind: str, field: str, heading: str, width: int) -> int:
    """``width``, or more if the current language's heading or words need it:
    English fits the widths above; "Remporté par" does not fit nine columns,
    and a heading cut in two is not read. The room comes from the quote."""
    if width <= 0:
        return width
    words = [short_word(v) for v in VOCABULARY.get((kind, field), ())]
    words += [channel_word(c) for c in CHANNELS] if field == "channel" else []
    needed = [len(_(heading)), *map(len, words)]
    return max(width, *needed)


def count_text(kind: str, n: int, more: bool) -> str:
    """One list's count in the inbox's header: "23 verbatims", "1 win",
    "100+ wins" (more follow as the lead scrolls)."""
    if kind == "verbatims":
        said = _("{count}+ verbatims") if more else ngettext("{count} verbatim", "{count} verbatims", n)
    else:
        said = _("{count}+ wins") if more else ngettext("{count} win", "{count} wins", n)
    return said.format(count=n)


def day_cell(day: date, today: date) -> str:
    """A day of this year in six columns ("24 Nov" / "24/11"), else its ISO date."""
    if day.year != today.year:
        return day.isoformat()
    if i18n.current() == i18n.DEFAULT:
        return f"{day:%d %b}"
    from babel.dates import format_date

    return format_date(day, "dd/MM", locale=i18n.current())


def style_of(value: str) -> str:
    """How a status or a sentiment is set: a style, or a colour by meaning."""
    return tone(TONE[value]) if value in TONE else STYLE.get(value, "")


def row_cell(row: Verbatim | Win, field: str, width: int, wide: bool, today: date) -> Text:
    """One inbox cell, clipped to ``width``; narrow screens get short words."""
    raw = getattr(row, field)
    value = str(raw or "")
    if isinstance(raw, date):
        value = day_cell(raw, today)
    style = ""
    if field in ("status", "sentiment"):
        full = word(value)
        style, value = style_of(value), full if wide and len(full) <= width else short_word(value)
    elif field == "channel":
        value = channel_word(value)
    elif field in PEOPLE and len(value) > width and len(parts := value.split()) > 1:
        value = f"{parts[0]} {parts[-1][0]}."  # "Inès M." fits a narrow column
    elif field == "client" and isinstance(row, Verbatim) and row.company:
        value = f"{value}, {row.company}"
    cell = safe(value, style, single_line=True)
    cell.truncate(width, overflow="ellipsis")
    return cell


def preview_text(row: Verbatim | Win) -> Text:
    """The few lines under the inbox: who said it, then the words themselves."""
    if isinstance(row, Verbatim):
        head = [safe(row.client, "bold", single_line=True)]
        head += [safe(row.company, single_line=True)] if row.company else []
        if row.collected_by:
            head.append(
                Text.assemble(
                    filled(_("collected by {name}"), name=safe(row.collected_by, single_line=True)), style="dim"
                )
            )
        body = safe(row.text)
    else:
        won_by = filled(_("won by {name}"), name=safe(row.owner, single_line=True))
        head = [safe(row.title, "bold", single_line=True), won_by]
        body = safe(row.story) if row.story else Text(_("No story yet."), style="dim")
    return Text(" · ").join(head) + Text("\n") + body
