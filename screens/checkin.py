"""Check-in: who is in the room today. Everyone is present until told otherwise.

The rotation skips people who are away without costing them their place,
so marking someone absent is fair to them, not a penalty. It does pass
today's client win to the next person: the dialog says who presents, and
says it again when the lead marks that person away, so it is never done
by accident.
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

from briefing import rotation
from briefing.i18n import N_, _
from briefing.presenting import turn_order
from briefing.records import Person
from briefing.team import list_team
from screens.data import Loaded, run
from screens.dialog import Dialog
from screens.safe import safe
from screens.speaking import Speaks
from screens.tones import tone
from screens.widgets.tables import fill

CYCLE = {"present": "absent", "absent": "off", "off": "present"}
LOOK = {"present": (N_("✓ present"), "good"), "absent": (N_("✗ absent"), "bad"), "off": (N_("☀ off"), "caution")}
#: A status in the sentence saying who presents: "Inès is absent".
AWAY = {"absent": N_("absent"), "off": N_("off")}


class CheckInScreen(Speaks, Dialog[dict[int, str] | None]):
    """Returns {person id: status}, or None when cancelled."""

    DEFAULT_CSS = """
    CheckInScreen > .dialog { width: 60; max-width: 100%; }
    CheckInScreen .keys { width: 100%; }
    CheckInScreen #checkin-presenter { width: 100%; margin-top: 1; }
    """

    BINDINGS = [
        Binding("space", "cycle", N_("Present / absent / off"), id="checkin.toggle"),
        Binding("enter", "done", N_("Done"), id="checkin.done", priority=True),
        Binding("escape", "cancel", N_("Cancel"), id="checkin.cancel"),
    ]

    class TeamRead(Loaded[list[Person]]):
        """The active team, to check in."""

    class TurnRead(Loaded[tuple[rotation.Person, ...]]):
        """Who presents today if everyone is in, then who follows."""

    def __init__(self, title: str, current: dict[int, str] | None = None) -> None:
        super().__init__()
        self.title_text = title
        self.status: dict[int, str] = dict(current or {})
        self.names: dict[int, str] = {}
        self.order: tuple[rotation.Person, ...] = ()

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(self.title_text)
            yield Label(id="checkin-presenter")
            yield DataTable(cursor_type="row", zebra_stripes=True)
            yield Label(_("↑↓ choose · space: present → absent → off · Enter: done · Esc: cancel"), classes="keys")

    def on_mount(self) -> None:
        run(self, self.TeamRead, partial(list_team, include_inactive=False))
        run(self, self.TurnRead, turn_order, self.app.day)

    @on(TurnRead)
    def _turn_read(self, event: TurnRead) -> None:
        self.order = event.value
        self._show_turn()

    def _show_turn(self) -> None:
        """Who presents the client win with the attendance as marked now."""
        label = self.query_one("#checkin-presenter", Label)
        label.display = bool(self.order)
        if not self.order:
            return
        first = self.order[0]
        here = next((p for p in self.order if self.status.get(p.id, "present") == "present"), None)
        text = Text()
        if here is not first:
            text.append_text(safe(first.name, single_line=True))
            status = self.status.get(first.id, "absent")
            text.append(" " + _("is {state}").format(state=_(AWAY.get(status, status))) + ": ")
        if here is None:
            text.append(_("nobody in the room can present the client win today"), style=tone("caution"))
        elif here is first:
            text.append(_("Client win today: "))
            text.append_text(safe(here.name, tone("good", "bold"), single_line=True))
            text.append(_(" presents"))
        else:
            text.append(_("the client win passes to "))
            text.append_text(safe(here.name, tone("good", "bold"), single_line=True))
        label.update(text)

    @on(TeamRead)
    def _fill(self, event: TeamRead) -> None:
        rows = []
        for p in event.value:
            self.names[p.id] = p.name
            self.status.setdefault(p.id, "present")
            name = safe(p.name, single_line=True)
            if p.is_lead:
                name.append(" · " + _("lead"), style="dim")
            rows.append(((name, self._look(p.id)), str(p.id)))
        table = self.query_one(DataTable)
        widest = max(cell_len(_(label)) for label, _meaning in LOOK.values())
        fill(table, (_("Name"), _("Today")), rows, at_least=(0, widest))
        table.focus()
        self._show_turn()

    def _look(self, person_id: int) -> Text:
        label, meaning = LOOK[self.status[person_id]]
        return Text(_(label), style=tone(meaning))

    def action_cycle(self) -> None:
        table = self.query_one(DataTable)
        if not table.row_count:
            return
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key
        person_id = int(key.value)
        self.status[person_id] = CYCLE[self.status[person_id]]
        table.update_cell(key, table.ordered_columns[1].key, self._look(person_id))
        self._show_turn()

    def action_done(self) -> None:
        self.dismiss(self.status)
