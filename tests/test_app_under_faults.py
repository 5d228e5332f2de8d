"""The open app when the world misbehaves: a journal deleted under it, a
wall clock stepped back or forward during the meeting."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from briefing import counted_time, verbatims
from briefing import db as store
from briefing import meeting as meetings
from screens.app import make_app
from screens.meeting import MeetingScreen
from tests.conftest import DAY
from tests.pilot import home_drawn, on_top, settled, until


def _notes(app) -> list[str]:
    seen: list[str] = []
    original = app.notify

    def notify(message, **kwargs):
        seen.append(str(message))
        return original(message, **kwargs)

    app.notify = notify
    return seen


async def test_a_journal_deleted_under_the_app_is_said_and_nothing_is_lost(demo_db):
    app = make_app(demo_db, day=DAY)
    async with app.run_test(size=(120, 40)) as pilot:
        notes = _notes(app)
        await home_drawn(pilot)
        await until(pilot, lambda: app.generation > 0, "the app watching the database")
        acknowledged = []
        for i in range(5):  # a colleague adding from their terminal
            with store.opened(demo_db) as conn:
                acknowledged.append(verbatims.add(conn, {"text": f"said before {i}", "client": "C"}))
        Path(f"{demo_db}-wal").unlink()
        await until(pilot, lambda: any("journal" in n for n in notes), "the app saying the journal went")
        with store.opened(demo_db) as conn:
            after = verbatims.add(conn, {"text": "said after", "client": "C"})
            kept = {v.id: v.text for v in verbatims.list_verbatims(conn)}
        assert all(kept.get(i) == f"said before {n}" for n, i in enumerate(acknowledged))
        assert kept[after] == "said after" and after not in acknowledged
        await settled(pilot)
        assert on_top(app, type(app.screen))  # still up, following the file


async def test_the_meeting_screen_counts_on_through_wall_clock_steps(demo_db, monkeypatch):
    with store.opened(demo_db) as conn:
        meetings.start(conn, now=datetime.now(UTC) - timedelta(seconds=12), day=DAY)
    app = make_app(demo_db, day=DAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await until(pilot, lambda: on_top(app, MeetingScreen) and app.screen.board is not None, "the meeting")
        screen = app.screen
        real = counted_time.utc_now
        monkeypatch.setattr(counted_time, "utc_now", lambda: real() - timedelta(hours=1))  # stepped back
        app.generation += 1  # a read, which takes the wall clock again
        await settled(pilot)
        assert 12 <= screen.state().segment.elapsed_s < 60, "counted seconds were taken away"
        await pilot.press("n")
        await settled(pilot)
        with store.opened(demo_db) as conn:
            stored = meetings.current(conn).state(real())
        assert 12 <= stored.segments[0].elapsed_s < 60 and stored.index == 1
        monkeypatch.setattr(counted_time, "utc_now", lambda: real() + timedelta(days=3))  # stepped forward
        app.generation += 1
        await settled(pilot)
        state = screen.state()
        assert not state.auto_paused and state.state == "running" and state.elapsed_s < 60


async def test_the_whole_file_check_waits_for_the_briefing_to_leave_the_wall(demo_db, monkeypatch):
    """The check reads the whole history: never while the meeting's clock runs."""
    import screens.app
    from briefing import meeting as meetings
    from briefing.db import opened

    with opened(demo_db) as conn:
        meetings.start(conn)
    checked = []
    monkeypatch.setattr(screens.app, "QUICK_CHECK_AFTER_S", 0.05)
    monkeypatch.setattr(screens.app, "QUICK_CHECK_RETRY_S", 0.05)
    monkeypatch.setattr(screens.app, "_quick_check", lambda conn: checked.append(1) or ())
    app = make_app(demo_db, day=DAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await until(pilot, lambda: type(app.screen).__name__ == "MeetingScreen", "the briefing on the wall")
        for _ in range(10):  # many retries' worth of time
            await settled(pilot)
        assert checked == []
        app.go_home()
        await until(pilot, lambda: checked == [1], "the check, once the briefing left the screen")


async def test_the_app_checks_the_file_at_launch_and_says_it_is_damaged(demo_db, monkeypatch):
    import sqlite3

    import screens.app
    from briefing import damage

    probe = sqlite3.connect(demo_db)
    root = probe.execute("SELECT rootpage FROM sqlite_master WHERE name = 'meeting_events'").fetchone()[0]
    probe.close()
    with demo_db.open("r+b") as f:  # a table home does not read: only the check can find it
        f.seek((root - 1) * 4096)
        f.write(b"\xff" * 64)
    monkeypatch.setattr(screens.app, "QUICK_CHECK_AFTER_S", 0.05)
    app = make_app(demo_db, day=DAY)
    async with app.run_test(size=(120, 40)) as pilot:
        notes = _notes(app)
        await until(pilot, lambda: any("is damaged" in n for n in notes), "the app saying the file is damaged")
    assert damage.reason(demo_db) is not None  # nothing more is written to it


async def test_launched_as_briefing_does_the_collector_is_back_on_after_the_first_frame(demo_db):
    """`briefing` makes the app with the garbage collector off (a collection
    in the first frame cost the room 15 ms); left off, a long meeting would
    never free a cycle."""
    import gc

    from briefing.cli.app import launched

    app = launched(demo_db)
    try:
        assert not gc.isenabled()  # the launch ran without collections
        async with app.run_test(size=(80, 24)) as pilot:
            await home_drawn(pilot)
            await until(pilot, gc.isenabled, "the collector back on")
    finally:
        gc.enable()
