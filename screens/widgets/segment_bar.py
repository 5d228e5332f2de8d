"""The current segment's time as a one-line bar.

Textual's ProgressBar redraws itself (and its inner bar) on every update;
a five-minute segment on a 200-column screen moves the bar half a cell
every second and a half, so most of the meeting's once-a-second ticks
would redraw an identical line. This bar redraws only when the drawing
changes (docs/PERFORMANCE.md: the meeting screen's CPU while it runs).
"""

from __future__ import annotations

from rich.style import Style
from textual.renderables.bar import Bar as BarRenderable
from textual.widget import Widget

__all__ = ["SegmentBar"]


class SegmentBar(Widget):
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

    def show(self, done: float, total: float) -> None:
        self._fraction = min(max(done / total, 0.0), 1.0) if total > 0 else 0.0
        if self._shape() != self._drawn:
            self.refresh()

    def _shape(self) -> tuple[int, int, bool]:
        width = self.size.width
        return width, round(self._fraction * width * 2), self._fraction >= 1

    def render(self) -> BarRenderable:
        self._drawn = width, halves, up = self._shape()
        style = self.get_component_rich_style("segment-bar--complete" if up else "segment-bar--bar")
        return BarRenderable(
            highlight_range=(0, halves / 2),
            highlight_style=Style.from_color(style.color),
            background_style=Style.from_color(style.bgcolor),
            width=width,
        )
