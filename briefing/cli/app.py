"""Opening the Textual app from the CLI.

The only place the core reaches for the UI, and only when asked to: the
import is inside the function so ``briefing verbatim add`` never pays for
loading Textual (about 0.2 s).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any


def open_app(db_path: Path, lang: str | None = None) -> None:
    """A bad file is refused in one line before Textual starts (screens.app.prepare
    reads the database first); ``lang``: the ``--lang`` flag, if given."""
    launched(db_path, lang).run()


def launched(db_path: Path, lang: str | None = None) -> Any:
    """The app, prepared as ``briefing`` launches it (the meeting benchmark
    measures it this way too).

    Start-up makes objects that live as long as the app (modules, classes,
    styles, the first screen's widgets): the cyclic garbage collector is off
    while they are made, and they are then frozen out of its reach
    (``gc.freeze``), so no collection walks them again. The app turns it
    back on once its first frame is shown (``screens.app``). Otherwise one
    full collection lands in the meeting's first frame (about 15 ms of a
    200 ms launch, docs/PERFORMANCE.md)."""
    import gc

    gc.disable()
    try:
        from screens.app import prepare

        return prepare(db_path, lang=lang)
    except BaseException:
        gc.enable()
        raise
    finally:
        gc.freeze()
