"""The current segment's time as a one-line bar.

Textual's ProgressBar redraws itself (and its inner bar) on every update;
a five-minute segment on a 200-column screen moves the bar half a cell
every second and a half, so most of the meeting's once-a-second ticks
would redraw an identical line. This bar redraws only when the drawing
changes (docs/PERFORMANCE.md: the meeting screen's CPU while it runs).
"""

from __future__ import annotations

from rich.segment import Segment
from rich.style import Style
from textual.strip import Strip

from screens.widgets.drawn import Drawn

__all__ = ["SegmentBar", "bar_line"]

#: Textual's bar glyphs (textual.renderables.bar): a full cell, the left half, the right half.
BAR, HALF_LEFT, HALF_RIGHT = "━", "╺", "╸"


class SegmentBar(Drawn):
    COMPONENT_CLASSES = {"segment-bar--bar", "segment-bar--complete"}
    DEFAULT_CSS = """
    SegmentBar {
        height: 1;
        &> .segment-bar--bar { color: $primary; background: $surface; }
        &> .segment-bar--complete { color: $success; background: $surface; }
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._fraction = 0.0
        #: (width, half cells filled, time up) of what is on screen.
        self._drawn: tuple[int, int, bool] | None = None
        #: The strip on screen, and what it was drawn from.
        self._strip: tuple[tuple[object, ...], Strip] | None = None

    def show(self, done: float, total: float) -> None:
        self._fraction = min(max(done / total, 0.0), 1.0) if total > 0 else 0.0
        if self._shape() != self._drawn:
            self.refresh()

    def _shape(self) -> tuple[int, int, bool]:
        width = self.size.width
        return width, round(self._fraction * width * 2), self._fraction >= 1

    def render_line(self, y: int) -> Strip:
        """One strip, drawn as Textual's bar draws a range from 0 (the
        passed part in the bar's colour, the rest in its background's), made
        again only when the shape or the colours change."""
        self._drawn = width, halves, up = self._shape()
        base = self.line_style
        key = (self._drawn, base, self.app.theme)
        if self._strip is None or self._strip[0] != key:
            self._strip = (key, self._draw(width, halves, up, base))
        return self._strip[1] if y == 0 else Strip.blank(width, base)

    def _draw(self, width: int, halves: int, up: bool, base: Style) -> Strip:
        colours = self.get_component_rich_style("segment-bar--complete" if up else "segment-bar--bar")
        done, rest = base + Style.from_color(colours.color), base + Style.from_color(colours.bgcolor)
        # As Textual's bar: the rest is blank where its colour is the terminal's own (the ANSI themes).
        drawn_rest = colours.bgcolor is None or not colours.bgcolor.is_default
        return Strip(bar_line(width, halves, done, rest, drawn_rest=drawn_rest), width)


def bar_line(width: int, halves: int, done: Style, rest: Style, *, drawn_rest: bool = True) -> list[Segment]:
    """``halves`` half cells of ``width`` passed, as Textual's bar draws the
    range from 0 to ``halves / 2``: ━ cells in ``done``, a ╸ half cell where
    the range ends mid-cell, the rest (from a ╺ half cell) in ``rest``, or
    blank when not ``drawn_rest``."""
    full, half = divmod(min(max(halves, 0), 2 * width), 2)
    bar, half_left = (BAR, HALF_LEFT) if drawn_rest else (" ", " ")
    if full == half == 0:
        return [Segment(BAR * width, rest)]
    segments = [Segment(BAR * full, done)]
    if half:
        segments += [Segment(HALF_RIGHT, done), Segment(bar * (width - full - 1), rest)]
    elif full < width:
        segments += [Segment(half_left, rest), Segment(bar * (width - full - 1), rest)]
    return [s for s in segments if s.text]
