"""The faults an attack found, each reproduced, each kept fixed.

Every test here failed before its fix (see docs/RELIABILITY.md for the
scenario, the promise and the figure).
"""

from __future__ import annotations

import os
import pickle
import sqlite3
import subprocess
import sys

import pytest

from briefing import db as store
from briefing import verbatims

HUGE = "99999999999999999999"


# -- 1. huge integers --------------------------------------------------------------


@pytest.mark.parametrize(
    "args",
    [
        ("verbatim", "show", HUGE),
        ("verbatim", "edit", HUGE, "--client", "x"),
        ("verbatim", "archive", HUGE),
        ("verbatim", "list", "--limit", HUGE + "999"),
        ("win", "edit", HUGE, "--title", "x"),
        ("meeting", "pick", HUGE),
    ],
    ids=lambda a: " ".join(a[:2]),
)
def test_a_huge_number_is_refused_in_one_line(cli, args):
    result = cli(*args)
    assert result.code == 2
    assert result.err.count("\n") == 1 and "Traceback" not in result.err and "out of range" in result.err


# -- 2. and 3. bounded reads ---------------------------------------------------------


def test_a_deeply_nested_agenda_file_is_refused_in_one_line(cli, tmp_path):
    deep = tmp_path / "deep.toml"
    deep.write_text("a = " + "[" * 5000 + "]" * 5000)
    result = cli("agenda", "set", str(deep))
    assert (result.code, result.err) == (2, f"briefing: FILE: {deep}: nested too deeply to be an agenda\n")


def test_an_endless_agenda_file_is_refused_without_reading_it_all(cli):
    result = cli("agenda", "set", "/dev/zero")
    assert result.code == 2 and "larger than 64 KiB" in result.err


def test_an_endless_quote_on_stdin_is_refused_and_nothing_is_stored(cli, conn):
    result = cli("verbatim", "add", "-", "--client", "C", stdin=b"x" * (16 * 1024 + 1))
    assert result.code == 2 and result.err.startswith("briefing: TEXT: the text on standard input is larger")
    assert verbatims.list_verbatims(conn) == []


def test_the_longest_valid_quote_still_fits_on_stdin(cli, conn):
    quote = "é" * 1000 + "😀" * 1000  # 2,000 characters, 6,000 bytes
    result = cli("verbatim", "add", "-", "--client", "C", stdin=("\n" * 3 + quote + "\n").encode())
    assert result.code == 0, result.err
    assert verbatims.get(conn, int(result.out)).text == quote


# -- 4. the real error is not hidden ---------------------------------------------------


def test_a_write_sqlite_already_rolled_back_reports_its_own_cause(conn):
    class Cause(Exception):
        pass

    with pytest.raises(Cause):
        with store.write(conn):
            conn.execute("INSERT INTO settings (key, value) VALUES ('a', 'b')")
            conn.execute("ROLLBACK")  # what SQLite does itself on a full disk or an I/O error
            raise Cause
    assert not conn.in_transaction
    assert conn.execute("SELECT count(*) FROM settings WHERE key = 'a'").fetchone()[0] == 0


def test_a_failed_write_still_rolls_back_what_it_began(conn):
    with pytest.raises(sqlite3.IntegrityError):
        with store.write(conn):
            conn.execute("INSERT INTO settings (key, value) VALUES ('a', 'b')")
            conn.execute("INSERT INTO settings (key, value) VALUES ('a', 'c')")
    assert conn.execute("SELECT count(*) FROM settings").fetchone()[0] == 0


# -- 8. the demo never replaces data without a yes ---------------------------------------


def test_a_demo_used_for_real_is_not_rebuilt_without_a_yes(cli, tmp_path):
    path = tmp_path / "demo.db"
    assert cli("demo", "--db", str(path), "--no-open", db=False).code == 0
    assert cli("demo", "--db", str(path), "--no-open", db=False).code == 0  # untouched: rebuilt freely
    added = cli("--db", str(path), "verbatim", "add", "Un vrai client, un vrai mot", "--client", "Réel", db=False)
    assert added.code == 0
    again = cli("demo", "--db", str(path), "--no-open", db=False)  # no terminal: the question is not answered
    assert again.code == 1 and "was changed since the demo was built" in again.err
    kept = cli("--db", str(path), "verbatim", "show", added.out.strip(), "--json", db=False)
    assert kept.json()["text"] == "Un vrai client, un vrai mot"
    assert cli("demo", "--db", str(path), "--no-open", "--yes", db=False).code == 0


# -- 9. numbers are read, never guessed ----------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "stored"),
    [("12400", 12400), ("12 400", 12400), ("12.5", 12.5), ("12,5", 12.5), ("12 400,50", 12400.5), ("−3", -3)],
)
def test_numbers_a_person_types_are_read_as_they_mean(cli, typed, stored):
    assert cli("metric", "add", "Sales", typed).code == 0
    assert cli("metric", "list", "--json").json()[0]["value"] == stored


