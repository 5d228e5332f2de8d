"""One collaborator's year, opened from the team: how they are growing.

The lead's view with each person: the client words they brought back
month by month (a bar chart, by textual-plotext as on the Trends screen),
the wins they made and who told them, the wins they told, how often they
stood in front or were away, and their latest verbatims. Figures about
this person only: nothing ranks them against their colleagues.
"""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.color import Color
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Header, Static
from textual_plotext import PlotextPlot

from briefing import formats, person_year
from briefing.i18n import N_, _, ngettext
from briefing.person_year import PersonYear
from briefing.safetext import inert
from screens.data import Loaded, follow, run
from screens.safe import safe
from screens.speaking import Speaks


def figure(value: int, label: str, detail: str = "") -> Text:
    text = Text.assemble((f"{value}", "bold"), "\n", (label, "bold"))
    if detail:
        text.append(f"\n{detail}", style="dim")
    return text


def figures(year: PersonYear) -> dict[str, Text]:
    """The year in four plain counts, each with what it is made of."""
    others = year.wins_made_told_by_others
    held = year.briefings
    away = ngettext(
        "away {absent} · off {off} of {count} briefing", "away {absent} · off {off} of {count} briefings", held
    ).format(absent=year.absent, off=year.off, count=held)
    by_others = ngettext("{count} told by a colleague", "{count} told by a colleague", others).format(count=others)
    of_others = year.wins_told_of_others
    theirs = ngettext("{count} a colleague's", "{count} a colleague's", of_others).format(count=of_others)
    return {
        "collected": figure(year.collected_in_year, _("verbatims collected")),
        "made": figure(year.wins_made, _("client wins made"), by_others if others else ""),
        "told": figure(year.wins_told, _("wins told"), theirs if of_others else ""),
        "presented": figure(year.presented, _("times presented"), away),
    }


def latest_text(year: PersonYear) -> Text:
    if not year.latest:
        return Text(_("No verbatim collected yet."), style="dim italic")
    text = Text()
    for v in year.latest:
        quote = safe(v.text, single_line=True)
        quote.truncate(160, overflow="ellipsis")
        text.append(f"{formats.day_month(v.date)}  ", style="dim")
        text.append("“")
        text.append_text(quote)
        text.append("”  — ")
        text.append_text(safe(v.client, "italic", single_line=True))
        text.append("\n")
    text.rstrip()
    return text


class PersonScreen(Speaks, Screen[None]):
    DEFAULT_CSS = """
    PersonScreen #person-body { padding: 0 1; }
    PersonScreen #person-title { height: auto; margin-bottom: 1; }
    PersonScreen #person-figures { height: auto; }
    PersonScreen.-wide .person-figure { height: 6; }
    PersonScreen .person-figure { width: 1fr; height: 7; border: round $primary 50%; padding: 0 1; text-align: center; }
    PersonScreen #person-months { height: 14; border: round $primary 50%; border-title-style: bold; }
    PersonScreen.-tall #person-months { height: 22; }
    PersonScreen .person-heading { text-style: bold; margin-top: 1; height: auto; }
    PersonScreen #person-latest { height: auto; }
    """

    #: ``-wide``: the figures' words fit on fewer lines; ``-tall``: a taller chart.
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-wide")]
    VERTICAL_BREAKPOINTS = [(0, "-short"), (34, "-tall")]
    BINDINGS = [Binding("escape", "back", N_("Back"), id="person.back")]

    class Read(Loaded[PersonYear]):
        """The person's year, read."""

    def __init__(self, person_id: int) -> None:
        super().__init__()
        self.person_id = person_id

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="person-body"):
            yield Static(id="person-title")
            with Horizontal(id="person-figures"):
                for key in ("collected", "made", "told", "presented"):
                    yield Static(id=f"figure-{key}", classes="person-figure")
            with Vertical(id="person-months"):
                yield PlotextPlot(id="person-chart")
            yield Static(_("Latest verbatims"), classes="person-heading")
            yield Static(id="person-latest")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one("#person-months").border_title = _("Verbatims collected per month")
        follow(self, self.load)
        self.load()

    def load(self) -> None:
        run(self, self.Read, person_year.load, self.person_id, self.app.day)

    @on(Read)
    def show(self, event: Read) -> None:
        year = event.value
        person = year.person
        self.sub_title = inert(person.name, single_line=True)  # the header is not Rich text: made inert here
        first, last = year.collected[0][0], year.collected[-1][0]
        title = safe(person.name, "bold", single_line=True)
        months = _(" — {first} to {last}").format(
            first=formats.month(first, year=True), last=formats.month(last, year=True)
        )
        title.append(months, style="bold")
        title.append(_("   in the team since {day}").format(day=formats.short_date(person.joined_on)), style="dim")
        if not person.active:
            title.append(_(" · has left the team"), style="dim")
        self.query_one("#person-title", Static).update(title)
        for key, text in figures(year).items():
            self.query_one(f"#figure-{key}", Static).update(text)
        self._chart(year)
        self.query_one("#person-latest", Static).update(latest_text(year))

    def _chart(self, year: PersonYear) -> None:
        plot = self.query_one("#person-chart", PlotextPlot)
        plt: Any = plot.plt
        plt.clear_figure()
        months = [formats.month(m) for m, _n in year.collected]
        counts = [n for _m, n in year.collected]
        colour = Color.parse(self.app.theme_variables.get("success", "green")).rgb
        plt.bar(months, counts, color=colour, width=0.6)
        top = max(counts) or 1
        step = max(1, -(-top // 4))
        ticks = list(range(0, top + step, step))
        plt.yticks(ticks, [str(t) for t in ticks])
        plot.refresh()

    def action_back(self) -> None:
        self.app.pop_screen()
