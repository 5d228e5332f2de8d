"""The demo team: realistic, current, and never at the cost of real data."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest

from briefing import calls, demo, readiness
from briefing.db import connect
from briefing.resources import data_dir
from tests.conftest import DAY, invoke

ROOT = Path(__file__).resolve().parent.parent


def test_demo_holds_a_realistic_team_with_dates_relative_to_today(tmp_path):
    path = tmp_path / "demo.db"
    counts = demo.build(path, today=DAY)
    assert counts["verbatims"] >= 40 and counts["wins"] >= 10 and counts["metrics"] > 0
    conn = connect(path)
    try:
        ready = readiness.readiness(conn, DAY)
        assert len(ready.lead) == 1 and 6 <= len(ready.members) <= 8
        assert ready.new_verbatims > 0 and ready.pending_wins > 0 and ready.metrics_today
        dates = [r[0] for r in conn.execute("SELECT date FROM verbatims")]
        assert max(dates) == DAY.isoformat()
        recent = [r[0] for r in conn.execute("SELECT date FROM verbatims WHERE status != 'archived'")]
        assert min(recent) >= (DAY - timedelta(days=21)).isoformat()  # three weeks of words to go through
        # and a few older, archived, so the client call has someone to propose
        assert [s.label for s in calls.suggestions(conn, DAY)] == [
            "Marc Petit (Petit & Fils Transports)",
            "Sophie Marlin (Marlin Équipements)",
        ]
        channels = {r[0] for r in conn.execute("SELECT DISTINCT channel FROM verbatims")}
        sentiments = {r[0] for r in conn.execute("SELECT DISTINCT sentiment FROM verbatims")}
        assert len(channels) >= 5 and sentiments == {"positive", "neutral", "negative"}
        french = conn.execute("SELECT count(*) FROM verbatims WHERE text LIKE '%é%'").fetchone()[0]
        assert 0 < french < counts["verbatims"]  # French and English
    finally:
        conn.close()


def test_demo_is_rebuilt_fresh_each_run(tmp_path):
    path = tmp_path / "demo.db"
    demo.build(path, today=DAY)
    conn = connect(path)
    conn.execute("DELETE FROM metrics")  # a demo someone changed
    conn.close()
    demo.build(path, today=DAY + timedelta(days=1))
    conn = connect(path)
    try:
        assert conn.execute("SELECT count(*) FROM metrics").fetchone()[0] > 0
        assert conn.execute("SELECT max(date) FROM verbatims").fetchone()[0] == (DAY + timedelta(days=1)).isoformat()
    finally:
        conn.close()
    assert not list(tmp_path.glob("*.building*"))


def test_demo_never_touches_the_users_database(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    real = tmp_path / "real.db"
    monkeypatch.setenv("BRIEFING_DB", str(real))
    assert invoke(["team", "add", "Inès"]).code == 0
    before = real.read_bytes()
    result = invoke(["demo", "--no-open"])
    assert result.code == 0, result.err
    assert (tmp_path / "xdg" / "briefing" / "demo.db").is_file()
    assert real.read_bytes() == before


def test_naming_a_database_with_data_asks_first(tmp_path):
    real = tmp_path / "real.db"
    assert invoke(["--db", str(real), "team", "add", "Inès"]).code == 0
    declined = invoke(["demo", "--db", str(real), "--no-open"], stdin="n\n")
    assert declined.code == 1 and "nothing was changed" in declined.err
    assert json.loads(invoke(["--db", str(real), "team", "list", "--json"]).out)[0]["name"] == "Inès"
    accepted = invoke(["demo", "--db", str(real), "--no-open"], stdin="y\n")
    assert accepted.code == 0
    assert len(json.loads(invoke(["--db", str(real), "team", "list", "--json"]).out)) > 1
    # A demo database is rebuilt without asking again.
    assert invoke(["demo", "--db", str(real), "--no-open"]).code == 0


def test_no_input_means_no_replacement(tmp_path):
    real = tmp_path / "real.db"
    invoke(["--db", str(real), "team", "add", "Inès"])
    assert invoke(["demo", "--db", str(real), "--no-open"]).code == 1
    assert invoke(["demo", "--db", str(real), "--no-open", "--yes"]).code == 0


def test_demo_refuses_a_file_that_is_not_a_database(tmp_path):
    notes = tmp_path / "notes.txt"
    notes.write_text("keep me")
    result = invoke(["demo", "--db", str(notes), "--no-open", "--yes"])
    assert result.code == 2 and notes.read_text() == "keep me"


def test_editable_install_reads_the_data_folder_of_the_checkout():
    assert data_dir() == ROOT / "data"


@pytest.fixture(scope="module")
def wheel_install(tmp_path_factory) -> Path:
    """The project built as a wheel and installed (without deps) in a folder."""
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(out / "dist"),
            str(ROOT),
        ],
        check=True,
    )
    wheel = next((out / "dist").glob("briefing-*.whl"))
    target = out / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--target", str(target), str(wheel)], check=True
    )
    return target


def test_the_wheel_carries_the_demo_data_and_the_screens(wheel_install, tmp_path):
    code = (
        "import briefing, screens.app, sys\n"
        "from briefing.resources import data_dir\n"
        "from briefing.cli import main\n"
        "print(briefing.__file__); print(screens.app.__file__); print(data_dir())\n"
        "main(['demo', '--db', sys.argv[1], '--no-open'])\n"
    )
    env = os.environ | {"PYTHONPATH": str(wheel_install)}
    result = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path / "d.db")], cwd=tmp_path, env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    briefing_file, screens_file, data = result.stdout.splitlines()[:3]
    for path in (briefing_file, screens_file, data):
        assert path.startswith(str(wheel_install)), path
    assert Path(data, "demo", "verbatims.json").is_file()
    assert not (wheel_install / "data").exists() and not (wheel_install / "tests").exists()
    conn = connect(tmp_path / "d.db")
    try:
        assert conn.execute("SELECT count(*) FROM verbatims").fetchone()[0] > 40
    finally:
        conn.close()


def test_the_wheel_carries_the_french_catalog(wheel_install, tmp_path):
    """A clean install speaks French: the compiled catalog ships with the code."""
    code = "from briefing import i18n\ni18n.use('fr')\nprint(i18n.__file__)\nprint(i18n._('Start'))\n"
    env = os.environ | {"PYTHONPATH": str(wheel_install)}
    result = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    where, start = result.stdout.splitlines()
    assert where.startswith(str(wheel_install)) and start == "Lancer"


def test_demo_prints_the_line_a_colleagues_terminal_uses_before_the_app_opens(tmp_path, monkeypatch):
    import shlex

    import briefing.cli.app

    path = tmp_path / "my demo.db"  # a space: the line must still work in a shell
    opened = []
    monkeypatch.setattr(briefing.cli.app, "open_app", lambda where, lang=None: opened.append(where))
    result = invoke(["demo", "--db", str(path)])
    assert result.code == 0, result.err
    assert opened == [path]  # the app opens after the line is out
    line = result.err.splitlines()[-1]
    assert line == f"BRIEFING_DB={shlex.quote(str(path.resolve()))} briefing meeting next"
    # That very line, run in a colleague's shell, reaches the briefing.
    assignment, *command = shlex.split(line)
    monkeypatch.setenv("BRIEFING_DB", assignment.removeprefix("BRIEFING_DB="))
    assert command[0] == "briefing"
    assert invoke(["meeting", "start"]).code == 0
    moved = invoke(command[1:])
    assert moved.code == 0 and "Segment 2/4" in moved.err
