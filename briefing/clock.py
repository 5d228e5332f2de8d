"""The meeting clock: the state of a briefing as a pure function of its events.

A running briefing is stored as an append-only list of events with
wall-clock UTC timestamps; what a screen shows is ``fold(agenda, events,
now)``. So a crash loses nothing (restart and fold again), every screen and
the CLI agree, and the rules below are testable without a terminal.

Time rules:

* Only running time counts: a pause stops every clock.
* Each segment starts counting its own kind; ``switch`` flips the running
  kind (chess-clock style) so the split shows what the time was really
  spent on, not what was planned.
* Wall-clock jumps are clamped: an interval that goes backwards counts 0;
  an interval longer than :data:`MAX_GAP_S` while running (a laptop asleep,
  an app left open overnight) counts :data:`MAX_GAP_S` and then the meeting
  is paused, flagged ``auto_paused`` so the lead is asked before resuming.
"""

from __future__ import annotations

import copy
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Protocol

from briefing.kinds import SegmentKind

MAX_GAP_S = 30 * 60


class EventType(StrEnum):
    START = "start"
    PAUSE = "pause"
    RESUME = "resume"
    GOTO = "goto"  # arg: segment index
    SWITCH = "switch"  # arg: the kind that now runs
    ADJUST = "adjust"  # arg: seconds added to the current segment's plan (may be negative)
    FINISH = "finish"
    ABANDON = "abandon"


TERMINAL = {EventType.FINISH, EventType.ABANDON}


@dataclass(frozen=True)
class Event:
    type: EventType
    at: datetime
    arg: int | str | None = None


class SegmentPlan(Protocol):
    title: str
    kind: SegmentKind
    planned_s: int


class AgendaPlan(Protocol):
    segments: Sequence[SegmentPlan]
    target_share: float


@dataclass(frozen=True)
class SegmentState:
    index: int
    title: str
    kind: SegmentKind
    planned_s: float
    elapsed_s: float
    status: str  # done | current | next

    @property
    def remaining_s(self) -> float:
        return max(self.planned_s - self.elapsed_s, 0.0)

    @property
    def overrun_s(self) -> float:
        return max(self.elapsed_s - self.planned_s, 0.0)

    @property
    def countdown_s(self) -> int:
        """The whole seconds a countdown shows: rounded up, so it reads 0
        only once the time is really up (0.2 s left still shows 1)."""
        return math.ceil(self.remaining_s)


@dataclass(frozen=True)
class MeetingState:
    state: str  # running | paused | finished | abandoned
    index: int
    segments: tuple[SegmentState, ...]
    running_kind: SegmentKind
    elapsed_by_kind: dict[str, float]
    target_share: float
    auto_paused: bool
    started_at: datetime | None
    ended_at: datetime | None

    @property
    def segment(self) -> SegmentState:
        return self.segments[self.index]

    @property
    def elapsed_s(self) -> float:
        return sum(self.elapsed_by_kind.values())

    @property
    def client_share(self) -> float | None:
        """Client time over client + sales time; None before any of either."""
        client = self.elapsed_by_kind[SegmentKind.CLIENT]
        sales = self.elapsed_by_kind[SegmentKind.SALES]
        return client / (client + sales) if client + sales > 0 else None

    @property
    def is_over(self) -> bool:
        return self.state in ("finished", "abandoned")

    @property
    def is_last_segment(self) -> bool:
        return self.index == len(self.segments) - 1

    def seconds_to_next_second(self) -> float | None:
        """How long until a whole second on screen turns over: the segment's
        (the countdown) or the running kind's (the balance gauge). None when
        nothing runs: then only an event can change what is shown.

        A screen that sleeps this long, rather than polling, shows each new
        second as it happens and wakes once a second at most.
        """
        if self.state != "running":
            return None
        running = self.elapsed_by_kind[self.running_kind.value]
        return min(1.0 - self.segment.elapsed_s % 1.0, 1.0 - running % 1.0)


