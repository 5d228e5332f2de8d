"""Ten years of a fifty-person team against the demo, as a user sees it.

Everything runs through ``briefing``, the entry point a user types, in a
real pseudo-terminal of 200x60, and is timed until the terminal has been
sent the frame that *contains* the content (not an internal marker, which
can fire on a header-only write while the content arrives two writes
later):

1. **Launch to first paint**, home and the meeting, demo and 10 years; and
   a bare Textual app (Header, Static, Digits, Footer) as the reference.
   Target: the meeting on the demo within 1.25x the bare app; every screen
   on 10 years within 1.3x the same on the demo.
2. **Keys**: ``i`` until the inbox's rows are on the terminal, a letter
   typed in its search until the results replace the rows, ``n`` during a
   meeting until the next segment's title. Target: 10 years within 1.3x
   the demo.
3. **Peak memory** of the app process (``ru_maxrss`` from ``wait4``) after
   each of those. Target: 10 years within 1.5x the demo.
4. **Whole commands**: ``rotation next``, ``meeting status``, ``verbatim
   list --search``. Target: 10 years within 1.3x the demo.

Medians of :data:`ROUNDS` rounds after one warm-up, alternating the two
databases. ``python tests/benchmarks/run.py scale`` (about a minute and a
half). Fifteen rounds: with seven, the first-paint ratio moved by up to
0.13 from one run to the next on a quiet 2-core machine (1.13x-1.26x).
"""

from __future__ import annotations

import fcntl
import os
import pty
import re
import select
import shutil
import signal
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import time
from pathlib import Path
from typing import Any

from machine import machine  # tests/benchmarks/machine.py, on sys.path via run.py

REPO = Path(__file__).resolve().parents[2]
ROWS, COLS = 60, 200
ROUNDS = int(os.environ.get("BENCH_SCALE_ROUNDS", "15"))
BRIEFING = str(Path(sys.executable).with_name("briefing"))

BARE = """
from textual.app import App
from textual.widgets import Digits, Footer, Header, Static

class Bare(App):
    def compose(self):
        yield Header()
        yield Static("bare app ready")
        yield Digits("12:34")
        yield Footer()

Bare().run()
"""