@pytest.mark.parametrize(
    ("typed", "says"),
    [
        ("12,400", "ambiguous: write 12400 for thousands, or 12.4 for a decimal"),
        ("1_000", "is not a number"),
        ("1e308", "is not a number"),
        ("1e6", "is not a number"),
        ("9999999999999", "too large"),
    ],
)
def test_ambiguous_or_absurd_numbers_are_refused_and_nothing_is_stored(cli, typed, says):
    result = cli("metric", "add", "Sales", typed)
    assert result.code == 2 and says in result.err and result.err.startswith("briefing: VALUE: ")
    assert cli("metric", "list", "--json").code == 0 and cli("metric", "list", "--json").json() == []


def test_a_large_metric_keeps_all_its_digits_in_a_table(cli):
    assert cli("metric", "add", "Pipeline", "123456789").code == 0
    assert "123456789" in cli("metric", "list").out


# -- 10. --json is as inert as the screen ----------------------------------------------------


def test_json_escapes_the_controls_a_terminal_would_act_on(cli, conn):
    hostile = "a\x7fb\x85c\u202ed\u2028e\x9bf"
    verbatims.add(conn, {"text": hostile, "client": "C"})
    out = cli("verbatim", "list", "--json").out
    assert not any(ch in out for ch in "\x7f\x85\u202e\u2028\x9b")
    assert "\\u202e" in out and cli("verbatim", "list", "--json").json()[0]["text"] == hostile


# -- 11. the validation cache is trusted only as far as ssh trusts a key --------------------------


def _add_in_a_fresh_process(tmp_path, cache) -> subprocess.CompletedProcess:
    code = (
        "from briefing.cli import main\n"
        f"main(['--db', {str(tmp_path / 'v.db')!r}, 'verbatim', 'add', 'x', '--client', 'y'])\n"
    )
    env = os.environ | {"BRIEFING_CACHE_DIR": str(cache)}
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)


def test_a_cache_with_the_right_key_and_wrong_content_is_a_miss(tmp_path):
    cache = tmp_path / "cache"
    assert _add_in_a_fresh_process(tmp_path, cache).returncode == 0
    (stored,) = cache.glob("validators-*.pickle")
    content = pickle.loads(stored.read_bytes())
    content["schemas"] = {name: ({"type": "no such schema"}, {}) for name in content["schemas"]}
    stored.write_bytes(pickle.dumps(content))
    assert _add_in_a_fresh_process(tmp_path, cache).returncode == 0


def test_a_cache_others_could_write_is_never_loaded(tmp_path):
    cache = tmp_path / "cache"
    marker = tmp_path / "ran"
    assert _add_in_a_fresh_process(tmp_path, cache).returncode == 0
    (stored,) = cache.glob("validators-*.pickle")
    key = pickle.loads(stored.read_bytes())["key"]

    class Payload:  # a pickle that runs a command when loaded
        def __reduce__(self):
            return (os.system, (f"touch {marker}",))

    stored.write_bytes(pickle.dumps({"key": key, "schemas": Payload()}))
    cache.chmod(0o777)  # anyone could have put it there
    assert _add_in_a_fresh_process(tmp_path, cache).returncode == 0
    assert not marker.exists()
    cache.chmod(0o700)
    stored.chmod(0o666)
    assert _add_in_a_fresh_process(tmp_path, cache).returncode == 0
    assert not marker.exists()


# -- 12. the smaller ones ---------------------------------------------------------------------


def test_someone_cannot_be_both_absent_and_off(cli, team):
    result = cli("meeting", "start", "--absent", "Inès", "--off", "Inès")
    assert result.code == 2 and "either absent or off" in result.err
    assert cli("meeting", "status").code == 2  # nothing started


@pytest.mark.parametrize("day", ["1900-01-01", "9999-12-31", "1999-12-31"])
def test_dates_outside_any_team_history_are_refused(cli, day):
    result = cli("verbatim", "add", "x", "--client", "y", "--date", day)
    assert result.code == 2 and result.err.startswith("briefing: --date: ")


