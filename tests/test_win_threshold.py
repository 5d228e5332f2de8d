"""A client win counts as told only if its segment ran a while.

Paging through the agenda with ``n n n n`` must not use up the presenter's
turn nor mark their win presented; the summary says the segment was skipped.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from briefing import meeting as meetings
from briefing import presenting
from briefing import summary as summaries
from briefing.agenda import DEFAULT_AGENDA, Agenda, from_json, load_agenda, parse_toml, to_json
from briefing.errors import BadInput

#: Written against the agenda teams had before the client call.
pytestmark = pytest.mark.usefixtures("classic_agenda")

MONDAY = date.today()
T0 = datetime(MONDAY.year, MONDAY.month, MONDAY.day, 8, tzinfo=UTC)


def at(seconds: float) -> datetime:
    return T0 + timedelta(seconds=seconds)


def pages_through(conn, day: date = MONDAY, *, win_s: float = 0.5) -> int:
    """Start, then ``n n n`` with ``win_s`` on the client-win segment, then finish."""
    m = meetings.start(conn, now=at(0), day=day)
    meetings.go(conn, +1, now=at(0.5))
    meetings.go(conn, +1, now=at(0.5 + win_s))
    meetings.go(conn, +1, now=at(1.5 + win_s))
    meetings.finish(conn, now=at(2 + win_s))
    return m.id


def pending(cli) -> dict[str, str]:
    return {w["title"]: w["status"] for w in cli("win", "list", "--json").json()}


def test_paging_through_in_two_seconds_uses_up_nobodys_turn(conn, cli, team):
    first = cli("rotation", "next", "--json").json()["presenter"]
    cli("win", "add", "Saved Altis", "--by", first)
    meeting_id = pages_through(conn)
    assert pending(cli) == {"Saved Altis": "pending"}
    assert presenting.rotation_history(conn)[0].presenter is None
    nxt = cli("rotation", "next", "--json").json()
    assert nxt["presenter"] == first  # the turn was not used
    summary = summaries.load(conn, meeting_id)
    assert summary.presenter is None and summary.win_skipped


def test_a_win_segment_that_ran_30_seconds_counts_as_presented(conn, cli, team):
    first = cli("rotation", "next", "--json").json()["presenter"]
    cli("win", "add", "Saved Altis", "--by", first)
    meeting_id = pages_through(conn, win_s=30)
    assert pending(cli) == {"Saved Altis": "presented"}
    assert presenting.rotation_history(conn)[0].presenter == first
    assert cli("rotation", "next", "--json").json()["presenter"] != first
    assert not summaries.load(conn, meeting_id).win_skipped


def test_visits_to_the_win_segment_add_up(conn, cli, team):
    first = cli("rotation", "next", "--json").json()["presenter"]
    meetings.start(conn, now=at(0), day=MONDAY)
    meetings.go(conn, +1, now=at(1))
    meetings.go(conn, +1, now=at(16))  # 15 s: too short, nothing fixed yet
    assert presenting.next_presentation(conn, MONDAY, meetings.current_id(conn)).recorded is False
    meetings.go(conn, -1, now=at(17))
    meetings.go(conn, +1, now=at(32))  # 15 s more: 30 s in all
    assert presenting.next_presentation(conn, MONDAY, meetings.current_id(conn)).choice.presenter.name == first
    assert presenting.next_presentation(conn, MONDAY, meetings.current_id(conn)).recorded


def test_finishing_on_a_win_segment_that_just_began_records_nobody(conn, cli, team):
    meetings.start(conn, now=at(0), day=MONDAY)
    meetings.go(conn, +1, now=at(1))
    meetings.finish(conn, now=at(3))
    assert presenting.rotation_history(conn)[0].presenter is None


def test_the_threshold_comes_from_the_agenda_file_and_is_stored(conn, cli, team, tmp_path):
    text = '[[segment]]\ntitle = "Win"\nkind = "client"\nminutes = 1\nwin = true\n'
    assert parse_toml(text).win_min_s == 30  # the default
    agenda = tmp_path / "agenda.toml"
    agenda.write_text("win_min_seconds = 5\n" + text, encoding="utf-8")
    assert cli("agenda", "set", str(agenda)).code == 0
    assert load_agenda(conn).win_min_s == 5
    assert cli("agenda", "show", "--json").json()["win_min_s"] == 5
    first = cli("rotation", "next", "--json").json()["presenter"]
    meetings.start(conn, now=at(0), day=MONDAY)
    meetings.finish(conn, now=at(6))
    assert presenting.rotation_history(conn)[0].presenter == first


def test_an_agenda_stored_before_the_threshold_gets_the_default():
    old = to_json(DEFAULT_AGENDA)
    del old["win_min_s"]
    assert from_json(old).win_min_s == 30


@pytest.mark.parametrize("value", ["-1", "3601", "2.5", '"30"'])
def test_a_bad_threshold_in_the_file_is_refused_naming_its_line(value):
    text = f'target = 50\nwin_min_seconds = {value}\n[[segment]]\ntitle = "Win"\nkind = "client"\nminutes = 1\n'
    with pytest.raises(BadInput, match="line 2: win_min_seconds"):
        parse_toml(text)


def test_the_stored_threshold_is_checked_like_the_rest():
    with pytest.raises(BadInput):
        from_json(to_json(Agenda(DEFAULT_AGENDA.segments, 0.5, -3)))
