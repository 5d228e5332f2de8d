"""Briefings in the database: the commands a lead presses, at fixed instants.

Every call passes ``now=`` (and ``start`` a ``day``) so nothing depends on
how fast the machine is.
"""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta

import pytest

from briefing import db as store
from briefing import meeting, verbatims
from briefing import summary as summaries
from briefing.agenda import CLASSIC_AGENDA, parse_toml, save_agenda
from briefing.cli.jsonout import meeting_state
from briefing.clock import MAX_GAP_S, flipped
from briefing.errors import AlreadyHadOneToday, BadInput, LastSegment
from briefing.kinds import SegmentKind

#: Written against the agenda teams had before the client call.
pytestmark = pytest.mark.usefixtures("classic_agenda")

DAY = date(2026, 11, 24)
T0 = datetime(2026, 11, 24, 8, 30, tzinfo=UTC)
DEFAULT = CLASSIC_AGENDA.segments

TEAM_FIRST = """
target = 60

[[segment]]
title = "Weather of the team"
kind = "team"
minutes = 2

[[segment]]
title = "Client voice"
kind = "client"
minutes = 4

[[segment]]
title = "Pipeline"
kind = "sales"
seconds = 150
"""


def at(seconds: float) -> datetime:
    return T0 + timedelta(seconds=seconds)


@pytest.fixture
def started(conn):
    return meeting.start(conn, now=at(0), day=DAY)


def state_at(conn, seconds: float):
    m = meeting.current(conn)
    assert m is not None
    return m.state(at(seconds))


def stored(conn, meeting_id: int):
    return conn.execute("SELECT * FROM meetings WHERE id = ?", (meeting_id,)).fetchone()


def event_count(conn, meeting_id: int) -> int:
    return conn.execute("SELECT count(*) FROM meeting_events WHERE meeting_id = ?", (meeting_id,)).fetchone()[0]


# -- starting -------------------------------------------------------------------


def test_starting_runs_the_first_segment_of_the_default_agenda(conn):
    m = meeting.start(conn, now=at(0), day=DAY)
    state = m.state(at(0))
    assert state.state == "running" and state.index == 0
    assert [(s.title, s.kind, s.planned_s) for s in state.segments] == [(s.title, s.kind, s.planned_s) for s in DEFAULT]
    assert len(state.segments) == 4
    assert state.running_kind == DEFAULT[0].kind
    assert state.started_at == at(0) and m.day == DAY
    assert meeting.current(conn).id == m.id


def test_starting_while_one_is_under_way_is_refused(conn, started):
    with pytest.raises(BadInput, match="already under way") as refused:
        meeting.start(conn, now=at(30), day=DAY)
    assert not isinstance(refused.value, AlreadyHadOneToday)
    assert conn.execute("SELECT count(*) FROM meetings").fetchone()[0] == 1
    assert meeting.current(conn).id == started.id


def test_a_second_briefing_the_same_day_needs_again(conn, started):
    meeting.finish(conn, now=at(600))
    with pytest.raises(AlreadyHadOneToday, match="already had its briefing today"):
        meeting.start(conn, now=at(900), day=DAY)
    assert meeting.current(conn) is None
    second = meeting.start(conn, again=True, now=at(900), day=DAY)
    assert second.id != started.id and meeting.current(conn).id == second.id


def test_the_next_days_briefing_needs_no_again(conn, started):
    meeting.finish(conn, now=at(600))
    tomorrow = meeting.start(conn, now=at(86_400), day=DAY + timedelta(days=1))
    assert tomorrow.day == DAY + timedelta(days=1)


def test_an_abandoned_briefing_does_not_count_as_todays(conn, started):
    meeting.abandon(conn, now=at(60))
    again = meeting.start(conn, now=at(120), day=DAY)  # no again=True needed
    assert again.id != started.id and again.state(at(120)).state == "running"


