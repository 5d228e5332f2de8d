"""Starting from home: the check-in says who presents, and a second
briefing the same day is asked about before the check-in, not after it."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from textual.widgets import DataTable

from briefing import db as store
from briefing import meeting as meetings
from briefing import presenting
from screens.app import make_app
from screens.checkin import CheckInScreen
from screens.confirm import ConfirmScreen
from screens.home import HomeScreen
from screens.meeting import MeetingScreen
from tests.conftest import DAY
from tests.pilot import home_drawn, on_top, settled, until


def presenter_line(app) -> str:
    return str(app.screen.query_one("#checkin-presenter").render())


async def checked_in_shown(pilot) -> None:
    app = pilot.app
    await until(
        pilot,
        lambda: on_top(app, CheckInScreen) and app.screen.query_one(DataTable).row_count and presenter_line(app),
        "the check-in with today's presenter",
    )


async def test_the_check_in_says_who_presents_and_marking_them_absent_passes_the_turn(demo_db):
    conn = store.connect(demo_db)
    try:
        first, second = presenting.turn_order(conn, DAY)[:2]
    finally:
        conn.close()
    app = make_app(demo_db, day=DAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await home_drawn(pilot)
        await pilot.press("s")
        await checked_in_shown(pilot)
        assert presenter_line(app) == f"Client win today: {first.name} presents"
        table = app.screen.query_one(DataTable)
        await pilot.press(*["down"] * table.get_row_index(str(first.id)), "space")  # the presenter: absent
        await until(pilot, lambda: first.name + " is absent" in presenter_line(app), "the turn passed")
        assert presenter_line(app) == f"{first.name} is absent: the client win passes to {second.name}"
        await pilot.press("space")  # absent -> off
        await until(pilot, lambda: f"{first.name} is off" in presenter_line(app), "still passed")
        await pilot.press("space")  # back to present: back to presenting
        await until(pilot, lambda: presenter_line(app).startswith("Client win today: " + first.name), "back")
        await pilot.press("space", "enter")  # absent after all, and start
        await until(pilot, lambda: on_top(app, MeetingScreen), "the meeting")
        await settled(pilot)
    conn = store.connect(demo_db)
    try:
        now = presenting.next_presentation(conn, DAY, meetings.current_id(conn))
        assert now.choice.presenter.name == second.name
    finally:
        conn.close()


def held_today(path) -> None:
    conn = store.connect(path)
    try:
        t0 = datetime(DAY.year, DAY.month, DAY.day, 8, tzinfo=UTC)
        meetings.start(conn, now=t0, day=DAY)
        meetings.finish(conn, now=t0 + timedelta(minutes=15))
    finally:
        conn.close()


def briefings_today(path) -> int:
    conn = store.connect(path)
    try:
        return conn.execute("SELECT count(*) FROM meetings WHERE day = ?", (DAY.isoformat(),)).fetchone()[0]
    finally:
        conn.close()


async def test_a_second_briefing_today_is_asked_about_before_the_check_in(demo_db):
    held_today(demo_db)
    app = make_app(demo_db, day=DAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await home_drawn(pilot)
        await pilot.press("s")
        await until(pilot, lambda: on_top(app, ConfirmScreen), "the question")
        assert not any(isinstance(s, CheckInScreen) for s in app.screen_stack)
        await pilot.press("n")  # no: back home, nothing asked nor started
        await until(pilot, lambda: on_top(app, HomeScreen), "home again")
        await pilot.press("s")
        await until(pilot, lambda: on_top(app, ConfirmScreen), "the question again")
        await pilot.press("y")
        await checked_in_shown(pilot)
        await pilot.press("enter")
        await until(pilot, lambda: on_top(app, MeetingScreen), "the second briefing")
        await settled(pilot)
        assert not any(isinstance(s, ConfirmScreen) for s in app.screen_stack)  # not asked twice
    assert briefings_today(demo_db) == 2
