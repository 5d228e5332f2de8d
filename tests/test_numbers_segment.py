"""The numbers segment of a running briefing: today's numbers, and under them
the week's wins with what their clients said before. On a laptop the room
still learns of every win; on the wall it reads the clients' words in full."""

from __future__ import annotations

from datetime import date

import pytest

from briefing import client_admin
from briefing import db as store
from briefing.win_stories import WinStory
from screens.widgets.client_story import win_stories_text
from tests.conftest import SIZES
from tests.pilot import screen_text, settled, until
from tests.test_meeting_screen import SCENARIOS, _meeting_app, _shown

#: The demo's wins of the week, newest first, and the end of what each client said before.
WINS = ("Brightwell Foods", "Optéa Santé", "Altis Logistique")
QUOTE_ENDS = ("  rare.”", "commerciaux habituels.”", "livraison de dix jours.”")


async def _numbers(pilot) -> None:
    """The meeting in its numbers segment, the wins of the week drawn."""
    await _shown(pilot)
    await until(pilot, lambda: WINS[0] in screen_text(pilot.app), "the week's wins under the numbers")
    await settled(pilot)


def _in_numbers(path) -> None:
    SCENARIOS["below_target"](path)  # two segments done: Numbers is on


async def test_on_a_laptop_every_win_of_the_week_is_named(demo_db):
    _in_numbers(demo_db)
    app = _meeting_app(demo_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await _numbers(pilot)
        shown = screen_text(app)
        assert "Calls made" in shown and "Sales yesterday" in shown  # the numbers first, whole
        assert f"+2 more wins this week: {WINS[1]}, {WINS[2]}" in shown


async def test_on_the_wall_the_clients_words_are_read_in_full(demo_db):
    _in_numbers(demo_db)
    app = _meeting_app(demo_db)
    async with app.run_test(size=(200, 60)) as pilot:
        await _numbers(pilot)
        shown = screen_text(app)
        assert "The week's wins, and what the clients said before" in shown
        assert all(end in shown for end in QUOTE_ENDS)
        assert "…" not in shown.split("The week's wins")[1]  # nothing cut


def test_the_wins_give_way_title_first_then_named_on_one_line():
    stories = tuple(WinStory(i, f"Deal {i}", f"Client {i}", date(2026, 11, 20)) for i in range(1, 5))
    lines = lambda h: win_stories_text(stories, 70, h).plain.split("\n")  # noqa: E731
    assert lines(6) == ["", "The week's wins, and what the clients said before", *lines(4)]
    assert lines(5)[0].startswith("The week's wins") and len(lines(5)) == 5
    assert [line.split(" — ")[0] for line in lines(4)] == ["Client 1", "Client 2", "Client 3", "Client 4"]
    assert lines(2) == [lines(4)[0], "+3 more wins this week: Client 2, Client 3, Client 4"]
    assert lines(1) == ["+4 more wins this week: Client 1, Client 2, Client 3, Client 4"]
    assert win_stories_text(stories, 70, 0).plain == ""


def test_the_clients_list_finds_people_by_their_company(demo_db):
    with store.opened(demo_db) as conn:
        found = client_admin.list_clients(conn, search="altis")
    assert [(c.client.name, c.client.company) for c in found] == [("Hélène Roussel", "Altis Logistique")]


@pytest.mark.parametrize("size", SIZES)
def test_numbers_segment_snapshot(snap_compare, demo_db, size):
    _in_numbers(demo_db)
    assert snap_compare(_meeting_app(demo_db), terminal_size=size, run_before=_numbers)
