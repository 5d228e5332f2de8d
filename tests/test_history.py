"""The briefings held, a page at a time: in the core, the CLI and the app."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from textual.widgets import DataTable

from briefing import db as store
from briefing import history, presenting, wins
from briefing import meeting as meetings
from briefing.errors import BadInput, NotFound
from screens.app import make_app
from screens.history import HistoryScreen, told_text
from screens.summary import SummaryScreen
from tests.conftest import DAY, SIZES
from tests.pilot import home_drawn, on_top, screen_text, settled, until


def held(
    conn, day: date, *, client_s: int = 420, sales_s: int = 300, win_s: int = 120, pick: int | None = None, absent=()
):
    """A briefing held on ``day``: the client voice for ``client_s``, the
    client win for ``win_s``, the numbers for ``sales_s``, then finished."""
    t = datetime(day.year, day.month, day.day, 9, tzinfo=UTC)
    meetings.start(conn, now=t, day=day, again=True, absent=absent)
    if pick is not None:
        presenting.pick_win(conn, pick)
    for step_s in (client_s - win_s, win_s, sales_s):
        t += timedelta(seconds=step_s)
        meetings.go(conn, +1, now=t)
    meetings.finish(conn, now=t + timedelta(seconds=60))
    return meetings.load(conn, meetings_id(conn, day))


def meetings_id(conn, day: date) -> int:
    return history.find(conn, day)[0]


@pytest.fixture
def past(demo_db: Path) -> Path:
    """The demo's fifteen briefings, then three more: one under target, one
    abandoned (not held), one where a colleague's win was told."""
    conn = store.connect(demo_db)
    try:
        held(conn, DAY + timedelta(days=1), client_s=200, sales_s=400)  # 200+120... client share under 50%
        t = datetime(2026, 11, 26, 9, tzinfo=UTC)
        meetings.start(conn, now=t, day=DAY + timedelta(days=2), again=True)
        meetings.abandon(conn, now=t + timedelta(seconds=30))
        pending = [w for w in wins.list_wins(conn, status="pending")]
        held(conn, DAY + timedelta(days=3), pick=pending[0].id)
    finally:
        conn.close()
    return demo_db


def page_all(conn, size: int) -> list[history.PastBriefing]:
    found, after = [], None
    while True:
        page = history.page(conn, after=after, limit=size)
        found += page
        if len(page) < size:
            return found
        after = page[-1].cursor


# -- the core ---------------------------------------------------------------------


def test_pages_follow_each_other_newest_first_without_gap_or_overlap(past):
    conn = store.connect(past)
    try:
        every = page_all(conn, 4)
        expected = conn.execute("SELECT id FROM meetings WHERE outcome = 'finished' ORDER BY day DESC, id DESC")
        assert [b.id for b in every] == [r[0] for r in expected]
        assert len(every) == 17  # the abandoned one did not happen
        assert every == history.page(conn, limit=100)
    finally:
        conn.close()


def test_a_line_says_the_time_the_share_against_target_and_who_told_whose_win(past):
    conn = store.connect(past)
    try:
        newest, under = history.page(conn, limit=2)
        assert newest.day == DAY + timedelta(days=3)
        assert newest.presenter is not None and newest.win_title is not None and newest.win_owner is not None
        assert not newest.under_target
        assert under.day == DAY + timedelta(days=1)
        assert under.under_target and under.client_share == pytest.approx(200 / 600)
        assert under.duration_s == 200 + 400 + 60
    finally:
        conn.close()


def test_ranges_and_days_are_read_as_typed_and_refused_in_words(past):
    conn = store.connect(past)
    try:
        week = history.between(conn, "2026-11-16", "2026-11-20", None)
        assert {b.day for b in week} == {date(2026, 11, d) for d in range(16, 21)} & {b.day for b in week}
        assert all(date(2026, 11, 16) <= b.day <= date(2026, 11, 20) for b in week) and week
        with pytest.raises(BadInput, match="is after the end"):
            history.between(conn, "2026-11-20", "2026-11-16", None)
        with pytest.raises(BadInput) as refused:
            history.between(conn, "20/11/2026", None, None)
        assert refused.value.field == "start"
        day = DAY + timedelta(days=3)
        assert history.resolve(conn, day.isoformat()) == history.page(conn, limit=1)[0].id
        with pytest.raises(NotFound, match="no briefing was held on"):
            history.resolve(conn, (DAY + timedelta(days=2)).isoformat())  # only an abandoned one
        with pytest.raises(NotFound, match="no briefing with id 999"):
            history.resolve(conn, "999")
    finally:
        conn.close()


# -- the command line -------------------------------------------------------------


