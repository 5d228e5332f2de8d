"""The inbox as the lead drives it from the keyboard (Pilot), plus snapshots."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.containers import VerticalScroll
from textual.widgets import Input, Static

from briefing import db as store
from briefing import team, verbatims
from briefing.errors import BadInput
from briefing.team import fold
from screens.app import make_app
from screens.inbox import InboxScreen
from screens.verbatim_detail import VerbatimDetailScreen
from tests.conftest import DAY, SIZES
from tests.pilot import footer_cut, home_drawn, on_top, screen_text, settled, until


def counted(app) -> bool:
    """The inbox on top, its header counting what it lists ("Inbox · 23 verbatims · 12 wins")."""
    return on_top(app, InboxScreen) and app.screen.sub_title.startswith("Inbox · ")


async def open_inbox(pilot) -> InboxScreen:
    """As the lead does: home is up, i, and the lists are shown."""
    await home_drawn(pilot)
    await pilot.press("i")
    await until(pilot, lambda: counted(pilot.app), "the inbox's lists")
    await settled(pilot)
    return pilot.app.screen


async def test_the_inbox_keys_are_whole_at_80x24(demo_db):
    """Every key the footer offers is readable on a laptop's terminal."""
    app = make_app(demo_db, day=DAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_inbox(pilot)
        assert footer_cut(app) == [], screen_text(app).splitlines()[-1]


def ids(screen: InboxScreen, kind: str = "verbatims") -> list[int]:
    return [int(row.key.value) for row in screen.table(kind).ordered_rows]


def cells(screen: InboxScreen, row_id: int) -> list[str]:
    return [cell.plain for cell in screen.table("verbatims").get_row(str(row_id))]


def detail_text(app) -> str:
    return str(app.screen.query_one("#detail-text", Static).render())


def query(path: Path, sql: str, *args) -> list:
    conn = store.connect(path)
    try:
        return [tuple(r) for r in conn.execute(sql, args)]
    finally:
        conn.close()


async def test_the_inbox_lists_verbatims_newest_first_and_the_wins(demo_db):
    expected = [
        r[0] for r in query(demo_db, "SELECT id FROM verbatims WHERE status != 'archived' ORDER BY date DESC, id DESC")
    ]
    app = make_app(demo_db, day=DAY, watch=False)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_inbox(pilot)
        assert ids(screen) == expected
        client, text = query(demo_db, "SELECT client, text FROM verbatims WHERE id = ?", expected[0])[0]
        first = cells(screen, expected[0])
        assert first[:2] == ["24 Nov", "new"] and first[2].startswith(text[:12]) and first[3].startswith(client[:8])
        await pilot.press("right")  # the other tab, from the keyboard
        assert screen.kind == "wins" and screen.focused is screen.table("wins")
        assert len(ids(screen, "wins")) == 12
        await pilot.press("escape")  # on the table: closes the inbox
        await until(pilot, lambda: not on_top(app, InboxScreen), "the inbox closed")
        assert not isinstance(app.screen, InboxScreen)


async def test_search_narrows_as_you_type_without_accents(demo_db):
    rows = query(demo_db, "SELECT id, text FROM verbatims WHERE status != 'archived'")
    expected = {row_id for row_id, text in rows if "reactivite" in fold(text)}
    app = make_app(demo_db, day=DAY, watch=False)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_inbox(pilot)
        await pilot.press("slash", *"reactivite")
        await until(pilot, lambda: set(ids(screen)) == expected, "the verbatims that say réactivité")
        assert len(expected) >= 2 and all("réactivité" in text.lower() for i, text in rows if i in expected)
        await pilot.press("escape")  # back to the list, the search kept
        assert screen.focused is screen.table()
        assert screen.query_one("#inbox-search", Input).value == "reactivite"


async def test_the_status_filter_shows_only_that_status(demo_db):
    shown = {r[0] for r in query(demo_db, "SELECT id FROM verbatims WHERE status = 'shown'")}
    archived = {r[0] for r in query(demo_db, "SELECT id FROM verbatims WHERE status = 'archived'")}
    app = make_app(demo_db, day=DAY, watch=False)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_inbox(pilot)
        await pilot.press("slash", "tab", "enter", "down", "down", "enter")  # the status Select: "Shown"
        await until(pilot, lambda: set(ids(screen)) == shown, "the shown verbatims only")
        await pilot.press("enter", "down", "enter")  # "Archived"
        await until(pilot, lambda: set(ids(screen)) == archived, "the archived verbatims only")
        assert {cells(screen, i)[1] for i in archived} == {"arch."}


async def test_archive_then_undo_puts_the_verbatim_back_as_it_was(demo_db):
    app = make_app(demo_db, day=DAY, watch=False)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_inbox(pilot)
        await pilot.press("down")
        victim = screen.current_id()
        await pilot.press("d")
        await until(pilot, lambda: victim not in ids(screen), "the archived verbatim gone from the list")
        assert query(demo_db, "SELECT status FROM verbatims WHERE id = ?", victim) == [("archived",)]
        await pilot.press("u")
        await until(pilot, lambda: victim in ids(screen), "the verbatim back in the list")
        await settled(pilot)
        assert query(demo_db, "SELECT status FROM verbatims WHERE id = ?", victim) == [("new",)]
        assert screen.current_id() == victim
        await pilot.press("u")  # the undo is spent: nothing more happens
        await settled(pilot)
        assert query(demo_db, "SELECT status FROM verbatims WHERE id = ?", victim) == [("new",)]


def test_undo_leaves_alone_a_verbatim_someone_already_brought_back(conn):
    verbatim_id = verbatims.add(conn, {"text": "Merci", "client": "Zoé", "date": DAY})
    verbatims.archive(conn, verbatim_id)
    assert verbatims.restore(conn, verbatim_id, "new").status == "new"
    with pytest.raises(BadInput, match="not archived"):
        verbatims.restore(conn, verbatim_id, "shown")
    assert verbatims.get(conn, verbatim_id).status == "new"


async def test_a_verbatim_added_elsewhere_appears_and_the_view_stays_put(demo_db):
    app = make_app(demo_db, day=DAY)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_inbox(pilot)
        await pilot.press("pagedown", "pagedown", "up", "up", "up")
        table = screen.table()
        chosen, scrolled = screen.current_id(), table.scroll_y
        assert scrolled > 0
        other = store.connect(demo_db)  # as a collaborator's own terminal would
        new_id = verbatims.add(other, {"text": "Vous êtes au top", "client": "Zoé", "date": DAY})
        other.close()
        # The app notices another process's commit by polling every 0.5 s.
        await until(pilot, lambda: new_id in ids(screen), "the colleague's verbatim in the list")
        await settled(pilot)
        assert ids(screen)[0] == new_id
        assert screen.current_id() == chosen
        assert table.scroll_y == scrolled  # the list did not jump back to the top


async def test_enter_opens_the_whole_quote(demo_db):
    long_quote = "\n".join(f"ligne {i:03d}" for i in range(180))
    conn = store.connect(demo_db)
    long_id = verbatims.add(conn, {"text": long_quote, "client": "Zoé", "company": "Bavarde SA", "date": DAY})
    conn.close()
    app = make_app(demo_db, day=DAY, watch=False)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_inbox(pilot)
        assert screen.current_id() == long_id
        await pilot.press("enter")
        detail = app.screen
        assert isinstance(detail, VerbatimDetailScreen)
        text = detail.query_one("#detail-text", Static)
        await until(pilot, lambda: "ligne 179" in str(text.render()), "the whole quote")
        assert "ligne 000" in str(text.render())
        assert "Bavarde SA" in str(detail.query_one("#detail-facts", Static).render())
        frame = detail.query_one("#detail", VerticalScroll)
        await pilot.press("end")  # too long for the screen: it scrolls
        await until(pilot, lambda: 0 < frame.scroll_y == frame.scroll_target_y, "the quote scrolled")
        assert frame.max_scroll_y > 0 and frame.scroll_y == frame.max_scroll_y
        await pilot.press("escape")
        assert app.screen is screen


@pytest.mark.parametrize("width", [80, 120, 200])
async def test_the_quote_gets_the_most_width_in_the_inbox(demo_db, width):
    app = make_app(demo_db, day=DAY, watch=False)
    async with app.run_test(size=(width, 30)) as pilot:
        screen = await open_inbox(pilot)
        widths = {str(c.label): c.width for c in screen.table("verbatims").columns.values()}
        assert widths["Quote"] == max(widths.values())
        assert widths["Quote"] >= width // 3


async def test_hostile_text_shows_literally_and_never_acts(tmp_path):
    path = tmp_path / "hostile.db"
    conn = store.connect(path)
    team.add(conn, "Claire", lead=True)
    click = verbatims.add(conn, {"text": "[@click=app.quit]x[/]", "client": "[bold", "date": DAY})
    escape = verbatims.add(conn, {"text": "\x1b[31mred\x1b[0m", "client": "Esc", "date": DAY})
    conn.close()
    app = make_app(path, day=DAY, watch=False)
    async with app.run_test(size=(200, 50)) as pilot:
        screen = await open_inbox(pilot)
        assert cells(screen, click)[2:4] == ["[@click=app.quit]x[/]", "[bold"]
        assert cells(screen, escape)[2] == "␛[31mred␛[0m"
        await pilot.click("#verbatims-table", offset=(20, 2))  # the [@click] quote is not a link
        await settled(pilot)
        assert app.is_running and app.screen is screen
        await pilot.press("enter")
        await until(pilot, lambda: detail_text(app) != "Loading…", "the quote in full")
        shown = detail_text(app)
        assert shown in ("[@click=app.quit]x[/]", "␛[31mred␛[0m")
        assert app.is_running


async def test_an_empty_inbox_says_what_to_do(tmp_path):
    app = make_app(tmp_path / "empty.db", day=DAY, watch=False)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_inbox(pilot)
        empty = screen.query_one("#verbatims-empty", Static)
        assert empty.display and "press a to add one" in str(empty.render())


@pytest.mark.parametrize("size", SIZES)
def test_inbox_snapshot(snap_compare, demo_db, size):
    assert snap_compare(make_app(demo_db, day=DAY, watch=False), terminal_size=size, run_before=open_inbox)
