"""Trends: what the last twelve weeks of briefings looked like, as charts.

The lead's question is "are we giving the client the time we said we
would, and is everyone getting a turn?": a line of the client share per
briefing against the target, where the minutes went week by week, what
the clients said, who owns and who tells the wins, which segment runs
late. The headline (computed by :mod:`briefing.stats`) says it in words
at the top, and is what an empty history shows instead of empty axes.

Charts are drawn by textual-plotext (plotext inside a widget): bars,
stacked bars and lines with axes, legends and ticks, which Textual's own
``Sparkline`` has none of. It renders plotext's ANSI output with
``Text.from_ansi``, so every label a person typed (a name, a segment's
title) goes through :func:`screens.safe.safe` first: an ESC in a name
must not reach the terminal's parser, and ``[b]`` stays two brackets.

At 200x60 all five charts are on screen; on a smaller terminal one at a
time, ``←``/``→`` or ``1``-``5`` to switch, the tab line saying which.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.color import Color
from textual.containers import Grid, Vertical
from textual.screen import Screen
from textual.widgets import Footer, Header, Static
from textual_plotext import PlotextPlot

from briefing import formats, i18n
from briefing.i18n import N_, _, ngettext
from briefing.kinds import kind_word
from briefing.safetext import clip
from briefing.stats import DEFAULT_WEEKS, Stats, load
from screens.data import Loaded, follow, run
from screens.safe import safe
from screens.speaking import Speaks

#: key -> the chart's tab on a small terminal.
TABS = {
    "share": N_("Share"),
    "minutes": N_("Minutes"),
    "verbatims": N_("Verbatims"),
    "wins": N_("Wins"),
    "overruns": N_("Late"),
}
#: key -> the chart's title.
CHARTS = {
    "share": N_("Client share per briefing"),
    "minutes": N_("Minutes per week"),
    "verbatims": N_("Verbatims per week"),
    "wins": N_("Wins owned and presented"),
    "overruns": N_("Segments running late"),
}
#: A series' name in a chart's legend (its key names its colour in COLOURS).
SERIES = {
    "positive": N_("positive"),
    "neutral": N_("neutral"),
    "negative": N_("negative"),
    "owned": N_("owned"),
    "presented": N_("presented"),
    "late": N_("ran over"),
    "on time": N_("on time"),
}
#: From this size on every chart fits on screen at once, readable.
WIDE = (150, 42)
#: Theme variables for each series (colours by meaning, as screens.tones).
COLOURS = {
    "client": "success",
    "sales": "primary",
    "team": "secondary",
    "target": "warning",
    "positive": "success",
    "neutral": "foreground-muted",
    "negative": "error",
    "owned": "primary",
    "presented": "success",
    "late": "error",
    "on time": "foreground-muted",
}


def label(text: str, width: int = 18) -> str:
    """A person's text as a plotext label: inert (plotext's output is read
    back as ANSI) and short enough to leave the bars their room."""
    return clip(safe(text, single_line=True).plain, width)


class TrendsScreen(Speaks, Screen[None]):
    DEFAULT_CSS = """
    #trends-headline { padding: 0 1; height: auto; }
    #trends-tabs { padding: 0 1; height: 1; }
    TrendsScreen.-wide #trends-tabs { display: none; }
    #trends-charts { grid-size: 1; height: 1fr; }
    TrendsScreen.-wide #trends-charts { grid-size: 3 2; grid-rows: 1fr 1fr; }
    TrendsScreen .chart { display: none; border: round $primary 50%; border-title-style: bold; height: 1fr; }
    TrendsScreen .chart.-current, TrendsScreen.-wide .chart { display: block; }
    TrendsScreen .chart-note { padding: 1 2; color: $text-muted; }
    TrendsScreen.-wide #chart-share { column-span: 2; }
    """

    BINDINGS = [
        Binding("escape", "back", N_("Back"), id="trends.back"),
        Binding("right", "step(1)", N_("Next chart"), id="trends.next"),
        Binding("left", "step(-1)", N_("Previous"), id="trends.previous"),
        *(Binding(str(i), f"choose('{key}')", show=False) for i, key in enumerate(CHARTS, 1)),
    ]

    class Figures(Loaded[Stats]):
        """The last weeks' figures, read."""

    def __init__(self) -> None:
        super().__init__()
        self.current = "share"
        self.stats: Stats | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(_("Reading the last {weeks} weeks…").format(weeks=DEFAULT_WEEKS), id="trends-headline")
        yield Static(id="trends-tabs")
        with Grid(id="trends-charts"):
            for key, title in CHARTS.items():
                with Vertical(classes="chart", id=f"chart-{key}") as chart:
                    chart.border_title = _(title)
                    yield PlotextPlot(id=f"plot-{key}")
                    yield Static(classes="chart-note", id=f"note-{key}")
        yield Footer()

    def on_mount(self) -> None:
        follow(self, self.load)
        self.load()
        self._layout(self.app.size.width, self.app.size.height)

    def load(self) -> None:
        run(self, self.Figures, load, self.app.day, DEFAULT_WEEKS)

    def on_resize(self, event: events.Resize) -> None:
        self._layout(event.size.width, event.size.height)

    def _layout(self, width: int, height: int) -> None:
        self.set_class(width >= WIDE[0] and height >= WIDE[1], "-wide")
        self._show_current()
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("step", "choose") and self.has_class("-wide"):
            return None  # every chart is on screen: nothing to switch
        return True

    def action_back(self) -> None:
        self.app.pop_screen()

    def action_step(self, by: int) -> None:
        keys = list(CHARTS)
        self.action_choose(keys[(keys.index(self.current) + by) % len(keys)])

    def action_choose(self, key: str) -> None:
        self.current = key
        self._show_current()

    def _show_current(self) -> None:
        for key in CHARTS:
            self.query_one(f"#chart-{key}").set_class(key == self.current, "-current")
        tabs = Text()
        for i, (key, title) in enumerate(TABS.items(), 1):
            tabs.append(f" {i} {_(title)} ", style="reverse bold" if key == self.current else "dim")
        tabs.append(_("   ←/→ to switch"), style="dim")
        self.query_one("#trends-tabs", Static).update(tabs)

    @on(Figures)
    def show(self, event: Figures) -> None:
        stats = self.stats = event.value
        self.query_one("#trends-headline", Static).update(Text(stats.headline, style="bold"))
        finished = ngettext("{count} finished since {day}", "{count} finished since {day}", stats.held)
        since = finished.format(count=stats.held, day=formats.day_month(stats.start))
        self.query_one("#chart-share").border_subtitle = since
        for key in CHARTS:
            plot = self.query_one(f"#plot-{key}", PlotextPlot)
            plt = plot.plt
            plt.clear_figure()
            empty = DRAW[key](plt, stats, self._colour)
            plot.display = empty is None
            note = self.query_one(f"#note-{key}", Static)
            note.update(empty or "")
            note.display = empty is not None
            plot.refresh()

    def _colour(self, series: str) -> tuple[int, int, int]:
        """The theme's colour for a series, as plotext takes it."""
        value = self.app.theme_variables.get(COLOURS[series], "white")
        return Color.parse(value).rgb


