"""Opening the one SQLite file every front end shares.

Why it looks like this:

* WAL and a busy timeout let a collaborator's ``briefing verbatim add`` land
  while the lead's app is reading; ``BEGIN IMMEDIATE`` (see :func:`write`)
  takes the write lock up front, so a read-then-write transaction never fails
  half way with SQLITE_BUSY_SNAPSHOT.
* The schema version lives in ``PRAGMA user_version`` so the common case
  (schema already current) costs one pragma and never imports sqlite-utils;
  the migrations themselves are sqlite-utils ``Migrations`` in
  :mod:`briefing.schema`, run only when something is pending.
* ``PRAGMA application_id`` marks the file as ours, so pointing ``--db`` at
  another program's database is refused instead of quietly altering it.
"""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

from briefing import damage
from briefing.errors import BadInput, BriefingError, NotFound
from briefing.i18n import _

#: Bumped with every migration added to :mod:`briefing.schema` (a test checks).
SCHEMA_VERSION = 9
#: "BRFG": identifies a briefing database among SQLite files.
APPLICATION_ID = 0x42524647
BUSY_TIMEOUT_MS = 15_000
_FIELD = "database"


def connect(path: str | os.PathLike[str], *, migrate: bool = True, create: bool = True) -> sqlite3.Connection:
    """Open a briefing database, schema up to date; a missing file is
    created, unless ``create`` is false (a read has nothing to read there).

    Every problem with the file itself becomes a :class:`BadInput` naming the
    path: the user pointed us at it and can point us elsewhere.
    """
    path = Path(path)
    if not create and not path.exists():
        raise NotFound(
            _FIELD,
            _("there is no database at {path} (the first command that adds something creates it)").format(path=path),
        )
    check_path(path)
    try:
        conn = sqlite3.connect(path, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000, factory=Connection)
    except sqlite3.Error as exc:
        raise BadInput(_FIELD, _("cannot open {path}: {problem}").format(path=path, problem=exc)) from None
    conn.path = path
    conn.row_factory = sqlite3.Row
    try:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        # Refuse a foreign or newer file before changing anything in it
        # (even the journal mode is a write).
        with snapshot(conn):  # identity and tables seen together, never half a migration
            _refuse_foreign(conn, *_identity(conn), path)
        _enable_wal(conn)
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA synchronous = NORMAL")
        if migrate:
            ensure_schema(conn, path)
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise _explain(exc, path) from None
    except BaseException:
        conn.close()
        raise
    return conn


class Connection(sqlite3.Connection):
    """A connection that knows its file, so a write can check the file's
    damage mark (:mod:`briefing.damage`) and make the day's backup
    (:mod:`briefing.backups`) before it begins."""

    path: Path
    #: Off for files that are copies in the making (the demo being built).
    backups: bool = True


@contextmanager
def opened(path: str | os.PathLike[str], *, migrate: bool = True, create: bool = True) -> Iterator[sqlite3.Connection]:
    """A connection for the length of a ``with`` block, closed whatever happens."""
    conn = connect(path, migrate=migrate, create=create)
    try:
        yield conn
    except sqlite3.DatabaseError as exc:
        if damage.is_corrupt(exc):  # the first to meet the damage marks the file
            raise damage.mark(path, exc) from None
        raise
    finally:
        conn.close()


def check_path(path: Path) -> None:
    """Refuse what cannot be a database file, without opening it ourselves:
    closing any descriptor of a file drops every POSIX lock this process
    holds on it, including SQLite's (the file's own header is checked by
    SQLite when the first pragma reads it)."""
    if path.is_dir():
        raise BadInput(_FIELD, _("{path} is a directory, not a database file").format(path=path))
    if path.exists():
        if not path.is_file():
            raise BadInput(_FIELD, _("{path} is not a regular file").format(path=path))
        if not os.access(path, os.W_OK):
            raise BadInput(_FIELD, _("{path} is not writable").format(path=path))
        return
    parent = path.parent
    try:
        parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        problem = _("cannot create the folder {folder}: {reason}").format(folder=parent, reason=exc.strerror)
        raise BadInput(_FIELD, problem) from None
    if not os.access(parent, os.W_OK):
        raise BadInput(
            _FIELD, _("cannot create {path}: the folder {folder} is not writable").format(path=path, folder=parent)
        )


def is_sqlite(path: Path) -> bool:
    """Whether SQLite can read ``path`` as a database (asked through SQLite,
    which keeps its locks safe; see :func:`check_path`)."""
    try:
        probe = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            probe.execute("PRAGMA schema_version").fetchone()
        finally:
            probe.close()
    except sqlite3.DatabaseError:
        return False
    return True


def _explain(exc: sqlite3.DatabaseError, path: Path) -> BriefingError:
    text = str(exc)
    if damage.is_corrupt(exc) and ("malformed" in text or _says_sqlite(path)):
        return damage.mark(path, exc)  # a truncated or corrupt database, not a foreign file
    if "not a database" in text:
        return BadInput(_FIELD, _("{path} is not a SQLite database").format(path=path))
    if "readonly" in text or "unable to open" in text:
        return BadInput(_FIELD, _("cannot write to {path}: {problem}").format(path=path, problem=text))
    if "locked" in text or "busy" in text:
        return BriefingError(_("{path} is locked by another program; try again in a moment").format(path=path))
    return BriefingError(f"{path}: {text}")


