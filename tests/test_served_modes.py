"""The app's browser modes (``briefing serve --mode inbox|view``), driven with Pilot:
what a collaborator and a remote attendee can and cannot do."""

from __future__ import annotations

import sqlite3

from textual.screen import Screen

from screens.served import InboxDesk, make
from screens.view_screen import LobbyScreen, ViewMeetingScreen
from screens.who_dialog import WhoScreen
from tests.pilot import on_top, screen_text, settled, until

BROWSER = "b" * 24


def rows(db_path, sql: str) -> list[tuple]:
    with sqlite3.connect(db_path) as conn:
        return conn.execute(sql).fetchall()


async def chosen(pilot, name: str) -> None:
    """Who is adding: the first member (``name``), picked in the dialog."""
    await until(pilot, lambda: on_top(pilot.app, WhoScreen) and name in screen_text(pilot.app), "the team to pick from")
    await pilot.press("enter")
    await until(pilot, lambda: on_top(pilot.app, InboxDesk) and pilot.app.adding is not None, "the choice")


async def test_the_inbox_asks_once_per_browser_and_archives_only_ones_own(team, db_path, cli):
    cli("verbatim", "add", "Mine", "--client", "A", "--by", "Inès")
    cli("verbatim", "add", "Karim's", "--client", "B", "--by", "Karim")
    app = make("inbox", db_path, browser=BROWSER)
    async with app.run_test(size=(120, 36)) as pilot:
        await chosen(pilot, "Inès Moreau")
        assert app.adding.name == "Inès Moreau"
        desk = app.screen
        await until(pilot, lambda: desk.table().row_count == 2, "both verbatims")
        await settled(pilot)
        # Newest first: Karim's, then Inès's own.
        assert desk.current_row().text == "Karim's"
        await pilot.press("d")
        await settled(pilot)
        assert rows(db_path, "SELECT text FROM verbatims WHERE status = 'archived'") == []
        await pilot.press("down", "d")
        await until(pilot, lambda: rows(db_path, "SELECT text FROM verbatims WHERE status = 'archived'"), "the archive")
        assert rows(db_path, "SELECT text FROM verbatims WHERE status = 'archived'") == [("Mine",)]
        # Nothing but the inbox: no home, no team, no meeting; Esc leaves nothing to go back to.
        await pilot.press("escape", "s", "t", "g", "m")
        await settled(pilot)
        # (Textual's empty first screen is below it in a browser tab, not in a terminal.)
        assert on_top(app, InboxDesk) and [s for s in app.screen_stack if type(s) is not Screen] == [app.screen]
        # A new verbatim is the chooser's by default.
        await pilot.press("a")
        await until(pilot, lambda: app.screen.query_one("#by").value == "Inès Moreau", "the form, collected by Inès")
    assert rows(db_path, f"SELECT value FROM settings WHERE key = 'browser:{BROWSER}'") != []
    again = make("inbox", db_path, browser=BROWSER)
    async with again.run_test(size=(120, 36)) as pilot:
        await until(pilot, lambda: again.adding is not None, "the choice remembered")
        assert again.adding.name == "Inès Moreau"
        assert not any(isinstance(s, WhoScreen) for s in again.screen_stack)


async def test_the_view_follows_the_briefing_and_changes_nothing(team, db_path, cli):
    cli("verbatim", "add", "On the wall", "--client", "A", "--by", "Inès")
    app = make("view", db_path)
    async with app.run_test(size=(120, 36)) as pilot:
        await until(pilot, lambda: "On the wall" in screen_text(app), "the lobby's latest verbatims")
        assert on_top(app, LobbyScreen)
        assert cli("meeting", "start").code == 0
        await until(pilot, lambda: on_top(app, ViewMeetingScreen) and app.screen.state() is not None, "the meeting")
        events = rows(db_path, "SELECT count(*) FROM meeting_events")
        await pilot.press("n", "space", "tab", "plus", "f", "x", "a", "e")
        await settled(pilot)
        assert on_top(app, ViewMeetingScreen)
        assert rows(db_path, "SELECT count(*) FROM meeting_events") == events
        assert rows(db_path, "SELECT count(*) FROM meeting_verbatims") == [(0,)]  # not even "card shown"
        assert cli("meeting", "next").code == 0
        await until(pilot, lambda: app.screen.state().index == 1, "the lead's next segment")
        assert cli("meeting", "finish", stdin="y\n").code == 0
        await until(pilot, lambda: on_top(app, LobbyScreen), "the lobby again once it is over")


async def test_the_view_shows_the_card_the_lead_showed_last(team, db_path, cli):
    from briefing import db as store
    from briefing import meeting as meetings
    from briefing.timeutil import utc_now

    cli("verbatim", "add", "The older words", "--client", "A", "--by", "Inès", "--date", "yesterday")
    cli("verbatim", "add", "The newer words", "--client", "B", "--by", "Inès")
    assert cli("meeting", "start").code == 0
    assert cli("meeting", "next").code == 0  # past the client call a new team's agenda opens on
    app = make("view", db_path)
    async with app.run_test(size=(120, 36)) as pilot:
        await until(pilot, lambda: "The newer words" in screen_text(app), "the newest card first")
        conn = store.connect(db_path)
        try:
            older = conn.execute("SELECT id FROM verbatims WHERE text = 'The older words'").fetchone()[0]
            meetings.mark_shown(conn, meetings.current_id(conn), older, utc_now())  # the lead pressed ↓
        finally:
            conn.close()
        await until(pilot, lambda: "The older words" in screen_text(app), "the lead's card")
        assert "Verbatim 2 of 2" in screen_text(app)


async def test_the_view_shows_whom_the_lead_calls_and_none_of_the_call_keys(demo_db):
    from briefing import calls
    from briefing import db as store
    from tests.conftest import DAY
    from tests.test_call_pane import calling, who
    from tests.test_meeting_screen import NOW

    calling(demo_db)  # Marc Petit proposed first, then Sophie Marlin
    app = make("view", demo_db, day=DAY, now=NOW)
    async with app.run_test(size=(120, 36)) as pilot:
        await until(pilot, lambda: "Marc Petit" in who(app), "the first proposal, as on the lead's screen")
        shown = screen_text(app)
        assert "Last heard 41 days ago" in shown
        for lead_only in ("s another", "r reached", "Called by", "What they say", "s for another"):
            assert lead_only not in shown
        with store.opened(demo_db) as conn:
            sophie = conn.execute("SELECT id FROM clients WHERE name = 'Sophie Marlin'").fetchone()[0]
            calls.choose(conn, meetings_current(conn), sophie)  # the lead pressed s
        await until(pilot, lambda: "Sophie Marlin" in who(app), "the lead's choice")
        assert "3 verbatims in the last year" in screen_text(app)
        assert rows(demo_db, "SELECT count(*) FROM calls") == [(0,)]


def meetings_current(conn) -> int:
    from briefing import meeting as meetings

    return meetings.current_id(conn)
