"""The client page: reached from the card in the meeting and back, and as
it looks on a laptop and on the wall."""

from __future__ import annotations

import pytest

from briefing import db as store
from screens.client_screen import ClientScreen
from screens.clients_screen import ClientsScreen
from screens.meeting import MeetingScreen
from tests.conftest import SIZES
from tests.pilot import settled, until
from tests.test_meeting_room import _long_quote, _marked, card
from tests.test_meeting_screen import _meeting_app, text_of


def story_read(app) -> bool:
    return isinstance(app.screen, ClientScreen) and app.screen.query_one("#client-story").page is not None


async def test_o_on_the_card_shows_the_person_behind_the_quote_and_escape_returns_to_the_meeting(demo_db):
    _long_quote(demo_db)
    app = _meeting_app(demo_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await _marked(pilot)
        meeting = app.screen
        assert "o: their page" in card(app).border_title
        await pilot.press("o")
        await until(pilot, lambda: story_read(app), "the client's page")
        header, timeline = text_of(app, "#story-header"), text_of(app, "#story-timeline")
        assert "Hélène Roussel" in header and "Altis Logistique" in header
        assert "▶" in timeline  # the quote the room was reading, marked
        assert "Renewed Altis Logistique" in timeline  # their company's win
        assert timeline.count("“") >= 2  # their words before this one too
        await pilot.press("escape")
        await until(pilot, lambda: app.screen is meeting, "back to the meeting")
        await settled(pilot)
        assert isinstance(app.screen, MeetingScreen) and meeting.state().state == "running"


async def test_the_clients_list_searches_as_you_type_and_opens_a_page(demo_db):
    app = _meeting_app(demo_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await settled(pilot)
        app.push_screen(ClientsScreen())
        await until(pilot, lambda: isinstance(app.screen, ClientsScreen) and app.screen.loads, "the list")
        assert len(app.screen.rows) == 29
        await pilot.press("r", "o", "u", "s")
        await until(pilot, lambda: [r.client.name for r in app.screen.rows] == ["Hélène Roussel"], "one match")
        await pilot.press("down", "enter")
        await until(pilot, lambda: story_read(app), "her page")


def _client_id(path) -> int:
    conn = store.connect(path)
    try:
        return conn.execute("SELECT id FROM clients WHERE key = 'helene roussel'").fetchone()[0]
    finally:
        conn.close()


@pytest.mark.parametrize("size", SIZES)
def test_client_page_snapshot(snap_compare, demo_db, size):
    client_id = _client_id(demo_db)

    async def opened(pilot) -> None:
        await settled(pilot)
        pilot.app.push_screen(ClientScreen(client_id))
        await until(pilot, lambda: story_read(pilot.app), "the page")
        await settled(pilot)

    assert snap_compare(_meeting_app(demo_db), terminal_size=size, run_before=opened)
