"""Today's numbers, typed in by the lead: value, target and unit of each metric.

Home counts "numbers in today (of N)": N is every metric the team tracked
in the last two weeks (``briefing.metrics.tracked``), and this is where the
missing ones are typed, without a terminal command per figure. A last row
takes a metric the team has never tracked.

Saved all at once, or not at all, through the core (``metrics.add_many``,
the rules of ``briefing metric add``): a refused number ("12,400" is
ambiguous) is said under its row, its field marked, and nothing is stored.
"""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Header, Input, Label, Static

from briefing import formats, metrics
from briefing.i18n import N_, _, ngettext
from briefing.records import Metric, Tracked
from screens.data import Failed, Loaded, Refused, follow, run
from screens.safe import safe
from screens.speaking import Speaks
from screens.tones import tone

PARTS = ("value", "target", "unit")
#: A field's name where its error is said ("Value: ...").
FIELDS = {"value": N_("Value"), "target": N_("Target"), "unit": N_("Unit"), "name": N_("Name")}
HEADINGS = (N_("Metric"), N_("Value today"), N_("Target"), N_("Unit"), "")
HINT = N_("Tab / Shift+Tab: next / previous field · Ctrl+S: save them all · Esc: back")
NO_VALUE = N_("type today's value (write it like 12400 or 12.5)")


def plain(value: float | None) -> str:
    """A stored number as the lead would type it: 15800, 12.5."""
    return "" if value is None else f"{value:.15g}"


