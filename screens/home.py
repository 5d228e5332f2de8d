"""Home: is the team ready for today's briefing?

What the lead glances at before starting: how much client material waits
(new verbatims, pending wins), who is in the room, and which numbers are in.
"""

from __future__ import annotations

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import DataTable, Digits, Footer, Header, Label, Static
from textual.worker import Worker, WorkerState

from briefing.readiness import Readiness, readiness
from screens.safe import safe


class HomeScreen(Screen[None]):
    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="home"):
            yield Static(id="day")
            with Horizontal(id="counts"):
                for key, label in (("verbatims", "new verbatims"), ("wins", "pending wins"), ("metrics", "numbers in today")):
                    with Vertical(classes="count", id=f"count-{key}"):
                        yield Digits("-", id=f"digits-{key}")
                        yield Label(label, classes="count-label")
            with Horizontal(id="panels"):
                with Vertical(id="team-panel", classes="panel"):
                    yield Static(id="team")
                with Vertical(id="metrics-panel", classes="panel"):
                    yield DataTable(id="metrics", show_cursor=False, zebra_stripes=True)
                    yield Static(id="missing")
            yield Static(id="latest")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#team-panel").border_title = "Team"
        self.query_one("#metrics-panel").border_title = "Today's numbers"
        table = self.query_one("#metrics", DataTable)
        table.add_columns("Metric", "Value", "Target", "Gap")
        self.watch(self.app, "generation", lambda _: self.load(), init=False)
        self.load()

    @work(thread=True, exclusive=True, exit_on_error=False, group="home")
    def load(self) -> Readiness:
        conn = self.app.connect()
        try:
            return readiness(conn, self.app.day)
        finally:
            conn.close()

    @on(Worker.StateChanged)
    def _loaded(self, event: Worker.StateChanged) -> None:
        if event.worker.group != "home":
            return
        if event.state == WorkerState.SUCCESS:
            self.show(event.worker.result)
        elif event.state == WorkerState.ERROR:
            self.notify(f"Could not read the database: {event.worker.error}", severity="error")

    def show(self, ready: Readiness) -> None:
        self.query_one("#day", Static).update(
            Text.assemble((f"{ready.day:%A %d %B %Y}", "bold"), "  ·  today's briefing")
        )
        self.query_one("#digits-verbatims", Digits).update(str(ready.new_verbatims))
        self.query_one("#digits-wins", Digits).update(str(ready.pending_wins))
        expected = len(ready.metrics_today) + len(ready.metrics_missing)
        self.query_one("#digits-metrics", Digits).update(str(len(ready.metrics_today)))
        self.query_one("#count-metrics .count-label", Label).update(f"numbers in today (of {expected})")
        self.query_one("#team", Static).update(_team_text(ready))
        self._show_metrics(ready)
        self.query_one("#latest", Static).update(_latest_text(ready))

    def _show_metrics(self, ready: Readiness) -> None:
        table = self.query_one("#metrics", DataTable)
        table.clear()
        for m in ready.metrics_today:
            # Short units (€, %) ride along; long ones ("meetings") repeat the name.
            unit = f" {m['unit']}" if m["unit"] and len(m["unit"]) <= 2 else ""
            target = m["target"]
            gap = m["value"] - target if target is not None else None
            table.add_row(
                safe(m["name"], single_line=True),
                safe(f"{_num(m['value'])}{unit}", single_line=True),
                Text(_num(target) if target is not None else "—"),
                _gap(gap),
            )
        missing = self.query_one("#missing", Static)
        if ready.metrics_missing:
            missing.update(Text.assemble(("Missing today: ", "bold"), safe(", ".join(ready.metrics_missing))))
        elif not ready.metrics_today:
            missing.update("No numbers yet today: briefing metric add NAME VALUE")
        else:
            missing.update("")


def _num(value: float) -> str:
    text = f"{value:,.0f}" if abs(value) >= 100 or value == int(value) else f"{value:,.2f}"
    return text.replace(",", "\u202f")  # a thin space reads well in both languages


def _gap(gap: float | None) -> Text:
    if gap is None:
        return Text("")
    if gap >= 0:
        return Text(f"+{_num(gap)}", style="green")
    return Text(f"−{_num(-gap)}", style="red")


def _team_text(ready: Readiness) -> Text:
    if not ready.team:
        return Text("Nobody yet: briefing team add NAME")
    text = Text()
    for name in ready.lead:
        text.append_text(safe(name, "bold", single_line=True))
        text.append(" · lead\n", style="dim")
    for name in ready.members:
        text.append_text(safe(name, single_line=True))
        text.append("\n")
    text.rstrip()
    return text


def _latest_text(ready: Readiness) -> Text:
    v = ready.latest_verbatim
    if v is None:
        return Text("No new verbatim waiting. Add one: briefing verbatim add TEXT --client NAME", style="dim")
    who = ", ".join(x for x in (v["client"], v["company"]) if x)
    text = Text.assemble(("Latest: ", "bold"), "“")
    text.append_text(safe(v["text"]))
    text.append("”  — ")
    text.append_text(safe(who, "italic", single_line=True))
    return text