def test_editing_the_agenda_during_a_briefing_does_not_retime_it(conn, started):
    save_agenda(conn, parse_toml(TEAM_FIRST))
    assert [s.title for s in state_at(conn, 10).segments] == [s.title for s in DEFAULT]
    meeting.finish(conn, now=at(20))
    nxt = meeting.start(conn, now=at(86_400), day=DAY + timedelta(days=1))
    assert [s.title for s in nxt.state(at(86_400)).segments] == [s.title for s in parse_toml(TEAM_FIRST).segments]


# -- moving through the agenda ------------------------------------------------------


def test_next_and_prev_move_one_segment(conn, started):
    _, state = meeting.go(conn, +1, now=at(60))
    assert state.index == 1 and state.segment.title == DEFAULT[1].title
    assert state.running_kind == DEFAULT[1].kind
    _, state = meeting.go(conn, -1, now=at(90))
    assert state.index == 0 and state.segment.title == DEFAULT[0].title
    later = state_at(conn, 100)
    assert [s.elapsed_s for s in later.segments[:2]] == [60 + 10, 30]
    assert [s.status for s in later.segments] == ["current", "next", "next", "next"]


def test_next_is_refused_after_the_last_segment_and_prev_before_the_first(conn, started):
    with pytest.raises(BadInput, match="first segment"):
        meeting.go(conn, -1, now=at(5))
    for step in range(1, len(DEFAULT)):
        assert meeting.go(conn, +1, now=at(10 * step))[1].index == step
    before = event_count(conn, started.id)
    with pytest.raises(LastSegment, match="last segment"):
        meeting.go(conn, +1, now=at(100))
    assert event_count(conn, started.id) == before  # a refusal leaves no trace
    assert state_at(conn, 100).index == len(DEFAULT) - 1


def test_going_to_a_segment_runs_that_segments_kind(conn, started):
    meeting.switch(conn, to="sales", now=at(10))
    meeting.go(conn, +1, now=at(20))  # Client win: the clock is client again
    meeting.go(conn, +1, now=at(50))  # Numbers: sales
    state = state_at(conn, 80)
    assert state.running_kind == DEFAULT[2].kind == SegmentKind.SALES
    assert state.elapsed_by_kind == {"client": 10 + 30, "sales": 10 + 30, "team": 0}


def test_a_stale_screen_cannot_push_past_the_last_segment(conn, db_path, started):
    """Each press is decided on the stored state, not on what a screen last saw."""
    other = store.connect(db_path)
    try:
        stale = meeting.current(other)  # that screen still shows segment 1
        for step in range(1, len(DEFAULT)):
            meeting.go(conn, +1, now=at(step))
        assert stale.state(at(10)).index == 0
        with pytest.raises(BadInput, match="last segment"):
            meeting.go(other, +1, now=at(10))
    finally:
        other.close()
    assert state_at(conn, 10).index == len(DEFAULT) - 1


def test_two_terminals_pressing_next_move_two_segments(conn, db_path, started):
    """Two presses are two commands: the second sees the first and moves on again."""
    other = store.connect(db_path)
    try:
        meeting.go(conn, +1, now=at(30))
        _, state = meeting.go(other, +1, now=at(30))
    finally:
        other.close()
    assert state.index == 2 == state_at(conn, 30).index


# -- the clock ---------------------------------------------------------------------


def test_pause_and_resume_refuse_when_already_in_that_state(conn, started):
    with pytest.raises(BadInput, match="already running"):
        meeting.resume(conn, now=at(10))
    assert meeting.pause(conn, now=at(60))[1].state == "paused"
    with pytest.raises(BadInput, match="already paused"):
        meeting.pause(conn, now=at(70))
    assert state_at(conn, 600).elapsed_s == 60  # a pause stops the clock
    assert meeting.resume(conn, now=at(600))[1].state == "running"
    assert state_at(conn, 630).elapsed_s == 90


