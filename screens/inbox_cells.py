"""How a verbatim or a win reads in the inbox: a row of cells, and a preview.

The inbox clips quotes to one line so the list reads at a glance; the
preview under it shows a few lines, and the detail screens
(``screens.verbatim_detail``) the whole of what the client said.
"""

from __future__ import annotations

from datetime import date

from rich.text import Text

from briefing.records import Verbatim, Win
from screens.safe import safe
from screens.tones import tone

STYLE = {"new": "bold", "pending": "bold", "archived": "dim italic", "presented": "dim", "neutral": "dim"}
#: Sentiments in the theme's colours for good and bad news.
TONE = {"positive": "good", "negative": "bad"}
SHORT = {"archived": "arch.", "presented": "told", "positive": "pos", "neutral": "neu", "negative": "neg"}
PEOPLE = ("collected_by", "owner", "presented_by")
#: (field, heading, narrow width, wide width): 0 hides the column, -1 gives it
#: what is left. The quote (and a win's title) is what the list is for, so it
#: gets the most width: the client's company rides with the client's name,
#: people shorten to "Inès M." when their column is narrower than the name.
COLUMNS = {
    "verbatims": [
        ("date", "Date", 6, 6),
        ("status", "Status", 6, 6),
        ("text", "Quote", -1, -1),
        ("client", "Client", 13, 24),
        ("collected_by", "By", 9, 14),
        ("channel", "Via", 0, 6),
        ("sentiment", "Mood", 4, 8),
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


def style_of(value: str) -> str:
    """How a status or a sentiment is set: a style, or a colour by meaning."""
    return tone(TONE[value]) if value in TONE else STYLE.get(value, "")


def row_cell(row: Verbatim | Win, field: str, width: int, wide: bool, today: date) -> Text:
    """One inbox cell, clipped to ``width``; narrow screens get short words."""
    raw = getattr(row, field)
    value = str(raw or "")
    if isinstance(raw, date):
        value = f"{raw:%d %b}" if raw.year == today.year else raw.isoformat()
    style = ""
    if field in ("status", "sentiment"):
        style, value = style_of(value), value if wide and len(value) <= width else SHORT.get(value, value)
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
            head.append(safe(f"collected by {row.collected_by}", "dim", single_line=True))
        body = safe(row.text)
    else:
        head = [safe(row.title, "bold", single_line=True), safe(f"won by {row.owner}", single_line=True)]
        body = safe(row.story) if row.story else Text("No story yet.", style="dim")
    return Text(" · ").join(head) + Text("\n") + body
