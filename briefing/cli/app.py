"""Opening the Textual app from the CLI.

The only place the core reaches for the UI, and only when asked to: the
import is inside the function so ``briefing verbatim add`` never pays for
loading Textual (about 0.2 s).
"""

from __future__ import annotations

from pathlib import Path


def open_app(db_path: Path) -> None:
    from briefing.db import connect

    connect(db_path).close()  # a bad --db fails here, as one clear line
    from screens.app import run

    run(db_path)
