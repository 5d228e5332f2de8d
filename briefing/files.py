"""Files a person asked for: written whole or not at all, never over another.

An export lands where someone opens it in a spreadsheet or mails it on. A
half-written file (a full disk, ctrl+c) or a colleague's file silently
replaced is worse than no file, so every file is written to a temporary
name beside its place, flushed, then moved there in one step: renamed over
an existing file only when the user said so (``replace``), else hard-linked,
which fails if the name is taken, even by a file that appeared meanwhile.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path
from typing import BinaryIO

from briefing.errors import BadInput
from briefing.i18n import _

__all__ = ["read_limited", "write_new", "write_unique"]


def write_new(path: Path, data: bytes, *, replace: bool = False) -> None:
    """Write ``data`` to ``path`` atomically; an existing file is refused
    (``FileExistsError``) unless ``replace``."""
    if not path.parent.is_dir():
        raise BadInput("folder", _("{folder} is not a folder that exists").format(folder=path.parent))
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        # mkstemp makes the file private (0600); an export is for sharing:
        # the permissions any new file of the user's gets (their umask).
        os.fchmod(fd, 0o666 & ~_umask())
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        if replace:
            os.replace(tmp, path)
        else:
            _link(tmp, path, data)
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)


def _umask() -> int:
    """The process's umask, read without setting it (``os.umask`` would
    change it for every thread while it is read: the database's own files
    are written meanwhile); 022 where the system does not say."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    return 0o022


def _link(tmp: str, path: Path, data: bytes) -> None:
    try:
        os.link(tmp, path)
    except FileExistsError:
        raise
    except OSError:  # a file system without hard links (FAT, some shares): exclusive create instead
        with os.fdopen(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666), "wb") as f:
            f.write(data)


def write_unique(folder: Path, stem: str, suffix: str, data: bytes) -> Path:
    """Write ``data`` as ``folder/stem+suffix``, or ``stem-2``, ``stem-3``...
    if that is taken: an export from the app never replaces a file."""
    for n in range(1, 1000):
        path = folder / f"{stem}{'' if n == 1 else f'-{n}'}{suffix}"
        try:
            write_new(path, data)
        except FileExistsError:
            continue
        return path
    raise BadInput(
        "file", _("{folder} already holds 999 files named {name}: move some away").format(folder=folder, name=stem)
    )


def read_limited(stream: BinaryIO, limit: int, field: str, what: str) -> bytes:
    """At most ``limit`` bytes of ``stream``; a longer one is refused after
    reading one byte past the limit, never to its end (``/dev/zero``)."""
    data = stream.read(limit + 1)
    if len(data) > limit:
        problem = _("{what} is larger than {size} MB, more than an import takes")
        raise BadInput(field, problem.format(what=what, size=limit // (1024 * 1024)))
    return data
