"""The team screen and the command palette, driven from the keyboard as the lead would."""

from __future__ import annotations

import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from textual.widgets import DataTable, Input, Static

from briefing import db as store
from briefing import demo, meeting, team, wins
from briefing.errors import BadInput, NotFound
from screens.app import BriefingApp, make_app
from screens.checkin import CheckInScreen
from screens.commands import BriefingCommands
from screens.confirm import ConfirmScreen
from screens.home import HomeScreen
from screens.team_screen import NameScreen, TeamScreen
from tests.conftest import DAY


@pytest.fixture
def small_team(db_path: Path) -> Path:
    conn = store.connect(db_path)
    team.add(conn, "Claire Dubois", lead=True, today=DAY)
    for name in ("Inès Moreau", "Karim Benali", "Tom Becker"):
        team.add(conn, name, today=DAY)
    wins.add(conn, {"title": "Saved the Verdier account", "owner": "Tom Becker", "date": DAY})
    conn.close()
    return db_path


@pytest.fixture
def demo_db(tmp_path: Path) -> Path:
    path = tmp_path / "demo.db"
    demo.build(path, today=DAY)
    return path


def rows(app) -> list[list[str]]:
    table = app.screen.query_one("#team-table", DataTable)
    return [[str(cell) for cell in table.get_row_at(i)] for i in range(table.row_count)]


def selected(app) -> str:
    table = app.screen.query_one("#team-table", DataTable)
    return str(table.get_row_at(table.cursor_row)[0])


def row_of(app, name: str) -> list[str]:
    return next(r for r in rows(app) if r[0] == name)


async def settle(pilot, until=lambda: True) -> None:
    for _ in range(40):
        await pilot.pause(0.05)
        if until() and all(
            w.is_finished for w in pilot.app.workers if w.group != "--textual-command-palette-gather-commands"
        ):
            break
    await pilot.pause()


async def open_team(pilot) -> None:
    await pilot.app.push_screen(TeamScreen())
    await settle(pilot, lambda: pilot.app.screen.query_one("#team-table", DataTable).row_count > 0)


async def select(pilot, name: str) -> None:
    names = [r[0] for r in rows(pilot.app)]
    table = pilot.app.screen.query_one("#team-table", DataTable)
    for _ in range(names.index(name) - table.cursor_row):
        await pilot.press("down")
    assert selected(pilot.app) == name


# -- the table -----------------------------------------------------------------


