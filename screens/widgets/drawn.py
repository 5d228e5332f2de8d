"""Widgets drawn line by line, the ones that change every second.

The meeting's clock, its segment bar and its balance gauge are redrawn once
a second for the whole briefing. Textual's ``rich_style`` walks the
widget's ancestors each time it is read; read per line, it was a third of
the running meeting's frame (docs/PERFORMANCE.md). A ``Drawn`` widget
reads it once per frame.
"""

from __future__ import annotations

from rich.style import Style
from textual.geometry import Region
from textual.strip import Strip
from textual.widget import Widget

__all__ = ["Drawn"]


class Drawn(Widget):
    """``render_line`` reads :attr:`line_style`, looked up once per frame."""

    #: The widget's style (colour, background, text style) for this frame.
    line_style: Style = Style()

    def render_lines(self, crop: Region) -> list[Strip]:
        self.line_style = self.rich_style
        return super().render_lines(crop)
