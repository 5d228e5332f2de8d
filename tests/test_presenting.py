"""The rotation in the database and on the command line: who presents which win."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from briefing import meeting as meetings
from briefing import presenting
from briefing import summary as summaries
from briefing.records import RotationEntry

#: Written against the agenda teams had before the client call.
pytestmark = pytest.mark.usefixtures("classic_agenda")

# The team fixture joins today: briefings are held from today on.
MONDAY = date.today()


def hold(conn, day: date, *, absent=(), off=(), skips=0) -> RotationEntry:
    """A whole briefing on ``day``: start, skip ``skips`` times, past the win, finish."""
    t0 = datetime(day.year, day.month, day.day, 8, tzinfo=UTC)
    meetings.start(conn, now=t0, day=day, absent=absent, off=off)
    for i in range(skips):
        presenting.skip(conn, t0 + timedelta(minutes=1, seconds=i), day)
    meetings.go(conn, +1, now=t0 + timedelta(minutes=4))
    meetings.go(conn, +1, now=t0 + timedelta(minutes=7))  # leaving the client-win segment
    meetings.finish(conn, now=t0 + timedelta(minutes=15))
    return presenting.rotation_history(conn)[0]


def test_rotation_next_json_has_presenter_reason_queue_and_win(cli, team):
    cli("win", "add", "Saved Altis", "--by", "Karim Benali", "--client", "Altis")
    result = cli("rotation", "next", "--json")
    assert result.code == 0
    data = result.json()
    assert set(data) >= {"presenter", "reason", "queue", "win"}
    assert data["presenter"] in team and data["presenter"] not in data["queue"]
    assert sorted([data["presenter"], *data["queue"]]) == sorted(team)  # the lead is not in it
    assert data["reason"].startswith(f"{data['presenter']} presents")
    assert data["win"]["title"] == "Saved Altis" and data["win"]["owner"] == "Karim Benali"


def test_the_lead_never_presents_and_everyone_gets_a_turn(conn, cli, team):
    presenters = [hold(conn, MONDAY + timedelta(days=i)).presenter for i in range(len(team))]
    assert sorted(presenters) == sorted(team)


def test_someone_absent_keeps_their_place(conn, cli, team):
    first = cli("rotation", "next", "--json").json()["presenter"]
    today = hold(conn, MONDAY, absent=[first])
    assert today.presenter != first
    assert hold(conn, MONDAY + timedelta(days=1)).presenter == first


def test_a_skip_passes_the_turn_and_is_recorded(conn, cli, team):
    first = cli("rotation", "next", "--json").json()["presenter"]
    record = hold(conn, MONDAY, skips=1)
    assert record.skipped == (first,) and record.presenter != first
    assert hold(conn, MONDAY + timedelta(days=1)).presenter == first
    table = cli("rotation", "history").out
    assert first in table


def test_the_presenter_tells_their_own_oldest_win_and_it_is_marked_presented(conn, cli, team):
    first = cli("rotation", "next", "--json").json()["presenter"]
    cli("win", "add", "Newer", "--by", first, "--date", "2026-11-20")
    cli("win", "add", "Older", "--by", first, "--date", "2026-11-02")
    cli("win", "add", "Someone else's", "--by", next(n for n in team if n != first), "--date", "2026-10-01")
    record = hold(conn, MONDAY)
    assert (record.win_title, record.win_owner) == ("Older", first)
    wins = {w["title"]: w for w in cli("win", "list", "--json").json()}
    assert wins["Older"]["status"] == "presented" and wins["Older"]["presented_by"] == first
    assert wins["Newer"]["status"] == "pending"


def test_without_a_win_of_their_own_the_teams_oldest_is_told_with_credit(conn, cli, team):
    first = cli("rotation", "next", "--json").json()["presenter"]
    owner = next(n for n in team if n != first)
    cli("win", "add", "Karim's deal", "--by", owner)
    data = cli("rotation", "next", "--json").json()
    assert data["win"]["owner"] == owner
    meetings.start(conn, day=MONDAY)
    now = presenting.next_presentation(conn, MONDAY, meetings.current(conn).id)
    assert now.own_win is False


def test_no_pending_win_means_a_fresh_story(cli, team):
    data = cli("rotation", "next", "--json").json()
    assert data["win"] is None
    assert "fresh client story" in cli("rotation", "next").out


def test_the_lead_can_pick_another_win(conn, cli, team):
    cli("win", "add", "First", "--by", "Tom Becker", "--date", "2026-11-01")
    second = int(cli("win", "add", "Second", "--by", "Tom Becker", "--date", "2026-11-05").out)
    cli("meeting", "start")
    assert cli("meeting", "pick", str(second)).code == 0
    assert cli("rotation", "next", "--json").json()["win"]["title"] == "Second"
    assert cli("meeting", "pick", "999").code == 2


def test_start_with_absent_and_off_records_attendance(conn, cli, team):
    assert cli("meeting", "start", "--absent", "Inès", "--off", "Tom Becker").code == 0
    m = meetings.current(conn)
    names = {p.id: p.name for p in presenting.people(conn)}
    seen = {names[k]: v for k, v in presenting.attendance(conn, m.id).items()}
    assert seen["Inès Moreau"] == "absent" and seen["Tom Becker"] == "off" and seen["Karim Benali"] == "present"
    assert cli("meeting", "attendance", "Tom", "present").code == 0
    assert presenting.attendance(conn, m.id)[next(k for k, v in names.items() if v == "Tom Becker")] == "present"
    bad = cli("meeting", "start", "--absent", "Nobody", "--again")
    assert bad.code == 2


def test_the_summary_keeps_presenter_win_and_skips(conn, cli, team):
    cli("win", "add", "Deal", "--by", "Inès Moreau")
    hold(conn, MONDAY, skips=1)
    summary = summaries.load(conn, conn.execute("SELECT max(id) FROM meetings").fetchone()[0])
    assert summary.presenter and len(summary.skipped) == 1
    assert summary.win is not None and summary.win.title == "Deal"
    assert summary.attendance["Claire Dubois"] == "present"


def test_an_abandoned_briefing_does_not_count_in_the_rotation(conn, cli, team):
    first = cli("rotation", "next", "--json").json()["presenter"]
    meetings.start(conn, day=MONDAY)
    meetings.go(conn, +1)
    meetings.go(conn, +1)
    meetings.abandon(conn)
    assert cli("rotation", "next", "--json").json()["presenter"] == first


def test_a_renamed_client_win_segment_still_has_its_presenter(conn, cli, team, tmp_path):
    """The segment is the one marked win = true, whatever the team calls it."""
    agenda = tmp_path / "agenda.toml"
    agenda.write_text(
        '[[segment]]\ntitle = "Voice"\nkind = "client"\nminutes = 4\n'
        '[[segment]]\ntitle = "Success story"\nkind = "client"\nminutes = 3\nwin = true\n'
        '[[segment]]\ntitle = "Numbers"\nkind = "sales"\nminutes = 5\n',
        encoding="utf-8",
    )
    assert cli("agenda", "set", str(agenda)).code == 0
    expected = cli("rotation", "next", "--json").json()["presenter"]
    assert hold(conn, MONDAY).presenter == expected


def test_undoing_not_ready_puts_the_last_skipped_back(conn, cli, team):
    first = cli("rotation", "next", "--json").json()["presenter"]
    meetings.start(conn, day=MONDAY)
    t = datetime.now(UTC)
    second = presenting.skip(conn, t, MONDAY).choice.presenter.name
    presenting.skip(conn, t + timedelta(seconds=1), MONDAY)
    assert presenting.unskip(conn, MONDAY).choice.presenter.name == second  # the last skip only
    assert presenting.unskip(conn, MONDAY).choice.presenter.name == first
    assert presenting.skips(conn, meetings.current_id(conn)) == ()


def test_undoing_not_ready_is_refused_in_words_without_a_skip_or_once_recorded(conn, cli, team):
    result = cli("meeting", "unskip")
    assert result.code == 2 and "no briefing is running" in result.err
    assert cli("meeting", "start").code == 0
    result = cli("meeting", "unskip")
    assert result.code == 2
    assert result.err == "briefing: nobody said 'not ready today' at this briefing: there is nothing to undo\n"
    first = cli("rotation", "next", "--json").json()["presenter"]
    assert cli("meeting", "skip").code == 0
    undone = cli("meeting", "unskip")
    assert undone.code == 0 and undone.err.startswith(f"{first} presents")
    t = datetime.now(UTC)
    presenting.skip(conn, t, MONDAY)
    meetings.go(conn, +1, now=t + timedelta(seconds=1))
    meetings.go(conn, +1, now=t + timedelta(seconds=60))  # the win is told: recorded
    result = cli("meeting", "unskip")
    assert result.code == 2 and "already done" in result.err
    assert presenting.skips(conn, meetings.current_id(conn)) != ()
