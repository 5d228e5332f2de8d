"""Exporting one year of a ten-year history, against a bare query of it.

The export must cost the year, not the ten years: each kind is read down
its day index. Two figures, each against a reference in the same run:

* whole commands: ``briefing export --format json`` of the year (a
  process: start-up, reading, folding each briefing's summary, writing)
  against the ``sqlite3`` command-line tool printing the same rows as JSON
  (``-json``: verbatims with their collector, wins with their owner, the
  metric values, the held briefings with their events and attendance);
* in-process: :func:`briefing.exporting.read` and the JSON document, against
  Python's ``sqlite3`` fetching those same rows (nothing folded, nothing
  encoded): what an export costs beyond getting the rows off the disk.

Also the last month against the last year: a range should cost its size.
"""

from __future__ import annotations

import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from machine import machine  # tests/benchmarks/machine.py, on sys.path via run.py

ROUNDS = 5
BRIEFING = str(Path(sys.executable).with_name("briefing"))

ROWS = [
    """SELECT v.*, c.name AS collected_by_name FROM verbatims v LEFT JOIN collaborators c ON c.id = v.collected_by
       WHERE v.date BETWEEN '{start}' AND '{end}' ORDER BY v.date, v.id""",
    """SELECT w.*, o.name AS owner_name, p.name AS presenter_name FROM wins w JOIN collaborators o ON o.id = w.owner_id
       LEFT JOIN collaborators p ON p.id = w.presented_by WHERE w.date BETWEEN '{start}' AND '{end}'
       ORDER BY w.date, w.id""",
    "SELECT * FROM metrics WHERE date BETWEEN '{start}' AND '{end}' ORDER BY date, name",
    """SELECT m.*, e.* FROM meetings m JOIN meeting_events e ON e.meeting_id = m.id
       WHERE m.outcome = 'finished' AND m.day BETWEEN '{start}' AND '{end}' ORDER BY m.day, m.id, e.seq""",
    """SELECT a.* FROM meetings m JOIN meeting_attendance a ON a.meeting_id = m.id
       WHERE m.outcome = 'finished' AND m.day BETWEEN '{start}' AND '{end}'""",
]


def _median_ms(fn, rounds: int = ROUNDS) -> float:
    times = []
    for _ in range(rounds):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times)


def main() -> dict[str, Any]:
    from history import build  # tests/benchmarks/history.py

    from briefing import exporting
    from briefing.cli.export_formats import json_document
    from briefing.db import opened

    box = machine()
    print(f"machine: {box['platform']}, {box['cpu']}, {box['cpu_count']} CPUs, python {box['python']}")
    folder = Path(tempfile.mkdtemp(prefix="bench-export-"))
    try:
        db = folder / "history.db"
        today = date.today()
        started = time.perf_counter()
        build(db, today=today)
        print(f"10-year database built in {time.perf_counter() - started:.1f} s, {db.stat().st_size / 1e6:.0f} MB")
        year = (today - timedelta(days=365), today)
        month = (today - timedelta(days=30), today)
        sql = ";\n".join(q.format(start=year[0], end=year[1]) for q in ROWS) + ";"

        def ours_cmd() -> None:
            args = ["--db", str(db), "export", "--format", "json", "--from", str(year[0]), "--to", str(year[1])]
            subprocess.run([BRIEFING, *args], capture_output=True, check=True)

        def sqlite_cmd() -> None:
            subprocess.run(["sqlite3", "-json", str(db), sql], capture_output=True, check=True)

        ours_cmd(), sqlite_cmd()  # warm the page cache for both
        figures: dict[str, Any] = {}
        a, b = [], []
        for _ in range(ROUNDS):  # alternating, so drift hits both alike
            a.append(_median_ms(ours_cmd, 1))
            b.append(_median_ms(sqlite_cmd, 1))
        figures["command"] = (statistics.median(a), statistics.median(b))

        with opened(db) as conn:
            counts = exporting.read(conn, *year)
            print(
                f"one year: {len(counts.verbatims)} verbatims, {len(counts.wins)} wins, "
                f"{len(counts.metrics)} metric values, {len(counts.briefings)} briefings"
            )

            def ours() -> None:
                json_document(exporting.read(conn, *year), exporting.KINDS)

            def bare() -> None:
                for q in ROWS:
                    conn.execute(q.format(start=year[0], end=year[1])).fetchall()

            def ours_month() -> None:
                json_document(exporting.read(conn, *month), exporting.KINDS)

            figures["in-process"] = (_median_ms(ours), _median_ms(bare))
            figures["month vs year"] = (_median_ms(ours_month), figures["in-process"][0])
        for name, (mine, ref) in figures.items():
            print(f"{name:12} ours {mine:8.1f} ms   reference {ref:8.1f} ms   ratio {mine / ref:5.2f}x")
        return {k: {"ours_ms": round(v[0], 1), "reference_ms": round(v[1], 1)} for k, v in figures.items()}
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).parent))
    main()
