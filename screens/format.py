"""Numbers and durations as the room reads them, and sentences with people's words in them."""

from __future__ import annotations

import re

from rich.text import Text

from briefing import i18n
from briefing.i18n import N_, _
from screens.tones import tone

#: The fixed vocabularies' words, as the room reads them (stored in English).
CHANNELS = {
    "call": N_("call"),
    "email": N_("email"),
    "visit": N_("visit"),
    "survey": N_("survey"),
    "chat": N_("chat"),
    "social": N_("social"),
    "other": N_("other"),
}
SENTIMENTS = {"positive": N_("☺ positive"), "neutral": N_("○ neutral"), "negative": N_("☹ negative")}
#: A segment's kind (stored in English, shown in the room's language).
KINDS = {"client": N_("client"), "sales": N_("sales"), "team": N_("team")}


#: A placeholder in a translated sentence: ``{name}``.
PLACEHOLDER = re.compile(r"\{(\w+)\}")


def sentence(template: str, style: str = "", **values: Text | str) -> Text:
    """A translated ``template`` with ``values`` in place of its ``{placeholders}``,
    as one Rich Text: the sentence stays whole for the translator (who may
    move the name), and what people typed goes in as the ``Text`` that
    :func:`screens.safe.safe` made of it, never through markup. A ``str``
    value is ours (a number, a translated word)."""
    text = Text(style=style, end="")
    at = 0
    for found in PLACEHOLDER.finditer(template):
        text.append(template[at : found.start()])
        value = values[found.group(1)]
        if isinstance(value, Text):
            text.append_text(value)
        else:
            text.append(value)
        at = found.end()
    text.append(template[at:])
    return text


def number(value: float) -> str:
    """Whole above 100, else two decimals; a thin space between thousands
    (and the decimal comma in French, through Babel)."""
    decimals = 0 if abs(value) >= 100 or value == int(value) else 2
    if i18n.current() != i18n.DEFAULT:
        from briefing.formats import number as localized

        return localized(value, decimals=decimals)
    text = f"{value:,.{decimals}f}"
    return text.replace(",", "\u202f")  # a thin space reads well in both languages


def channel_word(channel: str) -> str:
    return _(CHANNELS[channel]) if channel in CHANNELS else channel


def sentiment_word(sentiment: str) -> str:
    return _(SENTIMENTS[sentiment]) if sentiment in SENTIMENTS else sentiment


def kind_word(kind: str) -> str:
    """A segment's kind in words: "client", "sales", "team" / "client", "ventes", "équipe"."""
    return _(KINDS[kind]) if kind in KINDS else kind


def gap_text(gap: float | None) -> Text:
    """Signed difference to target, with the sign spelled out, not just coloured."""
    if gap is None:
        return Text("")
    if gap >= 0:
        return Text(f"+{number(gap)}", style=tone("good"))
    return Text(f"−{number(-gap)}", style=shortfall())


def shortfall() -> str:
    """Below target, over time: bold, in the theme's colour for text that
    says something is wrong (legible on its background, NO_COLOR too)."""
    return tone("bad", "bold")
