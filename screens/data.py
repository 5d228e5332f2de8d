"""The one way a screen reaches the database.

A screen never opens a connection or writes SQL. It asks :func:`run` to
call a core function with a connection of its own, off the UI thread, and
hears how it went through a message it handles with ``@on``::

    class HomeScreen(Screen):
        class Ready(Loaded):
            '''Today's readiness, read.'''

        def load(self) -> None:
            run(self, self.Ready, readiness, self.app.day)

        @on(Ready)
        def _show(self, event: Ready) -> None:
            ...  # event.value is what readiness() returned

* Each kind of answer is its own subclass of :class:`Loaded`, so the
  handler is picked by the message's type, never by looking at the value.
* :class:`Refused` carries the core's :class:`~briefing.errors.BadInput`
  (a model field and a problem): the screen puts it next to its field.
* :class:`Failed` says in one line what went wrong otherwise (the database
  stayed busy, the file is damaged, a bug).
* Both bubble up to the App, which shows them as a notification: a screen
  that handles them itself calls ``event.stop()``.

**Reads** run in parallel, and a newer read of the same kind cancels the
older one: its SQLite statement is interrupted and its answer never
arrives, so a slow search can never overwrite a newer one.

**Writes** (``write=True``) run one at a time, in the order they were asked
for, on the app's one writer thread, and are never cancelled: a key the
lead pressed is applied even if the screen that took it has closed, and
before the app exits (see :func:`finish_writes`).
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from typing import Any, Generic, TypeVar
from weakref import WeakKeyDictionary

from textual import log
from textual.app import App
from textual.dom import DOMNode
from textual.message import Message
from textual.worker import Worker

from briefing.db import Call, is_busy, is_database_error, opened
from briefing.errors import BadInput, BriefingError
from briefing.i18n import N_, _
from briefing.safetext import inert

__all__ = ["Failed", "Loaded", "Refused", "connection", "finish_writes", "follow", "run"]

T = TypeVar("T")

BUSY_WRITE = N_("The database stayed busy; nothing was saved. Try again.")
BUSY_READ = N_("The database is busy; try again in a moment.")


class Loaded(Message, Generic[T]):
    """A core function's answer (what it read, or what its write returned).

    Subclass it once per kind of answer a screen waits for."""

    def __init__(self, value: T) -> None:
        super().__init__()
        self.value = value


class Refused(Message):
    """The core refused the input: ``error.field`` is the model's field name."""

    def __init__(self, answer: type[Loaded[Any]], error: BadInput) -> None:
        super().__init__()
        self.answer = answer
        self.error = error


class Failed(Message):
    """Anything else went wrong; ``message`` is one line for a person."""

    def __init__(self, answer: type[Loaded[Any]], message: str) -> None:
        super().__init__()
        self.answer = answer
        self.message = message


@contextmanager
def connection(app: App[Any]) -> Iterator[Any]:
    """A connection to the app's database, closed whatever happens. For the
    App's own start-up read; screens use :func:`run`."""
    with opened(app.db_path) as conn:  # type: ignore[attr-defined]
        yield conn


def run(node: DOMNode, answer: type[Loaded[T]], fn: Callable[..., T], *args: Any, write: bool = False) -> Worker[None]:
    """Call ``fn(conn, *args)`` off the UI thread; ``node`` then receives
    ``answer(result)``, :class:`Refused` or :class:`Failed`."""
    app = node.app
    call = Call(app.db_path, fn, args)  # type: ignore[attr-defined]
    # Submitted now, not when the worker starts: writes keep the order of the keys.
    pending = _writer(app).submit(call) if write else None

    async def work() -> None:
        try:
            if pending is not None:
                # Shielded: cancelling the worker (its screen closed) must not drop the write.
                value = await asyncio.shield(asyncio.wrap_future(pending))
            else:
                value = await asyncio.to_thread(call)
        except asyncio.CancelledError:
            if pending is None:
                call.interrupt()
            raise
        except BadInput as exc:
            message: Message = Refused(answer, exc)
        except Exception as exc:  # noqa: BLE001 - every failure becomes one line for the user
            message = Failed(answer, describe(exc, write=write))
        else:
            message = answer(value)
        node.post_message(message)

    return node.run_worker(work, group=answer.__qualname__, exclusive=not write, exit_on_error=False)


def follow(screen: DOMNode, reload: Callable[[], None]) -> None:
    """Call ``reload`` whenever the database changed under the app (its
    ``generation``), not when the screen opens: it reads once by itself.
    (Textual calls a watcher once as the app's reactive settles, even with
    ``init=False``: that was a second read of every screen at start-up.)"""
    seen = screen.app.generation  # type: ignore[attr-defined]

    def changed(value: int) -> None:
        nonlocal seen
        if value != seen:
            seen = value
            reload()

    screen.watch(screen.app, "generation", changed, init=False)


def describe(exc: BaseException, *, write: bool) -> str:
    """One line about a failure, for the person who pressed the key (in
    their language; SQLite's own words and a bug's stay as they were said)."""
    if is_busy(exc):
        return _(BUSY_WRITE if write else BUSY_READ)
    if isinstance(exc, BriefingError):
        text = str(exc)
    elif is_database_error(exc):
        text = _("database problem: {error}").format(error=exc)
    else:
        log.error(f"unexpected {type(exc).__name__} in a database job: {exc}")
        text = f"{type(exc).__name__}: {exc}"
    said = _("Nothing was saved: {problem}") if write else _("Could not read the database: {problem}")
    return said.format(problem=inert(text, single_line=True))


def finish_writes(app: App[Any]) -> None:
    """Wait for the writes already asked for (the app is closing)."""
    writer = _writers.pop(app, None)
    if writer is not None:
        writer.shutdown(wait=True)


_writers: WeakKeyDictionary[App[Any], ThreadPoolExecutor] = WeakKeyDictionary()


def _writer(app: App[Any]) -> ThreadPoolExecutor:
    writer = _writers.get(app)
    if writer is None:
        writer = _writers[app] = ThreadPoolExecutor(max_workers=1, thread_name_prefix="briefing-writer")
    return writer
