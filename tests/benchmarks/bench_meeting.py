"""The meeting screen: CPU while it runs, time to first paint, clock drift.

During a briefing the meeting screen stays open on a laptop plugged into a
projector for a quarter of an hour, ticking a big clock. Three figures:

1. **CPU while running.** The app, opened on a demo database with a
   briefing under way (so it goes straight to the meeting screen), runs
   headless for :data:`DURATION` seconds in a child process. The parent
   takes the child's CPU time (user + system, from
   ``resource.getrusage(RUSAGE_CHILDREN)`` deltas around the child) over
   its wall time, as a percentage of one core. The child also reports the
   CPU it used in the steady-state window only (from the first paint of the
   screen to the end of the run, ``getrusage(RUSAGE_SELF)``), which leaves
   out interpreter start-up and imports. The reference is a bare Textual
   app (Header, a ``Digits`` showing the time, updated once a second, and
   Footer) run by the same harness for the same duration. Ours is made as
   ``briefing`` makes it (``briefing.cli.app.launched``: the database read
   before Textual starts, the start-up's objects frozen out of the garbage
   collector's reach); the reference as a bare app is written.
2. **Launch to first paint.** Whole processes, ``App.run(headless=True)``:
   the parent notes the time before launching the child; the child writes
   a marker line to its stdout once the screen is painted and exits.
   "Painted" is the first frame Textual hands its driver (``App._display``,
   wrapped in the child script only) after the clock was drawn: for ours,
   the meeting screen's first ``tick`` with a state from the database; for
   the bare app, its ``on_mount``. (A callback after the next refresh, the
   marker before, fired 45 ms after that frame once the meeting became
   Textual's first screen.) 3 warm-up rounds, then 15 alternating rounds;
   medians. Context, with no verdict: headless, no frame reaches a
   terminal; the first paint's target (1.25x) is measured in a real one,
   through ``briefing``, by bench_scale.py.
3. **Displayed vs true elapsed.** In-process: a briefing is started at a
   recorded wall time, the app runs headless for :data:`DRIFT_SECONDS`,
   then what the screen shows (``MeetingScreen.state().elapsed_s``) is
   compared with the truth folded from the stored events at the same
   instant (``briefing.meeting.load(conn, id).state(now)``). There is no
   natural reference for this one: the figure is absolute, in seconds. As
   context, every change of the big clock's digits during the run is also
   timed against the moment the true time crossed that second; the screen
   wakes just after each second boundary, so that lag is a few ms.

Headless means the frames are composed but never written to a terminal,
for ours and the reference alike.

Run it with ``python tests/benchmarks/run.py meeting`` from the repository
root. ``BENCH_MEETING_SECONDS`` and ``BENCH_DRIFT_SECONDS`` shorten the two
long measurements for a quick trial (the defaults are the figures to keep).
"""

from __future__ import annotations

import asyncio
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from machine import machine as _machine  # tests/benchmarks/machine.py, on sys.path via run.py

REPO = Path(__file__).resolve().parents[2]


def _seconds_from_env(name: str, default: float) -> float:
    raw = os.environ.get(name, "").strip()
    if not raw:
        return default
    try:
        value = float(raw)
    except ValueError:
        raise SystemExit(f"bench_meeting: {name}={raw!r} is not a number of seconds") from None
    if value <= 0:
        raise SystemExit(f"bench_meeting: {name} must be positive, not {raw!r}")
    return value


#: The meeting screen's CPU, at most this many times a bare app's showing a 1 Hz clock.
TARGET_CPU_RATIO = 2.0
#: Seconds each app runs for the CPU measurement.
DURATION = _seconds_from_env("BENCH_MEETING_SECONDS", 60)
#: Seconds the meeting runs before displayed and true elapsed are compared.
DRIFT_SECONDS = _seconds_from_env("BENCH_DRIFT_SECONDS", 600)
#: Terminal size for every run (a projector-sized terminal).
SIZE = (200, 60)
#: Launch-to-paint rounds run and thrown away first, then measured.
WARMUP_ROUNDS = 3
MEASURED_ROUNDS = 15

#: Targets: CPU of the running meeting screen, % of one core; |displayed -
#: true| elapsed, seconds. (The first paint's target, 1.25x the bare app, is
#: measured in a real terminal through ``briefing``: bench_scale.py. The
#: headless figure here is context: no terminal, no bytes written.)
TARGET_CPU_PCT = 2.0
TARGET_DRIFT_S = 0.1

MARKER = "BENCH-MEETING-PAINTED"
RESULT = "BENCH-MEETING-RESULT "

