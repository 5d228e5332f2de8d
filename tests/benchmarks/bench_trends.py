"""The Trends screen and ``briefing stats`` on ten years against the demo.

1. **Trends first paint vs home first paint**, through ``briefing`` in a
   real 200x60 pseudo-terminal (bench_scale's ``Terminal``): launch until
   home's day line, then ``y`` until the frame holding the headline (drawn
   with the charts, in one handler). Target: opening Trends costs no more
   than launching to home (ratio <= 1.0), on the demo and on 10 years.
2. **``briefing stats --weeks 520 --json``** against the ``sqlite3`` shell
   running the same four queries (``briefing.stats``' own SQL, rows out as
   JSON): the price of the process, the fold and the JSON over the rows.
   Target: <= 3x on 10 years (a whole Python process against a C one).

Medians of :data:`ROUNDS` rounds after a warm-up, alternating databases.
``python tests/benchmarks/run.py trends`` (about a minute).
"""

from __future__ import annotations

import os
import re
import shutil
import statistics
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Any

from bench_scale import BRIEFING, HOME, Terminal  # tests/benchmarks/, on sys.path via run.py
from machine import machine

ROUNDS = int(os.environ.get("BENCH_TRENDS_ROUNDS", "7"))
HEADLINE = re.compile(rb"Client share \d+%|No briefing was finished")


def trends(db: Path) -> dict[str, float]:
    term = Terminal([BRIEFING, "--db", str(db)])
    home = term.until(HOME)
    time.sleep(0.3)  # home settled: its first read done
    mark = len(term.output)
    pressed = term.type(b"y")
    opened = term.until(HEADLINE, after=mark) - pressed
    return {"home paint": home, "trends open": opened, "memory": term.quit()}


def bare_queries(db: Path) -> list[str]:
    """What ``briefing.stats.load`` asks SQLite for ten years, as plain SQL."""
    from datetime import date

    from briefing.stats import MAX_WEEKS, week_starts

    today = date.today()
    start, end = week_starts(today, MAX_WEEKS)[0].isoformat(), today.isoformat()
    held = f"SELECT id FROM meetings WHERE day BETWEEN '{start}' AND '{end}' AND +outcome = 'finished'"
    return [
        f"SELECT id, day, agenda, presenter_id, win_id FROM meetings WHERE day BETWEEN '{start}' AND '{end}' "
        "AND +outcome = 'finished' ORDER BY day, id;",
        f"SELECT meeting_id, type, arg, at FROM meeting_events WHERE meeting_id IN ({held}) ORDER BY meeting_id, seq;",
        "SELECT id, name, role, active FROM collaborators;",
        f"SELECT date, sentiment, count(*) FROM verbatims WHERE date BETWEEN '{start}' AND '{end}' "
        "GROUP BY date, sentiment;",
        f"SELECT owner_id, count(*) FROM wins WHERE date BETWEEN '{start}' AND '{end}' GROUP BY owner_id;",
    ]


def timed(argv: list[str], stdin: str | None = None) -> float:
    started = time.perf_counter()
    subprocess.run(argv, input=stdin, capture_output=True, text=True, check=True)
    return time.perf_counter() - started


def main() -> dict[str, Any]:
    from bench_scale import build

    box = machine()
    print(f"machine: {box['platform']}, {box['cpu']}, {box['cpu_count']} CPUs, python {box['python']}")
    os.environ["BRIEFING_BACKUPS"] = "0,0"
    folder = Path(tempfile.mkdtemp(prefix="bench-trends-"))
    paths = build(folder)
    sqlite = shutil.which("sqlite3")
    figures: dict[str, dict[str, list[float]]] = {"demo": {}, "10 years": {}}
    trends(paths["demo"])  # warm-up
    for round_ in range(ROUNDS):
        for name in ("demo", "10 years") if round_ % 2 == 0 else ("10 years", "demo"):
            got = figures[name]
            for key, value in trends(paths[name]).items():
                got.setdefault(key, []).append(value)
            db = str(paths[name])
            got.setdefault("stats --weeks 520 --json", []).append(
                timed([BRIEFING, "--db", db, "stats", "--weeks", "520", "--json"])
            )
            if sqlite:
                got.setdefault("sqlite3, same rows", []).append(
                    timed([sqlite, "-json", db], "\n".join(bare_queries(paths[name])))
                )
    med = {name: {k: statistics.median(v) for k, v in got.items()} for name, got in figures.items()}
    print(f"\n{'figure (median of ' + str(ROUNDS) + ')':<30}{'demo':>12}{'10 years':>12}")
    for key in med["demo"]:
        unit = (lambda v: f"{v:.0f} MB") if key == "memory" else (lambda v: f"{1000 * v:.0f} ms")
        print(f"{key:<30}{unit(med['demo'][key]):>12}{unit(med['10 years'][key]):>12}")
    result: dict[str, Any] = {"name": "trends", "medians": med}
    for name in med:
        ratio = med[name]["trends open"] / med[name]["home paint"]
        result[f"trends/home {name}"] = ratio
        print(f"Trends open vs home first paint, {name}: {ratio:.2f}x (target <= 1.0)")
        if sqlite:
            cli = med[name]["stats --weeks 520 --json"] / med[name]["sqlite3, same rows"]
            result[f"stats/sqlite3 {name}"] = cli
            print(f"stats --weeks 520 --json vs sqlite3, {name}: {cli:.2f}x (target <= 3 on 10 years)")
    print(
        "10 years vs demo: Trends open "
        f"{med['10 years']['trends open'] / med['demo']['trends open']:.2f}x, stats "
        f"{med['10 years']['stats --weeks 520 --json'] / med['demo']['stats --weeks 520 --json']:.2f}x"
    )
    shutil.rmtree(folder, ignore_errors=True)
    return result
