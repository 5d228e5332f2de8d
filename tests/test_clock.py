"""The meeting clock's fold: properties that must hold for any sequence of events."""

from __future__ import annotations

import math
from datetime import UTC, datetime, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from briefing.agenda import CLASSIC_AGENDA
from briefing.clock import MAX_GAP_S, Clock, Event, EventType, fold
from briefing.kinds import SegmentKind

T0 = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)


# The team's default agenda: client voice 4 min, client win 3, numbers 5, focus 3.
AGENDA = CLASSIC_AGENDA


def at(seconds: float) -> datetime:
    return T0 + timedelta(seconds=seconds)


def ev(kind: EventType, seconds: float, arg=None) -> Event:
    return Event(kind, at(seconds), arg)


# -- examples a lead would recognise ---------------------------------------


def test_a_running_segment_counts_down_and_then_overruns():
    events = [ev(EventType.START, 0)]
    state = fold(AGENDA, events, at(100))
    assert state.state == "running" and state.segment.title == "Client voice"
    assert (state.segment.elapsed_s, state.segment.remaining_s, state.segment.overrun_s) == (100, 140, 0)
    late = fold(AGENDA, events, at(312))
    assert (late.segment.remaining_s, late.segment.overrun_s) == (0, 72)


def test_pause_stops_every_clock():
    events = [ev(EventType.START, 0), ev(EventType.PAUSE, 60)]
    assert fold(AGENDA, events, at(600)).elapsed_s == 60
    resumed = [*events, ev(EventType.RESUME, 600)]
    assert fold(AGENDA, resumed, at(630)).elapsed_s == 90


def test_switch_moves_time_to_the_other_side_of_the_chess_clock():
    events = [ev(EventType.START, 0), ev(EventType.SWITCH, 60, "sales"), ev(EventType.SWITCH, 90, "client")]
    state = fold(AGENDA, events, at(120))
    assert state.elapsed_by_kind == {"client": 90, "sales": 30, "team": 0}
    assert state.client_share == 0.75
    assert state.segment.elapsed_s == 120  # the segment's own clock is unaffected


def test_each_segment_starts_on_its_own_kind():
    events = [
        ev(EventType.START, 0),
        ev(EventType.SWITCH, 10, "sales"),
        ev(EventType.GOTO, 20, 2),
        ev(EventType.GOTO, 50, 3),
    ]
    state = fold(AGENDA, events, at(70))
    assert state.elapsed_by_kind == {"client": 10, "sales": 10 + 30, "team": 20}
    assert [s.status for s in state.segments] == ["done", "done", "done", "current"]


def test_client_share_is_none_before_any_client_or_sales_time():
    events = [ev(EventType.START, 0), ev(EventType.GOTO, 0, 3)]
    assert fold(AGENDA, events, at(50)).client_share is None


def test_plus_and_minus_change_the_current_plan_never_below_zero():
    events = [ev(EventType.START, 0), ev(EventType.ADJUST, 1, 60)]
    assert fold(AGENDA, events, at(2)).segment.planned_s == 300
    events += [ev(EventType.ADJUST, 2, -60)] * 6
    assert fold(AGENDA, events, at(3)).segment.planned_s == 0


def test_time_while_the_app_was_down_counts():
    """Killed at 60 s, restarted at 200 s: the meeting went on."""
    assert fold(AGENDA, [ev(EventType.START, 0)], at(200)).elapsed_s == 200


def test_a_clock_jumping_backwards_never_gives_negative_time():
    events = [ev(EventType.START, 0), ev(EventType.GOTO, 100, 1), ev(EventType.SWITCH, 40, "sales")]
    state = fold(AGENDA, events, at(50))
    assert all(v >= 0 for v in state.elapsed_by_kind.values())
    assert state.elapsed_s == 100 + 0 + 10


def test_a_long_silence_while_running_pauses_the_meeting_and_flags_it():
    state = fold(AGENDA, [ev(EventType.START, 0)], at(5 * 3600))
    assert state.state == "paused" and state.auto_paused
    assert state.elapsed_s == MAX_GAP_S  # never a segment hours long
    resumed = fold(AGENDA, [ev(EventType.START, 0), ev(EventType.RESUME, 5 * 3600)], at(5 * 3600 + 10))
    assert resumed.state == "running" and not resumed.auto_paused
    assert resumed.elapsed_s == MAX_GAP_S + 10


def test_nothing_counts_after_the_finish():
    events = [ev(EventType.START, 0), ev(EventType.FINISH, 300), ev(EventType.RESUME, 400)]
    state = fold(AGENDA, events, at(900))
    assert state.state == "finished" and state.elapsed_s == 300