#: The child process. argv: MODE (cpu | start), KIND (ours | ref), DB,
#: [DURATION]. Imports are timed as part of the process, as a user feels them.
CHILD = r"""
import asyncio, json, os, resource, sys, time
from pathlib import Path

mode, kind, db = sys.argv[1], sys.argv[2], Path(sys.argv[3])
duration = float(sys.argv[4]) if len(sys.argv) > 4 else 0.0
sys.path.insert(0, os.environ["BENCH_MEETING_REPO"])
SIZE = (200, 60)
MARKER = os.environ["BENCH_MEETING_MARKER"]
RESULT = os.environ["BENCH_MEETING_RESULT"]
painted = []  # perf_counter at first paint


def cpu_self():
    ru = resource.getrusage(resource.RUSAGE_SELF)  # every thread of this process
    return ru.ru_utime + ru.ru_stime


drawn = []  # the clock was drawn: the next frame shown holds it


def on_painted(app):
    if painted:
        return
    painted.append(time.perf_counter())
    if mode == "start":
        os.write(1, (MARKER + "\n").encode())
        app.exit()


from textual.app import App

_display = App._display


def _display_and_mark(self, screen, renderable):  # the frame Textual hands its driver
    shown = _display(self, screen, renderable)
    if drawn and renderable is not None:
        on_painted(self)
    return shown


App._display = _display_and_mark


if kind == "ours":
    from briefing.cli.app import launched
    from screens.meeting import MeetingScreen

    _tick = MeetingScreen.tick

    def _tick_and_mark(self):  # the benchmark's hook, in this process only
        state = _tick(self)
        if state is not None:
            drawn.append(True)
        return state

    MeetingScreen.tick = _tick_and_mark
    app = launched(db)  # as `briefing` launches it
else:
    from textual.app import App
    from textual.binding import Binding
    from textual.widgets import Digits, Footer, Header

    class Bare(App):
        BINDINGS = [Binding("q", "quit", "Quit")]

        def compose(self):
            yield Header()
            yield Digits("00:00:00")
            yield Footer()

        def on_mount(self):
            self.tick()
            self.set_interval(1.0, self.tick)
            drawn.append(True)

        def tick(self):
            self.query_one(Digits).update(time.strftime("%H:%M:%S"))

    app = Bare()

if mode == "start":
    app.run(headless=True, size=SIZE)
    if not painted:
        sys.exit("the screen was never painted")
    sys.exit(0)


async def run_for_duration():
    async with app.run_test(headless=True, size=SIZE) as pilot:
        deadline = time.perf_counter() + 30
        while not painted:
            if time.perf_counter() > deadline:
                raise SystemExit("the screen was not painted within 30 s")
            await asyncio.sleep(0.01)
        cpu0, wall0 = cpu_self(), time.perf_counter()
        await pilot.pause(duration)
        cpu1, wall1 = cpu_self(), time.perf_counter()
        screen = type(app.screen).__name__
    return {"screen": screen, "cpu_s": cpu1 - cpu0, "wall_s": wall1 - wall0}


result = asyncio.run(run_for_duration())
sys.stdout.write(RESULT + json.dumps(result) + "\n")
"""


# -- shared -----------------------------------------------------------------------


def machine() -> dict[str, Any]:
    import textual

    return _machine(textual=textual.__version__)


def build_meeting_db(path: Path, now: datetime | None = None) -> int:
    """A demo database with a briefing started (at ``now``); returns its id."""
    from briefing import demo
    from briefing import meeting as meetings
    from briefing.db import connect

    demo.build(path)
    conn = connect(path)
    try:
        return meetings.start(conn, now=now).id
    finally:
        conn.close()


def build_history_meeting_db(path: Path) -> None:
    """Ten years of a fifty-person team (tests/benchmarks/history.py), a briefing started."""
    from history import build

    from briefing import meeting as meetings
    from briefing.db import opened

    build(path)
    with opened(path) as conn:
        meetings.start(conn, again=True)


def _child_env() -> dict[str, str]:
    env = dict(os.environ)  # the very same environment for ours and the reference
    env["BENCH_MEETING_REPO"] = str(REPO)
    env["BENCH_MEETING_MARKER"] = MARKER
    env["BENCH_MEETING_RESULT"] = RESULT
    return env


def _child_cmd(mode: str, kind: str, db: Path, *extra: str) -> list[str]:
    return [sys.executable, "-c", CHILD, mode, kind, str(db), *extra]


def _fail(what: str, rc: int | None, stderr: str) -> SystemExit:
    tail = "\n".join(stderr.strip().splitlines()[-15:])
    return SystemExit(f"bench_meeting: {what} exited {rc}:\n{tail}")