def test_an_empty_db_path_is_refused_not_replaced_by_the_default(cli, monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    result = cli("--db", "", "team", "list", db=False)
    assert (result.code, result.err) == (2, "briefing: database: the path given with --db is empty\n")
    assert not (tmp_path / "xdg").exists()


def test_a_read_on_a_mistyped_path_creates_nothing(cli, tmp_path):
    missing = tmp_path / "typo" / "briefing.db"
    for args in (("verbatim", "list"), ("team", "list"), ("meeting", "status"), ("rotation", "next")):
        result = cli("--db", str(missing), *args, db=False)
        assert result.code == 2 and "there is no database at" in result.err, args
    assert not (tmp_path / "typo").exists()


# -- 7. a clock stepped back never takes counted time away -----------------------------------------


def test_a_command_from_a_clock_stepped_back_keeps_the_time_already_counted(conn):
    from datetime import UTC, datetime, timedelta

    from briefing import meeting

    t0 = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)
    started = meeting.start(conn, now=t0)
    meeting.go(conn, +1, now=t0 + timedelta(seconds=12))
    # Stepped back an hour: the 12 s counted stay; what passed since cannot be
    # known from this clock (the meeting screen counts it on its monotonic clock).
    _, state = meeting.go(conn, +1, now=t0 + timedelta(seconds=20) - timedelta(hours=1))
    assert [round(s.elapsed_s) for s in state.segments[:3]] == [12, 0, 0] and state.index == 2
    stored = [e.at for e in meeting.load(conn, started.id).events]
    assert stored == sorted(stored), "an event stored before the one it follows"
    _, done = meeting.finish(conn, now=t0 - timedelta(days=1))
    assert done.ended_at is not None and done.ended_at >= done.started_at
    ended = conn.execute("SELECT ended_at FROM meetings WHERE id = ?", (started.id,)).fetchone()[0]
    assert datetime.fromisoformat(ended) >= t0


# -- 5. a journal deleted under the open app ---------------------------------------------------------


def test_a_deleted_wal_is_noticed_and_loses_nothing_acknowledged(db_path):
    from pathlib import Path

    from briefing.watch import ChangeWatcher

    watcher = ChangeWatcher(db_path)  # the app is open
    try:
        acknowledged = []
        for i in range(10):
            with store.opened(db_path) as conn:
                acknowledged.append(verbatims.add(conn, {"text": f"quote {i}", "client": "C"}))
        wal = Path(f"{db_path}-wal")
        assert wal.exists() and watcher.look().changed
        wal.unlink()  # a person tidying the folder
        seen = watcher.look()
        assert seen.swapped is not None and "journal" in seen.swapped
        with store.opened(db_path) as conn:
            later = verbatims.add(conn, {"text": "after the deletion", "client": "C"})
            stored = {v.id: v.text for v in verbatims.list_verbatims(conn)}
        assert {i: f"quote {n}" for n, i in enumerate(acknowledged)}.items() <= stored.items()
        assert later not in acknowledged and stored[later] == "after the deletion"
        assert watcher.look().swapped is None  # following the file as it is now
    finally:
        watcher.close()


def test_a_database_file_replaced_under_the_app_is_noticed(db_path, tmp_path):
    from briefing.watch import ChangeWatcher

    watcher = ChangeWatcher(db_path)
    try:
        other = tmp_path / "other.db"
        with store.opened(other) as conn:
            verbatims.add(conn, {"text": "from the other file", "client": "C"})
        other.replace(db_path)
        seen = watcher.look()
        assert seen.swapped is not None and "replaced" in seen.swapped and seen.changed
    finally:
        watcher.close()


# -- 6. a damaged file stops taking writes; doctor rescues what it holds -------------------------------


