"""Waiting in Pilot tests for what the user would see, never for a fixed time.

A fixed pause is a guess about the machine: too short on a loaded CI runner
(a test that fails once in a while), too long everywhere else (a slow suite).
These helpers wait for a condition instead. Their timeouts are generous
because they only bound a failure: a wait that succeeds returns as soon as
its condition holds.

Prefer conditions on what is on screen (a widget's text, a table's rows,
``isinstance(app.screen, X)``, :func:`screen_text`) or in the database, over
a screen's private attributes: the screens get refactored, what the user
sees does not change with them.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable

from textual.app import App
from textual.css.query import NoMatches
from textual.pilot import Pilot
from textual.widgets import DataTable, Digits
from textual.worker import Worker, WorkerError

#: Bounds a wait that fails; one that succeeds returns at once. Generous for
#: a loaded two-core CI machine.
TIMEOUT = 10.0
#: The command palette's own worker, alive for as long as the palette is open.
PALETTE_WORKERS = "--textual-command-palette-gather-commands"


async def until(pilot: Pilot, condition: Callable[[], object], what: str, timeout: float = TIMEOUT) -> None:
    """Let the app run until ``condition()`` is true; fail naming ``what`` if it never is.

    A condition that queries a widget not mounted yet (``NoMatches``) is not
    true yet. Each round lets the app handle its pending messages
    (``pilot.pause()``), so the condition sees the app's latest state.
    """
    deadline = time.monotonic() + timeout
    while True:
        try:
            if condition():
                return
            last = ""
        except NoMatches as exc:
            last = f" (last try: {exc})"
        if time.monotonic() > deadline:
            raise AssertionError(f"waited {timeout:g} s for {what}, in vain{last}")
        await pilot.pause()


def _running(app: App) -> list[Worker]:
    return [w for w in app.workers if w.is_running and w.group != PALETTE_WORKERS]


async def settled(pilot: Pilot, timeout: float = TIMEOUT) -> None:
    """Wait until no worker of the app runs (the palette's aside), and the app
    has handled what they posted (results, ``call_from_thread``).

    For "the app finished its database work"; what the user sees is better
    waited for with :func:`until`. A worker that failed or was cancelled
    counts as finished: what that means for the user is for the test to check.
    """
    app = pilot.app
    deadline = time.monotonic() + timeout
    while True:
        running = _running(app)
        if not running:
            await pilot.pause()  # handles what they posted, which may start more
            if not _running(app):
                return
            continue
        waiting = asyncio.ensure_future(app.workers.wait_for_complete(running))
        await asyncio.wait([waiting], timeout=max(deadline - time.monotonic(), 0))
        if not waiting.done():
            waiting.cancel()
            names = ", ".join(sorted(f"{w.group}:{w.name}" for w in _running(app)))
            raise AssertionError(f"workers still running after {timeout:g} s: {names}")
        error = waiting.exception()
        if error is not None and not isinstance(error, WorkerError):  # failed or cancelled: finished all the same
            raise error


def screen_text(app: App) -> str:
    """What the terminal shows of the screen on top, as text, line by line.

    Rendered from the screen's compositor: what the user reads, column
    widths and truncation included (a table's model can hold a row the
    screen does not show yet, or shows cut).
    """
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


def footer_cut(app: App) -> list[str]:
    """The keys the footer should show whole but does not (the terminal's
    last line): each shown, enabled binding's description must be there."""
    footer = screen_text(app).splitlines()[-1]
    return [
        binding.description
        for binding in (b.binding for b in app.screen.active_bindings.values())
        if binding.show
        and app.screen.check_action(binding.action.split("(")[0], ()) is not False
        and binding.description not in footer
    ]


def table_shown(app: App, table: DataTable) -> bool:
    """Every cell of ``table`` is on screen in full, as wide as its column
    should be (for a table that fits on the screen).

    A DataTable measures its columns when it is next idle, after its rows
    were added: until then, or if it was painted in between, the screen can
    show the rows cut to the width of the headings.
    """
    shown = screen_text(app)
    cells = (str(cell) for i in range(table.row_count) for cell in table.get_row_at(i))
    return table.row_count > 0 and all(cell in shown for cell in cells)


def on_top(app: App, screen_class: type) -> bool:
    return isinstance(app.screen, screen_class)


async def home_drawn(pilot: Pilot) -> None:
    """The app is up as the lead first sees it: home on top, showing what the
    database holds (its counts), and reading nothing more."""
    from screens.home import HomeScreen

    app = pilot.app
    await until(pilot, lambda: on_top(app, HomeScreen) and app.screen.query_one(Digits).value != "-", "home's counts")
    await settled(pilot)
