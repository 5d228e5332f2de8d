"""People's text never drives the terminal or the app.

A name or a verbatim is typed by anyone, pasted from an email, imported
from a CRM: it may hold markup, escape sequences that retitle the window or
plant a link, a C1 control, a bidi override. The room must see it for what
it is (placeholders), and the real terminal must never receive it.
"""

from __future__ import annotations

import os
import re
import time
from datetime import date
from pathlib import Path

import pytest
from textual.widgets import DataTable, Input

from briefing import db as store
from briefing import meeting, metrics, team, verbatims, wins
from briefing.timeutil import today
from screens.app import make_app
from screens.meeting import MeetingScreen
from screens.team_screen import TeamScreen
from tests.conftest import DAY
from tests.terminal import run_in_a_terminal, stop, wait_for

CLICK = "[@click=app.quit]x[/]"
TITLE = "\x1b]0;pwned\x07Eve"
LINK = "\x1b]8;;https://x\x07lien\x1b]8;;\x07"
HOSTILE_NAMES = [
    CLICK,
    "[/]",
    "[bold",
    "[link=https://evil.example]clic[/link]",
    TITLE,
    LINK,
    "\x1b[2Jclear",
    "\x9b31mRouge",
    "\u202eevil",
    "顧客の声",
    "👩‍👩‍👧‍👦 famille",
    "Anne\nMarie",
]
LONG_LINE = "Très satisfaits " * 125  # 2,000 characters, one line
MANY_LINES = "\n".join(f"ligne {i:03d}" for i in range(200))

#: Bytes that would act on the terminal if the data reached it; the app never emits them itself.
FORBIDDEN = {
    "OSC title": b"\x1b]0;pwned",
    "OSC 8 link": b"\x1b]8;;https://x",
    "C1 CSI": b"\xc2\x9b31m",
    "clear from the data": b"\x1b[2Jclear",
    "bidi override": "\u202e".encode(),
}
ESC_PLACEHOLDER = "␛".encode()


def build(path: Path, day: date) -> None:
    conn = store.connect(path)
    try:
        team.add(conn, CLICK, lead=True, today=day)
        for name in HOSTILE_NAMES[1:]:
            team.add(conn, name, today=day)
        texts = [*HOSTILE_NAMES, LONG_LINE, MANY_LINES]
        for i, text in enumerate(texts):
            client = HOSTILE_NAMES[-1 - i % len(HOSTILE_NAMES)]
            verbatims.add(
                conn,
                {
                    "text": text,
                    "client": client,
                    "company": HOSTILE_NAMES[i % 6],
                    "collected_by": HOSTILE_NAMES[i % len(HOSTILE_NAMES)],
                    "date": day,
                },
            )
        for i, name in enumerate(HOSTILE_NAMES[1:6]):
            wins.add(
                conn,
                {
                    "title": name,
                    "owner": name,
                    "client": HOSTILE_NAMES[-i],
                    "story": LINK + "\n" + MANY_LINES[:1500],
                    "date": day,
                },
            )
            metrics.add(conn, {"name": name, "value": i, "target": 3, "date": day})
    finally:
        conn.close()


# -- (a) the real terminal -----------------------------------------------------------

#: The app as `briefing --db` runs it, the team screen pushed after a moment on home.
APP_THEN_TEAM = """
import sys
from pathlib import Path
import screens.app as base
from screens.team_screen import TeamScreen

class App(base.BriefingApp):
    CSS_PATH = str(Path(base.__file__).with_name("briefing.tcss"))
    def on_mount(self):
        self.set_timer(float(sys.argv[2]), lambda: self.push_screen(TeamScreen()))

App(Path(sys.argv[1])).run()
"""


def assert_terminal_untouched(output: bytearray) -> None:
    raw = bytes(output)
    leaked = [what for what, seq in FORBIDDEN.items() if seq in raw]
    assert not leaked, f"reached the terminal: {leaked}"
    assert not re.search(rb"\x1b\]8;[^;\x07]*;https://evil", raw), "a live link from the data"
    assert ESC_PLACEHOLDER in raw  # shown, as a placeholder


@pytest.fixture
def hostile_today(tmp_path: Path) -> Path:
    path = tmp_path / "hostile.db"
    build(path, today())
    return path