class NumbersScreen(Speaks, Screen[None]):
    DEFAULT_CSS = """
    NumbersScreen #numbers-body { padding: 0 1; height: 1fr; }
    NumbersScreen #numbers-intro { height: auto; margin-bottom: 1; }
    NumbersScreen .numbers-head { height: 1; color: $text-muted; text-style: bold; }
    NumbersScreen #numbers-rows { height: 1fr; }
    NumbersScreen .numbers-row { height: auto; }
    NumbersScreen .numbers-line { height: 1; margin-bottom: 1; }
    NumbersScreen .numbers-cell { width: 1fr; max-width: 16; margin-right: 2; }
    NumbersScreen .numbers-cell:first-child { width: 2fr; max-width: 32; }
    NumbersScreen .numbers-error { display: none; color: $text-error; height: auto; width: 100%; margin-bottom: 1; }
    NumbersScreen .numbers-error.-shown { display: block; }
    NumbersScreen .-refused { background: $error 30%; }
    NumbersScreen #numbers-hint { color: $text-muted; height: auto; }
    """

    BINDINGS = [
        Binding("ctrl+s", "save", N_("Save"), id="numbers.save", priority=True),
        Binding("escape", "back", N_("Back"), id="numbers.back"),
    ]

    class Read(Loaded[list[Tracked]]):
        """The metrics tracked, with today's values."""

    class Saved(Loaded[list[tuple[Metric, Metric | None]]]):
        """The values stored, each with the one it replaced."""

    def __init__(self) -> None:
        super().__init__()
        self.tracked: list[Tracked] | None = None
        self.initial: dict[str, str] = {}
        self.saving = False

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="numbers-body"):
            yield Static(id="numbers-intro")
            with Horizontal(classes="numbers-head"):
                for heading in HEADINGS:
                    yield Label(_(heading) if heading else "", classes="numbers-cell")
            yield VerticalScroll(id="numbers-rows")
            yield Label(_(HINT), id="numbers-hint")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = _("Today's numbers")
        follow(self, self._changed_elsewhere)
        run(self, self.Read, metrics.tracked, self.app.day)

    def _changed_elsewhere(self) -> None:
        """A colleague's ``metric add``: shown, unless the lead is typing here."""
        if not self.changed() and not self.saving:
            run(self, self.Read, metrics.tracked, self.app.day)

    # -- the rows ----------------------------------------------------------------

    @on(Read)
    async def _read(self, event: Read) -> None:
        self.tracked = event.value
        box = self.query_one("#numbers-rows", VerticalScroll)
        await box.remove_children()
        await box.mount_all([self._row(i, t) for i, t in enumerate(self.tracked)] + [self._row(len(self.tracked))])
        self.initial = self.values()
        have = sum(t.value is not None for t in self.tracked)
        intro = Text.assemble(
            (formats.long_day(self.app.day, year=True), "bold"),
            _(" · {have} of {count} in today").format(have=have, count=len(self.tracked)),
        )
        if not self.tracked:
            intro = Text(_("No metric tracked in the last two weeks: type one's name, value and target below."))
        self.query_one("#numbers-intro", Static).update(intro)
        first = next((t for t in self.tracked if t.value is None), None)
        index = self.tracked.index(first) if first else (0 if self.tracked else len(self.tracked))
        self.query_one(f"#m{index}-value" if self.tracked else f"#m{index}-name", Input).focus()

    def _row(self, i: int, t: Tracked | None = None) -> Vertical:
        """Metric ``i``'s line, with its error line under it; None: the new metric."""
        if t is None:
            name: Static | Input = Input(
                id=f"m{i}-name", compact=True, placeholder=_("a new metric"), classes="numbers-cell"
            )
            status = Text(_("new"), style="dim")
        else:
            name = Static(safe(t.name, "bold", single_line=True), classes="numbers-cell")
            status = (
                Text(_("in today"), style=tone("good"))
                if t.value is not None
                else Text(_("missing"), style=tone("caution"))
            )
        hints = (_("e.g. 12400"), _("optional"), _("€, calls…"))
        known = (plain(t.value), plain(t.target), t.unit or "") if t else ("", "", "")
        cells = [
            Input(text, id=f"m{i}-{part}", compact=True, placeholder=hint, classes="numbers-cell")
            for part, text, hint in zip(PARTS, known, hints, strict=True)
        ]
        line = Horizontal(name, *cells, Static(status, classes="numbers-cell"), classes="numbers-line")
        return Vertical(line, Label("", id=f"m{i}-error", classes="numbers-error"), classes="numbers-row")

    def values(self) -> dict[str, str]:
        return {str(w.id): w.value for w in self.query("#numbers-rows Input").results(Input)}

    def unsaved(self) -> bool:
        """Typing not stored yet: the Menu never closes this screen over it."""
        return bool(self.changed())

    def changed(self) -> set[int]:
        """The rows the lead typed something new in."""
        now = self.values()
        return {int(wid[1:].split("-")[0]) for wid, v in now.items() if v.strip() != self.initial.get(wid, "").strip()}

    # -- saving ------------------------------------------------------------------

    def action_save(self) -> None:
        if self.tracked is None or self.saving:
            return
        self.clear_errors()
        rows = sorted(self.changed())
        if not rows:
            self.notify(_("Nothing new to save"))
            return
        self.rows = rows
        self.saving = True
        run(self, self.Saved, metrics.add_many, [self._fields(i) for i in rows], write=True)

    def _fields(self, i: int) -> dict[str, Any]:
        def typed(part: str) -> str:
            return self.query_one(f"#m{i}-{part}", Input).value

        assert self.tracked is not None
        name = self.tracked[i].name if i < len(self.tracked) else typed("name")
        fields: dict[str, Any] = {"name": name, "date": self.app.day, "value": typed("value")}
        return fields | {p: typed(p) if typed(p).strip() else None for p in ("target", "unit")}

    @on(Saved)
    def _saved(self, event: Saved) -> None:
        self.saving = False
        count = len(event.value)
        said = ngettext("Saved {count} number for today", "Saved {count} numbers for today", count)
        self.notify(said.format(count=count), markup=False)
        self.dismiss(None)

    @on(Refused)
    def _refused(self, event: Refused) -> None:
        event.stop()
        self.saving = False
        error = event.error
        index = getattr(error, "index", None)
        if event.answer is not self.Saved or index is None:
            self.notify(safe(error.problem, single_line=True).plain, severity="error", markup=False)
            return
        row = self.rows[index]
        part = error.field if error.field in (*PARTS, "name") else "value"
        widget = self.query_one(f"#m{row}-{part}", Input) if self.query(f"#m{row}-{part}") else None
        no_value = part == "value" and widget is not None and not widget.value.strip()
        problem = _(NO_VALUE) if no_value else error.problem
        label = self.query_one(f"#m{row}-error", Label)
        field = _("{field}: ").format(field=_(FIELDS[part]))
        label.update(Text.assemble((field, "bold"), safe(problem, single_line=True)))
        label.add_class("-shown")
        if widget is not None:
            widget.add_class("-refused")
            widget.focus()

    @on(Failed)
    def _failed(self, event: Failed) -> None:
        event.stop()
        self.saving = False
        self.notify(event.message, severity="error", timeout=10, markup=False)

    def clear_errors(self) -> None:
        for widget in self.query(".-refused"):
            widget.remove_class("-refused")
        for label in self.query(".numbers-error.-shown"):
            label.remove_class("-shown")

    @on(Input.Changed)
    def _edited(self, event: Input.Changed) -> None:
        """Typing in a refused field clears its error: the lead is fixing it."""
        if event.input.has_class("-refused"):
            event.input.remove_class("-refused")
            row = str(event.input.id).split("-")[0]
            self.query_one(f"#{row}-error").remove_class("-shown")

    def action_back(self) -> None:
        if self.saving:
            self.notify(_("Still saving: a moment…"))
            return
        if self.tracked is None or not self.changed():
            self.dismiss(None)
            return
        from screens.confirm import ConfirmScreen

        self.app.push_screen(
            ConfirmScreen(_("Leave without saving? The numbers typed here will be lost.")),
            lambda yes: self.dismiss(None) if yes else None,
        )
