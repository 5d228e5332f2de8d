"""Checking a database file, and recovering what a damaged one still holds.

The original is never written to: the check opens it read-only, and the
recovery builds a new file beside it, which the user then puts in place
with ``briefing restore`` (which keeps the damaged file aside).

Recovery copies table by table through SQLite, and where a range of rows
cannot be read, halves the range until it has every row that can be; the
search index is then rebuilt from the verbatims. (SQLite's own ``.recover``
needs the ``sqlite_dbpage`` table, which the SQLite builds of Debian and of
Python's own module leave out, so it cannot be relied on.)
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from briefing import damage
from briefing.db import APPLICATION_ID, SCHEMA_VERSION
from briefing.i18n import _
from briefing.timeutil import utc_now

__all__ = ["Checkup", "Recovery", "check", "recover"]

#: What SQLite's integrity check may list before we stop reading.
MAX_PROBLEMS = 20
#: Search indexes: not copied, but filled again by their triggers as the
#: rows they index are copied (and rebuilt once more at the end).
_DERIVED = ("verbatims_fts", "wins_fts")


@dataclass(frozen=True)
class Checkup:
    path: Path
    problems: tuple[str, ...]

    @property
    def ok(self) -> bool:
        return not self.problems


@dataclass(frozen=True)
class Recovery:
    source: Path
    target: Path
    #: Rows copied per table.
    rows: dict[str, int] = field(default_factory=dict)
    #: The recovered file, checked.
    checkup: Checkup | None = None


def _read_only(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"file:{path}?mode=ro", uri=True)


def check(path: Path, *, quick: bool = False) -> Checkup:
    """SQLite's integrity check, read-only (``quick``: its faster form, which
    leaves out the indexes' agreement with their tables). A damaged file is
    marked, so nothing more is written to it; a clean one loses its mark."""
    pragma = "quick_check" if quick else "integrity_check"
    try:
        conn = _read_only(path)
        try:
            rows = conn.execute(f"PRAGMA {pragma}({MAX_PROBLEMS})").fetchall()
        finally:
            conn.close()
        problems = tuple(r[0] for r in rows if r[0] != "ok")
    except sqlite3.DatabaseError as exc:
        problems = (str(exc),)
    if problems:
        damage.mark(path, sqlite3.DatabaseError(problems[0]))
    else:
        damage.clear(path)
    return Checkup(path, problems)


def recover(path: Path, target: Path | None = None) -> Recovery:
    """Copy what ``path`` still holds into ``target`` (default: beside it,
    ``NAME.recovered-YYYYMMDD-HHMMSS.db``), never touching ``path``."""
    target = target or path.with_name(f"{path.stem}.recovered-{utc_now():%Y%m%d-%H%M%S}.db")
    if target.exists():
        raise FileExistsError(_("{path} already exists").format(path=target))
    _by_copy(path, target)
    rows = _finish(target)
    return Recovery(path, target, rows, check(target))


def _by_copy(path: Path, target: Path) -> None:
    source = _read_only(path)
    out = sqlite3.connect(target)
    try:
        schema = source.execute(
            "SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%'"
        ).fetchall()
        tables = [name for kind, name, _ in schema if kind == "table" and not name.startswith(_DERIVED)]
        for kind, name, sql in schema:
            if kind == "table" and name.startswith(_DERIVED) and name not in _DERIVED:
                continue  # a search index's own tables come with it
            try:
                out.execute(sql)
            except sqlite3.Error:
                pass  # an index or trigger over something lost: the rest still counts
        for table in tables:
            columns = [r[1] for r in source.execute(f'PRAGMA table_info("{table}")')]
            if not columns:
                continue
            marks = ", ".join("?" * len(columns))
            for row in _rows(source, table):
                out.execute(f'INSERT OR IGNORE INTO "{table}" VALUES ({marks})', row)
        out.commit()
    finally:
        source.close()
        out.close()


def _rows(conn: sqlite3.Connection, table: str, low: int | None = None, high: int | None = None) -> list[tuple]:
    """Every readable row of ``table`` with rowid in [low, high]; a range that
    cannot be read is halved until what can be read is."""
    where, args = "", ()
    if low is not None:
        where, args = " WHERE rowid BETWEEN ? AND ?", (low, high)
    try:
        return conn.execute(f'SELECT * FROM "{table}"{where} ORDER BY rowid', args).fetchall()
    except sqlite3.DatabaseError:
        if low is None:
            try:
                low, high = conn.execute(f'SELECT min(rowid), max(rowid) FROM "{table}"').fetchone()
            except sqlite3.DatabaseError:
                return []
            if low is None:
                return []
            return _rows(conn, table, low, high)
        if low >= high:
            return []
        middle = (low + high) // 2
        return _rows(conn, table, low, middle) + _rows(conn, table, middle + 1, high)


def _finish(target: Path) -> dict[str, int]:
    """Make the copy a briefing database again: its marks, its search index."""
    conn = sqlite3.connect(target)
    try:
        conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        if conn.execute("PRAGMA user_version").fetchone()[0] == 0:
            conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        try:
            conn.execute("INSERT INTO verbatims_fts(verbatims_fts) VALUES ('rebuild')")
        except sqlite3.Error:
            pass  # no search index to rebuild: briefing recreates it when it migrates
        conn.commit()
        names = [
            r[0]
            for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
                "AND name NOT LIKE '%fts%' ORDER BY name"
            )
        ]
        return {name: conn.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0] for name in names}
    finally:
        conn.close()
