"""Saving a form without freezing the screen, and what both forms share.

A collaborator's ``briefing verbatim add`` or the lead's running briefing
may hold the write lock for a moment; SQLite then waits (our busy timeout,
:data:`briefing.db.BUSY_TIMEOUT_MS`). That wait happens in a thread so the
form stays alive, and after a second the user is told why nothing happened
yet. Whatever goes wrong, the form keeps what was typed: a save that fails
must never cost the user their words.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from typing import Any, ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Input, Label, Select, TextArea

from briefing.db import BUSY_TIMEOUT_MS
from briefing.errors import BadInput, BriefingError
from briefing.safetext import inert
from screens.safe import safe

#: Seconds before a save still waiting for the lock is reported as busy.
BUSY_AFTER = 1.0
BUSY = "Database busy, retrying…"
STAYED_BUSY = "The database stayed busy; nothing was saved. Try again."
HINT = "Tab / Shift+Tab: next / previous field · Ctrl+S: save · Esc: cancel"


def _is_busy(exc: BaseException) -> bool:
    text = str(exc)
    return "locked" in text or "busy" in text


class SavesInBackground:
    """Mixin for a screen: ``save_in_background(job)`` runs ``job(conn)`` in a
    thread, then calls ``saved(result)``, ``refused(bad_input)`` or
    ``failed(message)`` on the UI thread, and ``busy(True/False)`` around a
    long wait."""

    saving = False

    def save_in_background(self, job: Callable[[sqlite3.Connection], Any]) -> None:
        if self.saving:  # a second Ctrl+S while the first waits: one save is enough
            return
        self.saving = True
        self._busy_timer = self.set_timer(BUSY_AFTER, self._still_saving)  # type: ignore[attr-defined]
        self._save(job)

    @work(thread=True, exit_on_error=False, group="save")
    def _save(self, job: Callable[[sqlite3.Connection], Any]) -> None:
        outcome: tuple[str, Any]
        try:
            conn = self.app.connect()  # type: ignore[attr-defined]
            try:
                outcome = ("saved", job(conn))
            finally:
                conn.close()
        except BadInput as exc:
            outcome = ("refused", exc)
        except (sqlite3.OperationalError, BriefingError) as exc:
            outcome = ("failed", STAYED_BUSY if _is_busy(exc) else f"Nothing was saved: {exc}")
        except Exception as exc:  # noqa: BLE001 - keep the form (and its text) alive whatever happened
            outcome = ("failed", f"Nothing was saved: {type(exc).__name__}: {exc}")
        self.app.call_from_thread(self._save_done, *outcome)  # type: ignore[attr-defined]

    def _still_saving(self) -> None:
        if self.saving:
            self.notify(BUSY, severity="warning", timeout=4)  # type: ignore[attr-defined]
            self.busy(True)

    def _save_done(self, kind: str, value: Any) -> None:
        self._busy_timer.stop()
        self.saving = False
        self.busy(False)
        getattr(self, kind)(value)

    def busy(self, waiting: bool) -> None:
        """Override to show the wait in the screen itself."""

    def saved(self, result: Any) -> None:
        raise NotImplementedError

    def refused(self, exc: BadInput) -> None:
        raise NotImplementedError

    def failed(self, message: str) -> None:
        self.notify(inert(message, single_line=True), severity="error", timeout=10, markup=False)  # type: ignore[attr-defined]


def field(label: str, widget: Widget, *classes: str) -> Vertical:
    """A labelled field with its own error line underneath (``#<id>-error``)."""
    return Vertical(
        Label(label, classes="field-label"),
        widget,
        Label("", id=f"{widget.id}-error", classes="field-error"),
        classes=" ".join(("field", *classes)),
    )


def people(team: list[dict[str, Any]], keep: str | None = None) -> list[tuple[Text, str]]:
    """Select options for the active team; ``keep`` (the person already on
    the record) stays choosable even after leaving, marked as such."""
    options = [(safe(p["name"], single_line=True), p["name"]) for p in team]
    if keep and keep not in {p["name"] for p in team}:
        options.append((safe(keep, single_line=True).append(" · left", style="dim"), keep))
    return options


def value_of(widget: Widget) -> str:
    if isinstance(widget, TextArea):
        return widget.text
    if isinstance(widget, Select):
        return "" if widget.is_blank() else str(widget.value)
    assert isinstance(widget, Input)
    return widget.value


class FormScreen(SavesInBackground, Screen[int | None]):
    """An add / edit form: Ctrl+S saves, Esc leaves (asking first if anything
    was typed), a refused field is marked where it is and gets the focus.

    Subclasses give ``NOUN``, ``FIELDS`` (widget ids, in order), ``LABELS``
    (model field -> widget id), ``compose_fields``, ``load_record`` (in a
    thread) and ``job(values)``.
    """

    DEFAULT_CSS = """
    FormScreen { align: center middle; }
    FormScreen #form { width: 100%; max-width: 120; height: 1fr; max-height: 32; padding: 0 1; }
    FormScreen .field { height: auto; }
    FormScreen .field.-grow { height: 1fr; }
    FormScreen .row { height: auto; }
    FormScreen .row > .field { width: 1fr; margin-right: 1; }
    FormScreen .row > .field.-last { margin-right: 0; }
    FormScreen .row > .field.-wide { width: 1.5fr; }
    FormScreen SelectCurrent Static#label { text-wrap: nowrap; text-overflow: ellipsis; }
    FormScreen .field-label { color: $text-muted; text-style: bold; }
    FormScreen TextArea { height: 1fr; min-height: 3; }
    FormScreen .field-error { display: none; color: $error; height: auto; width: 100%; }
    FormScreen .field-error.-shown { display: block; }
    FormScreen TextArea.-invalid, FormScreen Select.-invalid > SelectCurrent { border: tall $error; }
    FormScreen #hint { color: $text-muted; height: auto; }
    FormScreen #hint.-busy { color: $warning; text-style: bold; }
    """
    BINDINGS = [
        Binding("ctrl+s", "save", "Save", id="form.save", priority=True),
        Binding("escape", "cancel", "Cancel", id="form.cancel"),
        # On a form every letter is typing: a stray q must not quit the app.
        Binding("q", "ignore", show=False, id="form.no_quit"),
    ]
    NOUN: ClassVar[str] = ""
    FIELDS: ClassVar[tuple[str, ...]] = ()
    LABELS: ClassVar[dict[str, str]] = {}

    def __init__(self, record_id: int | None = None) -> None:
        super().__init__()
        self.record_id = record_id
        self.initial: dict[str, str] | None = None  # what the form held once loaded

    def compose(self) -> ComposeResult:
        from textual.widgets import Footer, Header

        yield Header()
        with Vertical(id="form"):
            yield from self.compose_fields()
            yield Label(HINT, id="hint")
        yield Footer()

    def compose_fields(self) -> ComposeResult:
        raise NotImplementedError

    def on_mount(self) -> None:
        self.sub_title = f"Edit {self.NOUN} {self.record_id}" if self.record_id else f"New {self.NOUN}"
        self.query_one(f"#{self.FIELDS[0]}").focus()
        self._load()

    @work(thread=True, exit_on_error=False, group="form-load")
    def _load(self) -> None:
        conn = None
        try:
            conn = self.app.connect()
            loaded = self.load_record(conn)
        except (BriefingError, sqlite3.Error) as exc:
            self.app.call_from_thread(self._not_loaded, f"Could not open the form: {exc}")
            return
        finally:
            if conn is not None:
                conn.close()
        self.app.call_from_thread(self._loaded, loaded)

    def load_record(self, conn: sqlite3.Connection) -> Any:
        raise NotImplementedError

    def fill(self, loaded: Any) -> None:
        raise NotImplementedError

    def _loaded(self, loaded: Any) -> None:
        self.fill(loaded)
        self.initial = self.values()

    def _not_loaded(self, message: str) -> None:
        self.failed(message)
        self.dismiss(None)

    def values(self) -> dict[str, str]:
        return {wid: value_of(self.query_one(f"#{wid}")) for wid in self.FIELDS}

    def changed(self) -> dict[str, str]:
        """The fields whose value differs from what the form was loaded with."""
        start = self.initial or {}
        return {wid: v for wid, v in self.values().items() if v.strip() != start.get(wid, "").strip()}

    def job(self, values: dict[str, str]) -> Callable[[sqlite3.Connection], int] | None:
        raise NotImplementedError

    def action_save(self) -> None:
        if self.initial is None or self.saving:
            return
        self.clear_errors()
        job = self.job(self.values())
        if job is None:  # an edit that changes nothing
            self.notify("Nothing changed")
            self.dismiss(self.record_id)
            return
        self.save_in_background(job)

    def saved(self, record_id: int) -> None:
        self.notify(f"{self.NOUN.capitalize()} saved")
        self.dismiss(record_id)

    def refused(self, exc: BadInput) -> None:
        wid = self.LABELS.get(exc.field or "", exc.field)
        if wid not in self.FIELDS:
            self.failed(str(exc))
            return
        widget = self.query_one(f"#{wid}")
        problem = exc.problem
        if isinstance(widget, Select) and problem == "must not be empty":
            problem = "choose someone from the list"
        widget.add_class("-invalid")
        error = self.query_one(f"#{wid}-error", Label)
        error.update(safe(problem))
        error.add_class("-shown")
        widget.focus()

    def clear_errors(self, wid: str | None = None) -> None:
        for name in [wid] if wid else self.FIELDS:
            self.query_one(f"#{name}").remove_class("-invalid")
            self.query_one(f"#{name}-error", Label).remove_class("-shown")

    @on(Input.Changed)
    @on(TextArea.Changed)
    @on(Select.Changed)
    def _edited(self, event: Input.Changed | TextArea.Changed | Select.Changed) -> None:
        """Typing in a refused field clears its error: the user is fixing it."""
        wid = event.control.id
        if wid in self.FIELDS:
            self.clear_errors(wid)

    def busy(self, waiting: bool) -> None:
        hint = self.query_one("#hint", Label)
        hint.set_class(waiting, "-busy")
        hint.update(f"Saving… the database is busy, retrying (up to {BUSY_TIMEOUT_MS // 1000} s)" if waiting else HINT)

    def action_cancel(self) -> None:
        from screens.confirm import ConfirmScreen

        if self.saving:
            self.notify("Still saving: a moment…")
            return
        if self.initial is None or not self.changed():
            self.dismiss(None)
            return
        self.app.push_screen(
            ConfirmScreen(f"Discard this {self.NOUN}? What you typed will be lost."),
            lambda yes: self.dismiss(None) if yes else None,
        )

    def action_ignore(self) -> None:
        pass
