"""``briefing verbatim add`` against ``sqlite-utils insert``, as whole processes.

A collaborator adds a verbatim from the shell, so what they feel is the
whole process: interpreter start-up, imports, opening the database, one
insert, exit. The reference is the closest everyday equivalent, inserting
the same row with the ``sqlite-utils`` command into a database holding the
same number of rows, run in the same way and the same environment.

Both databases are built in a temporary folder: ours through the core API
(so it has our schema, FTS5 index and triggers), the reference as a plain
``verbatims`` table made with ``sqlite_utils.Database``, both in WAL mode.
Each round runs one process of each, alternating which goes first.

Run it with ``python tests/benchmarks/run.py add`` from the repository root.
"""

from __future__ import annotations

import json
import os
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from machine import machine as _machine  # tests/benchmarks/machine.py, on sys.path via run.py

#: Rows in each database before the first measured process.
N_ROWS = 5000
#: Rounds run and thrown away first (page cache, .pyc files, WAL warm-up).
WARMUP_ROUNDS = 5
#: Rounds measured; one process of each per round.
MEASURED_ROUNDS = 30
#: ours / reference, median against median; at or below this is met.
TARGET_RATIO = 1.0

TITLE = "verbatim add vs sqlite-utils insert"
COLLABORATOR = "Inès Moreau"
COLUMNS = ("text", "client", "company", "channel", "sentiment", "date", "status", "created_at")

#: The row each measured process adds (``status`` and ``created_at`` are
#: what ``briefing verbatim add`` sets itself; ``date`` defaults to today).
ADDED = {
    "text": "Livraison en 24 h, bravo : on recommande à nos filiales.",
    "client": "Marc Petit",
    "company": "Altis",
    "channel": "call",
    "sentiment": "positive",
}

_CLIENTS = ["Marc Petit", "Sofia Rossi", "Jan Kowalski", "Aiko Tanaka", "Léa Martin", "Omar Haddad"]
_COMPANIES = ["Altis", "Borealis", "Cimetal", "Dunes SA", None]
_CHANNELS = ["call", "email", "visit", "survey", "chat", "social", "other"]
_SENTIMENTS = ["positive", "neutral", "negative"]
_PHRASES = [
    "Super réactifs, merci pour le suivi",
    "The delivery was two days late again",
    "Le nouveau portail est bien plus clair",
    "Pricing is fine but the invoices are confusing",
    "Votre technicien a réglé le problème en une heure",
    "We would like a quarterly review with your team",
]


def _scripts() -> tuple[Path, Path]:
    """The console scripts installed next to the interpreter running us."""
    bindir = Path(sys.executable).parent
    found = []
    for name in ("briefing", "sqlite-utils"):
        candidates = [bindir / name, bindir / f"{name}.exe"]
        script = next((c for c in candidates if c.exists()), None)
        if script is None:
            raise SystemExit(f"bench_add: {bindir / name} not found; install the project into this venv first")
        found.append(script)
    return found[0], found[1]


def _seed_fields(i: int, today: date) -> dict[str, Any]:
    return {
        "text": f"{_PHRASES[i % len(_PHRASES)]} (note {i})",
        "client": _CLIENTS[i % len(_CLIENTS)],
        "company": _COMPANIES[i % len(_COMPANIES)],
        "collected_by": COLLABORATOR,
        "channel": _CHANNELS[i % len(_CHANNELS)],
        "sentiment": _SENTIMENTS[i % len(_SENTIMENTS)],
        "date": (today - timedelta(days=i % 365)).isoformat(),
    }


def build_ours(path: Path, n_rows: int) -> list[dict[str, Any]]:
    """Our database with ``n_rows`` verbatims, each added by the core API.

    Returns the rows as stored, to copy into the reference.
    """
    from briefing import team, verbatims
    from briefing.db import connect

    today = date.today()
    conn = connect(path)
    try:
        team.add(conn, COLLABORATOR)
        for i in range(n_rows):
            verbatims.add(conn, _seed_fields(i, today))
        # The FTS5 index is kept by triggers; make sure it matches the table.
        conn.execute("INSERT INTO verbatims_fts (verbatims_fts) VALUES ('integrity-check')")
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        rows = [dict(r) for r in conn.execute(f"SELECT {', '.join(COLUMNS)} FROM verbatims ORDER BY id")]
    finally:
        conn.close()
    return rows


def build_reference(path: Path, rows: list[dict[str, Any]]) -> None:
    """A plain sqlite-utils database: one ``verbatims`` table, same rows, WAL."""
    from sqlite_utils import Database

    db = Database(path)
    try:
        db["verbatims"].insert_all(rows, batch_size=1000)
        db.enable_wal()
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        db.close()


