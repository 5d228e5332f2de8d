"""The History screen and ``briefing history`` on ten years against the demo.

1. **History first paint vs home first paint**, through ``briefing`` in a
   real 200x60 pseudo-terminal (bench_scale's ``Terminal``): launch until
   home's day line, then ``h`` until the frame holding the newest held
   briefing's row (its date as the screen writes it, a cell of the table,
   not a heading). Target: opening History costs no more than launching to
   home (<= 1.0), and ten years cost what one year costs (<= 1.3x): the
   screen shows a page, whatever the length of the history. (Against the
   demo, which has held 15 briefings, ten years show a full page of 50
   rows: the ratio to the demo is given as context, it is the page's.)
2. **``briefing history --from 2000-01-01 --json``** (every briefing held)
   against the ``sqlite3`` shell returning the same rows: the briefings,
   their events and the verbatims shown per briefing. Target: <= 3x on ten
   years (a Python process that folds every briefing's clock against a C
   one that only reads rows).

Medians of :data:`ROUNDS` rounds after a warm-up, alternating databases.
``python tests/benchmarks/run.py history`` (about a minute).
"""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
import statistics
import tempfile
import time
from datetime import date
from pathlib import Path
from typing import Any

from bench_scale import BRIEFING, HOME, Terminal  # tests/benchmarks/, on sys.path via run.py
from bench_trends import timed
from machine import machine

ROUNDS = int(os.environ.get("BENCH_HISTORY_ROUNDS", "7"))

BARE = """
SELECT m.id, m.day, m.agenda, p.name, w.title, o.name FROM meetings m
  LEFT JOIN collaborators p ON p.id = m.presenter_id LEFT JOIN wins w ON w.id = m.win_id
  LEFT JOIN collaborators o ON o.id = w.owner_id
  WHERE m.outcome = 'finished' AND m.day >= '2000-01-01' ORDER BY m.day DESC, m.id DESC;
SELECT meeting_id, type, arg, at FROM meeting_events
  WHERE meeting_id IN (SELECT id FROM meetings WHERE outcome = 'finished') ORDER BY meeting_id, seq;
SELECT meeting_id, count(*) FROM meeting_verbatims GROUP BY meeting_id;
"""


def newest_row(db: Path) -> re.Pattern[bytes]:
    """The first row's date cell, as the History screen writes it."""
    conn = sqlite3.connect(db)
    try:
        (day,) = conn.execute("SELECT max(day) FROM meetings WHERE outcome = 'finished'").fetchone()
    finally:
        conn.close()
    shown = date.fromisoformat(day)
    label = f"{shown:%a %d %b}" if shown.year == date.today().year else f"{shown:%a %d %b %Y}"
    return re.compile(re.escape(label.encode()))


def history(db: Path, row: re.Pattern[bytes]) -> dict[str, float]:
    term = Terminal([BRIEFING, "--db", str(db)])
    home = term.until(HOME)
    time.sleep(0.3)  # home settled: its first read done
    mark = len(term.output)
    pressed = term.type(b"h")
    opened = term.until(row, after=mark) - pressed
    return {"home paint": home, "history open": opened, "memory": term.quit()}


def main() -> dict[str, Any]:
    from bench_scale import build
    from history import build as build_years  # tests/benchmarks/history.py

    box = machine()
    print(f"machine: {box['platform']}, {box['cpu']}, {box['cpu_count']} CPUs, python {box['python']}")
    os.environ["BRIEFING_BACKUPS"] = "0,0"
    folder = Path(tempfile.mkdtemp(prefix="bench-history-"))
    built = build(folder)
    year = folder / "one-year.db"
    build_years(year, years=1)
    paths = {"demo": built["demo"], "1 year": year, "10 years": built["10 years"]}
    rows = {name: newest_row(path) for name, path in paths.items()}
    sqlite = shutil.which("sqlite3")
    figures: dict[str, dict[str, list[float]]] = {name: {} for name in paths}
    history(paths["demo"], rows["demo"])  # warm-up
    for round_ in range(ROUNDS):
        for name in list(paths) if round_ % 2 == 0 else reversed(list(paths)):
            got = figures[name]
            for key, value in history(paths[name], rows[name]).items():
                got.setdefault(key, []).append(value)
            db = str(paths[name])
            got.setdefault("history --json (all)", []).append(
                timed([BRIEFING, "--db", db, "history", "--from", "2000-01-01", "--json"])
            )
            if sqlite:
                got.setdefault("sqlite3, same rows", []).append(timed([sqlite, "-json", db], BARE))
    med = {name: {k: statistics.median(v) for k, v in got.items()} for name, got in figures.items()}
    print(f"\n{'figure (median of ' + str(ROUNDS) + ')':<30}" + "".join(f"{name:>12}" for name in med))
    for key in med["demo"]:
        unit = (lambda v: f"{v:.0f} MB") if key == "memory" else (lambda v: f"{1000 * v:.0f} ms")
        print(f"{key:<30}" + "".join(f"{unit(got[key]):>12}" for got in med.values()))
    result: dict[str, Any] = {"name": "history", "medians": med}
    for name in med:
        ratio = med[name]["history open"] / med[name]["home paint"]
        result[f"history/home {name}"] = ratio
        print(f"History open vs home first paint, {name}: {ratio:.2f}x (target <= 1.0)")
        if sqlite:
            cli = med[name]["history --json (all)"] / med[name]["sqlite3, same rows"]
            result[f"history/sqlite3 {name}"] = cli
            print(f"history --json (all) vs sqlite3, {name}: {cli:.2f}x (target <= 3 on 10 years)")
    grown = med["10 years"]["history open"] / med["1 year"]["history open"]
    result["history open 10 years/1 year"] = grown
    print(f"10 years vs 1 year: History open {grown:.2f}x (target <= 1.3: {'met' if grown <= 1.3 else 'NOT MET'})")
    memory = med["10 years"]["memory"] / med["1 year"]["memory"]
    print(f"10 years vs 1 year: memory {memory:.2f}x (target <= 1.5: {'met' if memory <= 1.5 else 'NOT MET'})")
    page = med["10 years"]["history open"] / med["demo"]["history open"]
    print(f"10 years vs demo: History open {page:.2f}x (context: a page of 50 rows against the demo's 15)")
    shutil.rmtree(folder, ignore_errors=True)
    return result