def _verdict(met: bool) -> str:
    return "met" if met else "not met"


# -- 1. CPU while running -----------------------------------------------------------------


def _children_cpu() -> float:
    ru = resource.getrusage(resource.RUSAGE_CHILDREN)
    return ru.ru_utime + ru.ru_stime


def cpu_run(kind: str, db: Path, env: dict[str, str], cwd: Path) -> dict[str, Any]:
    """One child running ``kind`` headless for DURATION seconds."""
    cmd = _child_cmd("cpu", kind, db, repr(DURATION))
    cpu0, wall0 = _children_cpu(), time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=cwd)
    wall, cpu = time.perf_counter() - wall0, _children_cpu() - cpu0
    if proc.returncode != 0:
        raise _fail(f"the {kind} app", proc.returncode, proc.stderr)
    lines = [ln for ln in proc.stdout.splitlines() if ln.startswith(RESULT)]
    if not lines:
        raise _fail(f"the {kind} app (no result line)", proc.returncode, proc.stdout + proc.stderr)
    inner = json.loads(lines[-1].removeprefix(RESULT))
    expected = "MeetingScreen" if kind == "ours" else "Screen"
    if inner["screen"] != expected:
        raise SystemExit(f"bench_meeting: the {kind} app ended on {inner['screen']}, not {expected}")
    return {
        "process_pct": 100 * cpu / wall,
        "process_cpu_s": cpu,
        "process_wall_s": wall,
        "steady_pct": 100 * inner["cpu_s"] / inner["wall_s"],
        "steady_cpu_s": inner["cpu_s"],
        "steady_wall_s": inner["wall_s"],
    }


def measure_cpu(dbs: dict[str, Path], env: dict[str, str], cwd: Path) -> dict[str, Any]:
    print(f"\n1. CPU while running: {DURATION:g} s each, headless {SIZE[0]}x{SIZE[1]}", flush=True)
    ref = cpu_run("ref", dbs["demo"], env, cwd)
    runs = {name: cpu_run("ours", db, env, cwd) for name, db in dbs.items()}
    print(f"{'':<34}{'whole process':>15}{'steady state':>15}")
    for label, r in [*((f"meeting screen, {name}", r) for name, r in runs.items()), ("1 Hz clock app (ref)", ref)]:
        print(f"{label:<34}{r['process_pct']:>13.2f} %{r['steady_pct']:>13.2f} %")
    ratios = {name: r["process_pct"] / ref["process_pct"] for name, r in runs.items()}
    ours = runs["demo"]
    met = ours["process_pct"] <= TARGET_CPU_PCT and all(r <= TARGET_CPU_RATIO for r in ratios.values())
    for name, ratio in ratios.items():
        print(f"meeting screen CPU ({name}): {runs[name]['process_pct']:.2f} % of one core, {ratio:.2f}x the ref")
    print(
        f"target: ours \u2264 {TARGET_CPU_PCT:g} % of one core and \u2264 {TARGET_CPU_RATIO:g}x a bare 1 Hz clock "
        f"app on every database: {_verdict(met)}"
    )
    return {
        "ours": ours,
        "runs": runs,
        "ref": ref,
        "ratio": ratios["demo"],
        "ratios": ratios,
        "steady_ratio": ours["steady_pct"] / ref["steady_pct"],
        "target_pct": TARGET_CPU_PCT,
        "met": met,
        "duration_s": DURATION,
    }


# -- 2. launch to first paint -----------------------------------------------------------


def start_run(kind: str, db: Path, env: dict[str, str], cwd: Path) -> float:
    """Seconds from launching the child to its painted marker."""
    cmd = _child_cmd("start", kind, db)
    with tempfile.TemporaryFile(mode="w+") as err:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=err, text=True, env=env, cwd=cwd)
        elapsed = None
        assert proc.stdout is not None
        for line in proc.stdout:
            if line.strip() == MARKER:
                elapsed = time.perf_counter() - start
                break
        proc.stdout.read()
        try:
            rc = proc.wait(timeout=60)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
            rc = None
        if elapsed is None or rc != 0:
            err.seek(0)
            raise _fail(f"the {kind} app (start-up)", rc, err.read())
    return elapsed


