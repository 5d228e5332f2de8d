"""A new collaborator's morning, end to end, keyboard only: add a verbatim
from home, find it in the inbox by searching; and a colleague's CLI adding
one while the inbox is open."""

from __future__ import annotations

import subprocess
import sys

from textual.widgets import DataTable

from screens.app import make_app
from screens.home import HomeScreen
from screens.inbox import InboxScreen
from screens.verbatim_form import VerbatimFormScreen
from tests.conftest import DAY
from tests.pilot import home_drawn, on_top, settled, until


def _quotes(app) -> list[str]:
    table = app.screen.query_one("#verbatims-table", DataTable)
    return [" ".join(str(c) for c in table.get_row_at(i)) for i in range(table.row_count)]


async def open_inbox(pilot) -> None:
    """i on home, and the inbox lists what the database holds."""
    await pilot.press("i")
    await until(pilot, lambda: on_top(pilot.app, InboxScreen) and _quotes(pilot.app), "the inbox's list")
    await settled(pilot)


async def test_add_from_home_then_find_it_by_searching_the_inbox(demo_db):
    app = make_app(demo_db, day=DAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await home_drawn(pilot)
        await pilot.press("v")  # home: add a verbatim
        await until(pilot, lambda: on_top(app, VerbatimFormScreen), "the form")
        await settled(pilot)  # the form has read the team: it can save
        await pilot.press(*"Vos équipes ont été formidables")
        await pilot.press("tab")
        await pilot.press(*"Zoé Quintin")
        await pilot.press("ctrl+s")
        await until(pilot, lambda: on_top(app, HomeScreen), "the form saved and closed")
        await settled(pilot)
        await open_inbox(pilot)  # home: the inbox
        await pilot.press("slash")
        await pilot.press(*"formida")  # no accent, half a word
        await until(pilot, lambda: len(_quotes(app)) == 1 and "Zoé Quintin" in _quotes(app)[0], "the one match")


async def test_a_colleagues_cli_add_shows_in_the_open_inbox_within_a_second(demo_db):
    app = make_app(demo_db, day=DAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await home_drawn(pilot)
        await open_inbox(pilot)
        before = len(_quotes(app))
        subprocess.run(  # another process, as a colleague's terminal would be
            [
                sys.executable,
                "-m",
                "briefing",
                "--db",
                str(demo_db),
                "verbatim",
                "add",
                "Top service",
                "--client",
                "Yann Le Goff",
            ],
            check=True,
            capture_output=True,
        )
        # The app notices another process's commit by polling every 0.5 s.
        await until(pilot, lambda: len(_quotes(app)) > before, "the colleague's verbatim in the list")
        assert len(_quotes(app)) == before + 1
        assert any("Yann Le Goff" in row for row in _quotes(app))