def _says_sqlite(path: Path) -> bool:
    """Whether the file begins as SQLite files do. Read with os.pread, only
    once SQLite has refused the file: no connection of ours holds locks on
    a file it could not open (see :func:`check_path`)."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return False
    try:
        return os.pread(fd, 16, 0) == b"SQLite format 3\x00"
    finally:
        os.close(fd)


def _enable_wal(conn: sqlite3.Connection) -> None:
    # Switching a fresh file to WAL needs a moment of exclusive access, which
    # the busy handler does not always wait for: retry briefly on our own.
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            mode = conn.execute("PRAGMA journal_mode").fetchone()[0]
            if mode != "wal":
                conn.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.01)


def ensure_schema(conn: sqlite3.Connection, path: Path | str = "") -> None:
    app_id, version = _identity(conn)
    if app_id == APPLICATION_ID and version == SCHEMA_VERSION:
        return
    _refuse_foreign(conn, app_id, version, path)
    with write(conn):
        # Someone else may have migrated while we waited for the lock.
        app_id, version = _identity(conn)
        _refuse_foreign(conn, app_id, version, path)
        if version < SCHEMA_VERSION:
            from briefing.schema import apply_migrations

            apply_migrations(conn)
            conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")


def _identity(conn: sqlite3.Connection) -> tuple[int, int]:
    app_id = conn.execute("PRAGMA application_id").fetchone()[0]
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    return app_id, version


def _refuse_foreign(conn: sqlite3.Connection, app_id: int, version: int, path: Path | str) -> None:
    if app_id == APPLICATION_ID:
        if version > SCHEMA_VERSION:
            raise BadInput(
                _FIELD,
                _(
                    "{path} was made by a newer version of briefing (schema {version}, "
                    "this one knows {known}); upgrade briefing to use it. The file was left untouched."
                ).format(path=path, version=version, known=SCHEMA_VERSION),
            )
        return
    tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
    if tables:
        raise BadInput(
            _FIELD,
            _("{path} is a SQLite database of another program, not a briefing database; it was left untouched").format(
                path=path
            ),
        )


@contextmanager
def snapshot(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """Several reads that see one state of the database.

    Each statement outside a transaction sees the latest commit, so two
    reads can straddle a colleague's write (a verbatim marked shown between
    "the new ones" and "the shown ones" fell out of the meeting's cards). A
    read transaction fixes the state for all of them; in WAL mode it never
    blocks a writer. Inside a transaction already, it adds nothing.
    """
    if conn.in_transaction:
        yield conn
        return
    conn.execute("BEGIN")
    try:
        yield conn
    finally:
        if conn.in_transaction:
            conn.execute("COMMIT")  # a read: nothing to undo


@contextmanager
def write(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """One all-or-nothing write, holding the write lock from the start.

    Keep the body short and never ``await`` inside it. A file marked
    damaged is not written to (:mod:`briefing.damage`).
    """
    if isinstance(conn, Connection):
        damage.refuse_if_marked(conn.path)
        if conn.backups:
            _daily_backup(conn)
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        # SQLite may already have rolled back (a full disk, an I/O error, an
        # interrupt): a second ROLLBACK would fail and hide the real cause.
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    else:
        conn.execute("COMMIT")
        _checkpoint(conn)


def _daily_backup(conn: Connection) -> None:
    """The day's first write copies the file first (see :mod:`briefing.backups`).
    A copy that cannot be made (a full disk, a read-only folder) must not
    cost the user the write itself."""
    from briefing import backups

    with suppress(OSError, sqlite3.Error):
        backups.daily(conn, conn.path)


def _checkpoint(conn: sqlite3.Connection) -> None:
    """Copy what was just committed from the WAL into the database file.

    SQLite does it when the last connection closes; while the app is open
    (its watcher keeps a connection) it would wait for 1,000 pages. A WAL
    deleted by another program meanwhile took every row still in it (an
    attack lost 10 of 10). A passive checkpoint never waits for a reader and
    never blocks one; if it cannot finish now, the next write's will.
    """
    with suppress(sqlite3.OperationalError):
        conn.execute("PRAGMA wal_checkpoint(PASSIVE)")


def data_version(conn: sqlite3.Connection) -> int:
    """Changes whenever *another* connection commits: cheap to poll."""
    return conn.execute("PRAGMA data_version").fetchone()[0]


def is_busy(exc: BaseException) -> bool:
    """Another connection held the lock past our busy timeout."""
    return isinstance(exc, sqlite3.OperationalError) and ("locked" in str(exc) or "busy" in str(exc))


def is_database_error(exc: BaseException) -> bool:
    return isinstance(exc, sqlite3.Error)


class Call:
    """One call of a core function, ``fn(conn, *args)``, on a connection of
    its own that another thread may :meth:`interrupt` (a read nobody waits
    for any more stops where it is)."""

    def __init__(self, path: str | os.PathLike[str], fn: Callable[..., Any], args: tuple[Any, ...]) -> None:
        self.path, self.fn, self.args = path, fn, args
        self._conn: sqlite3.Connection | None = None

    def __call__(self) -> Any:
        # Never create the file: one that vanished under the app is not
        # quietly replaced by an empty one (the app's watcher says it went).
        with opened(self.path, create=False) as conn:
            self._conn = conn
            try:
                return self.fn(conn, *self.args)
            finally:
                self._conn = None

    def interrupt(self) -> None:
        conn = self._conn
        if conn is not None:
            with suppress(sqlite3.ProgrammingError):  # closed in the meantime: nothing to stop
                conn.interrupt()
