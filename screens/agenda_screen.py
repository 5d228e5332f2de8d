"""The agenda: the meeting's segments and its client-time target, edited in place.

What ``briefing agenda set`` does with a TOML file, for a lead who would
rather not write one: add, remove, reorder and rename segments, set their
kind, minutes, the client-win and client-call flags, and the target. The planned client
share is shown as it changes, against the target, with the core's words
when the plan falls below it (accepted, but said, again on saving).

Nothing is stored until the lead saves (ctrl+s), all at once, through the
core's rules (``briefing.agenda.typed`` and ``check``): a refusal names
the segment and the field at fault, and the screen puts it there. Leaving
with changes not saved asks first.
"""

from __future__ import annotations

from dataclasses import replace

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Checkbox, DataTable, Footer, Header, Input, Label, Select, Static

from briefing.agenda import MAX_SEGMENTS, Agenda, Typed, default_agenda, load_agenda, save_typed, share_warning
from briefing.errors import BadSegment
from briefing.i18n import N_, _, ngettext
from briefing.kinds import SegmentKind, kind_word
from briefing.timeutil import mmss
from screens.agenda_text import headings, minutes_text, row_cells, share_text
from screens.data import Failed, Loaded, Refused, follow, run
from screens.safe import safe
from screens.speaking import Speaks
from screens.widgets.tables import fill

#: A refusal's part of a segment -> the editor's widget for it.
PARTS = {"title": "seg-title", "minutes": "seg-minutes", "win": "seg-win", "call": "seg-call"}
#: The target last: it is the agenda's, not a segment's.
EDITOR = ("seg-title", "seg-kind", "seg-minutes", "seg-win", "seg-call", "target")
HINT = N_("Enter: edit the segment · Tab: next field · Esc: back to the list")
NEW_MINUTES = "3"