def test_home_and_team_screens_never_pass_the_data_to_the_terminal(hostile_today):
    pid, fd, output = run_in_a_terminal(["-c", APP_THEN_TEAM, str(hostile_today), "1.5"])
    try:
        assert wait_for(lambda: b"Presented" in output), bytes(output[-2000:])
        time.sleep(0.5)  # the table drawn, and a refresh or two
    finally:
        stop(pid, fd)
    assert b"today's briefing" in output  # home was drawn before the team screen
    assert "⟨U+202E⟩".encode() in output and "⟨U+009B⟩".encode() in output
    assert_terminal_untouched(output)


def test_the_meeting_screen_walks_through_hostile_verbatims_safely(hostile_today):
    conn = store.connect(hostile_today)
    meeting.start(conn)
    count = conn.execute("SELECT count(*) FROM verbatims").fetchone()[0]
    conn.close()
    pid, fd, output = run_in_a_terminal(["-m", "briefing", "--db", str(hostile_today)])
    try:
        assert wait_for(lambda: b"Verbatim 1 of" in output), bytes(output[-2000:])
        for i in range(2, min(count, 8) + 1):  # the down arrow shows the next card
            seen = f"Verbatim {i} of".encode()
            for _ in range(5):  # a key typed while the terminal is negotiating may be lost
                os.write(fd, b"\x1b[B")
                if wait_for(lambda: seen in output, 1.0):
                    break
            assert seen in output
    finally:
        stop(pid, fd)
    assert_terminal_untouched(output)


# -- (b) the app itself --------------------------------------------------------------


def screen_text(app) -> str:
    """What the terminal would show, as text."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


async def settle(pilot, until) -> None:
    for _ in range(60):
        await pilot.pause(0.05)
        if until():
            break
    await pilot.pause()


async def test_markup_shows_literally_and_never_acts_on_any_screen(tmp_path):
    path = tmp_path / "hostile.db"
    build(path, DAY)
    app = make_app(path, day=DAY, watch=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, lambda: CLICK in screen_text(app))
        home = screen_text(app)
        assert CLICK in home and "· lead" in home and "[bold" in home and "\x1b" not in home
        await pilot.click("#team", offset=(2, 0))  # on the "link" that must not be one
        await pilot.pause()
        assert app.is_running

        conn = store.connect(path)
        meeting.start(conn, day=DAY)
        conn.close()
        await app.push_screen(MeetingScreen())
        await settle(pilot, lambda: getattr(app.screen, "board", None) is not None)
        for _ in range(len(HOSTILE_NAMES) + 2):
            shown = screen_text(app)
            assert "Verbatim" in shown and "\x1b" not in shown and "\x9b" not in shown
            await pilot.press("down")
            await pilot.pause(0.05)
        await pilot.press("n")  # the client win, then the numbers
        await pilot.pause(0.2)
        await pilot.press("n")
        await pilot.pause(0.2)
        assert "[link=https://evil.example]clic[/link]" in screen_text(app)
        app.pop_screen()

        await app.push_screen(TeamScreen())
        await settle(pilot, lambda: app.screen.query_one(DataTable).row_count == len(HOSTILE_NAMES))
        table = screen_text(app)
        for literal in (CLICK, "[/]", "[bold", "␛]0;pwned␇Eve", "⟨U+009B⟩31mRouge", "顧客の声", "Anne ⏎ Marie"):
            assert literal in table, literal
        assert "\x1b" not in table and "\u202e" not in table
        await pilot.click(DataTable, offset=(4, 1))  # the first row: the lead, "[@click=app.quit]x[/]"
        await pilot.pause()
        assert app.is_running and app.screen.query_one(DataTable).cursor_row == 0

        names = [str(app.screen.query_one(DataTable).get_row_at(i)[0]) for i in range(len(HOSTILE_NAMES))]
        for _ in range(names.index("␛]0;pwned␇Eve")):
            await pilot.press("down")
        await pilot.press("r")  # the rename field shows placeholders, never the raw bytes
        await pilot.pause(0.1)
        assert app.screen.query_one(Input).value == "␛]0;pwned␇Eve"
        await pilot.press("enter")  # unchanged: nothing is written
        await pilot.pause(0.2)
    conn = store.connect(path)
    assert conn.execute("SELECT count(*) FROM collaborators WHERE name = ?", (TITLE,)).fetchone()[0] == 1
    conn.close()