async def test_the_table_says_who_leads_who_left_and_who_presented(demo_db):
    conn = store.connect(demo_db)
    team.remove(conn, "Mehdi Haddad")
    conn.close()
    app = make_app(demo_db, day=DAY, watch=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_team(pilot)
        assert len(rows(app)) == 8
        assert row_of(app, "Claire Dubois") == ["Claire Dubois", "lead", "yes", "2023-01-04", "0"]
        assert row_of(app, "Sophie Laurent")[4] == "3"  # three finished briefings presented
        assert row_of(app, "Mehdi Haddad")[1:3] == ["member", "left"]
        assert rows(app)[-1][0] == "Mehdi Haddad"  # those who left come last
        assert "1 left" in str(app.screen.query_one("#team-summary", Static).render())
        await pilot.press("escape")
        assert isinstance(app.screen, HomeScreen)


# -- changes -------------------------------------------------------------------


async def test_adding_a_lead_from_the_keyboard_selects_them(small_team):
    app = make_app(small_team, day=DAY, watch=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_team(pilot)
        await pilot.press("a")
        await pilot.press(*"Zoé Petit", "tab", "space", "enter")
        await settle(pilot, lambda: len(rows(app)) == 5)
        assert isinstance(app.screen, TeamScreen)
        assert row_of(app, "Zoé Petit")[1:4] == ["lead", "yes", DAY.isoformat()]
        assert selected(app) == "Zoé Petit"


async def test_a_refused_name_is_explained_next_to_the_field(small_team):
    app = make_app(small_team, day=DAY, watch=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_team(pilot)
        await pilot.press("a", "enter")
        await settle(pilot)
        error = app.screen.query_one("#name-error", Static)
        assert isinstance(app.screen, NameScreen) and "must not be empty" in str(error.render())
        await pilot.press(*"tom becker", "enter")
        await settle(pilot)
        assert "Tom Becker is already in the team" in str(error.render())
        assert error.display and isinstance(app.screen, NameScreen)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, TeamScreen) and len(rows(app)) == 4


async def test_renaming_keeps_the_credit_for_their_wins(small_team):
    app = make_app(small_team, day=DAY, watch=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_team(pilot)
        await select(pilot, "Tom Becker")
        await pilot.press("r")
        await settle(pilot)
        assert app.screen.query_one(Input).value == "Tom Becker"  # prefilled, typing replaces it
        await pilot.press(*"Thomas Becker", "enter")
        await settle(pilot, lambda: isinstance(app.screen, TeamScreen))
        assert selected(app) == "Thomas Becker"
    conn = store.connect(small_team)
    assert wins.list_wins(conn)[0].owner == "Thomas Becker"
    conn.close()


async def test_leaving_is_confirmed_first_and_can_be_undone(small_team):
    app = make_app(small_team, day=DAY, watch=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_team(pilot)
        await select(pilot, "Inès Moreau")
        await pilot.press("d")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        await settle(pilot)
        assert row_of(app, "Inès Moreau")[2] == "yes"
        await pilot.press("d", "y")
        await settle(pilot, lambda: row_of(app, "Inès Moreau")[2] == "left")
        assert row_of(app, "Inès Moreau")[2] == "left"
        assert selected(app) == "Inès Moreau"  # moved to the bottom, still selected
        await pilot.press("l")  # someone who left cannot be made lead
        await settle(pilot)
        assert row_of(app, "Inès Moreau")[1] == "member"
        await pilot.press("d")  # back, no question asked
        await settle(pilot, lambda: row_of(app, "Inès Moreau")[2] == "yes")
        assert row_of(app, "Inès Moreau")[2] == "yes" and selected(app) == "Inès Moreau"


async def test_l_makes_someone_lead_then_member_again(small_team):
    app = make_app(small_team, day=DAY, watch=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_team(pilot)
        await select(pilot, "Karim Benali")
        await pilot.press("l")
        await settle(pilot, lambda: row_of(app, "Karim Benali")[1] == "lead")
        assert row_of(app, "Karim Benali")[1] == "lead" and selected(app) == "Karim Benali"
        await pilot.press("l")
        await settle(pilot, lambda: row_of(app, "Karim Benali")[1] == "member")
        assert row_of(app, "Karim Benali")[1] == "member"


async def test_a_change_made_elsewhere_shows_up_and_the_selection_stays(small_team):
    app = make_app(small_team, day=DAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_team(pilot)
        await select(pilot, "Tom Becker")
        other = store.connect(small_team)  # as `briefing team add` from another terminal
        team.add(other, "Aaron Abel", today=DAY)
        other.close()
        await settle(pilot, lambda: len(rows(app)) == 5)
        assert len(rows(app)) == 5 and selected(app) == "Tom Becker"


# -- the core functions the screen relies on ---------------------------------------


def test_set_role_refuses_strangers_and_people_who_left(conn):
    team.add(conn, "Inès Moreau")
    assert team.set_role(conn, "Inès", True).role == "lead"
    with pytest.raises(NotFound):
        team.set_role(conn, "Nobody", True)
    team.remove(conn, "Inès Moreau")
    with pytest.raises(BadInput, match="has left"):
        team.set_role(conn, "Inès Moreau", False)


def test_presentations_count_only_finished_briefings(demo_db):
    conn = store.connect(demo_db)
    before = team.presentations(conn)
    meeting.start(conn, now=datetime.now(UTC) - timedelta(minutes=5), day=DAY)
    assert team.presentations(conn) == before  # under way: not yet counted
    conn.close()
    assert sum(before.values()) == 15 and 1 not in before  # the lead is out of the rotation


# -- the command palette -----------------------------------------------------------


class PaletteApp(BriefingApp):
    CSS_PATH = str(Path(sys.modules[BriefingApp.__module__].__file__).with_name("briefing.tcss"))
    COMMANDS = BriefingApp.COMMANDS | {BriefingCommands}


def listed(app) -> int:
    from textual.command import CommandList

    commands = app.screen.query(CommandList)
    return commands.first().option_count if commands else 0


def titles(app) -> set[str]:
    """The first line of each command the palette shows (the second is its help)."""
    from textual.command import CommandList

    commands = app.screen.query(CommandList)
    options = [commands.first().get_option_at_index(i) for i in range(listed(app))] if commands else []
    return {getattr(o.prompt, "plain", str(o.prompt)).split("\n")[0] for o in options}


async def palette(pilot, query: str) -> None:
    from textual.command import CommandPalette

    await pilot.press("ctrl+p", *query)
    await settle(pilot, lambda: listed(pilot.app) > 0)
    await pilot.press("enter")
    await settle(pilot, lambda: not isinstance(pilot.app.screen, CommandPalette))


async def test_the_palette_lists_every_screen_in_plain_words(small_team):
    ours = {"Inbox — verbatims and wins", "Add a verbatim", "Add a client win", "Team", "Start the briefing", "Quit"}
    app = PaletteApp(small_team, day=DAY, watch=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await settle(pilot, lambda: ours <= titles(app))
        assert ours <= titles(app)


async def test_the_palette_opens_the_team_then_starts_the_briefing_from_there(small_team):
    app = PaletteApp(small_team, day=DAY, watch=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await palette(pilot, "team")
        assert isinstance(app.screen, TeamScreen)
        await palette(pilot, "start")
        assert isinstance(app.screen, CheckInScreen)  # back on home, asking who is in the room
        assert isinstance(app.screen_stack[-2], HomeScreen)


# -- how it looks --------------------------------------------------------------------


async def _team_loaded(pilot) -> None:
    await open_team(pilot)


def test_team_at_80x24(snap_compare, demo_db):
    assert snap_compare(make_app(demo_db, day=DAY, watch=False), terminal_size=(80, 24), run_before=_team_loaded)


def test_team_on_a_projector(snap_compare, demo_db):
    assert snap_compare(make_app(demo_db, day=DAY, watch=False), terminal_size=(200, 60), run_before=_team_loaded)