def test_toggle_pauses_a_running_briefing_and_resumes_a_paused_one(conn, started):
    assert meeting.toggle(conn, now=at(60))[1].state == "paused"
    assert meeting.toggle(conn, now=at(120))[1].state == "running"
    assert state_at(conn, 150).elapsed_s == 60 + 30


def test_switch_flips_client_and_sales_and_to_sets_a_kind(conn, started):
    assert DEFAULT[0].kind == SegmentKind.CLIENT
    assert meeting.switch(conn, now=at(60))[1].running_kind == SegmentKind.SALES
    assert meeting.switch(conn, now=at(90))[1].running_kind == SegmentKind.CLIENT
    assert meeting.switch(conn, to="team", now=at(100))[1].running_kind == SegmentKind.TEAM
    assert meeting.switch(conn, to=SegmentKind.SALES, now=at(130))[1].running_kind == SegmentKind.SALES
    state = state_at(conn, 140)
    assert state.elapsed_by_kind == {"client": 60 + 10, "sales": 30 + 10, "team": 30}
    assert state.client_share == pytest.approx(70 / (70 + 40))
    assert state.segment.elapsed_s == 140  # the segment's own clock is not split


def test_switch_from_team_talk_goes_to_client(conn, started):
    meeting.switch(conn, to="team", now=at(10))
    assert meeting.switch(conn, now=at(20))[1].running_kind == flipped(SegmentKind.TEAM) == SegmentKind.CLIENT


def test_switch_refuses_an_unknown_kind(conn, started):
    before = event_count(conn, started.id)
    with pytest.raises((BadInput, ValueError)):
        meeting.switch(conn, to="coffee", now=at(10))
    assert event_count(conn, started.id) == before


def test_plus_and_minus_change_only_the_current_segments_plan(conn, started):
    planned = DEFAULT[0].planned_s
    assert meeting.adjust(conn, +60, now=at(5))[1].segment.planned_s == planned + 60
    meeting.adjust(conn, -60, now=at(6))
    _, state = meeting.adjust(conn, -60, now=at(7))
    assert state.segment.planned_s == planned - 60
    assert [s.planned_s for s in state.segments[1:]] == [s.planned_s for s in DEFAULT[1:]]
    meeting.go(conn, +1, now=at(8))
    assert meeting.adjust(conn, +60, now=at(9))[1].segment.planned_s == DEFAULT[1].planned_s + 60
    assert state_at(conn, 10).segments[0].planned_s == planned - 60


def test_an_overrun_shows_as_overrun_with_nothing_remaining(conn, started):
    assert DEFAULT[0].planned_s == 4 * 60
    m = meeting.current(conn)
    seg = meeting_state(m, m.state(at(5 * 60)))["segment"]
    assert (seg["elapsed_s"], seg["remaining_s"], seg["overrun_s"]) == (300, 0, 60)
    on_time = meeting_state(m, m.state(at(60)))["segment"]
    assert (on_time["remaining_s"], on_time["overrun_s"]) == (240 - 60, 0)


def test_a_briefing_left_running_overnight_is_found_paused_and_resumes(conn, started):
    night = 8 * 3600
    state = state_at(conn, night)
    assert state.state == "paused" and state.auto_paused
    with pytest.raises(BadInput, match="already paused"):
        meeting.pause(conn, now=at(night))
    assert meeting.resume(conn, now=at(night))[1].state == "running"
    state = state_at(conn, night + 10)
    assert not state.auto_paused and state.elapsed_s == MAX_GAP_S + 10


def test_the_state_survives_reopening_the_database(conn, db_path, started):
    meeting.go(conn, +1, now=at(60))
    meeting.switch(conn, now=at(90))
    meeting.adjust(conn, +60, now=at(100))
    meeting.pause(conn, now=at(120))
    meeting.resume(conn, now=at(150))
    before = meeting.current(conn)
    conn.close()  # the app is killed
    reopened = store.connect(db_path)
    try:
        after = meeting.current(reopened)
        assert after.id == before.id
        for moment in (at(160), at(400)):
            assert after.state(moment) == before.state(moment)
            assert meeting_state(after, after.state(moment)) == meeting_state(before, before.state(moment))
        assert after.state(at(400)).elapsed_s == 400 - 30  # the meeting went on while the app was down
    finally:
        reopened.close()


