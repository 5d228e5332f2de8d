"""Check-in: who is in the room today. Everyone is present until told otherwise.

The rotation skips people who are away without costing them their place,
so marking someone absent is fair to them, not a penalty.
"""

from __future__ import annotations

from functools import partial

from rich.cells import cell_len
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import DataTable, Label

from briefing.records import Person
from briefing.team import list_team
from screens.data import Loaded, run
from screens.dialog import Dialog
from screens.safe import safe
from screens.tones import tone
from screens.widgets.tables import fill

CYCLE = {"present": "absent", "absent": "off", "off": "present"}
LOOK = {"present": ("✓ present", "good"), "absent": ("✗ absent", "bad"), "off": ("☀ off", "caution")}


class CheckInScreen(Dialog[dict[int, str] | None]):
    """Returns {person id: status}, or None when cancelled."""

    BINDINGS = [
        Binding("space", "cycle", "Present / absent / off", id="checkin.toggle"),
        Binding("enter", "done", "Done", id="checkin.done", priority=True),
        Binding("escape", "cancel", "Cancel", id="checkin.cancel"),
    ]

    class TeamRead(Loaded[list[Person]]):
        """The active team, to check in."""

    def __init__(self, title: str, current: dict[int, str] | None = None) -> None:
        super().__init__()
        self.title_text = title
        self.status: dict[int, str] = dict(current or {})
        self.names: dict[int, str] = {}

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(self.title_text)
            yield DataTable(cursor_type="row", zebra_stripes=True)
            yield Label("↑↓ choose · space: present → absent → off · Enter: done · Esc: cancel", classes="keys")

    def on_mount(self) -> None:
        run(self, self.TeamRead, partial(list_team, include_inactive=False))

    @on(TeamRead)
    def _fill(self, event: TeamRead) -> None:
        rows = []
        for p in event.value:
            self.names[p.id] = p.name
            self.status.setdefault(p.id, "present")
            name = safe(p.name, single_line=True)
            if p.is_lead:
                name.append(" · lead", style="dim")
            rows.append(((name, self._look(p.id)), str(p.id)))
        table = self.query_one(DataTable)
        fill(table, ("Name", "Today"), rows, at_least=(0, max(cell_len(label) for label, _ in LOOK.values())))
        table.focus()

    def _look(self, person_id: int) -> Text:
        label, meaning = LOOK[self.status[person_id]]
        return Text(label, style=tone(meaning))

    def action_cycle(self) -> None:
        table = self.query_one(DataTable)
        if not table.row_count:
            return
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key
        person_id = int(key.value)
        self.status[person_id] = CYCLE[self.status[person_id]]
        table.update_cell(key, table.ordered_columns[1].key, self._look(person_id))

    def action_done(self) -> None:
        self.dismiss(self.status)
