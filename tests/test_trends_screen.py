"""The Trends screen, opened as the lead would: from home with y, or from ctrl+p."""

from __future__ import annotations

from datetime import date

import pytest
from textual_plotext import PlotextPlot

from briefing import db as store
from briefing import team, wins
from screens.app import make_app
from screens.home import HomeScreen
from screens.trends import CHARTS, TrendsScreen
from tests.conftest import DAY, SIZES
from tests.pilot import home_drawn, on_top, screen_text, settled, until

HEADLINE = "Client share 56% over the last 4 weeks (nothing to compare with before)"


def headline(app) -> str:
    return str(app.screen.query_one("#trends-headline").render())


async def open_trends(pilot) -> None:
    """Home is up, y, and the figures are drawn."""
    app = pilot.app
    await home_drawn(pilot)
    await pilot.press("y")
    await until(pilot, lambda: on_top(app, TrendsScreen) and app.screen.stats is not None, "the trends")
    await settled(pilot)


async def test_y_opens_the_trends_with_the_headline_and_escape_goes_back(demo_db):
    app = make_app(demo_db, day=DAY, watch=False)
    async with app.run_test(size=(200, 60)) as pilot:
        await open_trends(pilot)
        shown = screen_text(app)
        assert HEADLINE in shown
        for title in CHARTS.values():  # every chart at once on the big screen
            assert title in shown
        assert "client share" in shown and "target" in shown  # the share chart's legend
        assert "ran over" in shown and "Numbers" in shown  # the late segments, by title
        await pilot.press("escape")
        assert on_top(app, HomeScreen)


async def test_a_laptop_screen_shows_one_chart_and_the_arrows_switch(demo_db):
    app = make_app(demo_db, day=DAY, watch=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_trends(pilot)
        assert "Client share per briefing" in screen_text(app)
        assert "Minutes per week" not in screen_text(app)
        await pilot.press("right")
        await until(pilot, lambda: "Minutes per week" in screen_text(app), "the minutes chart")
        assert "Client share per briefing" not in screen_text(app)
        await pilot.press("5")
        await until(pilot, lambda: "Segments running late" in screen_text(app), "the overruns chart")
        await pilot.press("left")
        await until(pilot, lambda: "Wins owned and presented" in screen_text(app), "the wins chart")


async def test_an_empty_history_says_so_in_words_not_empty_axes(db_path):
    store.connect(db_path).close()
    app = make_app(db_path, day=DAY, watch=False)
    async with app.run_test(size=(200, 60)) as pilot:
        await open_trends(pilot)
        shown = screen_text(app)
        assert "No briefing was finished in the last 4 weeks" in shown
        assert "its client share will show here" in shown
        assert "No verbatim collected in these weeks." in shown
        assert not any(p.display for p in app.screen.query(PlotextPlot))


async def test_names_with_markup_or_escapes_are_drawn_literally(db_path):
    conn = store.connect(db_path)
    for name in ("[bold red]Eve[/]", "Mal\x1b[31mory"):
        team.add(conn, name, today=date(2026, 1, 5))
    wins.add(conn, {"title": "A win", "owner": "[bold red]Eve[/]", "date": DAY})
    wins.add(conn, {"title": "Another", "owner": "Mal\x1b[31mory", "date": DAY})
    conn.close()
    app = make_app(db_path, day=DAY, watch=False)
    async with app.run_test(size=(200, 60)) as pilot:
        await open_trends(pilot)
        shown = screen_text(app)
        assert "[bold" in shown  # markup shown as typed (a first name), never applied
        assert "Mal␛[31m" in shown  # the ESC made visible, never sent to the terminal


async def test_the_palette_opens_the_trends(demo_db):
    from screens.commands import BriefingCommands

    app = make_app(demo_db, day=DAY, watch=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await home_drawn(pilot)
        titles = [title for title, _help, _cb in BriefingCommands(app.screen).commands()]
        assert any(t.startswith("Trends") for t in titles)


@pytest.mark.parametrize("size", SIZES)
def test_trends_snapshot(snap_compare, demo_db, size):
    assert snap_compare(make_app(demo_db, day=DAY, watch=False), terminal_size=size, run_before=open_trends)
