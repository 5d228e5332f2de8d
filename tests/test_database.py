"""The database file: where it lives, what is refused, how it is opened."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from briefing import db
from briefing.paths import resolve_db_path
from tests.conftest import invoke


def test_a_new_database_is_migrated_in_wal_mode(conn, db_path):
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert {"collaborators", "verbatims", "verbatims_fts", "wins", "metrics", "settings"} <= tables
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA user_version").fetchone()[0] == db.SCHEMA_VERSION


def test_schema_version_matches_the_migrations():
    from sqlite_utils import Database

    from briefing.schema import migrations

    assert len(migrations.pending(Database(memory=True))) == db.SCHEMA_VERSION


def test_a_directory_is_refused(cli, tmp_path):
    result = invoke(["--db", str(tmp_path), "team", "list"])
    assert result.code == 2
    assert result.err == f"briefing: database: {tmp_path} is a directory, not a database file\n"


def test_a_file_that_is_not_sqlite_is_refused_and_untouched(tmp_path):
    notes = tmp_path / "notes.txt"
    notes.write_text("my precious notes\n")
    result = invoke(["--db", str(notes), "verbatim", "add", "x", "--client", "y"])
    assert result.code == 2 and "is not a SQLite database" in result.err
    assert notes.read_text() == "my precious notes\n"
    assert not Path(f"{notes}-wal").exists()


@pytest.mark.parametrize("where", ["/proc/no-such-dir/briefing.db", "{file}/briefing.db"])
def test_a_path_that_cannot_be_written_is_refused(tmp_path, where):
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    path = where.format(file=blocker)
    result = invoke(["--db", path, "team", "add", "Inès"])
    assert result.code == 2, result
    assert result.err.startswith("briefing: database: cannot create") and len(result.err.splitlines()) == 1


def test_another_programs_database_is_refused_and_untouched(tmp_path):
    other = tmp_path / "crm.sqlite"
    with sqlite3.connect(other) as c:
        c.execute("CREATE TABLE deals (id INTEGER PRIMARY KEY, amount REAL)")
    before = other.read_bytes()
    result = invoke(["--db", str(other), "team", "list"])
    assert result.code == 2 and "not a briefing database" in result.err
    assert other.read_bytes() == before


def test_a_database_from_a_newer_version_is_refused_and_untouched(db_path):
    db.connect(db_path).close()
    with sqlite3.connect(db_path) as c:
        c.execute(f"PRAGMA user_version = {db.SCHEMA_VERSION + 1}")
    c.close()
    before = db_path.read_bytes()
    result = invoke(["--db", str(db_path), "team", "add", "Inès"])
    assert result.code == 2 and "newer version of briefing" in result.err
    assert db_path.read_bytes() == before


def test_an_empty_sqlite_file_is_adopted(tmp_path):
    empty = tmp_path / "empty.db"
    empty.touch()
    assert invoke(["--db", str(empty), "team", "add", "Inès"]).code == 0


def test_flag_beats_environment_beats_default(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    monkeypatch.delenv("BRIEFING_DB", raising=False)
    assert resolve_db_path(None) == tmp_path / "xdg" / "briefing" / "briefing.db"
    monkeypatch.setenv("BRIEFING_DB", str(tmp_path / "env.db"))
    assert resolve_db_path(None) == tmp_path / "env.db"
    assert resolve_db_path(str(tmp_path / "flag.db")) == tmp_path / "flag.db"


def test_the_data_folder_is_created_by_the_first_command_not_before(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    monkeypatch.delenv("BRIEFING_DB", raising=False)
    code = "import briefing.cli, briefing.demo, briefing.readiness, screens.app"
    subprocess.run([sys.executable, "-c", code], check=True, env=os.environ | {"XDG_DATA_HOME": str(tmp_path / "xdg")})
    assert not (tmp_path / "xdg").exists()
    assert invoke(["team", "add", "Inès"]).code == 0
    assert (tmp_path / "xdg" / "briefing" / "briefing.db").is_file()


def test_env_var_is_used_when_no_flag(tmp_path, monkeypatch):
    monkeypatch.setenv("BRIEFING_DB", str(tmp_path / "env.db"))
    assert invoke(["team", "add", "Inès"]).code == 0
    assert invoke(["--db", str(tmp_path / "flag.db"), "team", "add", "Karim"]).code == 0
    assert "Inès" not in invoke(["--db", str(tmp_path / "flag.db"), "team", "list", "--json"]).out
    assert "Inès" in invoke(["team", "list", "--json"]).out


def test_db_flag_works_after_the_subcommand_too(tmp_path):
    path = tmp_path / "after.db"
    assert invoke(["team", "add", "Inès", "--db", str(path)]).code == 0
    assert "Inès" in invoke(["--db", str(path), "team", "list"]).out


def test_a_failed_write_leaves_nothing_behind(conn):
    from briefing import verbatims
    from briefing.errors import BadInput

    with pytest.raises(BadInput):
        verbatims.add(conn, {"text": "ok", "client": "Marc", "collected_by": "Nobody"})
    assert conn.execute("SELECT count(*) FROM verbatims").fetchone()[0] == 0
    assert conn.execute("SELECT count(*) FROM verbatims_fts").fetchone()[0] == 0
    assert not conn.in_transaction


def test_the_database_refuses_what_the_models_would_refuse(conn):
    with pytest.raises(sqlite3.IntegrityError):
        conn.execute(
            "INSERT INTO verbatims (text, client, channel, sentiment, date, created_at)"
            " VALUES ('x', 'y', 'fax', 'neutral', '2026-11-24', 'now')"
        )
