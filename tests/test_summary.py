"""The summary names who was there and which verbatims the room heard.

In the core, on the command line (text and ``--json``) and on the app's
summary screen, which scrolls when the lists outgrow a laptop's 80x24.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from textual.containers import VerticalScroll

from briefing import db as store
from briefing import meeting as meetings
from briefing import presenting
from briefing import summary as summaries
from briefing.team import find_active_id
from screens.app import make_app
from screens.summary import SummaryScreen
from tests.conftest import DAY
from tests.pilot import home_drawn, screen_text, settled, until

#: Written against the agenda teams had before the client call.
pytestmark = pytest.mark.usefixtures("classic_agenda")

T0 = datetime(2026, 11, 24, 8, 30, tzinfo=UTC)


def held(conn) -> int:
    """A briefing with someone absent, someone off, and two verbatims shown."""
    m = meetings.start(conn, now=T0, day=DAY, absent=["Karim"], off=["Tom Becker"])
    first = conn.execute("SELECT id FROM verbatims ORDER BY id LIMIT 1").fetchone()[0]
    meetings.mark_shown(conn, m.id, first, T0 + timedelta(seconds=5))
    meetings.mark_shown(conn, m.id, first + 1, T0 + timedelta(seconds=50))
    presenting.set_attendance(conn, m.id, find_active_id(conn, "Inès", "name"), "absent")  # corrected
    meetings.finish(conn, now=T0 + timedelta(minutes=2))
    return m.id


def quotes(cli) -> None:
    cli("verbatim", "add", "Super réactifs !", "--client", "Marc Petit", "--company", "Altis", "--by", "Inès")
    cli("verbatim", "add", "Trop lent", "--client", "Léa Roux")


def test_the_summary_knows_who_was_present_absent_and_off(conn, cli, team):
    quotes(cli)
    summary = summaries.load(conn, held(conn))
    assert summary.who("present") == ("Claire Dubois",)
    assert summary.who("absent") == ("Inès Moreau", "Karim Benali")
    assert summary.who("off") == ("Tom Becker",)
    shown = [(v.text, v.client, v.collected_by) for v in summary.verbatims_shown]
    assert shown == [("Super réactifs !", "Marc Petit", "Inès Moreau"), ("Trop lent", "Léa Roux", None)]


def test_cli_summary_lists_names_and_verbatims(conn, cli, team):
    quotes(cli)
    held(conn)
    result = cli("meeting", "summary")
    assert result.code == 0, result.err
    out = result.out.splitlines()
    assert "Present (1): Claire Dubois" in out
    assert "Absent: Inès Moreau, Karim Benali" in out
    assert "Off: Tom Becker" in out
    assert "Verbatims shown: 2" in out
    assert "  “Super réactifs !” — Marc Petit (Altis), collected by Inès Moreau" in out
    assert "  “Trop lent” — Léa Roux" in out
    assert "Client win: nobody presented" in out


def test_cli_summary_json_has_the_lists(conn, cli, team):
    quotes(cli)
    meeting_id = held(conn)
    data = cli("meeting", "summary", "--id", str(meeting_id), "--json").json()
    assert data["id"] == meeting_id and data["outcome"] == "finished"
    assert (data["present"], data["absent"], data["off"]) == (
        ["Claire Dubois"],
        ["Inès Moreau", "Karim Benali"],
        ["Tom Becker"],
    )
    assert [(v["text"], v["client"], v["collected_by"]) for v in data["verbatims_shown"]] == [
        ("Super réactifs !", "Marc Petit", "Inès Moreau"),
        ("Trop lent", "Léa Roux", None),
    ]


def test_cli_summary_says_when_the_win_segment_was_skipped(conn, cli, team):
    meetings.start(conn, now=T0, day=DAY)
    meetings.go(conn, +1, now=T0 + timedelta(seconds=1))
    meetings.go(conn, +1, now=T0 + timedelta(seconds=3))
    meetings.finish(conn, now=T0 + timedelta(seconds=4))
    out = cli("meeting", "summary").out
    assert "Client win: skipped (its segment ran 0:02, under 0:30); nobody's turn was used" in out
    assert cli("meeting", "summary", "--json").json()["win_skipped"] is True


def test_cli_summary_without_a_briefing_or_with_a_wrong_id_exits_2(cli, team):
    none = cli("meeting", "summary")
    assert none.code == 2 and none.err.startswith("briefing: no briefing was held yet (looked in ")
    wrong = cli("meeting", "summary", "--id", "42")
    assert wrong.code == 2 and wrong.err.startswith("briefing: --id: no briefing with id 42")


async def test_the_summary_screen_lists_names_and_verbatims_and_scrolls(demo_db):
    conn = store.connect(demo_db)
    try:
        m = meetings.start(conn, now=T0, day=DAY, again=True, absent=["Karim"], off=["Tom Becker"])
        ids = [r[0] for r in conn.execute("SELECT id FROM verbatims ORDER BY id LIMIT 6")]
        for i, vid in enumerate(ids):
            meetings.mark_shown(conn, m.id, vid, T0 + timedelta(seconds=i))
        meetings.finish(conn, now=T0 + timedelta(minutes=15))
        last = summaries.load(conn, m.id).verbatims_shown[-1]
    finally:
        conn.close()
    app = make_app(demo_db, day=DAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await home_drawn(pilot)
        await app.push_screen(SummaryScreen(m.id))
        await until(
            pilot, lambda: "Absent: Karim Benali" in str(app.screen.query_one("#summary-people").render()), "names"
        )
        await settled(pilot)
        people = str(app.screen.query_one("#summary-people").render())
        assert "Off: Tom Becker" in people and "Present (6): " in people
        verbatims = str(app.screen.query_one("#summary-verbatims").render())
        assert verbatims.startswith("Verbatims shown: 6") and "collected by" in verbatims
        scroll = app.screen.query_one("#summary", VerticalScroll)
        assert scroll.max_scroll_y > 0 and last.client not in screen_text(app)  # below the fold at 80x24
        await pilot.press("end")
        await until(pilot, lambda: last.client in screen_text(app), "the last verbatim scrolled into view")


def test_planned_actual_and_difference_add_up_to_the_second_shown(conn, cli, team):
    meetings.start(conn, now=T0, day=DAY)
    meetings.finish(conn, now=T0 + timedelta(seconds=0.6))  # 0.6 s: shown as 0:00
    out = cli("meeting", "summary").out
    assert "1. Client voice (client): 0:00 of 4:00 (−4:00)" in out
