"""Copies of the team's memory: one a day, kept for weeks, and put back on demand.

Each day's first write first copies the database, as it stood before that
write, into ``backups/`` beside it, with SQLite's online backup API: a
consistent copy taken in small steps, so a writer elsewhere never waits
for long. The last :data:`DAILY` daily copies and :data:`WEEKLY` weekly
ones (the first copy of each ISO week) are kept; ``BRIEFING_BACKUPS`` =
``DAYS,WEEKS`` changes how many (``0,0``: none).

``restore`` puts a copy back: it checks the copy first, keeps the file it
replaces aside (``NAME.replaced-YYYYMMDD-HHMMSS.db``), and copies through
SQLite too, so the result is one consistent file, never half of one.
"""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from briefing.errors import BadInput, BriefingError
from briefing.i18n import _
from briefing.timeutil import today as _today
from briefing.timeutil import utc_now

__all__ = ["Kept", "backup", "daily", "folder", "keep", "restore"]

DAILY = 14
WEEKLY = 8
ENV = "BRIEFING_BACKUPS"
#: Pages copied per step: short steps let a writer in between.
STEP_PAGES = 256


@dataclass(frozen=True)
class Kept:
    days: int
    weeks: int


def keep() -> Kept:
    """How many copies to keep, from ``BRIEFING_BACKUPS`` (``DAYS,WEEKS``)."""
    raw = os.environ.get(ENV, "").strip()
    if not raw:
        return Kept(DAILY, WEEKLY)
    try:
        days, weeks = (int(part) for part in raw.split(","))
    except ValueError:
        problem = _("{setting}: give DAYS,WEEKS, for example 14,8 (0,0 for none)").format(setting=f"{ENV}={raw!r}")
        raise BriefingError(problem) from None
    return Kept(max(days, 0), max(weeks, 0))


def folder(path: Path) -> Path:
    return path.parent / "backups"


def _name(path: Path, label: str) -> Path:
    return folder(path) / f"{path.stem}-{label}.db"


def daily(conn: sqlite3.Connection, path: Path, day: date | None = None) -> Path | None:
    """Today's copy, made now if this is the day's first write. Costs a stat
    when it already exists (every later write of the day)."""
    kept = keep()
    if kept.days == 0 and kept.weeks == 0:
        return None
    day = day or _today()
    today_copy = _name(path, day.isoformat())
    if today_copy.exists():
        return None
    if conn.execute("PRAGMA user_version").fetchone()[0] == 0:
        return None  # a file being created: nothing in it yet to keep
    year, week, _ = day.isocalendar()
    week_copy = _name(path, f"week-{year}-W{week:02d}")
    _copy(conn, today_copy)
    if kept.weeks and not week_copy.exists():
        _copy(conn, week_copy)
    _prune(path, kept)
    return today_copy


def backup(conn: sqlite3.Connection, target: Path) -> Path:
    """A copy now, to ``target`` (refused if it exists: never overwrite a file)."""
    if target.exists():
        raise BadInput("to", _("{path} already exists; choose a new file name").format(path=target))
    _copy(conn, target)
    return target


def restore(source: Path, path: Path) -> Path:
    """Put ``source`` in place of ``path``; returns where the replaced file
    was kept. ``source`` must be a sound briefing database."""
    from briefing.db import APPLICATION_ID
    from briefing.doctor import check

    if not source.is_file():
        raise BadInput("file", _("{path} is not a file").format(path=source))
    checkup = check(source)
    if not checkup.ok:
        problem = _("{path} is damaged itself ({problem}); choose another copy")
        raise BadInput("file", problem.format(path=source, problem=checkup.problems[0]))
    probe = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    try:
        if probe.execute("PRAGMA application_id").fetchone()[0] != APPLICATION_ID:
            raise BadInput("file", _("{path} is not a briefing database").format(path=source))
        aside = path.with_name(f"{path.stem}.replaced-{utc_now():%Y%m%d-%H%M%S}.db")
        if path.exists():
            _move_aside(path, aside)
        _copy(probe, path)
    finally:
        probe.close()
    from briefing import damage

    damage.clear(path)  # a sound file is in place now
    return aside


def _move_aside(path: Path, aside: Path) -> None:
    """The current file, with its WAL folded in, kept whole under ``aside``."""
    conn = sqlite3.connect(path)
    try:
        _copy(conn, aside)
    finally:
        conn.close()
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def _copy(conn: sqlite3.Connection, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".part")
    partial.unlink(missing_ok=True)
    out = sqlite3.connect(partial)
    try:
        conn.backup(out, pages=STEP_PAGES)
    finally:
        out.close()
    os.replace(partial, target)  # a copy is whole or absent


def _prune(path: Path, kept: Kept) -> None:
    days = sorted(folder(path).glob(f"{path.stem}-[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9].db"))
    weeks = sorted(folder(path).glob(f"{path.stem}-week-*.db"))
    for old in days[: max(len(days) - kept.days, 0)] + weeks[: max(len(weeks) - kept.weeks, 0)]:
        old.unlink(missing_ok=True)
