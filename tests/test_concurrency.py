"""Twenty collaborators adding verbatims at once: nothing lost, nobody locked out."""

from __future__ import annotations

import subprocess
import sys
import textwrap

PROCESSES = 20
EACH = 25

# Each process goes through the real CLI entry point 25 times (opening the
# database each time, as 25 separate commands would), minus the interpreter
# start-up that would make the test slow without testing anything more.
WORKER = textwrap.dedent(
    """
    import sys
    from briefing.cli import main

    db, worker = sys.argv[1], sys.argv[2]
    for i in range({each}):
        try:
            main(["--db", db, "verbatim", "add", f"worker {{worker}} quote {{i}}", "--client", "Marc"])
        except SystemExit as exc:
            if exc.code != 0:
                sys.exit(exc.code)
    """
).format(each=EACH)


def test_twenty_processes_adding_at_once_lose_nothing(db_path, cli):
    assert not db_path.exists()  # they also race to create the schema and switch to WAL
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", WORKER, str(db_path), str(n)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        for n in range(PROCESSES)
    ]
    results = [(p.wait(timeout=300), p.stderr.read()) for p in procs]
    assert [code for code, _ in results] == [0] * PROCESSES, results
    assert not any("locked" in err for _, err in results)
    rows = cli("verbatim", "list", "--json").json()
    assert len(rows) == PROCESSES * EACH
    assert {r["text"] for r in rows} == {f"worker {n} quote {i}" for n in range(PROCESSES) for i in range(EACH)}


APP_LIKE = textwrap.dedent(
    """
    import sys
    from briefing import db, verbatims

    path = sys.argv[1]
    watcher = db.connect(path)  # held open, as the app's change watcher is
    for i in range(150):
        conn = db.connect(path)  # a worker's connection, opened and closed
        try:
            verbatims.add(conn, {"text": f"app {i}", "client": "Marc"})
        finally:
            conn.close()
        db.data_version(watcher)
    """
)


def test_an_app_opening_connections_beside_a_held_one_keeps_its_locks(db_path, cli):
    """Regression: reading the file's header with Python's own open()/close()
    released SQLite's POSIX locks of every connection in the process, and a
    writer in another process then met 'disk I/O error'."""
    assert cli("agenda", "reset").code == 0  # create the database
    app = subprocess.Popen([sys.executable, "-c", APP_LIKE, str(db_path)], stderr=subprocess.PIPE, text=True)
    other = subprocess.Popen([sys.executable, "-c", APP_LIKE, str(db_path)], stderr=subprocess.PIPE, text=True)
    assert (app.wait(timeout=120), other.wait(timeout=120)) == (0, 0), (app.stderr.read(), other.stderr.read())
    assert len(cli("verbatim", "list", "--json").json()) == 300
