"""The meeting screen's own count of time: a stepped wall clock never moves it."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from briefing.counted_time import STEP_S, CountedTime

T0 = datetime(2026, 11, 30, 9, 0, tzinfo=UTC)


class Clocks:
    """A wall clock and a monotonic one that tests move by hand."""

    def __init__(self) -> None:
        self.wall, self.mono = T0, 1000.0

    def counted(self) -> CountedTime:
        return CountedTime(wall=lambda: self.wall, monotonic=lambda: self.mono)


@given(
    elapsed=st.floats(min_value=0, max_value=3600),
    step=st.floats(min_value=-86400, max_value=86400).filter(lambda s: abs(s) > STEP_S),
)
def test_a_wall_clock_stepped_between_reads_is_ignored(elapsed, step):
    clocks = Clocks()
    count = clocks.counted()
    count.rebase(None)
    clocks.mono += elapsed
    clocks.wall += timedelta(seconds=elapsed + step)  # the real seconds, plus a jump
    count.rebase(None)
    assert abs((count.now() - (T0 + timedelta(seconds=elapsed))).total_seconds()) < 1e-6


@given(drift=st.floats(min_value=-STEP_S, max_value=STEP_S))
def test_a_small_drift_is_taken_at_the_next_read(drift):
    clocks = Clocks()
    count = clocks.counted()
    count.rebase(None)
    clocks.mono += 60
    clocks.wall += timedelta(seconds=60 + drift)
    count.rebase(None)
    assert count.now() == clocks.wall


def test_the_count_is_never_before_the_last_stored_event():
    clocks = Clocks()
    count = clocks.counted()
    ahead = T0 + timedelta(seconds=1.5)  # a colleague's machine is ahead of ours
    count.rebase(ahead)
    assert count.now() == ahead


def test_a_fixed_now_never_moves():
    clocks = Clocks()
    count = CountedTime(wall=lambda: clocks.wall, monotonic=lambda: clocks.mono, fixed=T0)
    clocks.mono += 30
    assert count.now() == T0
