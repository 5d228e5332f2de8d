"""A new collaborator's morning, end to end, keyboard only: add a verbatim
from home, find it in the inbox by searching; and a colleague's CLI adding
one while the inbox is open."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from textual.widgets import DataTable

from briefing import demo
from screens.app import make_app
from screens.inbox import InboxScreen
from tests.conftest import DAY


@pytest.fixture
def demo_db(tmp_path: Path) -> Path:
    path = tmp_path / "demo.db"
    demo.build(path, today=DAY)
    return path


def _quotes(app) -> list[str]:
    table = app.screen.query_one("#verbatims-table", DataTable)
    return [" ".join(str(c) for c in table.get_row_at(i)) for i in range(table.row_count)]


async def _until(pilot, check, tries: int = 30) -> bool:
    for _ in range(tries):
        await pilot.pause(0.1)
        if check():
            return True
    return False


async def test_add_from_home_then_find_it_by_searching_the_inbox(demo_db):
    app = make_app(demo_db, day=DAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause(0.3)
        await pilot.press("v")  # home: add a verbatim
        await pilot.pause(0.5)
        await pilot.press(*"Vos équipes ont été formidables")
        await pilot.press("tab")
        await pilot.press(*"Zoé Quintin")
        await pilot.press("ctrl+s")
        await pilot.pause(0.8)
        await pilot.press("i")  # home: the inbox
        assert await _until(pilot, lambda: isinstance(app.screen, InboxScreen))
        await pilot.press("slash")
        await pilot.press(*"formida")  # no accent, half a word
        assert await _until(pilot, lambda: len(_quotes(app)) == 1 and "Zoé Quintin" in _quotes(app)[0])


async def test_a_colleagues_cli_add_shows_in_the_open_inbox_within_a_second(demo_db):
    app = make_app(demo_db, day=DAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause(0.3)
        await pilot.press("i")
        assert await _until(pilot, lambda: isinstance(app.screen, InboxScreen) and len(_quotes(app)) > 0)
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
        assert await _until(pilot, lambda: len(_quotes(app)) == before + 1, tries=12)
        assert any("Yann Le Goff" in row for row in _quotes(app))
