"""One collaborator's year, in the core and from the Team screen."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from textual.widgets import DataTable

from briefing import db as store
from briefing import person_year, team, verbatims, wins
from screens.app import make_app
from screens.person_screen import PersonScreen
from screens.team_screen import TeamScreen
from tests.conftest import DAY, SIZES
from tests.pilot import home_drawn, on_top, settled, until
from tests.test_history import held


def test_month_starts_are_the_last_twelve_months_oldest_first():
    assert person_year.month_starts(date(2026, 2, 14), 3) == [date(2025, 12, 1), date(2026, 1, 1), date(2026, 2, 1)]
    assert len(person_year.month_starts(DAY)) == 12 and person_year.month_starts(DAY)[-1] == date(2026, 11, 1)


@pytest.fixture
def year(tmp_path):
    """Inès's year, by hand: what she collected (one verbatim too old to
    count), the wins she made and told, and the briefings she missed."""
    path = tmp_path / "team.db"
    conn = store.connect(path)
    try:
        team.add(conn, "Claire Dubois", lead=True, today=date(2024, 1, 8))
        ines, _ = team.add(conn, "Inès Moreau", today=date(2024, 1, 8))
        team.add(conn, "Karim Benali", today=date(2024, 1, 8))
        for day in (DAY, DAY, DAY - timedelta(days=31), date(2025, 11, 30)):
            verbatims.add(conn, {"text": "Merci", "client": "Zoé", "collected_by": "Inès", "date": day})
        verbatims.add(conn, {"text": "Bravo", "client": "Zoé", "collected_by": "Karim", "date": DAY})
        mine = wins.add(conn, {"title": "Altis renewed", "owner": "Inès", "date": DAY - timedelta(days=20)})
        theirs = wins.add(conn, {"title": "Verdier saved", "owner": "Karim", "date": DAY - timedelta(days=20)})
        # Briefings: Inès presents first (she waited longest), telling Karim's win.
        held(conn, DAY - timedelta(days=10), pick=theirs)
        held(conn, DAY - timedelta(days=9), pick=mine)  # Karim's turn: he tells Inès's win
        held(conn, DAY - timedelta(days=8), absent=["Inès"])  # Karim again
    finally:
        conn.close()
    return path, ines.id


def test_the_year_counts_what_the_person_did_and_nothing_of_anyone_else(year):
    path, ines = year
    conn = store.connect(path)
    try:
        y = person_year.load(conn, ines, DAY)
    finally:
        conn.close()
    assert y.person.name == "Inès Moreau"
    assert y.collected[-1] == (date(2026, 11, 1), 2) and y.collected[-2] == (date(2026, 10, 1), 1)
    assert y.collected_in_year == 3  # the one from last November is out of the window
    assert (y.wins_made, y.wins_made_told_by_others) == (1, 1)  # Karim told it
    assert (y.wins_told, y.wins_told_of_others) == (1, 1)  # she told Karim's
    assert (y.briefings, y.presented, y.absent, y.off) == (3, 1, 1, 0)
    assert [v.text for v in y.latest] == ["Merci"] * 4


async def _person_shown(pilot) -> PersonScreen:
    app = pilot.app
    await home_drawn(pilot)
    await pilot.press("t")
    await until(pilot, lambda: on_top(app, TeamScreen) and app.screen.query_one(DataTable).row_count, "the team")
    await pilot.press("down", "down", "enter")  # the third person in the list
    await until(pilot, lambda: on_top(app, PersonScreen) and app.screen.sub_title, "their year")
    await settled(pilot)
    return app.screen


async def test_enter_on_the_team_opens_the_persons_year_and_escape_comes_back(demo_db):
    app = make_app(demo_db, day=DAY, watch=False)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _person_shown(pilot)
        shown = str(screen.query_one("#person-title").render())
        assert shown.startswith(screen.sub_title + " — Dec 2025 to Nov 2026")
        assert "verbatims collected" in str(screen.query_one("#figure-collected").render())
        await pilot.press("escape")
        await until(pilot, lambda: on_top(app, TeamScreen), "back to the team")


@pytest.mark.parametrize("size", SIZES)
def test_person_year_snapshot(snap_compare, demo_db, size):
    assert snap_compare(make_app(demo_db, day=DAY, watch=False), terminal_size=size, run_before=_person_shown)


async def test_a_name_holding_terminal_codes_reaches_the_header_inert(demo_db):
    conn = store.connect(demo_db)
    try:
        team.add(conn, "\x1b[31mRed\x1b]0;owned\x07", today=DAY)
        person = next(p for p in team.list_team(conn) if "Red" in p.name)
    finally:
        conn.close()
    app = make_app(demo_db, day=DAY, watch=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await home_drawn(pilot)
        await app.push_screen(PersonScreen(person.id))
        await until(pilot, lambda: on_top(app, PersonScreen) and app.screen.sub_title, "their year")
        await settled(pilot)
        assert "\x1b" not in app.screen.sub_title and "\x07" not in app.screen.sub_title
        shown = "".join(segment.text for strip in app.screen._compositor.render_strips() for segment in strip)
        assert "\x1b" not in shown and "Red" in shown