class Terminal:
    """A child in a pseudo-terminal; every byte it writes, with the time it came."""

    def __init__(self, argv: list[str]) -> None:
        self.started = time.perf_counter()
        self.pid, self.fd = pty.fork()
        if self.pid == 0:  # the child becomes the program
            os.environ.update({"TERM": "xterm-256color", "COLUMNS": str(COLS), "LINES": str(ROWS)})
            os.execv(argv[0], argv)
        fcntl.ioctl(self.fd, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLS, 0, 0))
        self.output = bytearray()

    def until(self, pattern: bytes | re.Pattern[bytes], *, after: int = 0, timeout: float = 30.0) -> float:
        """Seconds since launch when ``pattern`` was first in the bytes after ``after``."""
        deadline = time.perf_counter() + timeout
        found = (
            (lambda: pattern.search(self.output, after))
            if isinstance(pattern, re.Pattern)
            else (lambda: self.output.find(pattern, after) >= 0)
        )
        while not found():
            left = deadline - time.perf_counter()
            if left <= 0:
                raise TimeoutError(f"{pattern!r} never came; last bytes: {bytes(self.output[-300:])!r}")
            ready, _, _ = select.select([self.fd], [], [], left)
            if ready:
                try:
                    chunk = os.read(self.fd, 1 << 16)
                except OSError:
                    chunk = b""
                if not chunk:
                    raise TimeoutError(f"the program ended before {pattern!r}")
                self.output += chunk
        return time.perf_counter() - self.started

    def type(self, keys: bytes) -> float:
        os.write(self.fd, keys)
        return time.perf_counter() - self.started

    def quit(self) -> int:
        """Ends the program; its peak memory in MB."""
        os.kill(self.pid, signal.SIGTERM)
        deadline = time.perf_counter() + 10
        while True:
            pid, _status, usage = os.wait4(self.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() > deadline:
                os.kill(self.pid, signal.SIGKILL)
            try:
                while select.select([self.fd], [], [], 0.05)[0] and os.read(self.fd, 1 << 16):
                    pass
            except OSError:
                pass
        os.close(self.fd)
        return usage.ru_maxrss // 1024


#: The frame that holds the content, screen by screen (bytes as the terminal gets them).
HOME = b"today's briefing"  # the day line, written once home has read the database
MEETING = b"Verbatim 1 of"  # the card under the clock: the meeting, board and pane drawn
NEXT = b"2/4"
INBOX_ROWS = re.compile(rb"Inbox \xc2\xb7 \d+\+? verbatims")
BARE_READY = b"bare app ready"


def scenario_home(db: Path) -> dict[str, float]:
    term = Terminal([BRIEFING, "--db", str(db)])
    paint = term.until(HOME)
    mark = len(term.output)
    pressed = term.type(b"i")
    rows = term.until(INBOX_ROWS, after=mark) - pressed
    time.sleep(0.3)  # let the first rows settle before typing
    mark = len(term.output)
    term.type(b"/")
    time.sleep(0.2)
    mark = len(term.output)
    pressed = term.type(b"xz")  # letters that match nothing: the rows are replaced by the empty notice
    searched = term.until(b"Nothing matches", after=mark) - pressed
    return {"home paint": paint, "inbox open": rows, "search key": searched, "memory": term.quit()}


def scenario_meeting(db: Path) -> dict[str, float]:
    term = Terminal([BRIEFING, "--db", str(db)])
    paint = term.until(MEETING)
    time.sleep(0.2)
    mark = len(term.output)
    pressed = term.type(b"n")
    moved = term.until(NEXT, after=mark) - pressed
    return {"meeting paint": paint, "n in a meeting": moved, "meeting memory": term.quit()}


def scenario_bare() -> float:
    script = Path(tempfile.mkdtemp()) / "bare.py"
    script.write_text(BARE)
    term = Terminal([sys.executable, str(script)])
    paint = term.until(BARE_READY)
    term.quit()
    return paint


COMMANDS = {
    "rotation next": ["rotation", "next"],
    "meeting status": ["meeting", "status"],
    "verbatim list --search": ["verbatim", "list", "--search", "livraison", "--limit", "20"],
}


def command_time(db: Path, args: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run([BRIEFING, "--db", str(db), *args], capture_output=True, check=True)
    return time.perf_counter() - started


def build(folder: Path) -> dict[str, Path]:
    from history import build as build_history

    from briefing import demo, meeting
    from briefing.db import opened

    paths = {"demo": folder / "demo.db", "10 years": folder / "history.db"}
    demo.build(paths["demo"])
    started = time.perf_counter()
    counts = build_history(paths["10 years"])
    print(
        f"10-year database: {counts}, {paths['10 years'].stat().st_size / 1e6:.0f} MB, "
        f"built in {time.perf_counter() - started:.1f} s"
    )
    for name in list(paths):
        running = folder / f"{paths[name].stem}-meeting.db"
        shutil.copy(paths[name], running)
        with opened(running) as conn:
            meeting.start(conn, again=True)
        paths[f"{name} meeting"] = running
    return paths


def main() -> dict[str, Any]:
    box = machine()
    print(f"machine: {box['platform']}, {box['cpu']}, {box['cpu_count']} CPUs, python {box['python']}")
    os.environ["BRIEFING_BACKUPS"] = "0,0"  # copies of 60 MB would be timed, not the screens
    folder = Path(tempfile.mkdtemp(prefix="bench-scale-"))
    paths = build(folder)
    figures: dict[str, dict[str, list[float]]] = {"demo": {}, "10 years": {}, "bare": {"paint": []}}
    scenario_home(paths["demo"])  # warm-up: caches, bytecode
    for round_ in range(ROUNDS):
        order = ("demo", "10 years") if round_ % 2 == 0 else ("10 years", "demo")
        for name in order:
            # A copy per round: what a round writes (a search, a "next") never carries over.
            home = folder / f"round-{name}.db"
            shutil.copy(paths[name], home)
            running = folder / f"round-{name}-meeting.db"
            shutil.copy(paths[f"{name} meeting"], running)
            for key, value in (scenario_home(home) | scenario_meeting(running)).items():
                figures[name].setdefault(key, []).append(value)
            for label, args in COMMANDS.items():
                figures[name].setdefault(label, []).append(command_time(running, args))
        figures["bare"]["paint"].append(scenario_bare())

    med = {name: {k: statistics.median(v) for k, v in got.items()} for name, got in figures.items()}
    bare = med["bare"]["paint"]
    heading = f"figure (median of {ROUNDS})"
    print(f"\n{heading:<28}{'demo':>12}{'10 years':>12}{'ratio':>8}  target")
    verdicts = {}
    for key in med["demo"]:
        small, big = med["demo"][key], med["10 years"][key]
        memory = "memory" in key
        target = 1.5 if memory else 1.3
        ratio = big / small
        verdicts[key] = ratio <= target
        unit = (lambda v: f"{v:.0f} MB") if memory else (lambda v: f"{1000 * v:.0f} ms")
        print(
            f"{key:<28}{unit(small):>12}{unit(big):>12}{ratio:>7.2f}x  <= {target}: "
            f"{'met' if ratio <= target else 'NOT MET'}"
        )
    first = med["demo"]["meeting paint"] / bare
    print(
        f"\nmeeting first paint (demo) vs a bare Textual app: {first:.2f}x "
        f"({1000 * med['demo']['meeting paint']:.0f} vs {1000 * bare:.0f} ms); target <= 1.25: "
        f"{'met' if first <= 1.25 else 'NOT MET'}"
    )
    shutil.rmtree(folder, ignore_errors=True)
    met = all(verdicts.values()) and first <= 1.25
    return {
        "name": "10 years vs demo",
        "ratio": max(med["10 years"][k] / med["demo"][k] for k in med["demo"]),
        "met": met,
        "first_paint_vs_bare": first,
        "medians": med,
    }
