"""Putting a mistake right during the briefing, from the meeting screen."""

from __future__ import annotations

from briefing import db as store
from briefing import meeting as meetings
from briefing import presenting
from screens.app import make_app
from tests.conftest import DAY
from tests.pilot import settled, until
from tests.test_meeting_screen import meeting_drawn, shown_pane, started, text_of


def go(conn, now):
    return meetings.go(conn, +1, now=now)


def notes_of(app) -> list[str]:
    """What the app says in notifications from now on."""
    seen: list[str] = []
    original = app.notify

    def notify(message, **kwargs):
        seen.append(str(message))
        return original(message, **kwargs)

    app.notify = notify
    return seen


async def test_u_undoes_x_on_the_client_win_segment(demo_db):
    started(demo_db, 60, (go, 40))
    app = make_app(demo_db, day=DAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: meeting_drawn(app), "the meeting drawn")
        await settled(pilot)
        assert shown_pane(app) == "pane-win"
        assert "u: undo x" in str(app.screen.query_one("#pane-win").border_title)
        said = notes_of(app)
        first = text_of(app, "#presenter")
        await pilot.press("x")  # not ready today: pressed by mistake
        await until(pilot, lambda: text_of(app, "#presenter") != first, "another presenter")
        await pilot.press("u")
        await until(pilot, lambda: text_of(app, "#presenter") == first, "the first presenter back")
        await settled(pilot)
        assert "Keeping their place" not in text_of(app, "#reason")
        await pilot.press("u")  # nothing left to undo: said, not ignored
        await until(pilot, lambda: any("nothing to undo" in n for n in said), "the refusal in words")
    conn = store.connect(demo_db)
    try:
        assert presenting.skips(conn, meetings.current_id(conn)) == ()
    finally:
        conn.close()
