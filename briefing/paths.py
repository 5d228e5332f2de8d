"""Where the database lives.

Resolution order: an explicit ``--db`` flag, then ``BRIEFING_DB``, then the
platform's user data directory. Nothing here touches the disk: the directory
is only created by :func:`ensure_parent` when a command actually opens it.
"""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "briefing"
ENV_VAR = "BRIEFING_DB"


def data_home() -> Path:
    # Imported here: platformdirs is only needed when no path was given.
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False)


def default_db_path() -> Path:
    return data_home() / "briefing.db"


def demo_db_path() -> Path:
    """The demo has its own file so it can never overwrite real data."""
    return data_home() / "demo.db"


def resolve_db_path(flag: str | os.PathLike[str] | None) -> Path:
    if flag:
        return Path(flag).expanduser()
    env = os.environ.get(ENV_VAR)
    if env:
        return Path(env).expanduser()
    return default_db_path()
