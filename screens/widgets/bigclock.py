"""A countdown legible from the back of the room, at any terminal size.

Textual's ``Digits`` has one fixed size (3 rows), fine on a laptop and tiny
on a projector. This draws a 3x5 pixel font scaled to the space it is
given, so the digits grow with the screen. The scale is even, so every
cell is a full block or empty: half blocks render unevenly in some
terminal fonts and projectors blur them.
"""

from __future__ import annotations

from rich.segment import Segment
from textual.reactive import reactive
from textual.renderables.digits import DIGITS, DIGITS3X3_BOLD
from textual.strip import Strip

from screens.widgets.drawn import Drawn

FONT: dict[str, tuple[str, ...]] = {
    "0": ("###", "# #", "# #", "# #", "###"),
    "1": (" # ", "## ", " # ", " # ", "###"),
    "2": ("###", "  #", "###", "#  ", "###"),
    "3": ("###", "  #", "###", "  #", "###"),
    "4": ("# #", "# #", "###", "  #", "  #"),
    "5": ("###", "#  ", "###", "  #", "###"),
    "6": ("###", "#  ", "###", "# #", "###"),
    "7": ("###", "  #", "  #", "  #", "  #"),
    "8": ("###", "# #", "###", "# #", "###"),
    "9": ("###", "# #", "###", "  #", "###"),
    ":": (" ", "#", " ", "#", " "),
    "+": ("   ", " # ", "###", " # ", "   "),
    "-": ("   ", "   ", "###", "   ", "   "),
    " ": ("  ", "  ", "  ", "  ", "  "),
}
GLYPH_ROWS = 5


def pixels(text: str) -> list[str]:
    """The text as rows of '#'/' ' pixels, one pixel of space between glyphs."""
    glyphs = [FONT.get(ch, FONT[" "]) for ch in text]
    return [" ".join(g[row] for g in glyphs) for row in range(GLYPH_ROWS)]


def scale_for(text: str, width: int, height: int) -> int:
    """The largest even scale at which ``text`` fits (a pixel is s cells wide,
    s/2 rows tall). Even, so every cell is a full block or empty: half blocks
    render unevenly in some terminal fonts and projectors blur them."""
    px_wide = len(pixels(text)[0])
    fits = min(width // max(px_wide, 1), (2 * height) // GLYPH_ROWS)
    return max(2, fits - fits % 2)


def draw(text: str, scale: int) -> list[str]:
    """The text in full blocks: each pixel ``scale`` cells wide and
    ``scale / 2`` rows tall (a cell is about twice as tall as it is wide)."""
    rows: list[str] = []
    for row in pixels(text):
        line = "".join(("█" if ch == "#" else " ") * scale for ch in row)
        rows.extend([line] * (scale // 2))
    return rows


def small(text: str) -> list[str]:
    """The text in Textual's own 3-row digits: for a clock given 3 or 4 rows
    (the meeting gives the clock that little when a client's words need the
    screen). Still read from across a room where one line of text is not."""
    rows = ["", "", ""]
    for ch in text:
        at = DIGITS.find(ch)
        for r in range(3):
            rows[r] += DIGITS3X3_BOLD[at * 3 + r].ljust(3) if at >= 0 else " "
    return rows


def fitted(text: str, width: int, height: int) -> list[str]:
    """The text as large as it fits: the scaled font, else Textual's 3-row
    digits, else one plain line."""
    lines = draw(text, scale_for(text, width, height))
    if len(lines) > height or len(lines[0]) > width:
        lines = small(text)
        if len(lines) > height or len(lines[0]) > width:
            lines = [text]
    return lines


class BigClock(Drawn):
    DEFAULT_CSS = """
    BigClock { width: 1fr; height: 1fr; }
    """

    value: reactive[str] = reactive("00:00")

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        #: The strips on screen, and what they were drawn from.
        self._strips: tuple[tuple[object, ...], list[Strip]] | None = None

    def render_line(self, y: int) -> Strip:
        """Drawn line by line as raw segments: text rendering would trim the
        spaces that keep the glyphs' rows aligned."""
        width, height = self.size
        style = self.line_style
        key = (self.value, width, height, style)
        if self._strips is None or self._strips[0] != key:
            lines = fitted(self.value, width, height)
            top = (height - len(lines)) // 2
            blank = Strip.blank(width, style)
            strips = [blank] * height
            for row, line in enumerate(lines):
                if 0 <= top + row < height:
                    left = max((width - len(line)) // 2, 0)
                    strips[top + row] = Strip([Segment((" " * left + line)[:width].ljust(width), style)], width)
            self._strips = (key, strips)
        strips = self._strips[1]
        return strips[y] if 0 <= y < len(strips) else Strip.blank(width, style)
