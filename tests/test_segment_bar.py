"""The segment bar draws, cell for cell, what Textual's own bar drew.

The meeting's bar is drawn as one strip (screens/widgets/segment_bar.py)
rather than through Textual's ``Bar`` renderable, which cost a third of
each second's frame: the room must not see the difference.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from rich.console import Console
from rich.segment import Segment
from rich.style import Style
from textual.renderables.bar import Bar

from screens.widgets.segment_bar import bar_line

DONE, REST = Style(color="#0178d4"), Style(color="#1e1e1e")
#: The ANSI themes' surface: the terminal's own background colour.
TERMINALS = Style(color="default")


def cells(segments: list[Segment]) -> list[tuple[str, Style | None]]:
    return [(ch, seg.style) for seg in segments for ch in seg.text]


def textual_bar(width: int, halves: int, rest: Style = REST) -> list[Segment]:
    console = Console(width=width, color_system="truecolor", legacy_windows=False)
    bar = Bar(highlight_range=(0, halves / 2), highlight_style=DONE, background_style=rest, width=width)
    return [s for s in console.render(bar, console.options.update_width(width)) if s.text != "\n"]


@given(st.data(), st.integers(min_value=1, max_value=240), st.booleans())
def test_every_fraction_of_the_segment_is_drawn_as_textuals_bar_drew_it(data, width, terminals_colour):
    halves = data.draw(st.integers(min_value=0, max_value=2 * width))
    rest = TERMINALS if terminals_colour else REST
    ours = bar_line(width, halves, DONE, rest, drawn_rest=not terminals_colour)
    assert cells(ours) == cells(textual_bar(width, halves, rest))


def test_a_segment_half_gone_is_half_the_bar_in_its_colour():
    line = cells(bar_line(10, 10, DONE, REST))
    assert [style for _ch, style in line] == [DONE] * 5 + [REST] * 5
    assert "".join(ch for ch, _style in line) == "━━━━━╺━━━━"