def measure_start(db: Path, env: dict[str, str], cwd: Path) -> dict[str, Any]:
    print(
        f"\n2. Launch to first paint: {WARMUP_ROUNDS} warm-up + {MEASURED_ROUNDS} rounds, alternating, whole processes",
        flush=True,
    )
    ours_s: list[float] = []
    ref_s: list[float] = []
    for i in range(WARMUP_ROUNDS + MEASURED_ROUNDS):
        if i % 2 == 0:
            t_ours = start_run("ours", db, env, cwd)
            t_ref = start_run("ref", db, env, cwd)
        else:
            t_ref = start_run("ref", db, env, cwd)
            t_ours = start_run("ours", db, env, cwd)
        if i >= WARMUP_ROUNDS:
            ours_s.append(t_ours)
            ref_s.append(t_ref)
    ours_med, ref_med = statistics.median(ours_s) * 1000, statistics.median(ref_s) * 1000
    ours_max, ref_max = max(ours_s) * 1000, max(ref_s) * 1000
    ratio = ours_med / ref_med
    print(f"{'':<30}{'median':>10}{'max':>10}")
    print(f"{'meeting screen (ours)':<30}{ours_med:>7.0f} ms{ours_max:>7.0f} ms")
    print(f"{'bare Textual app (ref)':<30}{ref_med:>7.0f} ms{ref_max:>7.0f} ms")
    print(
        f"launch to first paint: {ratio:.2f}x "
        f"(ours {ours_med:.0f} ms, ref {ref_med:.0f} ms, median of {MEASURED_ROUNDS})"
    )
    print("context: the first paint's target is measured in a real terminal (run.py scale)")
    return {
        "ratio": ratio,
        "ours_median_ms": ours_med,
        "ours_max_ms": ours_max,
        "ref_median_ms": ref_med,
        "ref_max_ms": ref_max,
        "warmup_rounds": WARMUP_ROUNDS,
        "rounds": MEASURED_ROUNDS,
    }


# -- 3. displayed vs true elapsed ---------------------------------------------------------


def _clock_lag(value: str, true_segment: Any) -> float:
    """How late the digits changed to ``value``, by the true segment time (s).

    The screen shows ``mmss(remaining + 0.999)`` counting down, then
    ``+mmss(overrun)``: "MM:SS" becomes due when remaining < v + 0.001,
    "+MM:SS" when overrun reaches v.
    """
    overrun = value.startswith("+")
    minutes, seconds = value.lstrip("+").split(":")
    v = int(minutes) * 60 + int(seconds)
    if overrun:
        return true_segment.overrun_s - v
    return (v + 0.001) - true_segment.remaining_s


async def _drift_run(db: Path, meeting_id: int, started_at: datetime) -> dict[str, Any]:
    from briefing import meeting as meetings
    from briefing.db import connect
    from screens.app import make_app
    from screens.meeting import MeetingScreen
    from screens.widgets.bigclock import BigClock

    conn = connect(db)
    try:
        truth = meetings.load(conn, meeting_id)
    finally:
        conn.close()
    true_clock = truth.clock()

    app = make_app(db)
    lags: list[float] = []
    skipped: list[tuple[str, str]] = []
    generations: list[int] = []
    async with app.run_test(headless=True, size=SIZE) as pilot:
        deadline = time.perf_counter() + 30
        while not (isinstance(app.screen, MeetingScreen) and app.screen.clock is not None):
            if time.perf_counter() > deadline:
                raise SystemExit(
                    f"bench_meeting: the app did not open the meeting screen (it shows {type(app.screen).__name__})"
                )
            await asyncio.sleep(0.01)
        screen = app.screen
        clock = screen.query_one("#clock", BigClock)

        def digits_changed(old: str, new: str) -> None:
            now = meetings.utc_now()
            seg = true_clock.state(now).segment
            try:
                lag = _clock_lag(new, seg)
                step = _clock_lag(old, seg) - lag
            except ValueError:
                skipped.append((old, new))
                return
            # Only one-second steps of the count (not a redraw after a reload).
            if abs(abs(step) - 1) < 0.01 or (old.startswith("+") != new.startswith("+")):
                lags.append(lag)
            else:
                skipped.append((old, new))

        screen.watch(clock, "value", digits_changed, init=False)
        app.watch(app, "generation", lambda g: generations.append(g), init=False)
        await pilot.pause(DRIFT_SECONDS)

        conn = connect(db)
        try:
            stored = meetings.load(conn, meeting_id)  # the truth, as stored now
        finally:
            conn.close()
        # The same instant: the screen's state and the true one, from one
        # wall-clock reading on each side of it (a few microseconds apart).
        w0 = meetings.utc_now()
        shown_state = screen.state()
        shown_value = clock.value
        w1 = meetings.utc_now()
        at = w0 + (w1 - w0) / 2
        true_state = stored.state(at)
        on_screen = type(app.screen).__name__
    assert shown_state is not None
    return {
        "shown_elapsed_s": shown_state.elapsed_s,
        "true_elapsed_s": true_state.elapsed_s,
        "since_start_s": (at - started_at).total_seconds(),
        "sampling_window_s": (w1 - w0).total_seconds(),
        "shown_value": shown_value,
        "true_value_now": _clock_text(true_state.segment),
        "true_value_a_second_ago": _clock_text(stored.state(at - timedelta(seconds=1)).segment),
        "events_before": len(truth.events),
        "events_after": len(stored.events),
        "state": true_state.state,
        "segment_index": true_state.index,
        "lags": lags,
        "skipped_changes": skipped,
        "reloads": len(generations),
        "screen_at_end": on_screen,
    }