# -- what screens and scripts read ------------------------------------------------


def test_state_json_holds_what_a_screen_shows(conn, started):
    meeting.switch(conn, now=at(40))
    m = meeting.current(conn)
    data = meeting_state(m, m.state(at(100)))
    json.dumps(data)  # a script can print it as is
    assert {"id", "state", "segment", "running_kind", "elapsed_by_kind", "client_share", "target_share"} <= set(data)
    assert (data["id"], data["state"], data["running_kind"]) == (started.id, "running", "sales")
    assert data["segment"] == {
        "index": 0,
        "title": DEFAULT[0].title,
        "kind": DEFAULT[0].kind.value,
        "planned_s": DEFAULT[0].planned_s,
        "elapsed_s": 100,
        "remaining_s": DEFAULT[0].planned_s - 100,
        "overrun_s": 0,
    }
    assert data["elapsed_by_kind"] == {"client": 40, "sales": 60, "team": 0}
    assert data["client_share"] == round(40 / 100, 4)
    assert data["target_share"] == CLASSIC_AGENDA.target_share
    assert [s["title"] for s in data["segments"]] == [s.title for s in DEFAULT]


def test_client_share_is_none_while_a_team_first_agenda_has_no_client_or_sales_time(conn):
    agenda = parse_toml(TEAM_FIRST)
    save_agenda(conn, agenda)
    m = meeting.start(conn, now=at(0), day=DAY)
    data = meeting_state(m, m.state(at(60)))
    assert data["segment"]["kind"] == "team" and data["running_kind"] == "team"
    assert data["elapsed_by_kind"] == {"client": 0, "sales": 0, "team": 60}
    assert data["client_share"] is None
    assert data["target_share"] == agenda.target_share == 0.6
    meeting.go(conn, +1, now=at(60))
    assert state_at(conn, 90).client_share == 1.0


def test_client_share_counts_from_the_first_second_on_a_client_first_agenda(conn, started):
    assert state_at(conn, 0).client_share is None
    assert state_at(conn, 1).client_share == 1.0


# -- closing -------------------------------------------------------------------------


def test_finish_closes_the_briefing_and_keeps_its_summary(conn, started):
    meeting.go(conn, +1, now=at(60))
    meeting.switch(conn, to="sales", now=at(100))
    m, state = meeting.finish(conn, now=at(130))
    assert state.state == "finished" and state.ended_at == at(130)
    row = stored(conn, started.id)
    assert row["outcome"] == "finished"
    assert datetime.fromisoformat(row["ended_at"]) == at(130)
    summary = summaries.load(conn, started.id)
    assert summary.outcome == "finished" and summary.state.state == "finished"
    assert [(s.title, s.planned_s, s.elapsed_s) for s in summary.state.segments] == [
        (DEFAULT[0].title, DEFAULT[0].planned_s, 60),
        (DEFAULT[1].title, DEFAULT[1].planned_s, 70),
        (DEFAULT[2].title, DEFAULT[2].planned_s, 0),
        (DEFAULT[3].title, DEFAULT[3].planned_s, 0),
    ]
    assert summary.state.elapsed_by_kind == {"client": 100, "sales": 30, "team": 0}
    assert summary.state.client_share == 100 / 130
    assert meeting.current(conn) is None
    assert m.state(at(9999)).elapsed_s == 130  # nothing counts after the finish


def test_abandon_closes_the_briefing_as_abandoned(conn, started):
    _, state = meeting.abandon(conn, now=at(45))
    assert state.state == "abandoned"
    row = stored(conn, started.id)
    assert row["outcome"] == "abandoned"
    assert datetime.fromisoformat(row["ended_at"]) == at(45)
    summary = summaries.load(conn, started.id)
    assert summary.outcome == "abandoned" and summary.state.elapsed_s == 45
    assert meeting.current(conn) is None