# --- the charts: each draws on a cleared plotext figure, or says in words why not ----

Colour = Callable[[str], tuple[int, int, int]]


def _weeks(stats: Stats) -> list[str]:
    return [formats.day_month(w.week) for w in stats.by_week]


def _week_ticks(plt: Any, stats: Stats) -> None:
    """Every other week's Monday at most, counted back from this week: our
    choice, not plotext's (whose own thinning of many labels differs from
    one run to the next)."""
    labels = _weeks(stats)
    step = max(1, -(-len(labels) // 6))
    shown = list(range(len(labels) - 1, -1, -step))[::-1]
    plt.xticks([i + 1 for i in shown], [labels[i] for i in shown])


def _whole_ticks(plt: Any, top: float, vertical: bool = True) -> None:
    """Counts are whole: ticks at whole numbers, at most about six of them."""
    step = max(1, -(-int(top) // 6))
    ticks = list(range(0, int(top) + step, step))
    (plt.yticks if vertical else plt.xticks)(ticks, [str(t) for t in ticks])


def draw_share(plt: Any, stats: Stats, colour: Colour) -> str | None:
    """Days on a true time axis (weekends and weeks off leave their gap)."""
    points = [((s.day - stats.start).days, s.share * 100) for s in stats.shares if s.share is not None]
    if not points:
        said = _("No finished briefing in the last {weeks} weeks: its client share will show here.")
        return said.format(weeks=stats.weeks)
    xs, ys = [x for x, _y in points], [y for _x, y in points]
    plt.scatter(xs, ys, label=_("client share"), color=colour("client"), marker="●")
    days = [(s.day - stats.start).days for s in stats.shares]
    targets = [s.target * 100 for s in stats.shares]
    plt.plot(days, targets, label=_("target"), color=colour("target"), marker="-")
    plt.ylim(0, 100)
    ticks = [0, 25, 50, 75, 100]
    plt.yticks(ticks, [formats.percentage(t) for t in ticks])
    last = (stats.today - stats.start).days
    plt.xlim(-0.5, last + 0.5)
    mondays = [w.week for w in stats.by_week]
    step = max(1, -(-len(mondays) // 6))
    shown = mondays[len(mondays) - 1 :: -step][::-1]
    plt.xticks([(m - stats.start).days for m in shown], [formats.day_month(m) for m in shown])
    return None


def draw_minutes(plt: Any, stats: Stats, colour: Colour) -> str | None:
    if not stats.held:
        return _("No finished briefing in these weeks: nothing was timed.")
    kinds = ("client", "sales", "team")
    series = [[w.minutes[k] for w in stats.by_week] for k in kinds]
    labels = [kind_word(k) for k in kinds]
    plt.stacked_bar(_weeks(stats), series, labels=labels, color=[colour(k) for k in kinds], width=0.6)
    plt.ylabel(_("minutes"))
    if i18n.current() != i18n.DEFAULT:
        # plotext's own ticks ("80.3") write the English decimal point: whole minutes instead.
        _whole_ticks(plt, max(sum(w.minutes.values()) for w in stats.by_week))
    _week_ticks(plt, stats)
    return None


def draw_verbatims(plt: Any, stats: Stats, colour: Colour) -> str | None:
    moods = ("positive", "neutral", "negative")
    if not any(w.verbatims[m] for w in stats.by_week for m in moods):
        return _("No verbatim collected in these weeks.")
    series = [[w.verbatims[m] for w in stats.by_week] for m in moods]
    labels = [_(SERIES[m]) for m in moods]
    plt.stacked_bar(_weeks(stats), series, labels=labels, color=[colour(m) for m in moods], width=0.6)
    _whole_ticks(plt, max(sum(w.verbatims.values()) for w in stats.by_week))
    _week_ticks(plt, stats)
    return None


def draw_wins(plt: Any, stats: Stats, colour: Colour) -> str | None:
    if not any(t.owned or t.presented for t in stats.wins):
        return _("No win owned or told in these weeks.")
    # Upright bars: plotext 5.3's horizontal grouped bars misplace the second series.
    firsts = [t.name.split()[0] if t.name.split() else t.name for t in stats.wins]
    unique = len({f.casefold() for f in firsts}) == len(firsts)
    names = [label(f if unique else t.name, 10) for f, t in zip(firsts, stats.wins, strict=True)]
    series = [[t.owned for t in stats.wins], [t.presented for t in stats.wins]]
    labels = [_(SERIES["owned"]), _(SERIES["presented"])]
    plt.multiple_bar(names, series, labels=labels, color=[colour("owned"), colour("presented")])
    _whole_ticks(plt, max(max(t.owned, t.presented) for t in stats.wins))
    return None


def draw_overruns(plt: Any, stats: Stats, colour: Colour) -> str | None:
    if not stats.overruns:
        return _("No finished briefing in these weeks: no segment was timed.")
    rows = stats.overruns[::-1]  # plotext draws the first row at the bottom: the latest on top
    titles = [label(o.segment) for o in rows]
    series = [[o.overran for o in rows], [o.held - o.overran for o in rows]]
    plt.stacked_bar(
        titles,
        series,
        labels=[_(SERIES["late"]), _(SERIES["on time"])],
        color=[colour("late"), colour("on time")],
        orientation="horizontal",
        width=0.6,
    )
    plt.xlabel(_("briefings"))
    _whole_ticks(plt, max(o.held for o in rows), vertical=False)
    return None


DRAW: dict[str, Callable[[Any, Stats, Colour], str | None]] = {
    "share": draw_share,
    "minutes": draw_minutes,
    "verbatims": draw_verbatims,
    "wins": draw_wins,
    "overruns": draw_overruns,
}
