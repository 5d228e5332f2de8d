"""Wall time as a meeting screen counts it between reads of the database.

The meeting's truth is its stored events (``briefing.clock``); a screen
folds them at "now". Between reads it counts on the monotonic clock from
the wall time it took at the last read, so a second on the wall is a
second on the screen. A wall clock that disagrees with that count by more
than :data:`STEP_S` has been stepped (NTP, a laptop's clock set by hand):
the count goes on and the jump is ignored, so the room never sees 8 real
seconds become 30 minutes, or counted seconds vanish. And the count is
never before the last stored event (a colleague's machine may be ahead).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import datetime, timedelta

from briefing.timeutil import utc_now

__all__ = ["STEP_S", "CountedTime"]

#: A wall clock further than this from the count was stepped.
STEP_S = 2.0


class CountedTime:
    def __init__(
        self,
        wall: Callable[[], datetime] | None = None,
        monotonic: Callable[[], float] = time.monotonic,
        fixed: datetime | None = None,
    ) -> None:
        """``wall``, ``monotonic``: the clocks read (default: the system's
        wall clock, looked up at each read, and the monotonic one); ``fixed``:
        a "now" that never moves (snapshots, tests)."""
        self._wall = wall or (lambda: utc_now())
        self._monotonic, self._fixed = monotonic, fixed
        self._base_wall: datetime | None = None
        self._base_mono = 0.0

    def rebase(self, last_event: datetime | None) -> None:
        """Take the wall clock again at a read, unless it jumped."""
        wall = self._wall()
        if self._base_wall is not None:
            counted = self.now()
            if abs((wall - counted).total_seconds()) > STEP_S:
                wall = counted
        if last_event is not None and wall < last_event:
            wall = last_event
        self._base_wall, self._base_mono = wall, self._monotonic()

    def now(self) -> datetime:
        """Wall time advanced by the monotonic clock since the last read."""
        if self._fixed is not None:
            return self._fixed
        assert self._base_wall is not None, "rebase() first"
        return self._base_wall + timedelta(seconds=self._monotonic() - self._base_mono)
