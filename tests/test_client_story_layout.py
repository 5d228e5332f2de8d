"""A client's story laid out for the box it is in: no line wider than the
box, and no word of a quote cut in two, from the call pane at 80x24 (about
34 cells) to a projector."""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from types import SimpleNamespace

from hypothesis import given
from hypothesis import strategies as st
from rich.console import Console
from textual._context import active_app

from briefing.client_page import Page
from briefing.clients import Client, Moment
from briefing.kinds import Sentiment
from screens.widgets.client_story import timeline_text

WORD = st.text(alphabet="abcdefghijklmnopqrstuvwxyzéè", min_size=1, max_size=12)


def page_of(words: list[str]) -> Page:
    client = Client(1, "Marc Petit", "Petit & Fils", 1, None, None, "", None, None, "")
    moment = Moment("verbatim", 7, date(2026, 10, 14), " ".join(words), "Karim Benali", Sentiment.NEGATIVE)
    return Page(client, (moment,))


@given(st.lists(WORD, min_size=1, max_size=30), st.integers(min_value=30, max_value=160))
def test_no_line_overflows_and_no_word_is_cut(words, width):
    console = Console(width=width)
    token = active_app.set(SimpleNamespace(theme_variables=defaultdict(lambda: "red")))  # the moods' colours
    try:
        lines = timeline_text(page_of(words), width, console).plain.split("\n")
    finally:
        active_app.reset(token)
    assert all(len(line) <= width for line in lines)
    said = set(" ".join(lines).replace("“", " ").replace("”", " ").split())
    assert set(words) <= said
