"""The team: who is in it, who leads, and how the credit of presenting is spread.

Nobody is deleted here either: someone who leaves keeps their name on the
verbatims they collected and the wins they made, and can come back. The
"presented" count is there so the lead sees at a glance whether the same
people always stand in front (the point of the rotation).
"""

from __future__ import annotations

from datetime import date
from functools import partial

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static

from briefing import team
from briefing.i18n import N_, _, ngettext, pgettext
from briefing.records import Person
from briefing.safetext import clip, inert
from screens.data import Loaded, follow, run
from screens.name_dialog import NameScreen
from screens.safe import filled, safe
from screens.speaking import Speaks
from screens.tones import tone
from screens.widgets.tables import fill as fill_table

#: Columns other than the name take about this many cells (with padding).
OTHER_COLUMNS = 46
HEADINGS = (N_("Name"), N_("Role"), N_("Active"), N_("Joined on"), N_("Presented"))


def _short(name: str) -> str:
    """A name for a one-line message (notify is plain text, markup off)."""
    return clip(inert(name, single_line=True), 40)


class TeamScreen(Speaks, Screen[None]):
    DEFAULT_CSS = """
    TeamScreen #team-body { padding: 0 1; height: 1fr; }
    TeamScreen #team-summary { height: auto; margin: 0 0 1 0; color: $text-muted; }
    TeamScreen #team-table { height: 1fr; }
    TeamScreen #team-empty { height: auto; color: $warning; display: none; }
    TeamScreen #team-note { height: auto; color: $text-muted; }
    """

    BINDINGS = [
        Binding("enter", "open_person", N_("Their year"), id="team.person", priority=True),
        Binding("a", "add", N_("Add"), id="team.add"),
        Binding("r", "rename", N_("Rename"), id="team.rename"),
        Binding("d", "leave_or_return", N_("Left/back"), id="team.toggle_active"),
        Binding("l", "toggle_lead", N_("Lead/member"), id="team.toggle_lead"),
        Binding("escape", "back", N_("Back"), id="team.back"),
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
            yield Static(_("Nobody in the team yet: press a to add someone."), id="team-empty")
            yield Static(_("Presented: client wins each person told in finished briefings"), id="team-note")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.sub_title = _("Team")
        table = self.query_one(DataTable)
        table.focus()
        follow(self, self.load)
        self.load()

    # -- reading ---------------------------------------------------------------

    class Roster(Loaded[tuple[list[Person], dict[int, int]]]):
        """Everyone, and how many client wins each has presented."""

    class Left(Loaded[Person]):
        """Someone left the team."""

    class Back(Loaded[tuple[Person, bool]]):
        """Someone who had left is back."""

    class RoleSet(Loaded[Person]):
        """Someone became a lead, or a member again."""

    def load(self) -> None:
        run(self, self.Roster, _roster)

    @on(Roster)
    def _read(self, event: Roster) -> None:
        self.people, self.presented = event.value
        self.fill()

    def fill(self) -> None:
        """Redraw the table, keeping the cursor on the same person."""
        table = self.query_one(DataTable)
        current = self.selected(warn=False)
        wanted = self._select_id if self._select_id is not None else current and current.id
        self._select_id = None
        row_before = table.cursor_row
        name_width = max(12, min(80, self.size.width - OTHER_COLUMNS))
        rows = [(self._cells(p, name_width), str(p.id)) for p in self.people]
        fill_table(table, [_(h) for h in HEADINGS], rows)
        ids = [p.id for p in self.people]
        if wanted in ids:
            table.move_cursor(row=ids.index(wanted))
        elif ids:
            table.move_cursor(row=min(row_before, len(ids) - 1))
        self.query_one("#team-empty").display = not self.people
        self.query_one("#team-summary", Static).update(self._summary())

    def _cells(self, p: Person, name_width: int) -> list[Text]:
        lead, active = p.is_lead, p.active
        name = safe(p.name, "bold" if lead else "", single_line=True)
        name.truncate(name_width, overflow="ellipsis")
        if not active:
            name.stylize("dim")
        count = self.presented.get(p.id, 0)
        return [
            name,
            Text(_("lead"), style="bold") if lead else Text(_("member")),
            Text(_("yes"), style=tone("good")) if active else Text(pgettext("active column", "left"), style="dim"),
            Text(p.joined_on.isoformat()),
            Text(str(count), style="" if count else "dim", justify="right"),
        ]

    def _summary(self) -> Text:
        active = [p for p in self.people if p.active]
        leads = sum(1 for p in active if p.is_lead)
        left = len(self.people) - len(active)
        text = Text(_("{count} in the team").format(count=len(active)))
        text.append(" · " + ngettext("{count} lead", "{count} leads", leads).format(count=leads))
        if left:
            text.append(
                " · " + ngettext("{count} left (history kept)", "{count} left (history kept)", left).format(count=left)
            )
        return text

    def on_resize(self, event: events.Resize) -> None:
        if self.people:
            self.fill()

    def selected(self, warn: bool = True) -> Person | None:
        """The person under the cursor (or a word to the lead that there is none)."""
        table = self.query_one(DataTable)
        if table.row_count:
            wanted = int(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)
            return next((p for p in self.people if p.id == wanted), None)
        if warn:
            self.notify(_("Nobody selected: press a to add someone"), severity="warning", markup=False)
        return None

    # -- changing --------------------------------------------------------------

    def action_add(self) -> None:
        save = partial(_add, day=self.app.day)
        self.app.push_screen(NameScreen(_("Add someone to the team"), save, lead_toggle=True), self._saved)

    def action_open_person(self) -> None:
        """The collaborator's last twelve months: how they are growing."""
        if (person := self.selected()) is None:
            return
        from screens.person_screen import PersonScreen

        self.app.push_screen(PersonScreen(person.id))

    def action_rename(self) -> None:
        if (person := self.selected()) is None:
            return
        title = filled(_("Rename {name}"), name=safe(_short(person.name), "bold"))
        save = partial(_rename, old=person.name)
        self.app.push_screen(NameScreen(title, save, name=person.name), self._saved)

    def _saved(self, saved: tuple[Person, bool] | None) -> None:
        if saved is None:
            return
        person, back = saved
        self._select_id = person.id
        if back:
            self.notify(_("{name} is back in the team").format(name=_short(person.name)), markup=False)
        self.load()

    def action_leave_or_return(self) -> None:
        if (person := self.selected()) is None:
            return
        if not person.active:
            run(self, self.Back, partial(_add, day=self.app.day), person.name, person.is_lead, write=True)
            return
        from screens.confirm import ConfirmScreen

        question = filled(
            _(
                "{name} leaves the team?\nThey leave the rotation and the pickers.\n"
                "The verbatims and wins they brought keep their name."
            ),
            name=safe(_short(person.name), "bold"),
        )

        def answered(yes: bool | None) -> None:
            if yes:
                run(self, self.Left, team.remove, person.name, write=True)

        # A Text, not a str: the confirm label must not read the name as markup.
        self.app.push_screen(ConfirmScreen(question), answered)  # type: ignore[arg-type]

    def action_toggle_lead(self) -> None:
        if (person := self.selected()) is None:
            return
        if not person.active:
            self.notify(
                _("{name} has left the team: press d to bring them back first").format(name=_short(person.name)),
                severity="warning",
                markup=False,
            )
            return
        run(self, self.RoleSet, team.set_role, person.name, not person.is_lead, write=True)

    @on(Left)
    def _left(self, event: Left) -> None:
        self._changed(_("{name} left the team (d brings them back)").format(name=_short(event.value.name)))

    @on(Back)
    def _back(self, event: Back) -> None:
        self._changed(_("{name} is back in the team").format(name=_short(event.value[0].name)))

    @on(RoleSet)
    def _role_set(self, event: RoleSet) -> None:
        now = _("{name} is now a lead") if event.value.is_lead else _("{name} is now a member")
        self._changed(now.format(name=_short(event.value.name)))

    def _changed(self, message: str) -> None:
        self.notify(message, markup=False)
        self.load()

    def action_back(self) -> None:
        if len(self.app.screen_stack) > 1:
            self.app.pop_screen()


def _roster(conn) -> tuple[list[Person], dict[int, int]]:
    return team.list_team(conn), team.presentations(conn)


def _add(conn, name: str, lead: bool, *, day: date) -> tuple[Person, bool]:
    return team.add(conn, name, lead=lead, today=day)


def _rename(conn, new: str, _lead: bool, *, old: str) -> tuple[Person, bool]:
    return team.rename(conn, old, new), False
