"""Numbers and durations as the room reads them."""

from __future__ import annotations

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
