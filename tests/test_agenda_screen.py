"""The agenda screen, driven from the keyboard as the lead would, plus snapshots."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import DataTable, Input, Label, Static

from briefing import db as store
from briefing.agenda import CLASSIC_AGENDA, Agenda, Segment, load_agenda
from briefing.kinds import SegmentKind
from screens.agenda_screen import AgendaScreen
from screens.app import make_app
from screens.confirm import ConfirmScreen
from screens.home import HomeScreen
from tests.conftest import DAY, SIZES
from tests.pilot import home_drawn, on_top, screen_text, settled, until
from tests.test_team_screen import PaletteApp, palette

CLIENT, SALES, TEAM = SegmentKind.CLIENT, SegmentKind.SALES, SegmentKind.TEAM


def stored(path: Path) -> Agenda:
    conn = store.connect(path)
    try:
        return load_agenda(conn)
    finally:
        conn.close()


def titles(app) -> list[str]:
    table = app.screen.query_one("#agenda-table", DataTable)
    return [str(table.get_row_at(i)[1]) for i in range(table.row_count)]


def share(app) -> str:
    return str(app.screen.query_one("#agenda-share", Static).render())


def error(app) -> str:
    label = app.screen.query_one("#agenda-error", Label)
    return str(label.render()) if label.display else ""


async def open_agenda(pilot) -> None:
    """Home up, g, and the stored agenda listed."""
    app = pilot.app
    await home_drawn(pilot)
    await pilot.press("g")
    await until(pilot, lambda: on_top(app, AgendaScreen) and titles(app), "the agenda listed")
    await settled(pilot)


async def kind(pilot, wanted: SegmentKind) -> None:
    """On the kind field: open the list, go to ``wanted``, choose it."""
    order = list(SegmentKind)
    current = pilot.app.screen.segments[pilot.app.screen.editing].kind
    await pilot.press("enter")
    steps = order.index(wanted) - order.index(current)
    await pilot.press(*(["down"] * steps if steps > 0 else ["up"] * -steps), "enter")


async def test_add_reorder_remove_then_save_stores_the_agenda_as_shown(demo_db):
    app = make_app(demo_db, day=DAY, watch=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_agenda(pilot)
        assert titles(app) == ["Client voice", "Client win", "Numbers", "Focus of the day"]
        await pilot.press("down", "down")  # on Numbers
        await pilot.press("a", *"Pipeline review", "tab")  # added after it, title typed
        await kind(pilot, SALES)
        await pilot.press("tab", *"2.5", "escape")  # minutes (the field's text is selected on focus)
        assert titles(app)[3] == "Pipeline review"
        await pilot.press("shift+up")  # before Numbers
        await pilot.press("up", "up", "up", "d")  # Client voice removed
        assert titles(app) == ["Client win", "Pipeline review", "Numbers", "Focus of the day"]
        assert stored(demo_db) == CLASSIC_AGENDA  # nothing stored before saving
        await pilot.press("ctrl+s")
        await until(pilot, lambda: stored(demo_db) != CLASSIC_AGENDA, "the agenda stored")
        assert stored(demo_db) == Agenda(
            (
                Segment("Client win", CLIENT, 180, win=True),
                Segment("Pipeline review", SALES, 150),
                Segment("Numbers", SALES, 300),
                Segment("Focus of the day", TEAM, 180),
            ),
            0.5,
        )
        await pilot.press("escape")  # saved: leaves without asking
        await until(pilot, lambda: on_top(app, HomeScreen), "back home")


async def test_a_refused_agenda_says_why_on_the_row_and_field_at_fault_and_stores_nothing(demo_db):
    app = make_app(demo_db, day=DAY, watch=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_agenda(pilot)
        await pilot.press("down", "enter", "tab", "tab", *"0.2", "ctrl+s")  # Client win: 12 seconds
        await until(pilot, lambda: error(app), "the refusal shown")
        assert error(app) == "Segment 2: must last between 30 seconds and 60 minutes"
        minutes = app.screen.query_one("#seg-minutes", Input)
        assert minutes.has_class("-refused") and minutes.has_focus
        assert str(app.screen.query_one("#agenda-table", DataTable).get_row_at(1)[0]) == "2!"
        await settled(pilot)
        assert stored(demo_db) == CLASSIC_AGENDA
        await pilot.press("backspace", "backspace", "backspace", "1")  # fixing it clears the error
        await until(pilot, lambda: error(app) == "", "the error gone")
        assert not minutes.has_class("-refused")


async def test_a_word_for_minutes_is_refused_in_the_cores_words(demo_db):
    app = make_app(demo_db, day=DAY, watch=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_agenda(pilot)
        await pilot.press("enter", "tab", "tab", *"four", "ctrl+s")
        await until(pilot, lambda: error(app), "the refusal shown")
        assert "Segment 1: minutes: 'four' is not a number" in error(app)
        assert "four" in screen_text(app)  # the table shows what was typed, marked
        assert stored(demo_db) == CLASSIC_AGENDA


async def test_a_plan_below_its_target_is_warned_live_and_again_on_saving(demo_db):
    app = make_app(demo_db, day=DAY, watch=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_agenda(pilot)
        assert "Planned client share 58%" in share(app)
        await pilot.press("enter", "tab")
        await kind(pilot, SALES)  # Client voice becomes sales time: 3 of 12 minutes are the clients'
        await until(pilot, lambda: "Warning" in share(app), "the warning")
        assert "Warning: planned client share 25% is below the target 50%" in share(app)
        await pilot.press("ctrl+s")
        await until(pilot, lambda: stored(demo_db) != CLASSIC_AGENDA, "the agenda stored, warning or not")
        await until(pilot, lambda: app._notifications, "the saved notice")
        notices = [n.message for n in app._notifications]
        assert any("Warning: planned client share 25% is below the target 50%" in n for n in notices)


async def test_raising_the_target_warns_before_anything_is_saved(demo_db):
    app = make_app(demo_db, day=DAY, watch=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_agenda(pilot)
        await pilot.press("shift+tab", *"70")  # from the list back to the target
        await until(pilot, lambda: "below the target 70%" in share(app), "the warning")
        assert stored(demo_db).target_share == 0.5


async def test_leaving_with_changes_asks_first(demo_db):
    app = make_app(demo_db, day=DAY, watch=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_agenda(pilot)
        await pilot.press("d", "escape")
        await until(pilot, lambda: on_top(app, ConfirmScreen), "the question")
        await pilot.press("n")
        await until(pilot, lambda: on_top(app, AgendaScreen), "still on the agenda")
        assert len(titles(app)) == 3  # the change is still there
        await pilot.press("escape", "y")
        await until(pilot, lambda: on_top(app, HomeScreen), "back home")
        await settled(pilot)
        assert stored(demo_db) == CLASSIC_AGENDA


async def test_the_palette_opens_the_agenda(demo_db):
    app = PaletteApp(demo_db, day=DAY, watch=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await home_drawn(pilot)
        await palette(pilot, "agenda")
        assert on_top(app, AgendaScreen)


# -- how it looks --------------------------------------------------------------------


async def agenda_shown(pilot) -> None:
    await open_agenda(pilot)
    await until(pilot, lambda: "Focus of the day" in screen_text(pilot.app), "the agenda drawn")


@pytest.mark.parametrize("size", SIZES)
def test_agenda_snapshot(snap_compare, demo_db, size):
    assert snap_compare(make_app(demo_db, day=DAY, watch=False), terminal_size=size, run_before=agenda_shown)