def _damage(path, pages: int = 2) -> None:
    """Overwrite the headers of pages of data in the middle of the file (the
    schema's own pages left whole: where they fall moves with the data)."""
    size, page = path.stat().st_size, 4096
    probe = sqlite3.connect(path)
    schema = {n for (n,) in probe.execute("SELECT pageno FROM dbstat WHERE name = 'sqlite_schema'")}
    probe.close()
    middle = [n for n in range(size // page // 2, size // page) if n + 1 not in schema][:pages]  # dbstat counts from 1
    with path.open("r+b") as f:
        for number in middle:
            f.seek(number * page)
            f.write(b"\xff" * 64)


@pytest.fixture
def damaged(tmp_path):
    from briefing import demo

    path = tmp_path / "team.db"
    demo.build(path)
    with store.opened(path) as conn:
        for i in range(60):
            verbatims.add(conn, {"text": f"filler {i} " + "x" * 300, "client": "C"})
    _damage(path)
    return path


def test_a_damaged_file_refuses_writes_once_the_damage_is_seen(cli, damaged):
    checked = cli("--db", str(damaged), "doctor", db=False)
    assert checked.code == 1 and "damaged" in checked.out
    refused = cli("--db", str(damaged), "verbatim", "add", "lost?", "--client", "C", db=False)
    assert refused.code == 1 and "is damaged" in refused.err and "briefing doctor" in refused.err


def test_a_malformed_read_marks_the_file_for_every_later_write(damaged):
    from briefing import damage

    probe = sqlite3.connect(damaged)
    root = probe.execute("SELECT rootpage FROM sqlite_master WHERE name = 'verbatims'").fetchone()[0]
    probe.close()
    with damaged.open("r+b") as f:  # the verbatims table's own first page
        f.seek((root - 1) * 4096)
        f.write(b"\xff" * 64)
    with pytest.raises(Exception) as caught:  # whichever error the read meets
        with store.opened(damaged) as conn:
            conn.execute("SELECT * FROM verbatims").fetchall()
    assert "damaged" in str(caught.value) and damage.reason(damaged) is not None
    with pytest.raises(Exception, match="is damaged"):
        with store.opened(damaged) as conn:
            verbatims.add(conn, {"text": "into a damaged file", "client": "C"})


def test_doctor_rescues_rows_into_a_new_file_and_restore_puts_it_in_place(cli, damaged):
    before = damaged.read_bytes()
    rescued = cli("--db", str(damaged), "doctor", "--recover", db=False)
    assert rescued.code == 0, rescued.err
    assert damaged.read_bytes() == before  # the original is never touched
    (copy,) = damaged.parent.glob("team.recovered-*.db")
    assert cli("--db", str(copy), "doctor", db=False).code == 0
    kept = int(next(line.split()[1] for line in rescued.out.splitlines() if line.strip().startswith("verbatims")))
    assert kept >= 60
    restored = cli("--db", str(damaged), "restore", str(copy), "--yes", db=False)
    assert restored.code == 0, restored.err
    assert list(damaged.parent.glob("team.replaced-*.db"))  # the damaged file kept aside
    assert cli("--db", str(damaged), "verbatim", "add", "mended", "--client", "C", db=False).code == 0


def test_a_truncated_file_is_said_to_be_damaged_not_foreign(cli, tmp_path):
    path = tmp_path / "cut.db"
    assert cli("--db", str(path), "team", "add", "Inès", db=False).code == 0
    with store.opened(path) as conn:
        for i in range(100):
            verbatims.add(conn, {"text": "x" * 500 + str(i), "client": "C"})
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    result = cli("--db", str(path), "verbatim", "list", db=False)
    assert result.code == 1 and "damaged" in result.err and "not a SQLite database" not in result.err


# -- backups ----------------------------------------------------------------------------------------------


def test_the_days_first_write_keeps_a_copy_and_a_restore_loses_at_most_the_day(cli, tmp_path, monkeypatch):
    from datetime import date, timedelta

    from briefing import backups

    path = tmp_path / "team.db"
    today = date.today()
    monkeypatch.setattr(backups, "_today", lambda: today - timedelta(days=1))  # yesterday's writes
    assert cli("--db", str(path), "team", "add", "Inès", db=False).code == 0
    assert cli("--db", str(path), "verbatim", "add", "yesterday's words", "--client", "C", db=False).code == 0
    monkeypatch.setattr(backups, "_today", lambda: today)  # today's first write copies the file first
    assert cli("--db", str(path), "verbatim", "add", "today's words", "--client", "C", db=False).code == 0
    assert cli("--db", str(path), "verbatim", "add", "more of today", "--client", "C", db=False).code == 0
    copy = backups.folder(path) / f"team-{today.isoformat()}.db"
    assert copy.exists()
    _damage(path, pages=3)
    assert cli("--db", str(path), "restore", str(copy), "--yes", db=False).code == 0
    texts = [v["text"] for v in cli("--db", str(path), "verbatim", "list", "--json", db=False).json()]
    assert texts == ["yesterday's words"]  # what the day added is all a restore can lose


def test_backups_keep_the_last_days_and_weeks_only(tmp_path, monkeypatch):
    from datetime import date, timedelta

    from briefing import backups

    monkeypatch.setenv("BRIEFING_BACKUPS", "0,0")
    path = tmp_path / "team.db"
    with store.opened(path) as conn:
        verbatims.add(conn, {"text": "x", "client": "C"})
        monkeypatch.setenv("BRIEFING_BACKUPS", "3,2")
        start = date(2026, 1, 1)
        for n in range(30):
            backups.daily(conn, path, day=start + timedelta(days=n))
    names = sorted(p.name for p in backups.folder(path).iterdir())
    days = [n for n in names if "week" not in n]
    assert days == [f"team-{(start + timedelta(days=n)).isoformat()}.db" for n in (27, 28, 29)]
    assert len([n for n in names if "week" in n]) == 2


def test_no_backup_means_none(tmp_path, monkeypatch):
    from briefing import backups

    monkeypatch.setenv("BRIEFING_BACKUPS", "0,0")
    path = tmp_path / "team.db"
    with store.opened(path) as conn:
        verbatims.add(conn, {"text": "x", "client": "C"})
        assert backups.daily(conn, path) is None
    assert not backups.folder(path).exists()
