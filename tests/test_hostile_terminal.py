"""People's text never drives the terminal or the app.

A name or a verbatim is typed by anyone, pasted from an email, imported
from a CRM: it may hold markup, escape sequences that retitle the window or
plant a link, a C1 control, a bidi override. The room must see it for what
it is (placeholders), and the real terminal must never receive it.
"""

from __future__ import annotations

import os
import re
from datetime import date
from pathlib import Path

import pytest
from textual.widgets import DataTable, Input, Static

from briefing import db as store
from briefing import meeting, metrics, team, verbatims, wins
from briefing.agenda import CLASSIC_AGENDA, save_agenda
from briefing.timeutil import today
from screens.app import make_app
from screens.meeting import MeetingScreen
from screens.team_screen import NameScreen, TeamScreen
from tests.conftest import DAY
from tests.pilot import on_top, screen_text, settled, until
from tests.terminal import READING_KEYS, run_in_a_terminal, stop, written

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
        save_agenda(conn, CLASSIC_AGENDA)  # the win segment second, as the test walks it
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
    pid, fd, output = run_in_a_terminal(["-m", "briefing", "--db", str(hostile_today)])
    try:
        written(output, READING_KEYS, b"today's briefing")  # home, with what the database holds
        os.write(fd, b"t")  # the team, as the lead opens it
        # Its summary line comes with the rows; the joining dates in full (not cut to the
        # width of "Joined on") once the table has measured its columns and drawn again.
        written(output, b"Presented", " in the team ·".encode(), today().isoformat().encode())
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
        written(output, READING_KEYS, b"Verbatim 1 of")  # keys are read, the cards are there
        for i in range(2, min(count, 8) + 1):  # the down arrow shows the next card
            os.write(fd, b"\x1b[B")
            written(output, f"Verbatim {i} of".encode())
    finally:
        stop(pid, fd)
    assert_terminal_untouched(output)


# -- (b) the app itself --------------------------------------------------------------


def title(app) -> str:
    return str(app.screen.query_one("#segment-title", Static).render())


def numbers(app) -> int:
    """The rows of the sales pane's table."""
    return app.screen.query_one("#pane-sales DataTable", DataTable).row_count


async def test_markup_shows_literally_and_never_acts_on_any_screen(tmp_path):
    path = tmp_path / "hostile.db"
    build(path, DAY)
    app = make_app(path, day=DAY, watch=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: CLICK in screen_text(app), "home with the team's names")
        await settled(pilot)
        home = screen_text(app)
        assert CLICK in home and "· lead" in home and "[bold" in home and "\x1b" not in home
        await pilot.click("#team", offset=(2, 0))  # on the "link" that must not be one
        await settled(pilot)
        assert app.is_running

        conn = store.connect(path)
        meeting.start(conn, day=DAY)
        conn.close()
        await app.push_screen(MeetingScreen())
        cards = len(HOSTILE_NAMES) + 2  # every verbatim built above is new
        for i in range(1, cards + 1):
            await until(pilot, lambda i=i: f"Verbatim {i} of {cards}" in screen_text(app), f"card {i}")
            shown = screen_text(app)
            assert "Verbatim" in shown and "\x1b" not in shown and "\x9b" not in shown
            await pilot.press("down")
        await settled(pilot)
        await pilot.press("n")  # the client win, then the numbers
        await until(pilot, lambda: "Client win" in title(app), "the client win")
        await pilot.press("n")
        await until(pilot, lambda: "Numbers" in title(app) and numbers(app), "the numbers")
        await settled(pilot)
        assert "[link=https://evil.example]clic[/link]" in screen_text(app)
        app.pop_screen()

        await app.push_screen(TeamScreen())
        # Every row, drawn at the widths measured for them: the joining dates in full.
        await until(
            pilot,
            lambda: (
                on_top(app, TeamScreen)
                and app.screen.query_one(DataTable).row_count == len(HOSTILE_NAMES)
                and DAY.isoformat() in screen_text(app)
            ),
            "the team table drawn",
        )
        await settled(pilot)
        table = screen_text(app)
        for literal in (CLICK, "[/]", "[bold", "␛]0;pwned␇Eve", "⟨U+009B⟩31mRouge", "顧客の声", "Anne ⏎ Marie"):
            assert literal in table, literal
        assert "\x1b" not in table and "\u202e" not in table
        await pilot.click(DataTable, offset=(4, 1))  # the first row: the lead, "[@click=app.quit]x[/]"
        await settled(pilot)
        assert app.is_running and app.screen.query_one(DataTable).cursor_row == 0

        names = [str(app.screen.query_one(DataTable).get_row_at(i)[0]) for i in range(len(HOSTILE_NAMES))]
        for _ in range(names.index("␛]0;pwned␇Eve")):
            await pilot.press("down")
        await pilot.press("r")  # the rename field shows placeholders, never the raw bytes
        await until(pilot, lambda: on_top(app, NameScreen), "the rename field")
        assert app.screen.query_one(Input).value == "␛]0;pwned␇Eve"
        await pilot.press("enter")  # unchanged: nothing is written
        await until(pilot, lambda: on_top(app, TeamScreen), "the team back on top")
        await settled(pilot)
    conn = store.connect(path)
    assert conn.execute("SELECT count(*) FROM collaborators WHERE name = ?", (TITLE,)).fetchone()[0] == 1
    conn.close()
