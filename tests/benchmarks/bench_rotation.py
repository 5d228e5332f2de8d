"""Who presents today, on 10 years of daily briefings and 50 people.

The choice is a pure function of the history, so its cost grows with the
history: this checks it stays far below what a lead could notice. The
reference, measured in the same run, is the least any choice must do: one
pass over the same history reading each briefing's attendance and
presenter. Target: under 10 ms a choice.
"""

from __future__ import annotations

import statistics
import time
from datetime import date, timedelta
from typing import Any

from machine import machine  # tests/benchmarks/machine.py, on sys.path via run.py

PEOPLE = 50
YEARS = 10
CALLS = 200
BUDGET_MS = 10.0


def build() -> tuple[list, list, date]:
    """A deterministic history: everyone present but a rotating few away."""
    from briefing.rotation import Briefing, Person, choose

    start = date(2016, 11, 24)
    people = [Person(i, f"Person {i}", "lead" if i == 0 else "member", True, start) for i in range(PEOPLE)]
    history: list = []
    day = start
    for n in range(365 * YEARS):
        attendance = {p.id: ("absent" if (n + p.id) % 11 == 0 else "present") for p in people}
        pick = choose(people, history, day, attendance=attendance) if n % 50 == 0 else None
        presenter = pick.presenter.id if pick and pick.presenter else (1 + n % (PEOPLE - 1))
        history.append(Briefing(day=day, attendance=attendance, presenter=presenter))
        day += timedelta(days=1)
    return people, history, day


def _median_ms(fn) -> float:
    times = []
    for _ in range(CALLS):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times)


def main() -> dict[str, Any]:
    from briefing.rotation import choose

    box = machine()
    print(f"machine: {box['platform']}, {box['cpu']}, {box['cpu_count']} CPUs, python {box['python']}")
    people, history, today = build()

    def floor() -> None:  # the reference: touch every briefing once
        for b in history:
            b.attendance.get(0)
            b.presenter  # noqa: B018

    ours = _median_ms(lambda: choose(people, history, today))
    ref = _median_ms(floor)
    print(f"{len(history)} briefings, {PEOPLE} people, median of {CALLS} calls")
    print(f"rotation choice: {ours:.3f} ms; one bare pass over the history: {ref:.3f} ms; ratio {ours / ref:.2f}x")
    print(f"target < {BUDGET_MS:g} ms: {'met' if ours < BUDGET_MS else 'not met'}")
    return {
        "name": "rotation choice vs one pass over the history",
        "ratio": ours / ref,
        "ms": ours,
        "met": ours < BUDGET_MS,
    }


if __name__ == "__main__":
    main()
