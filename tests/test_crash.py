"""kill -9 in the middle of a briefing: restart, and the meeting is where it was."""

from __future__ import annotations

import asyncio
import os
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from briefing import db as store
from briefing import demo
from briefing import meeting as meetings
from screens.app import make_app
from screens.widgets.bigclock import BigClock
from tests.conftest import DAY
from tests.terminal import READING_KEYS, run_in_a_terminal, stop, wait_for, written
from tests.test_meeting_screen import _ready, text_of


def _screen_text(output: bytearray) -> str:
    import re

    return re.sub(r"\x1b\[[0-9;?<>=$]*[a-zA-Z]", "", bytes(output[-8000:]).decode(errors="replace"))


def _segment(db_path: Path) -> int:
    conn = store.connect(db_path)
    try:
        return meetings.current(conn).state().index
    finally:
        conn.close()


@pytest.fixture
def running_meeting(tmp_path: Path) -> Path:
    path = tmp_path / "demo.db"
    demo.build(path, today=DAY)
    conn = store.connect(path)
    meetings.start(conn, now=datetime.now(UTC) - timedelta(seconds=100), day=DAY)
    conn.close()
    return path


def test_killed_app_resumes_where_the_meeting_is(running_meeting):
    # A plain (not async) test: the app under kill runs in its own process,
    # and the restarted one below gets an event loop of its own.
    pid, fd, output = run_in_a_terminal(["-m", "briefing", "--db", str(running_meeting)])
    try:
        # Keys are read once the driver says so, and acted on once the
        # meeting's board is on screen (tests/terminal.py): then press once.
        written(output, READING_KEYS, b"Verbatim 1 of")
        os.write(fd, b"n")
        wait_for(lambda: _segment(running_meeting) > 0)
        reached = _segment(running_meeting)
        assert reached > 0, _screen_text(output)
    finally:
        stop(pid, fd)  # ...and the laptop dies: kill -9
    time.sleep(1.0)  # the meeting goes on while the app is down

    conn = store.connect(running_meeting)
    truth = meetings.current(conn).state()
    conn.close()
    assert truth.state == "running" and truth.index == reached
    assert truth.elapsed_s >= 101  # time while it was down counted

    asyncio.run(_restarted_app_shows_the_same_meeting(running_meeting, truth.segment.title))


async def _restarted_app_shows_the_same_meeting(running_meeting: Path, title: str) -> None:
    app = make_app(running_meeting, day=DAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await _ready(pilot)
        assert title in text_of(app, "#segment-title")
        shown = app.screen.state()
        conn = store.connect(running_meeting)
        try:  # the screen shows exactly the stored truth at its own "now"
            truth = meetings.current(conn).state(app.screen.now())
        finally:
            conn.close()
        assert abs(shown.elapsed_s - truth.elapsed_s) < 0.05 and shown.index == truth.index
        remaining = int(shown.segment.remaining_s + 0.999)
        assert app.screen.query_one("#clock", BigClock).value in {
            f"{r // 60:02d}:{r % 60:02d}" for r in (remaining, remaining + 1, remaining - 1)
        }
