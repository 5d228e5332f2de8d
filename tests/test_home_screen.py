"""The home screen, driven as the lead would (Pilot), plus snapshots."""

from __future__ import annotations

import pytest
from textual.widgets import DataTable, Digits, Static

from briefing import db as store
from briefing import metrics, team, verbatims
from screens.app import make_app
from tests.conftest import DAY, SIZES
from tests.pilot import home_drawn, settled, table_shown, until


def _plain(widget: Static) -> str:
    return str(widget.render())


def _digits(app, key: str) -> str:
    return app.screen.query_one(f"#digits-{key}", Digits).value


async def home_shown(pilot) -> None:
    """Home up, and on screen its table of numbers in full (what a snapshot shows)."""
    app = pilot.app
    await home_drawn(pilot)
    await until(pilot, lambda: table_shown(app, app.screen.query_one("#metrics DataTable", DataTable)), "the numbers")


async def test_home_shows_what_waits_for_todays_briefing(demo_db):
    conn = store.connect(demo_db)
    expected_new = conn.execute("SELECT count(*) FROM verbatims WHERE status = 'new'").fetchone()[0]
    conn.close()
    app = make_app(demo_db, day=DAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await home_drawn(pilot)
        assert _digits(app, "verbatims") == str(expected_new)
        assert _digits(app, "wins") == "5"
        assert "Claire Dubois · lead" in _plain(app.screen.query_one("#team", Static))
        table = app.screen.query_one("#metrics DataTable", DataTable)
        assert table.row_count == 4
        assert "Tuesday 24 November 2026" in _plain(app.screen.query_one("#day", Static))
        await pilot.press("q")
    assert app.return_code == 0


async def test_another_process_adding_a_verbatim_shows_up_within_a_second(demo_db):
    app = make_app(demo_db, day=DAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await home_drawn(pilot)
        before = int(_digits(app, "verbatims"))
        other = store.connect(demo_db)  # another connection: as another process would
        verbatims.add(other, {"text": "Vous êtes au top", "client": "Zoé", "date": DAY})
        other.close()
        # The app polls the database every 0.5 s: "within a second" is the product's promise, the
        # wait's bound only says when to give up.
        await until(pilot, lambda: _digits(app, "verbatims") == str(before + 1), "the new verbatim counted on home")
        assert _digits(app, "verbatims") == str(before + 1)
        assert "Vous êtes au top" in _plain(app.screen.query_one("#latest", Static))


HOSTILE_NAME = "[@click=app.quit]x[/]"


async def test_hostile_text_is_shown_literally_and_never_acts(tmp_path):
    path = tmp_path / "hostile.db"
    conn = store.connect(path)
    team.add(conn, HOSTILE_NAME, lead=True)
    team.add(conn, "[/]")
    team.add(conn, "\u202egnitirw desrever")
    metrics.add(conn, {"name": "[bold]Sales", "value": 1, "target": 2, "date": DAY})
    verbatims.add(
        conn, {"text": "\x1b[2J\x1b]0;pwned\x07 [link=http://x]clic[/link] [/]", "client": "[red", "date": DAY}
    )
    conn.close()
    app = make_app(path, day=DAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await home_drawn(pilot)
        team_text = _plain(app.screen.query_one("#team", Static))
        assert HOSTILE_NAME in team_text and "[/]" in team_text
        assert "⟨U+202E⟩gnitirw" in team_text
        latest = _plain(app.screen.query_one("#latest", Static))
        assert "␛[2J␛]0;pwned␇" in latest and "[link=http://x]clic[/link]" in latest
        await pilot.click("#team", offset=(2, 0))  # clicking the name is not an action
        await settled(pilot)  # an action it set off would have run by now
        assert app.is_running
    assert app.return_code is None or app.return_code == 0


@pytest.mark.parametrize("size", SIZES)
def test_home_snapshot(snap_compare, demo_db, size):
    assert snap_compare(make_app(demo_db, day=DAY, watch=False), terminal_size=size, run_before=home_shown)


@pytest.mark.parametrize(
    ("size", "hinted"), [((80, 24), False), ((120, 40), False), ((200, 60), True), ((160, 50), True)]
)
async def test_a_terminal_as_large_as_a_wall_says_how_to_make_the_words_bigger(demo_db, size, hinted):
    """A 200x60 terminal on a projector has a small font: the client's words
    are one thin line from the back of the room. The app cannot change the
    font; home says how the lead can, before the briefing starts."""
    app = make_app(demo_db, day=DAY, watch=False)
    async with app.run_test(size=size) as pilot:
        await home_shown(pilot)
        hint = app.screen.query_one("#room-hint", Static)
        assert hint.display is hinted
        if hinted:
            assert "Enlarge the terminal's font" in _plain(hint) and hint.region.height > 0
        await pilot.resize_terminal(80, 24)  # the lead did: the hint goes
        await until(pilot, lambda: not hint.display, "the hint gone")