def _clock_text(seg: Any) -> str:
    from briefing.timeutil import mmss

    return f"+{mmss(seg.overrun_s)}" if seg.overrun_s > 0 else mmss(seg.countdown_s)


def measure_drift(tmp: Path) -> dict[str, Any]:
    from briefing import meeting as meetings

    print(
        f"\n3. Displayed vs true elapsed after {DRIFT_SECONDS:g} s, in-process, headless {SIZE[0]}x{SIZE[1]}",
        flush=True,
    )
    db = tmp / "drift.db"
    started_at = meetings.utc_now()
    meeting_id = build_meeting_db(db, now=started_at)
    r = asyncio.run(_drift_run(db, meeting_id, started_at))
    if r["screen_at_end"] != "MeetingScreen":
        raise SystemExit(f"bench_meeting: the app ended on {r['screen_at_end']}, not the meeting screen")
    diff = abs(r["shown_elapsed_s"] - r["true_elapsed_s"])
    met = diff <= TARGET_DRIFT_S
    lags = r["lags"]
    print(f"true elapsed {r['true_elapsed_s']:.3f} s (wall clock since the recorded start: {r['since_start_s']:.3f} s)")
    print(
        f"shown elapsed {r['shown_elapsed_s']:.3f} s; big clock shows {r['shown_value']!r} "
        f"(true {r['true_value_now']!r} now, {r['true_value_a_second_ago']!r} a second ago)"
    )
    if lags:
        print(
            f"big clock digit changes: {len(lags)}, late by median {statistics.median(lags) * 1000:.0f} ms, "
            f"min {min(lags) * 1000:.0f} ms, max {max(lags) * 1000:.0f} ms "
            "(the screen wakes just after each second boundary)"
        )
    if r["skipped_changes"]:
        print(f"other digit changes (redraws, not one-second steps): {r['skipped_changes'][:5]}")
    print(f"board reloads during the run: {r['reloads']}; stored events {r['events_before']} -> {r['events_after']}")
    print(f"|displayed - true| elapsed: {diff * 1000:.3f} ms (absolute figure: no natural reference)")
    print(f"target \u2264 {TARGET_DRIFT_S:g} s: {_verdict(met)}")
    return {
        "drift_s": diff,
        "target_s": TARGET_DRIFT_S,
        "met": met,
        "run_s": DRIFT_SECONDS,
        "clock_lag_median_s": statistics.median(lags) if lags else None,
        "clock_lag_min_s": min(lags) if lags else None,
        "clock_lag_max_s": max(lags) if lags else None,
        "clock_changes": len(lags),
        **{k: v for k, v in r.items() if k not in ("lags",)},
    }


# -- main -----------------------------------------------------------------------------


def main() -> dict[str, Any]:
    box = machine()
    print(f"machine: {box['platform']}, {box['cpu']}, {box['cpu_count']} CPUs")
    print(f"python {box['python']} ({sys.executable}), Textual {box['textual']}")
    env = _child_env()
    with tempfile.TemporaryDirectory(prefix="bench-meeting-") as tmp:
        tmp_path = Path(tmp)
        db = tmp_path / "briefing.db"
        build_meeting_db(db)
        years = tmp_path / "history.db"
        build_history_meeting_db(years)
        cpu = measure_cpu({"demo": db, "10 years": years}, env, tmp_path)
        start = measure_start(db, env, tmp_path)
        drift = measure_drift(tmp_path)

    met = cpu["met"] and drift["met"]
    print(
        f"\nsummary: CPU {cpu['ours']['process_pct']:.2f} % ({_verdict(cpu['met'])}), "
        f"drift {drift['drift_s'] * 1000:.3f} ms ({_verdict(drift['met'])}); "
        f"first paint, headless {start['ratio']:.2f}x (context)"
    )
    return {
        "name": "meeting screen: CPU against a bare 1 Hz clock app",
        "ratio": max(cpu["ratios"].values()),
        "met": met,
        "all_met": met,
        "cpu": cpu,
        "start": start,
        "drift": drift,
        "machine": box,
    }


if __name__ == "__main__":
    main()
