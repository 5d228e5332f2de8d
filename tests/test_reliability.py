"""The scenarios that held under attack, kept holding: a held lock, a full
disk, a read-only file, any text through any command.

The long ones (hundreds of kill -9s, a real full filesystem) are in
tests/test_reliability_slow.py under the ``slow`` marker.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefing import db as store
from briefing import verbatims
from tests.conftest import invoke

HOLD_LOCK = """
import sqlite3, sys, time
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("BEGIN IMMEDIATE")
print("held", flush=True)
time.sleep(float(sys.argv[2]))
conn.execute("ROLLBACK")
"""


def test_a_writer_behind_a_held_lock_waits_then_says_so_and_writes_nothing(cli, conn, db_path, monkeypatch):
    monkeypatch.setattr(store, "BUSY_TIMEOUT_MS", 300)  # the bounded wait, shortened
    holder = subprocess.Popen([sys.executable, "-c", HOLD_LOCK, str(db_path), "30"], stdout=subprocess.PIPE)
    try:
        assert holder.stdout.readline().strip() == b"held"
        started = time.monotonic()
        result = cli("verbatim", "add", "waiting", "--client", "C")
        assert result.code == 1 and "busy" in result.err and "nothing was changed" in result.err
        assert time.monotonic() - started >= 0.3  # it did wait
    finally:
        holder.kill()
        holder.wait()
    assert verbatims.list_verbatims(conn) == []
    assert cli("verbatim", "add", "after", "--client", "C").code == 0


def test_a_full_disk_stores_nothing_half_and_the_next_write_works(cli, conn, monkeypatch):
    connect = store.connect

    def small_disk(path, **kwargs):  # SQLite's own "database or disk is full"
        opened = connect(path, **kwargs)
        used = opened.execute("PRAGMA page_count").fetchone()[0]
        opened.execute(f"PRAGMA max_page_count = {used}")
        return opened

    monkeypatch.setattr(store, "connect", small_disk)
    saved = []
    for i in range(100):  # the pages still free fill up, then the disk is full
        result = cli("verbatim", "add", f"{i} " + "x" * 1900, "--client", "C")
        if result.code != 0:
            break
        saved.append(int(result.out))
    assert result.code == 1 and "disk is full" in result.err and "nothing was changed" in result.err, result.err
    monkeypatch.setattr(store, "connect", connect)
    assert sorted(v.id for v in verbatims.list_verbatims(conn)) == saved
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert cli("verbatim", "add", "room again", "--client", "C").code == 0


def test_a_file_the_user_may_not_write_is_refused_untouched(cli, db_path, monkeypatch):
    # The suite runs as root, who may write anything: what a colleague without
    # the right meets is played by the permission check itself.
    assert cli("team", "add", "Inès").code == 0
    before = db_path.read_bytes()
    real_access = os.access
    monkeypatch.setattr(
        os,
        "access",
        lambda p, mode: mode != os.W_OK and real_access(p, mode) if Path(p) == db_path else real_access(p, mode),
    )
    result = cli("verbatim", "add", "x", "--client", "y")
    assert (result.code, result.err) == (2, f"briefing: database: {db_path} is not writable\n")
    assert db_path.read_bytes() == before


# -- any text through any command: exit 0 or 2, never a traceback, and what is kept reads back ------------

#: Every command that takes text, with {} where the text goes.
COMMANDS = [
    ("verbatim", "add", "{}", "--client", "Zoé"),
    ("verbatim", "add", "Merci", "--client", "{}"),
    ("verbatim", "add", "Merci", "--client", "Zoé", "--company", "{}"),
    ("verbatim", "add", "Merci", "--client", "Zoé", "--by", "{}"),
    ("verbatim", "add", "Merci", "--client", "Zoé", "--date", "{}"),
    ("verbatim", "list", "--search", "{}"),
    ("verbatim", "show", "{}"),
    ("verbatim", "edit", "1", "--text", "{}"),
    ("win", "add", "{}", "--by", "Inès"),
    ("win", "add", "Deal", "--by", "{}"),
    ("win", "edit", "1", "--story", "{}"),
    ("metric", "add", "{}", "12"),
    ("metric", "add", "Sales", "{}"),
    ("metric", "add", "Sales", "12", "--target", "{}"),
    ("metric", "list", "--date", "{}"),
    ("team", "add", "{}"),
    ("team", "rename", "{}", "Someone"),
    ("meeting", "start", "--absent", "{}"),
    ("meeting", "attendance", "{}", "absent"),
]

#: Text as people and attackers type it: any character a terminal can pass (no NUL in argv).
TEXT = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=60)


@pytest.fixture(scope="module")
def fuzz_db() -> Path:
    path = Path(tempfile.mkdtemp(prefix="briefing-fuzz-")) / "fuzz.db"
    assert invoke(["--db", str(path), "team", "add", "Inès Moreau"]).code == 0
    assert invoke(["--db", str(path), "verbatim", "add", "Premier", "--client", "Zoé"]).code == 0
    assert invoke(["--db", str(path), "win", "add", "Deal", "--by", "Inès"]).code == 0
    return path


@pytest.mark.parametrize("template", COMMANDS, ids=lambda t: " ".join(t[:2]) + " " + str(t.index("{}")))
@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=TEXT)
def test_any_text_is_kept_exactly_or_refused_in_one_line(fuzz_db, template, text):
    args = [text if part == "{}" else part for part in template]
    result = invoke(["--db", str(fuzz_db), *args])
    assert result.code in (0, 2), (args, result)
    assert "Traceback" not in result.err
    if result.code == 2:
        assert result.err.startswith("briefing: ") and result.err.count("\n") == 1, result.err
    elif text in ("--help", "-h") and result.out.startswith("Usage: "):
        pass  # a help flag where an argument goes (not an option's value): the shell's help, nothing stored
    elif text in template:
        pass  # the text spells one of the command's own options ("--client"): read as that option, as in any shell tool
    elif template[:2] == ("verbatim", "add") and template[2] == "{}":
        stored = invoke(["--db", str(fuzz_db), "verbatim", "show", result.out.strip(), "--json"]).json()
        assert stored["text"] == text.strip()
