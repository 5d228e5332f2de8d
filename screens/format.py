"""Numbers and durations as the room reads them."""

from __future__ import annotations

from rich.text import Text

from screens.tones import tone


def number(value: float) -> str:
    text = f"{value:,.0f}" if abs(value) >= 100 or value == int(value) else f"{value:,.2f}"
    return text.replace(",", "\u202f")  # a thin space reads well in both languages


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