class AgendaScreen(Speaks, Screen[None]):
    DEFAULT_CSS = """
    AgendaScreen #agenda-body { padding: 0 1; height: 1fr; }
    AgendaScreen #agenda-top { height: auto; margin-bottom: 1; }
    AgendaScreen #agenda-share { width: 1fr; height: auto; }
    AgendaScreen #agenda-table { height: 1fr; }
    AgendaScreen #agenda-empty { height: auto; color: $warning; display: none; }
    AgendaScreen #agenda-editor { height: auto; margin-top: 1; }
    AgendaScreen .agenda-field { width: 12; height: auto; margin-right: 2; }
    AgendaScreen .agenda-field.-seg-title { width: 1fr; min-width: 16; }
    AgendaScreen .agenda-field.-seg-win { width: 14; }
    AgendaScreen .agenda-field.-seg-call { width: 14; }
    AgendaScreen .agenda-field.-target { width: 10; }
    AgendaScreen .field-label { color: $text-muted; text-style: bold; }
    AgendaScreen .-refused { background: $error 30%; }
    AgendaScreen #agenda-error { display: none; color: $text-error; text-style: bold; height: auto; width: 100%; }
    AgendaScreen #agenda-error.-shown { display: block; }
    AgendaScreen #agenda-hint { color: $text-muted; height: auto; }
    """

    BINDINGS = [
        Binding("ctrl+s", "save", N_("Save"), id="agenda.save", priority=True),
        Binding("a", "add", N_("Add"), id="agenda.add"),
        Binding("d", "remove", N_("Remove"), id="agenda.remove"),
        Binding("shift+up", "move(-1)", N_("Move ↑"), id="agenda.up"),
        Binding("shift+down", "move(1)", N_("Move ↓"), id="agenda.down"),
        Binding("escape", "back", N_("Back"), id="agenda.back"),
        # A stray q on the checkbox must not quit the app with the agenda unsaved.
        Binding("q", "ignore", show=False, id="agenda.no_quit"),
    ]

    class Read(Loaded[Agenda]):
        """The team's agenda as stored."""

    class Saved(Loaded[Agenda]):
        """The agenda, stored for the whole team."""

    def __init__(self) -> None:
        super().__init__()
        self.segments: list[Typed] = []
        self.stored: tuple[list[Typed], str] | None = None  # what was read or last saved
        self.editing: int | None = None  # the segment in the editor
        self.refused_row: int | None = None
        self.saving = False

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="agenda-body"):
            with Horizontal(id="agenda-top"):
                yield _field(_("Target %"), Input(id="target", compact=True, placeholder="50"))
                yield Static(id="agenda-share")
            yield DataTable(id="agenda-table", cursor_type="row", zebra_stripes=True)
            yield Static(_("No segment: press a to add one."), id="agenda-empty")
            with Horizontal(id="agenda-editor"):
                title = Input(id="seg-title", compact=True, placeholder=_("what the team talks about"))
                yield _field(_("Title"), title)
                kinds = [(kind_word(k.value), k) for k in SegmentKind]
                yield _field(_("Kind"), Select(kinds, allow_blank=False, compact=True, id="seg-kind"))
                yield _field(_("Minutes"), Input(id="seg-minutes", compact=True, placeholder=_("4 or 2.5")))
                yield _field(_("Client win"), Checkbox(_("told here"), id="seg-win", compact=True))
                yield _field(_("Client call"), Checkbox(_("call here"), id="seg-call", compact=True))
            yield Label("", id="agenda-error")
            yield Label(_(HINT), id="agenda-hint")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = _("Agenda")
        self.query_one(DataTable).focus()
        follow(self, self._changed_elsewhere)
        run(self, self.Read, load_agenda)

    # -- reading ---------------------------------------------------------------

    @on(Read)
    def _read(self, event: Read) -> None:
        self.show_agenda(event.value)

    def show_agenda(self, agenda: Agenda) -> None:
        self.segments = [Typed(s.title, s.kind, minutes_text(s.planned_s), s.win, s.call) for s in agenda.segments]
        target = f"{round(agenda.target_share * 100, 2):g}"
        self.stored = (list(self.segments), target)
        with self.prevent(Input.Changed):
            self.query_one("#target", Input).value = target
        self.refill(min(self.editing or 0, max(len(self.segments) - 1, 0)))

    def _changed_elsewhere(self) -> None:
        """Someone changed the agenda from another terminal: shown if nothing
        is being edited here; otherwise the lead's edit stands until saved."""
        if not self.dirty and not self.saving:
            run(self, self.Read, load_agenda)

    @property
    def dirty(self) -> bool:
        return self.stored is not None and (self.segments, self.target) != self.stored

    def unsaved(self) -> bool:
        """Typing not stored yet: the Menu never closes this screen over it."""
        return self.dirty

    @property
    def target(self) -> str:
        return self.query_one("#target", Input).value

    # -- drawing ---------------------------------------------------------------

    def refill(self, row: int | None) -> None:
        """Redraw the table after a change of shape, the cursor on ``row``."""
        table = self.query_one(DataTable)
        rows = [(row_cells(i + 1, s, i == self.refused_row), str(i)) for i, s in enumerate(self.segments)]
        fill(table, headings(), rows)
        if row is not None and self.segments:
            table.move_cursor(row=row)
        self.load_editor(row if self.segments else None)
        self.query_one("#agenda-empty").display = not self.segments
        self.show_share()

    def redraw_row(self, index: int) -> None:
        table = self.query_one(DataTable)
        cells = row_cells(index + 1, self.segments[index], index == self.refused_row)
        for heading, cell in zip(headings(), cells, strict=True):
            table.update_cell(str(index), heading, cell, update_width=True)
        self.show_share()

    def show_share(self) -> None:
        text, _below = share_text(self.segments, self.target)
        self.query_one("#agenda-share", Static).update(text)

    def load_editor(self, index: int | None) -> None:
        """Show segment ``index`` in the editor (None: nothing to edit)."""
        self.editing = index
        for wid in EDITOR[:-1]:
            self.query_one(f"#{wid}").disabled = index is None
        if index is None:
            return
        s = self.segments[index]
        with self.prevent(Input.Changed, Select.Changed, Checkbox.Changed):
            self.query_one("#seg-title", Input).value = s.title
            self.query_one("#seg-kind", Select).value = s.kind
            self.query_one("#seg-minutes", Input).value = s.minutes
            self.query_one("#seg-win", Checkbox).value = s.win
            self.query_one("#seg-call", Checkbox).value = s.call

    @on(DataTable.RowHighlighted)
    def _highlighted(self) -> None:
        # The cursor as it is now, not the event's row: a refill posts a few.
        table = self.query_one(DataTable)
        if self.segments and table.cursor_row != self.editing:
            self.load_editor(table.cursor_row)

    @on(DataTable.RowSelected)
    def _selected(self) -> None:
        self.query_one("#seg-title").focus()

    # -- editing ---------------------------------------------------------------

    @on(Input.Changed, "#seg-title")
    def _title(self, event: Input.Changed) -> None:
        self.edit(title=event.value)

    @on(Input.Changed, "#seg-minutes")
    def _minutes(self, event: Input.Changed) -> None:
        self.edit(minutes=event.value)

    @on(Select.Changed, "#seg-kind")
    def _kind(self, event: Select.Changed) -> None:
        if isinstance(event.value, SegmentKind):
            self.edit(kind=event.value)

    @on(Checkbox.Changed, "#seg-win")
    def _win(self, event: Checkbox.Changed) -> None:
        self.edit(win=event.value)

    @on(Checkbox.Changed, "#seg-call")
    def _call(self, event: Checkbox.Changed) -> None:
        self.edit(call=event.value)

    @on(Input.Changed, "#target")
    def _target(self) -> None:
        self.clear_error("target")
        self.show_share()

    def edit(self, **change: object) -> None:
        index = self.editing
        if index is None or index >= len(self.segments):
            return
        self.segments[index] = replace(self.segments[index], **change)  # type: ignore[arg-type]
        for wid in EDITOR:
            self.clear_error(wid)
        if self.refused_row == index:  # the lead is fixing it
            self.refused_row = None
        self.redraw_row(index)

    def action_add(self) -> None:
        if len(self.segments) >= MAX_SEGMENTS:
            said = _("An agenda holds at most {count} segments").format(count=MAX_SEGMENTS)
            self.notify(said, severity="warning", markup=False)
            return
        at = 0 if self.editing is None else self.editing + 1
        self.segments.insert(at, Typed("", SegmentKind.CLIENT, NEW_MINUTES))
        self.refused_row = None
        self.refill(at)
        self.query_one("#seg-title").focus()

    def action_remove(self) -> None:
        if self.editing is None:
            return
        del self.segments[self.editing]
        self.refused_row = None
        self.refill(min(self.editing, len(self.segments) - 1) if self.segments else None)
        self.query_one(DataTable).focus()

    def action_move(self, step: int) -> None:
        here = self.editing
        if here is None or not 0 <= here + step < len(self.segments):
            return
        there = here + step
        self.segments[here], self.segments[there] = self.segments[there], self.segments[here]
        self.refused_row = None
        self.editing = None  # the editor follows the segment to its new row
        self.refill(there)

    # -- saving ----------------------------------------------------------------

    def action_save(self) -> None:
        if self.stored is None or self.saving:
            return
        self.clear_errors()
        self.saving = True
        run(self, self.Saved, save_typed, list(self.segments), self.target, write=True)

    @on(Saved)
    def _saved(self, event: Saved) -> None:
        self.saving = False
        agenda = event.value
        self.show_agenda(agenda)
        count = len(agenda.segments)
        said = ngettext("Agenda saved: {count} segment, {total}", "Agenda saved: {count} segments, {total}", count)
        said = said.format(count=count, total=mmss(agenda.total_s, pad=False))
        warning = share_warning(agenda)
        if warning:
            said = _("{saved}. Warning: {warning}").format(saved=said, warning=warning)
            self.notify(said, severity="warning", timeout=10, markup=False)
        else:
            self.notify(said, markup=False)

    @on(Refused)
    def _refused(self, event: Refused) -> None:
        event.stop()
        self.saving = False
        error = event.error
        wid = "target" if error.field == "target" else None
        if isinstance(error, BadSegment):
            self.refused_row = error.index
            self.refill(error.index)
            wid = PARTS.get(error.part)
        self.show_error(safe(error.problem[:1].upper() + error.problem[1:], single_line=True), wid)

    @on(Failed)
    def _failed(self, event: Failed) -> None:
        event.stop()
        if event.answer is self.Read:
            # Stored agenda unreadable (or the file): start from the default, and say so.
            said = _("{problem}. Showing the default agenda; saving replaces the stored one.")
            self.notify(said.format(problem=event.message), severity="error", timeout=10, markup=False)
            self.show_agenda(default_agenda())
            self.stored = ([], "")  # saving is needed to mend it
            return
        self.saving = False
        self.notify(event.message, severity="error", timeout=10, markup=False)

    def show_error(self, problem: Text, wid: str | None) -> None:
        self.query_one("#agenda-error", Label).update(problem)
        self.query_one("#agenda-error").add_class("-shown")
        widget = self.query_one(f"#{wid}") if wid else self.query_one(DataTable)
        if wid:
            widget.add_class("-refused")
        widget.focus()

    def clear_error(self, wid: str) -> None:
        """(Not Textual's ``-invalid``: an Input sets that itself as it validates.)"""
        widget = self.query_one(f"#{wid}")
        if widget.has_class("-refused"):
            widget.remove_class("-refused")
            self.query_one("#agenda-error").remove_class("-shown")

    def clear_errors(self) -> None:
        for wid in EDITOR:
            self.query_one(f"#{wid}").remove_class("-refused")
        self.query_one("#agenda-error").remove_class("-shown")
        if self.refused_row is not None and self.refused_row < len(self.segments):
            row, self.refused_row = self.refused_row, None
            self.redraw_row(row)

    # -- leaving ---------------------------------------------------------------

    def action_back(self) -> None:
        """From a field, back to the list; from the list, leave (asking first
        if there are changes not saved)."""
        table = self.query_one(DataTable)
        if self.focused is not table and self.segments:
            table.focus()
            return
        if self.saving:
            self.notify(_("Still saving: a moment…"))
            return
        if not self.dirty:
            self.dismiss(None)
            return
        from screens.confirm import ConfirmScreen

        self.app.push_screen(
            ConfirmScreen(_("Leave without saving? The changes to the agenda will be lost.")),
            lambda yes: self.dismiss(None) if yes else None,
        )

    def action_ignore(self) -> None:
        pass


def _field(label: str, widget: Widget) -> Vertical:
    return Vertical(Label(label, classes="field-label"), widget, classes=f"agenda-field -{widget.id}")