# -- properties ---------------------------------------------------------------

kinds = st.sampled_from([k.value for k in SegmentKind])
step = st.one_of(
    st.tuples(st.just(EventType.PAUSE), st.none()),
    st.tuples(st.just(EventType.RESUME), st.none()),
    st.tuples(st.just(EventType.GOTO), st.integers(-2, 6)),
    st.tuples(st.just(EventType.SWITCH), kinds),
    st.tuples(st.just(EventType.ADJUST), st.sampled_from([-60, 60])),
    st.tuples(st.just(EventType.FINISH), st.none()),
    st.tuples(st.just(EventType.ABANDON), st.none()),
)
# Gaps include backwards jumps and sleeps far beyond the 30 min cap.
gap = st.one_of(st.floats(0, 400), st.floats(-3600, 0), st.floats(MAX_GAP_S, 10 * 3600))


@st.composite
def histories(draw):
    t = 0.0
    events = [ev(EventType.START, t)]
    for (kind, arg), dt in draw(st.lists(st.tuples(step, gap), max_size=40)):
        t += dt
        events.append(ev(kind, t, arg))
    return events, at(t + draw(gap))


@settings(max_examples=300, deadline=None)
@given(histories())
def test_time_per_kind_sums_to_time_per_segment(history):
    events, now = history
    state = fold(AGENDA, events, now)
    assert math.isclose(sum(state.elapsed_by_kind.values()), sum(s.elapsed_s for s in state.segments), abs_tol=1e-6)


@settings(max_examples=300, deadline=None)
@given(histories())
def test_no_value_is_ever_negative_or_nan(history):
    events, now = history
    state = fold(AGENDA, events, now)
    values = list(state.elapsed_by_kind.values())
    for s in state.segments:
        values += [s.elapsed_s, s.planned_s, s.remaining_s, s.overrun_s]
    assert all(v >= 0 and not math.isnan(v) for v in values)
    share = state.client_share
    assert share is None or 0 <= share <= 1
    assert 0 <= state.index < len(AGENDA.segments)


@settings(max_examples=300, deadline=None)
@given(histories(), st.floats(0, 1))
def test_folding_a_prefix_then_the_rest_equals_folding_everything(history, cut):
    events, now = history
    split = int(cut * len(events))
    clock = Clock(AGENDA).extend(events[:split])
    clock.state(now)  # reading in between must change nothing
    assert clock.extend(events[split:]).state(now) == fold(AGENDA, events, now)


@settings(max_examples=300, deadline=None)
@given(histories(), st.floats(0, 3600))
def test_while_paused_no_clock_moves(history, later):
    events, now = history
    state = fold(AGENDA, events, now)
    if state.state != "running":
        assert fold(AGENDA, events, now + timedelta(seconds=later)) == state


@settings(max_examples=200, deadline=None)
@given(histories(), st.floats(0, 600))
def test_running_time_grows_exactly_with_the_wall_clock(history, later):
    events, now = history
    state = fold(AGENDA, events, now)
    after = fold(AGENDA, events, now + timedelta(seconds=later))
    silence = (now - events[-1].at).total_seconds() + later
    if state.state == "running" and now >= events[-1].at and silence <= MAX_GAP_S:
        assert math.isclose(after.elapsed_s - state.elapsed_s, later, abs_tol=1e-6)


@settings(max_examples=300, deadline=None)
@given(histories(), st.floats(0, 600))
def test_the_next_shown_second_turns_over_exactly_when_announced(history, later):
    """The screen sleeps until then: waking sooner wastes CPU, later shows a stale digit."""
    events, now = history
    now += timedelta(seconds=later)
    state = fold(AGENDA, events, now)
    wait = state.seconds_to_next_second()
    if state.state != "running":
        assert wait is None
        return
    assert 0 < wait <= 1

    def shown(seconds: float) -> tuple[int, int]:
        s = fold(AGENDA, events, now + timedelta(seconds=seconds))
        return int(s.segment.elapsed_s), int(s.elapsed_by_kind[s.running_kind.value])

    silence = (now - events[-1].at).total_seconds()
    if now >= events[-1].at and silence + wait + 0.01 < MAX_GAP_S:  # not about to pause by itself
        tolerance = 0.002  # datetimes keep microseconds
        if wait > tolerance:
            assert shown(wait - tolerance) == shown(0)
        assert shown(wait + tolerance) != shown(0)