def _count(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT count(*) FROM verbatims").fetchone()[0]
    finally:
        conn.close()


def _timed(cmd: list[str], env: dict[str, str], cwd: Path) -> float:
    start = time.perf_counter()
    try:
        subprocess.run(cmd, check=True, capture_output=True, env=env, cwd=cwd)
    except subprocess.CalledProcessError as exc:
        err = exc.stderr.decode("utf-8", "replace").strip()
        raise SystemExit(f"bench_add: {Path(cmd[0]).name} exited {exc.returncode}: {err}") from None
    return time.perf_counter() - start


def _p90(values: list[float]) -> float:
    return statistics.quantiles(values, n=10, method="inclusive")[-1]


def machine() -> dict[str, Any]:
    return _machine()


def main() -> dict[str, Any]:
    from briefing.timeutil import utc_now_iso

    briefing_cmd, sqlite_utils_cmd = _scripts()
    box = machine()
    print(f"machine: {box['platform']}, {box['cpu']}, {box['cpu_count']} CPUs")
    print(f"python {box['python']} ({sys.executable}), SQLite {box['sqlite']}")

    with tempfile.TemporaryDirectory(prefix="bench-add-") as tmp:
        tmp_path = Path(tmp)
        ours_db = tmp_path / "briefing.db"
        ref_db = tmp_path / "reference.db"

        start = time.perf_counter()
        rows = build_ours(ours_db, N_ROWS)
        build_reference(ref_db, rows)
        print(f"setup: {N_ROWS} verbatims in each database ({time.perf_counter() - start:.1f} s)")

        row_json = tmp_path / "row.json"
        row = {**ADDED, "date": date.today().isoformat(), "status": "new", "created_at": utc_now_iso()}
        row_json.write_text(json.dumps(row, ensure_ascii=False), encoding="utf-8")

        ours = [
            str(briefing_cmd), "--db", str(ours_db), "verbatim", "add", ADDED["text"],
            "--client", ADDED["client"], "--company", ADDED["company"],
            "--channel", ADDED["channel"], "--sentiment", ADDED["sentiment"],
        ]  # fmt: skip
        ref = [str(sqlite_utils_cmd), "insert", str(ref_db), "verbatims", str(row_json)]
        env = dict(os.environ)  # the very same environment for both

        ours_s: list[float] = []
        ref_s: list[float] = []
        for i in range(WARMUP_ROUNDS + MEASURED_ROUNDS):
            if i % 2 == 0:
                t_ours = _timed(ours, env, tmp_path)
                t_ref = _timed(ref, env, tmp_path)
            else:
                t_ref = _timed(ref, env, tmp_path)
                t_ours = _timed(ours, env, tmp_path)
            if i >= WARMUP_ROUNDS:
                ours_s.append(t_ours)
                ref_s.append(t_ref)

        expected = N_ROWS + WARMUP_ROUNDS + MEASURED_ROUNDS
        counts = (_count(ours_db), _count(ref_db))
        if counts != (expected, expected):
            raise SystemExit(f"bench_add: expected {expected} rows in each database, found {counts}")

    ours_med, ref_med = statistics.median(ours_s) * 1000, statistics.median(ref_s) * 1000
    ours_p90, ref_p90 = _p90(ours_s) * 1000, _p90(ref_s) * 1000
    ratio = ours_med / ref_med
    met = ratio <= TARGET_RATIO
    print(f"{'':<24}{'median':>10}{'p90':>10}")
    print(f"{'briefing verbatim add':<24}{ours_med:>7.1f} ms{ours_p90:>7.1f} ms")
    print(f"{'sqlite-utils insert':<24}{ref_med:>7.1f} ms{ref_p90:>7.1f} ms")
    print(f"{TITLE}: {ratio:.2f}x (ours {ours_med:.1f} ms, ref {ref_med:.1f} ms, median of {MEASURED_ROUNDS})")
    print(f"target \u2264 {TARGET_RATIO}: {'met' if met else 'not met'}")
    return {
        "name": TITLE,
        "ratio": ratio,
        "target": TARGET_RATIO,
        "met": met,
        "ours_median_ms": ours_med,
        "ours_p90_ms": ours_p90,
        "ref_median_ms": ref_med,
        "ref_p90_ms": ref_p90,
        "rows": N_ROWS,
        "warmup_rounds": WARMUP_ROUNDS,
        "rounds": MEASURED_ROUNDS,
        "machine": box,
    }


if __name__ == "__main__":
    main()
