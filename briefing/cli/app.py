"""Opening the Textual app from the CLI.

The only place the core reaches for the UI, and only when asked to: the
import is inside the function so ``briefing verbatim add`` never pays for
loading Textual (about 0.2 s).
"""

from __future__ import annotations

from pathlib import Path


def open_app(db_path: Path, lang: str | None = None) -> None:
    """A bad file is refused in one line before Textual starts (screens.app.run
    reads the database first); ``lang``: the ``--lang`` flag, if given."""
    from screens.app import run

    run(db_path, lang=lang)
