"""The long scenarios: hundreds of writers killed mid-write, a real full disk.

Run with ``.venv/bin/python -m pytest -m slow`` (``.ci/run`` does, after
the README's test command). Each figure they print is recorded in
docs/RELIABILITY.md.
"""

from __future__ import annotations

import random
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

from tests.conftest import invoke

pytestmark = pytest.mark.slow

#: A collaborator adding verbatims as fast as they can; prints each id once
#: the command has returned (acknowledged), then the next.
WRITER = """
import sys
from briefing.cli import main
path, who = sys.argv[1], sys.argv[2]
n = 0
while True:
    n += 1
    try:
        # --new-client: "w15" and "w154" are near names, and each writer is its own client.
        main(["--db", path, "verbatim", "add", f"{who} quote {n}", "--client", who, "--new-client"])
    except SystemExit as exit:
        if exit.code != 0:
            print(f"refused {exit.code}", flush=True)
            continue
"""


def test_writers_killed_mid_write_never_lose_an_acknowledged_row(tmp_path, capfd):
    path = tmp_path / "team.db"
    assert invoke(["--db", str(path), "team", "add", "Inès"]).code == 0
    rng = random.Random(20261130)
    acknowledged: dict[int, str] = {}
    kills = 0
    deadline = time.monotonic() + 60
    while kills < 300 and time.monotonic() < deadline:
        who = f"w{kills}"
        writer = subprocess.Popen(
            [sys.executable, "-c", WRITER, str(path), who], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL
        )
        time.sleep(rng.uniform(0.15, 0.6))
        writer.send_signal(signal.SIGKILL)
        out, _ = writer.communicate()
        kills += 1
        # stdout holds the ids main() printed, a line each: each is a
        # committed row ("refused 2" lines are not: a whole line of digits is).
        n = 0
        for line in out.decode().splitlines():
            n += 1  # the writer's count moves on a refusal too
            if line.isdigit():
                acknowledged[int(line)] = f"{who} quote {n}"
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        stored = dict(conn.execute("SELECT id, text FROM verbatims").fetchall())
    finally:
        conn.close()
    lost = {i: t for i, t in acknowledged.items() if stored.get(i) != t}
    with capfd.disabled():
        print(f"\n{kills} writers killed with SIGKILL, {len(acknowledged)} rows acknowledged, {len(lost)} lost")
    assert kills >= 50 and acknowledged and lost == {}


@pytest.fixture
def small_disk(tmp_path):
    """A real filesystem of 1 MiB (tmpfs), where the machine allows one."""
    mount = tmp_path / "small"
    mount.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(mount)], capture_output=True)
    if done.returncode != 0:
        pytest.skip(f"THIS MACHINE CANNOT MOUNT A SMALL TMPFS, so the real full disk is not tested: {done.stderr!r}")
    yield mount
    subprocess.run(["umount", str(mount)], check=False)


def test_a_real_full_disk_refuses_in_one_line_and_keeps_every_saved_row(small_disk, monkeypatch):
    monkeypatch.setenv("BRIEFING_BACKUPS", "0,0")  # the copies would fill the disk first
    path = small_disk / "team.db"
    assert invoke(["--db", str(path), "team", "add", "Inès"]).code == 0
    saved, failure = [], None
    for i in range(2000):
        result = invoke(["--db", str(path), "verbatim", "add", f"{i} " + "x" * 1500, "--client", "C"])
        if result.code != 0:
            failure = result
            break
        saved.append(int(result.out))
    assert failure is not None, "the disk never filled"
    assert failure.code == 1 and failure.err.count("\n") == 1 and "Traceback" not in failure.err, failure.err
    assert "disk is full" in failure.err and "nothing was changed" in failure.err, failure.err
    stored = [r["id"] for r in invoke(["--db", str(path), "verbatim", "list", "--json"]).json()]
    assert sorted(stored) == saved  # every acknowledged row, nothing half-written
