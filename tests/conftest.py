"""Shared fixtures: a fresh database per test, and the CLI run in-process.

Running ``briefing.cli.main`` in-process (instead of a subprocess) keeps
the suite fast while still exercising the real entry point: argument
parsing, the one-line error handler and the exit codes. Click's
``CliRunner`` isolates its stdin, stdout and stderr.
"""

from __future__ import annotations

import json
import os
import sqlite3
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from briefing import db as store

DAY = date(2026, 11, 24)  # a Tuesday
#: The sizes every snapshot is taken at: a laptop's terminal, and the shared screen (a projector).
SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((200, 60), id="200x60")]


@dataclass
class Result:
    code: int
    out: str
    err: str

    def json(self) -> Any:
        return json.loads(self.out)


@pytest.fixture(scope="session", autouse=True)
def _own_cache_dir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Compiled validators go to a folder of the run's, not the user's cache
    (subprocesses inherit it through the environment)."""
    from briefing.validation import CACHE_ENV

    saved = os.environ.get(CACHE_ENV)
    os.environ[CACHE_ENV] = str(tmp_path_factory.mktemp("cache"))
    yield
    if saved is None:
        os.environ.pop(CACHE_ENV, None)
    else:
        os.environ[CACHE_ENV] = saved


@pytest.fixture(autouse=True)
def _steady_cursor(monkeypatch: pytest.MonkeyPatch) -> None:
    """A blinking cursor is caught on or off by chance when a snapshot is
    taken (a loaded machine gets there later, after a blink): keep it on."""
    from textual.widgets import Input, TextArea

    monkeypatch.setattr(Input, "_toggle_cursor", lambda self: None)
    monkeypatch.setattr(TextArea, "_toggle_cursor_blink_visible", lambda self: None)


@pytest.fixture(autouse=True)
def _english(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Every test starts in English, whatever the machine's locale, and
    leaves the process in English (a worker runs French and English tests
    one after the other). Tests that want French say so (``french``)."""
    from briefing import i18n

    for name in (i18n.ENV, *i18n.LOCALE_ENV):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
    i18n.use("en")
    yield
    i18n.use("en")


@pytest.fixture
def french() -> None:
    """The app speaks French for this test (``_english`` puts English back)."""
    from briefing import i18n

    i18n.use("fr")


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "briefing.db"


@pytest.fixture
def conn(db_path: Path) -> Iterator[sqlite3.Connection]:
    connection = store.connect(db_path)
    yield connection
    connection.close()


@pytest.fixture
def classic_agenda(db_path: Path) -> None:
    """The agenda teams had before the client call (what an existing team
    keeps): for tests about the meeting's mechanics written against it."""
    from briefing.agenda import CLASSIC_AGENDA, save_agenda

    with store.opened(db_path) as connection:
        save_agenda(connection, CLASSIC_AGENDA)


@pytest.fixture
def cli(db_path: Path, monkeypatch: pytest.MonkeyPatch):
    """``cli("team", "add", "Inès")`` runs ``briefing --db <tmp> team add Inès``."""
    monkeypatch.delenv("BRIEFING_DB", raising=False)

    def run(*args: str, stdin: bytes | str = b"", db: bool = True) -> Result:
        argv = (["--db", str(db_path)] if db else []) + list(args)
        return invoke(argv, stdin)

    return run


def invoke(argv: list[str], stdin: bytes | str = b"") -> Result:
    """``briefing argv...`` in this process: stdin fed from ``stdin``, stdout and
    stderr captured apart (click's CliRunner isolation), the exit code from
    the SystemExit ``main`` always ends with.

    ``briefing.cli.output.write`` writes bytes to ``sys.stdout.buffer``: the
    isolation's streams are text wrappers over byte buffers, so those bytes
    land in the buffers as they are. The runner echoes a confirmation's answer
    after its prompt (on stderr, with the prompt), as a terminal would show it.
    """
    from briefing.cli import main

    with CliRunner().isolation(input=stdin) as (out, err, _both):
        try:
            main(argv)
            code = 0
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
        finally:
            sys.stdout.flush()
            sys.stderr.flush()
        return Result(code, out.getvalue().decode("utf-8"), err.getvalue().decode("utf-8"))


@pytest.fixture
def team(cli) -> list[str]:
    """A small team: a lead and three members."""
    names = ["Inès Moreau", "Karim Benali", "Tom Becker"]
    assert cli("team", "add", "Claire Dubois", "--lead").code == 0
    for name in names:
        assert cli("team", "add", name).code == 0
    return names


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo team, built once per run (dated DAY); tests get a copy."""
    from briefing import demo

    path = tmp_path_factory.mktemp("demo-template") / "demo.db"
    demo.build(path, today=DAY)
    return path


@pytest.fixture
def demo_db(demo_template: Path, tmp_path: Path) -> Path:
    """A fresh copy of the demo team for one test (a single file: the build
    folds its journal in)."""
    import shutil

    path = tmp_path / "demo.db"
    shutil.copy(demo_template, path)
    return path
