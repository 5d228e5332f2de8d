"""The big clock's drawing: legible at any size, never spilling out of its box."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from screens.widgets.bigclock import FONT, GLYPH_ROWS, draw, pixels, scale_for, small

clock_text = st.text(alphabet="0123456789:+-", min_size=1, max_size=7)


@given(clock_text, st.integers(min_value=10, max_value=260), st.integers(min_value=3, max_value=80))
def test_the_chosen_scale_is_even_and_fits_whenever_any_scale_does(text, width, height):
    scale = scale_for(text, width, height)
    lines = draw(text, scale)
    assert scale % 2 == 0 and scale >= 2
    if len(pixels(text)[0]) * 2 <= width and GLYPH_ROWS <= height:  # the smallest scale fits
        assert len(lines) <= height and len(lines[0]) <= width
        bigger = draw(text, scale + 2)  # and the next even scale would not
        assert len(bigger) > height or len(bigger[0]) > width


@given(clock_text, st.sampled_from([2, 4, 6, 8]))
def test_only_full_blocks_and_spaces_in_aligned_rows(text, scale):
    lines = draw(text, scale)
    assert len(lines) == GLYPH_ROWS * scale // 2
    assert len({len(line) for line in lines}) == 1
    assert set("".join(lines)) <= {"█", " "}


def test_every_glyph_of_the_clock_is_in_the_font():
    assert set("0123456789:+-") <= set(FONT)
    assert all(len(rows) == GLYPH_ROWS and len({len(r) for r in rows}) == 1 for rows in FONT.values())


@given(clock_text)
def test_the_small_face_is_three_aligned_rows_of_three_cells_a_digit(text):
    rows = small(text)
    assert len(rows) == 3 and len({len(r) for r in rows}) == 1
    assert len(rows[0]) <= 3 * len(text)
    assert rows != small(text.replace("1", "7")) or "1" not in text  # each digit is drawn, not blanked