@dataclass
class Clock:
    """Folds events one at a time; ``state(now)`` reads it without changing it.

    Keeping the accumulator lets a screen apply new events as they arrive
    instead of re-folding the whole list, and makes "a prefix, then the
    rest" provably the same as "everything at once".
    """

    agenda: AgendaPlan
    status: str = "new"
    index: int = 0
    running: bool = False
    auto_paused: bool = False
    running_kind: SegmentKind = SegmentKind.CLIENT
    last_at: datetime | None = None
    started_at: datetime | None = None
    ended_at: datetime | None = None
    planned: list[float] = field(default_factory=list)
    seg_elapsed: list[float] = field(default_factory=list)
    kind_elapsed: dict[str, float] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.planned = [float(s.planned_s) for s in self.agenda.segments]
        self.seg_elapsed = [0.0] * len(self.planned)
        self.kind_elapsed = {k.value: 0.0 for k in SegmentKind}
        if self.agenda.segments:
            self.running_kind = SegmentKind(self.agenda.segments[0].kind)

    def _advance(self, to: datetime) -> None:
        if self.running and self.last_at is not None:
            dt = max((to - self.last_at).total_seconds(), 0.0)
            if dt > MAX_GAP_S:
                dt = MAX_GAP_S
                self.running = False
                self.auto_paused = True
                self.status = "paused"
            self.seg_elapsed[self.index] += dt
            self.kind_elapsed[self.running_kind.value] += dt
        # After a backwards jump, count from the new point on.
        self.last_at = to

    def apply(self, event: Event) -> None:
        if self.status in ("finished", "abandoned"):
            return
        if self.status == "new" and event.type != EventType.START:
            return
        self._advance(event.at)
        kind = event.type
        if kind == EventType.START:
            if self.status != "new":
                return
            self.started_at = event.at
            self.status, self.running, self.index = "running", True, 0
        elif kind == EventType.PAUSE:
            self.status, self.running = "paused", False
        elif kind == EventType.RESUME:
            self.status, self.running, self.auto_paused = "running", True, False
        elif kind == EventType.GOTO and isinstance(event.arg, int):
            self.index = min(max(event.arg, 0), len(self.planned) - 1)
            self.running_kind = SegmentKind(self.agenda.segments[self.index].kind)
        elif kind == EventType.SWITCH and event.arg in SegmentKind._value2member_map_:
            self.running_kind = SegmentKind(event.arg)
        elif kind == EventType.ADJUST and isinstance(event.arg, int):
            self.planned[self.index] = max(self.planned[self.index] + event.arg, 0.0)
        elif kind in TERMINAL:
            self.status = "finished" if kind == EventType.FINISH else "abandoned"
            self.running = False
            self.ended_at = event.at

    def extend(self, events: Iterable[Event]) -> Clock:
        for event in events:
            self.apply(event)
        return self

    def state(self, now: datetime) -> MeetingState:
        probe = self
        if self.running:  # advance a copy: reading the state changes nothing
            probe = copy.copy(self)
            probe.seg_elapsed = list(self.seg_elapsed)
            probe.kind_elapsed = dict(self.kind_elapsed)
            probe._advance(now)  # noqa: SLF001 - a copy of this very object
        segments = tuple(
            SegmentState(
                index=i,
                title=s.title,
                kind=SegmentKind(s.kind),
                planned_s=probe.planned[i],
                elapsed_s=probe.seg_elapsed[i],
                status="current" if i == probe.index else ("done" if i < probe.index else "next"),
            )
            for i, s in enumerate(self.agenda.segments)
        )
        return MeetingState(
            state=probe.status if probe.status != "new" else "paused",
            index=probe.index,
            segments=segments,
            running_kind=probe.running_kind,
            elapsed_by_kind=dict(probe.kind_elapsed),
            target_share=self.agenda.target_share,
            auto_paused=probe.auto_paused,
            started_at=probe.started_at,
            ended_at=probe.ended_at,
        )


def fold(agenda: AgendaPlan, events: Iterable[Event], now: datetime) -> MeetingState:
    return Clock(agenda).extend(events).state(now)


def flipped(kind: SegmentKind) -> SegmentKind:
    """The chess clock's other side: client ⇄ sales (team talk drifts to clients)."""
    return SegmentKind.SALES if kind == SegmentKind.CLIENT else SegmentKind.CLIENT
