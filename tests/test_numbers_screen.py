"""The numbers screen, driven from the keyboard as the lead would, plus snapshots."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Digits, Input, Label

from briefing import db as store
from briefing import metrics
from screens.app import make_app
from screens.confirm import ConfirmScreen
from screens.home import HomeScreen
from screens.numbers_screen import NumbersScreen
from tests.conftest import DAY, SIZES
from tests.pilot import home_drawn, on_top, screen_text, settled, until
from tests.test_team_screen import PaletteApp, palette


@pytest.fixture
def two_missing(demo_db: Path) -> Path:
    """The demo team with two of today's four numbers not in yet."""
    conn = store.connect(demo_db)
    with store.write(conn):
        conn.execute("DELETE FROM metrics WHERE date = ? AND name IN ('Pipeline', 'Calls made')", (DAY.isoformat(),))
    conn.close()
    return demo_db


def today(path: Path) -> dict[str, tuple[float, float | None]]:
    conn = store.connect(path)
    try:
        return {m.name: (m.value, m.target) for m in metrics.on_day(conn, DAY)}
    finally:
        conn.close()


def home_count(app) -> str:
    return app.screen.query_one("#digits-metrics", Digits).value


async def open_numbers(pilot) -> None:
    app = pilot.app
    await home_drawn(pilot)
    await pilot.press("m")
    await until(pilot, lambda: on_top(app, NumbersScreen) and app.screen.query("#m0-value"), "the numbers listed")
    await settled(pilot)


async def test_numbers_typed_are_stored_and_home_counts_them(two_missing):
    app = make_app(two_missing, day=DAY)  # watching the file, as the app does
    async with app.run_test(size=(100, 30)) as pilot:
        await home_drawn(pilot)
        assert home_count(app) == "2"
        await open_numbers(pilot)
        assert "2 of 4 in today" in screen_text(app)
        assert app.focused.id == "m0-value"  # the first one missing: Calls made
        await pilot.press(*"64", "tab", *"70")  # value and a new target
        await pilot.press(*["tab"] * 5, *"245 000")  # past Meetings booked (in already) to Pipeline's value
        await pilot.press("ctrl+s")
        await until(pilot, lambda: on_top(app, HomeScreen), "back home once saved")
        assert today(two_missing)["Calls made"] == (64.0, 70.0)
        assert today(two_missing)["Pipeline"] == (245000.0, 250000.0)  # its target kept from before
        await until(pilot, lambda: home_count(app) == "4", "home counting four numbers in")


async def test_a_refused_number_is_said_next_to_its_field_and_nothing_is_stored(two_missing):
    app = make_app(two_missing, day=DAY, watch=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_numbers(pilot)
        before = today(two_missing)
        await pilot.press(*"64", *["tab"] * 6, *"12,400", "ctrl+s")  # Calls made fine, Pipeline not
        error = app.screen.query_one("#m2-error", Label)
        await until(pilot, lambda: error.has_class("-shown"), "the error under Pipeline")
        assert "'12,400' is ambiguous: write 12400 for thousands, or 12.4 for a decimal" in str(error.render())
        value = app.screen.query_one("#m2-value", Input)
        assert value.has_class("-refused") and value.has_focus
        await settled(pilot)
        assert today(two_missing) == before  # not even the good one
        assert on_top(app, NumbersScreen) and value.value == "12,400"  # what was typed is kept


async def test_a_new_metric_can_be_typed_in(two_missing):
    app = make_app(two_missing, day=DAY, watch=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_numbers(pilot)
        await pilot.click("#m4-name")
        await pilot.press(*"Demos given", "tab", *"3", "tab", *"5", "tab", *"demos", "ctrl+s")
        await until(pilot, lambda: on_top(app, HomeScreen), "back home once saved")
        assert today(two_missing)["Demos given"] == (3.0, 5.0)


async def test_leaving_with_numbers_typed_asks_first(two_missing):
    app = make_app(two_missing, day=DAY, watch=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_numbers(pilot)
        await pilot.press(*"64", "escape")
        await until(pilot, lambda: on_top(app, ConfirmScreen), "the question")
        await pilot.press("y")
        await until(pilot, lambda: on_top(app, HomeScreen), "back home")
        assert "Calls made" not in today(two_missing)


async def test_the_palette_opens_the_numbers(demo_db):
    app = PaletteApp(demo_db, day=DAY, watch=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await home_drawn(pilot)
        await palette(pilot, "numbers")
        assert on_top(app, NumbersScreen)


@pytest.mark.parametrize("size", SIZES)
def test_numbers_snapshot(snap_compare, two_missing, size):
    assert snap_compare(make_app(two_missing, day=DAY, watch=False), terminal_size=size, run_before=open_numbers)
