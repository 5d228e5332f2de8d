"""The team screen and the command palette, driven from the keyboard as the lead would."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from textual.widgets import DataTable, Input, Static

from briefing import db as store
from briefing import meeting, team, wins
from briefing.errors import BadInput, NotFound
from screens.app import BriefingApp, make_app
from screens.checkin import CheckInScreen
from screens.commands import BriefingCommands
from screens.confirm import ConfirmScreen
from screens.home import HomeScreen
from screens.team_screen import NameScreen, TeamScreen
from tests.conftest import DAY, SIZES
from tests.pilot import home_drawn, on_top, settled, table_shown, until


@pytest.fixture
def small_team(db_path: Path) -> Path:
    conn = store.connect(db_path)
    team.add(conn, "Claire Dubois", lead=True, today=DAY)
    for name in ("Inès Moreau", "Karim Benali", "Tom Becker"):
        team.add(conn, name, today=DAY)
    wins.add(conn, {"title": "Saved the Verdier account", "owner": "Tom Becker", "date": DAY})
    conn.close()
    return db_path


def rows(app) -> list[list[str]]:
    table = app.screen.query_one("#team-table", DataTable)
    return [[str(cell) for cell in table.get_row_at(i)] for i in range(table.row_count)]


def selected(app) -> str:
    table = app.screen.query_one("#team-table", DataTable)
    return str(table.get_row_at(table.cursor_row)[0])


def names(app) -> list[str]:
    return [r[0] for r in rows(app)] if on_top(app, TeamScreen) else []


def row_of(app, name: str) -> list[str]:
    return next(r for r in rows(app) if r[0] == name)


async def open_team(pilot) -> None:
    """As the lead does: home is up, t, and the team is listed.

    Not pushed the moment the app starts: the terminal's first size reached
    the team screen after it had filled its table, which it then filled again
    (``on_resize``), and a frame painted before the table measured its columns
    showed every cell cut to its heading's width ("Clai", "memb").
    """
    app = pilot.app
    await home_drawn(pilot)
    await pilot.press("t")
    await until(pilot, lambda: on_top(app, TeamScreen) and table(app).row_count, "the team listed")
    await settled(pilot)


async def team_shown(pilot) -> None:
    """The team listed, and on screen every cell in full (what a snapshot shows)."""
    await open_team(pilot)
    await until(pilot, lambda: table_shown(pilot.app, table(pilot.app)), "the team table drawn in full")


def table(app) -> DataTable:
    return app.screen.query_one("#team-table", DataTable)


def error_text(app) -> str:
    return str(app.screen.query_one("#name-error", Static).render())


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
        await until(pilot, lambda: on_top(app, TeamScreen) and len(rows(app)) == 5, "Zoé Petit in the table")
        await settled(pilot)
        assert isinstance(app.screen, TeamScreen)
        assert row_of(app, "Zoé Petit")[1:4] == ["lead", "yes", DAY.isoformat()]
        assert selected(app) == "Zoé Petit"


async def test_a_refused_name_is_explained_next_to_the_field(small_team):
    app = make_app(small_team, day=DAY, watch=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_team(pilot)
        await pilot.press("a", "enter")
        await until(pilot, lambda: on_top(app, NameScreen) and error_text(app), "a refusal next to the field")
        error = app.screen.query_one("#name-error", Static)
        assert isinstance(app.screen, NameScreen) and "must not be empty" in str(error.render())
        await pilot.press(*"tom becker", "enter")
        await until(pilot, lambda: "must not be empty" not in error_text(app), "the second refusal")
        assert "Tom Becker is already in the team" in str(error.render())
        assert error.display and isinstance(app.screen, NameScreen)
        await pilot.press("escape")
        await until(pilot, lambda: on_top(app, TeamScreen), "the team back on top")
        await settled(pilot)
        assert isinstance(app.screen, TeamScreen) and len(rows(app)) == 4


async def test_renaming_keeps_the_credit_for_their_wins(small_team):
    app = make_app(small_team, day=DAY, watch=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_team(pilot)
        await select(pilot, "Tom Becker")
        await pilot.press("r")
        await until(pilot, lambda: on_top(app, NameScreen), "the name field")
        assert app.screen.query_one(Input).value == "Tom Becker"  # prefilled, typing replaces it
        await pilot.press(*"Thomas Becker", "enter")
        await until(pilot, lambda: "Thomas Becker" in names(app), "Thomas Becker in the table")
        await settled(pilot)
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
        await until(pilot, lambda: not on_top(app, TeamScreen), "a question")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        await until(pilot, lambda: on_top(app, TeamScreen), "the team back on top")
        await settled(pilot)
        assert row_of(app, "Inès Moreau")[2] == "yes"
        await pilot.press("d", "y")
        await until(pilot, lambda: on_top(app, TeamScreen) and row_of(app, "Inès Moreau")[2] != "yes", "Inès left")
        await settled(pilot)
        assert row_of(app, "Inès Moreau")[2] == "left"
        assert selected(app) == "Inès Moreau"  # moved to the bottom, still selected
        await pilot.press("l")  # someone who left cannot be made lead
        await settled(pilot)
        assert row_of(app, "Inès Moreau")[1] == "member"
        await pilot.press("d")  # back, no question asked
        await until(pilot, lambda: on_top(app, TeamScreen) and row_of(app, "Inès Moreau")[2] != "left", "Inès back")
        await settled(pilot)
        assert row_of(app, "Inès Moreau")[2] == "yes" and selected(app) == "Inès Moreau"


async def test_l_makes_someone_lead_then_member_again(small_team):
    app = make_app(small_team, day=DAY, watch=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_team(pilot)
        await select(pilot, "Karim Benali")
        await pilot.press("l")
        await until(pilot, lambda: row_of(app, "Karim Benali")[1] != "member", "Karim's new role")
        await settled(pilot)
        assert row_of(app, "Karim Benali")[1] == "lead" and selected(app) == "Karim Benali"
        await pilot.press("l")
        await until(pilot, lambda: row_of(app, "Karim Benali")[1] != "lead", "Karim's role back")
        await settled(pilot)
        assert row_of(app, "Karim Benali")[1] == "member"


async def test_a_change_made_elsewhere_shows_up_and_the_selection_stays(small_team):
    app = make_app(small_team, day=DAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_team(pilot)
        await select(pilot, "Tom Becker")
        other = store.connect(small_team)  # as `briefing team add` from another terminal
        team.add(other, "Aaron Abel", today=DAY)
        other.close()
        # The app notices another process's commit by polling every 0.5 s.
        await until(pilot, lambda: len(rows(app)) > 4, "Aaron Abel in the table")
        await settled(pilot)
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
    await until(pilot, lambda: listed(pilot.app) > 0, f"a command for {query!r}")
    await pilot.press("enter")
    await until(pilot, lambda: not on_top(pilot.app, CommandPalette), "the palette closed")
    await settled(pilot)  # the command chosen runs once the palette is gone


async def test_the_palette_lists_every_screen_in_plain_words(small_team):
    ours = {"Inbox — verbatims and wins", "Add a verbatim", "Add a client win", "Team", "Start the briefing", "Quit"}
    app = PaletteApp(small_team, day=DAY, watch=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await home_drawn(pilot)
        await pilot.press("ctrl+p")
        await until(pilot, lambda: ours <= titles(app), "our commands listed")
        assert ours <= titles(app)


async def test_the_palette_opens_the_team_then_starts_the_briefing_from_there(small_team):
    app = PaletteApp(small_team, day=DAY, watch=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await home_drawn(pilot)
        await palette(pilot, "team")
        assert isinstance(app.screen, TeamScreen)
        await palette(pilot, "start")
        assert isinstance(app.screen, CheckInScreen)  # back on home, asking who is in the room
        assert isinstance(app.screen_stack[-2], HomeScreen)


# -- how it looks --------------------------------------------------------------------


@pytest.mark.parametrize("size", SIZES)
def test_team_snapshot(snap_compare, demo_db, size):
    assert snap_compare(make_app(demo_db, day=DAY, watch=False), terminal_size=size, run_before=team_shown)
