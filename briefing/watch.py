"""Noticing, from the app, what other programs do to the database file.

Two things: a commit by another connection (a colleague's ``verbatim
add``, or the app's own worker threads), so the screens read again; and
the file being replaced, or its write-ahead log deleted, under the open
app (a restore, a demo rebuilt, a person tidying a folder), so the app can
say so and follow the file as it now is instead of showing, and writing
beside, a file that is gone.
"""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from briefing.db import connect, data_version
from briefing.i18n import _

__all__ = ["ChangeWatcher", "Seen"]


@dataclass(frozen=True)
class Seen:
    """What one look found."""

    #: Someone committed since the last look.
    changed: bool = False
    #: The file was replaced or removed, or its WAL deleted: what, in words.
    swapped: str | None = None


def _identity(path: Path) -> tuple[int, int] | None:
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return None
    return st.st_dev, st.st_ino


class ChangeWatcher:
    """One read-only connection, polled: ``PRAGMA data_version`` moves when
    another connection commits, so a look costs a pragma and two stats.

    Read-only on purpose: a connection that holds a WAL someone deleted
    would, on closing, checkpoint that stale log over newer data; a
    read-only one never writes the database file.
    """

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)
        connect(self.path).close()  # created and migrated if need be, by a writer
        self._open()

    def _open(self) -> None:
        self._conn = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True)
        self._seen = data_version(self._conn)
        self._file = _identity(self.path)
        self._wal = _identity(Path(f"{self.path}-wal"))

    def look(self) -> Seen:
        file, wal = _identity(self.path), _identity(Path(f"{self.path}-wal"))
        swapped = None
        if file != self._file:
            swapped = _("the database file was replaced or removed by another program")
        elif self._wal is not None and wal != self._wal:
            swapped = _("the database's journal (-wal) was deleted or replaced by another program")
        if swapped is not None:
            self.close()
            if file is None:  # gone: keep looking until it is back
                self._file, self._wal = None, None
                return Seen(changed=False, swapped=swapped)
            self._open()
            return Seen(changed=True, swapped=swapped)
        self._wal = self._wal or wal  # the log appears with the first writer
        if self._file is None:
            return Seen()
        version = data_version(self._conn)
        moved, self._seen = version != self._seen, version
        return Seen(changed=moved)

    def close(self) -> None:
        self._conn.close()