COMMANDS = {
    "next": lambda conn, now: meeting.go(conn, +1, now=now),
    "prev": lambda conn, now: meeting.go(conn, -1, now=now),
    "pause": lambda conn, now: meeting.pause(conn, now=now),
    "resume": lambda conn, now: meeting.resume(conn, now=now),
    "toggle": lambda conn, now: meeting.toggle(conn, now=now),
    "switch": lambda conn, now: meeting.switch(conn, now=now),
    "plus": lambda conn, now: meeting.adjust(conn, 60, now=now),
    "finish": lambda conn, now: meeting.finish(conn, now=now),
    "abandon": lambda conn, now: meeting.abandon(conn, now=now),
}


@pytest.mark.parametrize("close", ["finish", "abandon"])
@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_after_closing_every_command_says_no_briefing_is_running(conn, started, close, command):
    COMMANDS[close](conn, at(60))
    events = event_count(conn, started.id)
    with pytest.raises(BadInput, match="no briefing is running"):
        COMMANDS[command](conn, at(70))
    assert event_count(conn, started.id) == events
    assert stored(conn, started.id)["outcome"] == ("finished" if close == "finish" else "abandoned")


def test_commands_before_any_start_say_no_briefing_is_running(conn):
    with pytest.raises(BadInput, match="no briefing is running"):
        meeting.go(conn, +1, now=at(0))
    assert meeting.current(conn) is None


# -- verbatims and notes -------------------------------------------------------------


def test_a_verbatim_shown_is_no_longer_new_and_is_recorded_once(conn, started):
    shown = verbatims.add(conn, {"text": "Livraison en 24 h, bravo", "client": "Hélène Roussel"})
    unseen = verbatims.add(conn, {"text": "Un peu cher", "client": "Marc Petit"})
    meeting.mark_shown(conn, started.id, shown, now=at(30))
    meeting.mark_shown(conn, started.id, shown, now=at(90))  # shown again later in the meeting
    assert meeting.shown_verbatims(conn, started.id) == [shown]
    assert verbatims.get(conn, shown).status == "shown"
    assert verbatims.get(conn, unseen).status == "new"
    meeting.finish(conn, now=at(120))
    assert [v.id for v in summaries.load(conn, started.id).verbatims_shown] == [shown]


def test_notes_are_kept_and_go_into_the_summary(conn, started):
    meeting.save_notes(conn, started.id, "Call Altis back about the delivery delay")
    assert meeting.load(conn, started.id).notes == "Call Altis back about the delivery delay"
    with pytest.raises(BadInput, match="notes"):
        meeting.save_notes(conn, started.id, "x" * 100_000)
    assert meeting.load(conn, started.id).notes == "Call Altis back about the delivery delay"
    meeting.finish(conn, now=at(60))
    assert summaries.load(conn, started.id).meeting.notes == "Call Altis back about the delivery delay"


def test_minus_cannot_plan_a_segment_under_the_agendas_minimum(conn, started):
    """The shortest segment an agenda file allows (30 s) holds during the meeting too."""
    meeting.go(conn, +1, now=at(1))  # the client win: 3:00
    meeting.adjust(conn, -60, now=at(2))
    _, state = meeting.adjust(conn, -60, now=at(3))
    assert state.segment.planned_s == 60
    before = event_count(conn, started.id)
    with pytest.raises(BadInput, match=r"planned for 1:00; it cannot be planned for less than 30 seconds"):
        meeting.adjust(conn, -60, now=at(4))
    assert event_count(conn, started.id) == before
    assert state_at(conn, 5).segment.planned_s == 60
    assert meeting.adjust(conn, -30, now=at(6))[1].segment.planned_s == 30  # down to the minimum is fine
    assert meeting.adjust(conn, +60, now=at(7))[1].segment.planned_s == 90
