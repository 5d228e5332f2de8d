"""Text that redraws only when what it shows changes.

The meeting screen recomputes its state every second; most of what it
shows (the segment's title, the banner) changes a few times a meeting.
A ``ViewStatic`` holds a small frozen *view* of what it shows in a
reactive: Textual compares the new view with the old and calls the
watcher only on a change, so the per-second tick costs nothing here.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from rich.text import Text
from textual.reactive import var
from textual.widgets import Static


class ViewStatic(Static):
    view: var[Any] = var(None, init=False)

    def __init__(self, draw: Callable[[Any], Text], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._draw_view = draw

    def watch_view(self, view: Any) -> None:
        self.update(self._draw_view(view))


class ShapedStatic(Static):
    """Text whose content changes every second but whose shape (line lengths)
    rarely does: only a change of shape costs a layout pass."""

    shape: var[Any] = var(None, init=False)
    _shown: Text | None = None

    def show(self, text: Text) -> None:
        if text == self._shown:
            return
        self._shown = text
        self.update(text, layout=False)
        self.shape = (tuple(len(line) for line in text.plain.split("\n")), self.size)

    def watch_shape(self) -> None:
        self.refresh(layout=True)
