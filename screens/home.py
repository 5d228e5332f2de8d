"""Home: is the team ready for today's briefing?

What the lead glances at before starting: how much client material waits
(new verbatims, pending wins), who is in the room, and which numbers are in.
"""

from __future__ import annotations

from functools import partial

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Digits, Footer, Header, Label, Static

from briefing import formats, i18n
from briefing.errors import AlreadyHadOneToday
from briefing.i18n import N_, _
from briefing.meeting import Meeting
from briefing.readiness import Readiness, readiness
from screens.breakpoints import fit_to_terminal
from screens.data import Loaded, Refused, follow, run
from screens.safe import safe
from screens.speaking import Speaks
from screens.widgets.panes import MetricsPane

#: Asked before a second briefing the same day.
AGAIN = N_("The team already had its briefing today. Start another one?")
#: A terminal font cannot be changed by the app; the lead can, in a second.
ROOM_HINT = N_(
    "On the wall? Enlarge the terminal's font (Ctrl + or ⌘ +) until the back of the room reads this line:"
    " briefing fits the screen down to 80×24, and the client's words grow with it."
)


class HomeScreen(Speaks, Screen[None]):
    DEFAULT_CSS = """
    #home { padding: 0 1; }
    #day { height: 1; margin: 0; text-style: bold; }
    #counts { height: auto; margin: 0; }
    .count { width: 1fr; height: auto; align-horizontal: center; }
    .count Digits { width: 100%; text-align: center; color: $accent; }
    .count-label { width: 100%; content-align: center middle; color: $text-muted; }
    #panels { height: 1fr; min-height: 6; max-height: 18; margin: 0; }
    .panel { border: round $primary; padding: 0 1; height: 100%; }
    #team-panel { width: 1fr; max-width: 30; }
    #metrics-panel { width: 2fr; height: 100%; }
    #missing { color: $warning; }
    #presenter { height: auto; margin: 0; color: $success; }
    #latest { height: auto; max-height: 6; margin: 0; color: $text; }
    /* A terminal this large on the wall has a small font: say how to grow it. */
    #room-hint { display: none; height: auto; margin-top: 1; color: $text-muted; }
    HomeScreen.-wide.-tall #room-hint { display: block; }
    """

    #: A screen at least this wide and this tall has the room-hint class pair
    #: (see ROOM_HINT): the meeting's quote would be a thin line on the wall.
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (140, "-wide")]
    VERTICAL_BREAKPOINTS = [(0, "-short"), (45, "-tall")]

    BINDINGS = [
        Binding("s", "start", N_("Start"), id="home.start"),
        Binding("i", "open('inbox')", N_("Inbox"), id="home.inbox"),
        Binding("v", "open('verbatim')", N_("+Verbatim"), id="home.add_verbatim"),
        Binding("w", "open('win')", N_("+Win"), id="home.add_win"),
        Binding("m", "open('numbers')", N_("Numbers"), id="home.numbers"),
        Binding("h", "open('history')", N_("History"), id="home.history"),
        Binding("y", "open('trends')", N_("Trends"), id="home.trends"),
        # The footer keeps what a morning needs within 80 columns; these keys
        # work all the same, and the Menu (ctrl+p) lists them by name.
        Binding("t", "open('team')", N_("Team"), id="home.team", show=False),
        Binding("g", "open('agenda')", N_("Agenda"), id="home.agenda", show=False),
        Binding("l", "language", N_("Language"), id="home.language", show=False),
        Binding("q", "app.quit", N_("Quit"), id="home.quit", show=False),
    ]

    class Ready(Loaded[Readiness]):
        """Today's readiness, read."""

    class Started(Loaded[Meeting]):
        """Today's briefing, started."""

    class LanguageSet(Loaded[str]):
        """The team's language, stored."""

    def __init__(self) -> None:
        super().__init__()
        self._attendance: dict[int, str] = {}  # kept for the "start another?" question
        self._ready: Readiness | None = None
        fit_to_terminal(self)  # styled once, for the terminal it opens in

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="home"):
            yield Static(id="day")
            with Horizontal(id="counts"):
                for key, label in (
                    ("verbatims", _("new verbatims")),
                    ("wins", _("pending wins")),
                    ("metrics", _("numbers in today")),
                ):
                    with Vertical(classes="count", id=f"count-{key}"):
                        yield Digits("-", id=f"digits-{key}")
                        yield Label(label, classes="count-label")
            with Horizontal(id="panels"):
                with Vertical(id="team-panel", classes="panel"):
                    yield Static(id="team")
                with Vertical(id="metrics-panel"):
                    yield MetricsPane(id="metrics")
                    yield Static(id="missing")
            yield Static(id="presenter")
            yield Static(id="latest")
            yield Static(_(ROOM_HINT), id="room-hint")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one("#team-panel").border_title = _("Team (t)")
        follow(self, self.load)
        self.load()

    def load(self) -> None:
        run(self, self.Ready, readiness, self.app.day)

    @on(Ready)
    def show(self, event: Ready) -> None:
        ready = self._ready = event.value
        self.query_one("#day", Static).update(
            Text.assemble((formats.long_day(ready.day, year=True), "bold"), "  ·  ", _("today's briefing"))
        )
        self.query_one("#digits-verbatims", Digits).update(str(ready.new_verbatims))
        self.query_one("#digits-wins", Digits).update(str(ready.pending_wins))
        expected = len(ready.metrics_today) + len(ready.metrics_missing)
        self.query_one("#digits-metrics", Digits).update(str(len(ready.metrics_today)))
        self.query_one("#count-metrics .count-label", Label).update(
            _("numbers in today (of {count})").format(count=expected)
        )
        self.query_one("#team", Static).update(_team_text(ready))
        self._show_metrics(ready)
        self.query_one("#latest", Static).update(_latest_text(ready))
        presenter = self.query_one("#presenter", Static)
        presenter.update(
            Text.assemble((_("Client win: "), "bold"), safe(ready.next_presenter)) if ready.next_presenter else ""
        )

    def _show_metrics(self, ready: Readiness) -> None:
        self.query_one("#metrics", MetricsPane).show(ready.metrics_today)
        missing = self.query_one("#missing", Static)
        if ready.metrics_missing:
            missing.update(
                Text.assemble(
                    (_("Missing today: "), "bold"), safe(", ".join(ready.metrics_missing)), _(" (m: type them in)")
                )
            )
        elif not ready.metrics_today:
            missing.update(_("No numbers yet today: press m to type them in"))
        else:
            missing.update("")

    def action_open(self, name: str) -> None:
        """The way into the inbox, the forms and the team (also in ctrl+p)."""
        from screens.navigation import open_screen

        open_screen(self.app, name)

    def action_language(self) -> None:
        """The team's language (screens/language_dialog.py says what it changes)."""
        from screens.language_dialog import LanguageScreen

        self.app.push_screen(LanguageScreen(), self._set_language)

    def _set_language(self, code: str | None) -> None:
        if code is not None:
            from briefing.team_settings import LANG, put

            run(self, self.LanguageSet, put, LANG, code, write=True)

    @on(LanguageSet)
    def _speak(self, event: LanguageSet) -> None:
        """Stored: this terminal speaks it now, home built again in its words."""
        from screens.speaking import speak_again

        i18n.use(event.value)
        speak_again(self.app)  # its own keys (Quit, the Menu), on every screen
        self.app.switch_screen(HomeScreen())
        self.app.notify(_("The team's language is now {name}.").format(name=i18n.NAMES[event.value]))

    def action_start(self) -> None:
        """Check who is in the room, then start (or go back to) the briefing.

        Decided on what home last read (kept fresh by the app's watcher), so
        the check-in is up before the lead's next key; a briefing someone
        started meanwhile is joined, not refused (``start(join=True)``). A
        second briefing the same day is asked about first; if home's read
        was too old to know, the refusal after the check-in asks instead."""
        if self._ready is not None and self._ready.running_id is not None:
            self._open_meeting()
            return
        if self._ready is not None and self._ready.held_today:
            # Asked before the check-in: a "no" after it wasted the lead's clicks.
            from screens.confirm import ConfirmScreen

            self.app.push_screen(ConfirmScreen(_(AGAIN)), lambda yes: self._check_in(again=True) if yes else None)
            return
        self._check_in(again=False)

    def _check_in(self, again: bool) -> None:
        from screens.checkin import CheckInScreen

        self.app.push_screen(
            CheckInScreen(_("Who is in the room today? Then Enter to start.")),
            lambda status: self._start(attendance=status, again=again) if status is not None else None,
        )

    def _start(self, attendance: dict[int, str], again: bool = False) -> None:
        """Start today's briefing (or join the one someone just started)."""
        from briefing.meeting import start

        self._attendance = attendance
        run(
            self,
            self.Started,
            partial(start, again=again, day=self.app.day, attendance=attendance, join=True),
            write=True,
        )

    @on(Started)
    def _open_meeting(self) -> None:
        from screens.meeting import MeetingScreen

        self.app.push_screen(MeetingScreen())

    @on(Refused)
    def _refused(self, event: Refused) -> None:
        if not isinstance(event.error, AlreadyHadOneToday):
            return  # the app says it
        event.stop()
        from screens.confirm import ConfirmScreen

        self.app.push_screen(
            ConfirmScreen(_(AGAIN)),
            lambda yes: self._start(self._attendance, again=True) if yes else None,
        )


def _team_text(ready: Readiness) -> Text:
    if not ready.team:
        return Text(_("Nobody yet: briefing team add NAME"))
    text = Text()
    for name in ready.lead:
        text.append_text(safe(name, "bold", single_line=True))
        text.append(" · " + _("lead") + "\n", style="dim")
    for name in ready.members:
        text.append_text(safe(name, single_line=True))
        text.append("\n")
    text.rstrip()
    return text


def _latest_text(ready: Readiness) -> Text:
    v = ready.latest_verbatim
    if v is None:
        return Text(_("No new verbatim waiting. Add one: briefing verbatim add TEXT --client NAME"), style="dim")
    who = ", ".join(x for x in (v.client, v.company) if x)
    text = Text.assemble((_("Latest: "), "bold"), "“")
    text.append_text(safe(v.text))
    text.append("”  — ")
    text.append_text(safe(who, "italic", single_line=True))
    return text