def test_history_lists_marks_the_shortfall_and_shows_one_summary(cli, past):
    result = cli("--db", str(past), "history", db=False)
    assert result.code == 0, result.err
    lines = result.out.splitlines()
    assert len(lines) == 2 + 17
    under = next(line for line in lines if (DAY + timedelta(days=1)).isoformat() in line)
    assert "33% ▼ under 50%" in under
    shown = cli("--db", str(past), "history", "show", (DAY + timedelta(days=3)).isoformat(), db=False)
    assert shown.code == 0 and shown.out.startswith(f"Briefing {(DAY + timedelta(days=3)).isoformat()}")
    assert "Present (" in shown.out and "won by" in shown.out


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["--from", "2026-02-30"], "--from: 2026-02-30 is not a real calendar date"),
        (["--from", "2026-11-20", "--to", "2026-11-01"], "--from: 2026-11-20 is after the end"),
        (["show", "1999"], "DATE|ID: no briefing with id 1999 (looked in "),
    ],
)
def test_history_refuses_in_one_line(cli, past, args, says):
    result = cli("--db", str(past), "history", *args, db=False)
    assert result.code == 2 and result.err.startswith(f"briefing: {says}") and result.err.count("\n") == 1


# -- the screen --------------------------------------------------------------------


def first_row_drawn(app) -> bool:
    """The newest briefing's line is on screen, every cell in full."""
    first = app.screen.query_one(DataTable).get_row_at(0)
    shown = screen_text(app)
    return all(str(cell) in shown for cell in first)


async def _history_shown(pilot) -> HistoryScreen:
    app = pilot.app
    await home_drawn(pilot)
    await pilot.press("h")
    await until(pilot, lambda: on_top(app, HistoryScreen) and app.screen.held, "the history")
    await until(pilot, lambda: first_row_drawn(app), "its rows drawn")
    await settled(pilot)
    return app.screen


async def test_h_opens_the_history_enter_its_summary_and_escape_comes_back(past):
    app = make_app(past, day=DAY, watch=False)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await _history_shown(pilot)
        assert screen.query_one(DataTable).row_count == 17
        await pilot.press("down", "enter")
        await until(pilot, lambda: on_top(app, SummaryScreen), "the summary")
        assert app.screen.meeting_id == screen.held[1].id
        await pilot.press("escape")
        await until(pilot, lambda: on_top(app, HistoryScreen), "back to the history")
        assert screen.query_one(DataTable).cursor_row == 1
        await pilot.press("escape")
        await home_drawn(pilot)


async def test_a_wider_terminal_gives_the_client_win_its_width_back(past):
    """Opened on a laptop, then put on the projector: the wins cut to 80
    columns are drawn again at the new width, the lead's row kept."""
    app = make_app(past, day=DAY, watch=False)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _history_shown(pilot)
        table = screen.query_one(DataTable)
        longest = max(screen.held, key=lambda b: len(str(told_text(b))))
        whole = str(told_text(longest))
        assert whole not in screen_text(app)  # cut at 80 columns
        await pilot.press("down", "down")
        await pilot.resize_terminal(200, 60)
        await until(pilot, lambda: whole in screen_text(app), "the whole win at 200 columns")
        assert table.cursor_row == 2
        await pilot.resize_terminal(80, 24)
        await until(pilot, lambda: whole not in screen_text(app), "cut again at 80 columns")
        assert table.cursor_row == 2


async def test_years_of_history_are_read_a_page_at_a_time_as_the_lead_scrolls(demo_db):
    conn = store.connect(demo_db)
    try:
        for n in range(1, 46):  # 15 + 45 = 60: more than a page
            held(conn, DAY - timedelta(days=30 + n))
    finally:
        conn.close()
    app = make_app(demo_db, day=DAY, watch=False)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await _history_shown(pilot)
        assert len(screen.held) == history.PAGE and "50+ briefings" in str(screen.query_one("#history-count").render())
        await pilot.press("ctrl+end")  # the last row read: the next page comes
        await until(pilot, lambda: len(screen.held) == 60, "the next page")
        ids = [b.id for b in screen.held]
        assert len(set(ids)) == 60 and screen.query_one(DataTable).row_count == 60


@pytest.mark.parametrize("size", SIZES)
def test_history_snapshot(snap_compare, past, size):
    assert snap_compare(make_app(past, day=DAY, watch=False), terminal_size=size, run_before=_history_shown)


def test_history_show_refuses_a_briefing_still_under_way_by_its_id(cli, past):
    conn = store.connect(past)
    try:
        running = meetings.start(conn, day=DAY + timedelta(days=5), again=True)
    finally:
        conn.close()
    result = cli("--db", str(past), "history", "show", str(running.id), db=False)
    assert result.code == 2 and "is still under way" in result.err


async def test_with_no_briefing_held_the_history_says_so_and_offers_nothing_to_open(tmp_path):
    from briefing import team

    path = tmp_path / "new.db"
    conn = store.connect(path)
    try:
        team.add(conn, "Claire Dubois", lead=True)
    finally:
        conn.close()
    app = make_app(path, day=DAY, watch=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await home_drawn(pilot)
        await pilot.press("h")
        await until(
            pilot, lambda: on_top(app, HistoryScreen) and app.screen.query_one("#history-empty").display, "empty"
        )
        await settled(pilot)
        offered = {k for k, b in app.screen.active_bindings.items() if b.binding.show and b.enabled}
        assert "enter" not in offered and "e" not in offered and "escape" in offered
        assert "No briefing held yet" in screen_text(app)
