"""Numbers and durations as the room reads them."""

from __future__ import annotations

from rich.text import Text


def number(value: float) -> str:
    text = f"{value:,.0f}" if abs(value) >= 100 or value == int(value) else f"{value:,.2f}"
    return text.replace(",", "\u202f")  # a thin space reads well in both languages


#: Below target, over time: light and bold, because plain red turns
#: near-black on the dark background when NO_COLOR reduces the screen to
#: greys, and a shortfall must stay legible.
SHORTFALL = "bold #ff6b6b"


def gap_text(gap: float | None) -> Text:
    """Signed difference to target, with the sign spelled out, not just coloured."""
    if gap is None:
        return Text("")
    if gap >= 0:
        return Text(f"+{number(gap)}", style="green")
    return Text(f"−{number(-gap)}", style=SHORTFALL)
