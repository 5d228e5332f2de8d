"""The team: who is in it, who leads, and how the credit of presenting is spread.

Nobody is deleted here either: someone who leaves keeps their name on the
verbatims they collected and the wins they made, and can come back. The
"presented" count is there so the lead sees at a glance whether the same
people always stand in front (the point of the rotation).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from typing import Any

from rich.text import Text
from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen, Screen
from textual.widgets import Checkbox, DataTable, Footer, Header, Input, Label, Static
from textual.worker import Worker, WorkerState

from briefing import team
from briefing.errors import BadInput, BriefingError
from briefing.safetext import clip, inert
from screens.safe import safe

#: Columns other than the name take about this many cells (with padding).
OTHER_COLUMNS = 46
Person = dict[str, Any]
Saver = Callable[[sqlite3.Connection, str, bool], Person]


def _short(name: str) -> str:
    """A name for a one-line message (notify is plain text, markup off)."""
    return clip(inert(name, single_line=True), 40)


class TeamScreen(Screen[None]):
    DEFAULT_CSS = """
    TeamScreen #team-body { padding: 0 1; height: 1fr; }
    TeamScreen #team-summary { height: auto; margin: 0 0 1 0; color: $text-muted; }
    TeamScreen #team-table { height: 1fr; }
    TeamScreen #team-empty { height: auto; color: $warning; display: none; }
    TeamScreen #team-note { height: auto; color: $text-muted; }
    """
    BINDINGS = [
        Binding("a", "add", "Add", id="team.add"),
        Binding("r", "rename", "Rename", id="team.rename"),
        Binding("d", "leave_or_return", "Left/back", id="team.toggle_active"),
        Binding("l", "toggle_lead", "Lead/member", id="team.toggle_lead"),
        Binding("escape", "back", "Back", id="team.back"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.people: list[Person] = []
        self.presented: dict[int, int] = {}
        self._select_id: int | None = None  # who to select after the next load

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="team-body"):
            yield Static(id="team-summary")
            yield DataTable(id="team-table", cursor_type="row", zebra_stripes=True)
            yield Static("Nobody in the team yet: press a to add someone.", id="team-empty")
            yield Static("Presented: client wins each person told in finished briefings", id="team-note")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = "Team"
        table = self.query_one(DataTable)
        table.add_columns("Name", "Role", "Active", "Joined on", "Presented")
        table.focus()
        self.watch(self.app, "generation", lambda _: self.load(), init=False)
        self.load()

    # -- reading ---------------------------------------------------------------

    @work(thread=True, exclusive=True, exit_on_error=False, group="team-load")
    def load(self) -> tuple[list[Person], dict[int, int]]:
        conn = self.app.connect()
        try:
            return team.list_team(conn), team.presentations(conn)
        finally:
            conn.close()

    @on(Worker.StateChanged)
    def _worker_done(self, event: Worker.StateChanged) -> None:
        worker = event.worker
        if worker.group not in ("team-load", "team-write"):
            return
        if event.state == WorkerState.ERROR:
            self.notify(f"Database problem: {inert(str(worker.error))}", severity="error", markup=False, timeout=8)
        elif event.state == WorkerState.SUCCESS and worker.group == "team-load":
            self.people, self.presented = worker.result
            self.fill()
        elif event.state == WorkerState.SUCCESS:
            message, severity = worker.result
            self.notify(message, severity=severity, markup=False)
            self.load()

    def fill(self) -> None:
        """Redraw the table, keeping the cursor on the same person."""
        table = self.query_one(DataTable)
        current = self.selected(warn=False)
        wanted = self._select_id if self._select_id is not None else current and current["id"]
        self._select_id = None
        row_before = table.cursor_row
        name_width = max(12, min(80, self.size.width - OTHER_COLUMNS))
        table.clear()
        for p in self.people:
            table.add_row(*self._cells(p, name_width), key=str(p["id"]))
        ids = [p["id"] for p in self.people]
        if wanted in ids:
            table.move_cursor(row=ids.index(wanted))
        elif ids:
            table.move_cursor(row=min(row_before, len(ids) - 1))
        self.query_one("#team-empty").display = not self.people
        self.query_one("#team-summary", Static).update(self._summary())

    def _cells(self, p: Person, name_width: int) -> list[Text]:
        lead, active = p["role"] == "lead", p["active"]
        name = safe(p["name"], "bold" if lead else "", single_line=True)
        name.truncate(name_width, overflow="ellipsis")
        if not active:
            name.stylize("dim")
        count = self.presented.get(p["id"], 0)
        return [
            name,
            Text("lead", style="bold") if lead else Text("member"),
            Text("yes", style="green") if active else Text("left", style="dim"),
            Text(p["joined_on"] or ""),
            Text(str(count), style="" if count else "dim", justify="right"),
        ]

    def _summary(self) -> Text:
        active = [p for p in self.people if p["active"]]
        leads = sum(1 for p in active if p["role"] == "lead")
        left = len(self.people) - len(active)
        text = Text(f"{len(active)} in the team · {leads} lead{'s' if leads != 1 else ''}")
        if left:
            text.append(f" · {left} left (history kept)")
        return text

    def on_resize(self, event: events.Resize) -> None:
        if self.people:
            self.fill()

    def selected(self, warn: bool = True) -> Person | None:
        """The person under the cursor (or a word to the lead that there is none)."""
        table = self.query_one(DataTable)
        if table.row_count:
            wanted = int(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)
            return next((p for p in self.people if p["id"] == wanted), None)
        if warn:
            self.notify("Nobody selected: press a to add someone", severity="warning", markup=False)
        return None

    # -- changing --------------------------------------------------------------

    @work(thread=True, exit_on_error=False, group="team-write")
    def change(self, do: Callable[[sqlite3.Connection], object], done: str) -> tuple[str, str]:
        """Run one write; a refusal becomes a message, never a crash."""
        conn = self.app.connect()
        try:
            do(conn)
            return done, "information"
        except BriefingError as exc:
            return inert(str(exc), single_line=True), "warning"
        finally:
            conn.close()

    def action_add(self) -> None:
        day = self.app.day

        def save(conn: sqlite3.Connection, name: str, lead: bool) -> Person:
            row, back = team.add(conn, name, lead=lead, today=day)
            return row | {"reactivated": back}

        self.app.push_screen(NameScreen("Add someone to the team", save, lead_toggle=True), self._saved)

    def action_rename(self) -> None:
        if (person := self.selected()) is None:
            return
        old = person["name"]
        title = Text.assemble("Rename ", safe(_short(old), "bold"))
        self.app.push_screen(NameScreen(title, lambda conn, new, _: team.rename(conn, old, new), name=old), self._saved)

    def _saved(self, row: Person | None) -> None:
        if row is None:
            return
        self._select_id = row["id"]
        if row.get("reactivated"):
            self.notify(f"{_short(row['name'])} is back in the team", markup=False)
        self.load()

    def action_leave_or_return(self) -> None:
        if (person := self.selected()) is None:
            return
        name, lead, day = person["name"], person["role"] == "lead", self.app.day
        if not person["active"]:
            self.change(lambda conn: team.add(conn, name, lead=lead, today=day), f"{_short(name)} is back in the team")
            return
        from screens.confirm import ConfirmScreen

        question = Text.assemble(
            safe(_short(name), "bold"),
            " leaves the team?\nThey leave the rotation and the pickers.\n"
            "The verbatims and wins they brought keep their name.",
        )

        def answered(yes: bool | None) -> None:
            if yes:
                self.change(lambda conn: team.remove(conn, name), f"{_short(name)} left the team (d brings them back)")

        # A Text, not a str: the confirm label must not read the name as markup.
        self.app.push_screen(ConfirmScreen(question), answered)  # type: ignore[arg-type]

    def action_toggle_lead(self) -> None:
        if (person := self.selected()) is None:
            return
        name, lead = person["name"], person["role"] != "lead"
        if not person["active"]:
            self.notify(
                f"{_short(name)} has left the team: press d to bring them back first", severity="warning", markup=False
            )
            return
        role = "a lead" if lead else "a member"
        self.change(lambda conn: team.set_role(conn, name, lead), f"{_short(name)} is now {role}")

    def action_back(self) -> None:
        if len(self.app.screen_stack) > 1:
            self.app.pop_screen()


class _LeadBox(Checkbox, inherit_bindings=False):
    """Space toggles; Enter is left to the form, where it means "save"."""

    BINDINGS = [Binding("space", "toggle_button", "Toggle", show=False)]


class NameScreen(ModalScreen[Person | None]):
    """Asks for a name and saves it itself, so a refusal is shown next to the field."""

    DEFAULT_CSS = """
    NameScreen { align: center middle; }
    NameScreen > Vertical {
        width: 64; max-width: 100%; height: auto; max-height: 90%;
        border: thick $primary; background: $surface; padding: 1 2;
    }
    NameScreen Input { margin-top: 1; }
    NameScreen #name-error { color: $error; height: auto; display: none; }
    NameScreen #keys { color: $text-muted; margin-top: 1; }
    """
    BINDINGS = [
        Binding("enter", "save", "Save", id="team.form.save", show=False),
        Binding("escape", "cancel", "Cancel", id="team.form.cancel"),
    ]

    def __init__(self, title: str | Text, save: Saver, *, name: str = "", lead_toggle: bool = False) -> None:
        super().__init__()
        self.title_text = title
        self.save = save
        # Control characters cannot be typed back: the field shows their
        # placeholders, and an untouched field means "no change".
        self.initial = inert(name, single_line=True)
        self.lead_toggle = lead_toggle
        self._saving = False

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(self.title_text)
            yield Input(value=self.initial, placeholder="Full name, e.g. Inès Moreau", id="name")
            yield Static(id="name-error")
            if self.lead_toggle:
                yield _LeadBox("Team lead (kept out of the rotation)", id="lead")
            keys = "Enter: save · Esc: cancel" + (" · Tab then space: lead" if self.lead_toggle else "")
            yield Label(keys, id="keys")

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save()

    def action_save(self) -> None:
        if self._saving:
            return
        value = self.query_one(Input).value
        if self.initial and value.strip() == self.initial.strip():
            self.dismiss(None)
            return
        lead = self.query_one(_LeadBox).value if self.lead_toggle else False
        self._saving = True
        self._write(value, lead)

    @work(thread=True, exit_on_error=False, group="team-form")
    def _write(self, value: str, lead: bool) -> Person | str:
        conn = self.app.connect()
        try:
            return self.save(conn, value, lead)
        except BadInput as exc:
            return exc.problem
        except BriefingError as exc:
            return str(exc)
        finally:
            conn.close()

    @on(Worker.StateChanged)
    def _written(self, event: Worker.StateChanged) -> None:
        if event.worker.group != "team-form" or event.state not in (WorkerState.SUCCESS, WorkerState.ERROR):
            return
        self._saving = False
        result = event.worker.result if event.state == WorkerState.SUCCESS else f"could not save: {event.worker.error}"
        if isinstance(result, dict):
            self.dismiss(result)
            return
        error = self.query_one("#name-error", Static)
        error.update(safe(f"✗ {result}"))
        error.display = True
        self.query_one(Input).focus()

    def action_cancel(self) -> None:
        self.dismiss(None)
