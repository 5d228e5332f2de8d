"""Adding and editing records in a form, and saving without freezing the screen.

A collaborator's ``briefing verbatim add`` or the lead's running briefing
may hold the write lock for a moment; SQLite then waits (our busy timeout,
:data:`briefing.db.BUSY_TIMEOUT_MS`). That wait happens on the writer
thread (``screens.data``) so the form stays alive, and after a second the
user is told why nothing happened yet. Whatever goes wrong, the form keeps
what was typed: a save that fails must never cost the user their words.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Input, Label, Select, TextArea

from briefing.db import BUSY_TIMEOUT_MS
from briefing.errors import BadInput
from briefing.i18n import N_, _
from briefing.records import Person
from screens.data import BUSY_WRITE, Failed, Loaded, Refused, run
from screens.safe import safe
from screens.speaking import Speaks

#: Seconds before a save still waiting for the lock is reported as busy.
BUSY_AFTER = 1.0
BUSY = N_("Database busy, retrying…")
STAYED_BUSY = BUSY_WRITE
HINT = N_("Tab / Shift+Tab: next / previous field · Ctrl+S: save · Esc: cancel")
#: The core's word for an empty field; a list to choose from says it its way.
EMPTY = N_("must not be empty")


def field(label: str, widget: Widget, *classes: str) -> Vertical:
    """A labelled field with its own error line underneath (``#<id>-error``)."""
    return Vertical(
        Label(label, classes="field-label"),
        widget,
        Label("", id=f"{widget.id}-error", classes="field-error"),
        classes=" ".join(("field", *classes)),
    )


def people(team: list[Person], keep: str | None = None) -> list[tuple[Text, str]]:
    """Select options for the active team; ``keep`` (the person already on
    the record) stays choosable even after leaving, marked as such."""
    options = [(safe(p.name, single_line=True), p.name) for p in team]
    if keep and keep not in {p.name for p in team}:
        options.append((safe(keep, single_line=True).append(_(" · left"), style="dim"), keep))
    return options


def value_of(widget: Widget) -> str:
    if isinstance(widget, TextArea):
        return widget.text
    if isinstance(widget, Select):
        return "" if widget.is_blank() else str(widget.value)
    assert isinstance(widget, Input)
    return widget.value


class FormScreen(Speaks, Screen[int | None]):
    """An add / edit form: Ctrl+S saves, Esc leaves (asking first if anything
    was typed), a refused field is marked where it is and gets the focus.

    Subclasses give ``NOUN``, the sentences that name the record (``NEW``,
    ``EDITING``, ``SAVED``, ``DISCARD``: whole, so each language can agree
    them with its noun), ``FIELDS`` (widget ids, in order), ``WIDGETS``
    (model field -> widget id), ``OPTIONAL`` (model fields an empty widget
    leaves out), the core's ``GET``, ``ADD`` and ``EDIT`` for the record,
    ``compose_fields`` and ``fill``.
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
    FormScreen #client-hint { color: $text-muted; height: 1; width: 100%; text-wrap: nowrap; text-overflow: ellipsis; }
    FormScreen #client-offer { display: none; height: auto; width: 100%; }
    FormScreen #client-offer.-shown { display: block; }
    FormScreen #client-offer-text { color: $warning; width: 100%; height: auto; }
    FormScreen #client-offer-keys { height: auto; width: 100%; }
    FormScreen #client-offer-keys Button { margin-right: 2; }
    FormScreen #client-offer-help { color: $text-muted; }
    FormScreen Input.-near { border: tall $warning; }
    FormScreen #hint.-busy { color: $warning; text-style: bold; }
    """

    BINDINGS = [
        Binding("ctrl+s", "save", N_("Save"), id="form.save", priority=True),
        Binding("escape", "cancel", N_("Cancel"), id="form.cancel"),
        # On a form every letter is typing: a stray q must not quit the app.
        Binding("q", "ignore", show=False, id="form.no_quit"),
    ]
    NOUN: ClassVar[str] = ""
    #: The header of a new record's form, and of an edit's (``{id}``: the record's).
    NEW: ClassVar[str] = ""
    EDITING: ClassVar[str] = ""
    #: Said once the record is stored.
    SAVED: ClassVar[str] = ""
    #: Asked before Esc drops what was typed.
    DISCARD: ClassVar[str] = ""
    FIELDS: ClassVar[tuple[str, ...]] = ()
    WIDGETS: ClassVar[dict[str, str]] = {}
    OPTIONAL: ClassVar[tuple[str, ...]] = ()
    GET: ClassVar[Callable[..., Any]]
    ADD: ClassVar[Callable[..., int]]
    EDIT: ClassVar[Callable[..., Any]]

    class RecordLoaded(Loaded[Any]):
        """What the form starts from: the team to choose from, the record to edit."""

    class Saved(Loaded[int]):
        """The record's id, once stored."""

    def __init__(self, record_id: int | None = None) -> None:
        super().__init__()
        self.record_id = record_id
        self.initial: dict[str, str] | None = None  # what the form held once loaded
        self.saving = False
        self._busy_timer: Timer | None = None

    def compose(self) -> ComposeResult:
        from textual.widgets import Footer, Header

        yield Header()
        with Vertical(id="form"):
            yield from self.compose_fields()
            yield Label(_(HINT), id="hint")
        yield Footer()

    def compose_fields(self) -> ComposeResult:
        raise NotImplementedError

    def on_mount(self) -> None:
        self.sub_title = _(self.EDITING).format(id=self.record_id) if self.record_id else _(self.NEW)
        self.query_one(f"#{self.FIELDS[0]}").focus()
        run(self, self.RecordLoaded, _team_and_record, type(self).GET, self.record_id)

    @on(RecordLoaded)
    def _loaded(self, event: RecordLoaded) -> None:
        self.fill(event.value)
        self.initial = self.values()

    def fill(self, loaded: tuple[list[Person], Any]) -> None:
        """Show the team to choose from and, to edit, the record."""
        raise NotImplementedError

    def values(self) -> dict[str, str]:
        return {wid: value_of(self.query_one(f"#{wid}")) for wid in self.FIELDS}

    def unsaved(self) -> bool:
        """Typing not stored yet: the Menu never closes this screen over it."""
        return bool(self.changed())

    def changed(self) -> dict[str, str]:
        """The fields whose value differs from what the form was loaded with."""
        start = self.initial or {}
        return {wid: v for wid, v in self.values().items() if v.strip() != start.get(wid, "").strip()}

    def job(self, values: dict[str, str]) -> tuple[Callable[..., int], tuple[Any, ...]] | None:
        """The core write for what the form holds (None: an edit that changes nothing)."""
        model = {wid: name for name, wid in self.WIDGETS.items()}
        if self.record_id is None:
            fields: dict[str, Any] = {model[wid]: value for wid, value in values.items()}
            fields |= {name: None for name in self.OPTIONAL if not fields[name].strip()}
            return type(self).ADD, (fields,)
        changes = {model[wid]: value for wid, value in self.changed().items()}
        return (_edit, (type(self).EDIT, self.record_id, changes)) if changes else None

    # -- saving ------------------------------------------------------------------

    def action_save(self) -> None:
        if self.initial is None or self.saving:  # a second Ctrl+S while the first waits: one is enough
            return
        self.clear_errors()
        job = self.job(self.values())
        if job is None:  # an edit that changes nothing
            self.notify(_("Nothing changed"))
            self.dismiss(self.record_id)
            return
        fn, args = job
        self.saving = True
        self._busy_timer = self.set_timer(BUSY_AFTER, self._still_saving)
        run(self, self.Saved, fn, *args, write=True)

    def _still_saving(self) -> None:
        if self.saving:
            self.notify(_(BUSY), severity="warning", timeout=4)
            self.busy(True)

    def _done_saving(self) -> None:
        if self._busy_timer is not None:
            self._busy_timer.stop()
        self.saving = False
        self.busy(False)

    @on(Saved)
    def _saved(self, event: Saved) -> None:
        self._done_saving()
        self.notify(_(self.SAVED))
        self.dismiss(event.value)

    @on(Refused)
    def _refused(self, event: Refused) -> None:
        event.stop()
        if event.answer is self.RecordLoaded:  # the record is gone (someone else's edit)
            self._cannot_open(event.error.problem)
            return
        self._done_saving()
        if self.offered(event.error):
            return
        wid = self.WIDGETS.get(event.error.field or "")
        if wid not in self.FIELDS:
            self.notify(safe(event.error.problem, single_line=True).plain, severity="error", markup=False)
            return
        widget = self.query_one(f"#{wid}")
        problem = event.error.problem
        if isinstance(widget, Select) and problem in (EMPTY, _(EMPTY)):
            problem = _("choose someone from the list")
        widget.add_class("-invalid")
        error = self.query_one(f"#{wid}-error", Label)
        error.update(safe(problem))
        error.add_class("-shown")
        widget.focus()

    def offered(self, error: BadInput) -> bool:
        """A refusal the form answers with an offer of its own (True), rather
        than an error next to the field."""
        return False

    @on(Failed)
    def _failed(self, event: Failed) -> None:
        event.stop()
        if event.answer is self.RecordLoaded:
            self._cannot_open(event.message)
            return
        self._done_saving()
        self.notify(event.message, severity="error", timeout=10, markup=False)

    def _cannot_open(self, problem: str) -> None:
        said = _("Could not open the form: {problem}").format(problem=safe(problem, single_line=True).plain)
        self.notify(said, severity="error", markup=False)
        self.dismiss(None)

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
        busy = _("Saving… the database is busy, retrying (up to {seconds} s)")
        hint.update(busy.format(seconds=BUSY_TIMEOUT_MS // 1000) if waiting else _(HINT))

    def action_cancel(self) -> None:
        from screens.confirm import ConfirmScreen

        if self.saving:
            self.notify(_("Still saving: a moment…"))
            return
        if self.initial is None or not self.changed():
            self.dismiss(None)
            return
        self.app.push_screen(
            ConfirmScreen(_(self.DISCARD)),
            lambda yes: self.dismiss(None) if yes else None,
        )

    def action_ignore(self) -> None:
        pass


def _team_and_record(conn: Any, get: Callable[..., Any], record_id: int | None) -> tuple[list[Person], Any]:
    from briefing.team import list_team

    return list_team(conn, include_inactive=False), (get(conn, record_id) if record_id else None)


def _edit(conn: Any, edit: Callable[..., Any], record_id: int, changes: dict[str, str]) -> int:
    edit(conn, record_id, changes)
    return record_id
