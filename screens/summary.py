"""After the briefing: where the minutes went, against the plan and the target."""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static

from briefing import formats, minutes
from briefing import summary as summaries
from briefing.i18n import N_, _
from briefing.kinds import kind_word, state_word
from briefing.summary import Summary
from briefing.timeutil import mmss
from screens.data import Loaded, run
from screens.format import shortfall
from screens.safe import safe
from screens.speaking import Speaks
from screens.summary_text import people_text, verbatims_text
from screens.widgets.balance import verdict
from screens.widgets.tables import fill


class SummaryScreen(Speaks, Screen[None]):
    DEFAULT_CSS = """
    #summary { padding: 1 2; }
    #summary-title, #summary-share, #summary-win { height: auto; margin-bottom: 1; }
    #summary-share.-ok { color: $success; }
    #summary-share.-warn { color: $warning; }
    #summary-share.-low { color: $error; }
    #summary-table { height: auto; }
    #summary-people, #summary-verbatims { height: auto; margin-top: 1; }
    #summary-notes { margin-top: 1; }
    """

    BINDINGS = [
        Binding("escape,h", "close", N_("Close"), id="summary.home"),
        Binding("e", "export", N_("Export minutes"), id="summary.export"),
        Binding("q", "app.quit", N_("Quit"), id="summary.quit"),
    ]

    class Read(Loaded[Summary]):
        """The briefing's summary, read."""

    class Exported(Loaded[Path]):
        """The minutes, written to this new file."""

    def __init__(self, meeting_id: int, *, back: bool = False) -> None:
        """``back``: opened from the history, to which escape returns; at the
        end of a meeting, escape goes home."""
        super().__init__()
        self.meeting_id = meeting_id
        self._back = back

    def compose(self) -> ComposeResult:
        yield Header()
        # Scrolls: on a laptop's 80x24 the names and verbatims go below the fold.
        with VerticalScroll(id="summary"):
            yield Static(id="summary-title")
            yield Static(id="summary-share")
            yield Static(id="summary-win")
            yield DataTable(id="summary-table", show_cursor=False, zebra_stripes=True)
            yield Static(id="summary-people")
            yield Static(id="summary-verbatims")
            yield Static(id="summary-notes")
        yield Footer()

    def on_mount(self) -> None:
        # The arrows scroll the page; the table has nothing to select.
        self.query_one(DataTable).can_focus = False
        self.query_one("#summary", VerticalScroll).focus()
        run(self, self.Read, summaries.load, self.meeting_id)

    @on(Read)
    def show(self, event: Read) -> None:
        summary = event.value
        state = summary.state
        self.query_one("#summary-title", Static).update(
            Text.assemble(
                (_title(summary), "bold"),
                "   " + _("total {time}").format(time=mmss(state.elapsed_s)),
            )
        )
        level, sentence = verdict(state.client_share, state.target_share)
        by_kind = state.elapsed_by_kind
        share = self.query_one("#summary-share", Static)
        share.update(
            Text.assemble(
                (sentence, "bold"),
                "   "
                + _("client {client} · sales {sales} · team {team}").format(
                    client=mmss(by_kind["client"]), sales=mmss(by_kind["sales"]), team=mmss(by_kind["team"])
                ),
            )
        )
        for name in ("ok", "warn", "low", "none"):
            share.set_class(name == level, f"-{name}")
        self.query_one("#summary-win", Static).update(_win_text(summary))
        rows = []
        for seg in state.segments:
            diff = int(seg.elapsed_s) - seg.planned_s  # the whole seconds shown, so the columns add up
            cells = (
                safe(seg.title, single_line=True),
                Text(kind_word(seg.kind.value)),
                Text(mmss(seg.planned_s)),
                Text(mmss(seg.elapsed_s)),
                Text(("+" if diff >= 0 else "−") + mmss(abs(diff)), style=shortfall() if diff > 30 else ""),
            )
            rows.append((cells, None))
        headings = (_("Segment"), _("Kind"), _("Planned"), _("Actual"), _("Diff"))
        fill(self.query_one(DataTable), headings, rows)
        self.query_one("#summary-people", Static).update(people_text(summary))
        self.query_one("#summary-verbatims", Static).update(verbatims_text(summary))
        notes = summary.meeting.notes
        self.query_one("#summary-notes", Static).update(
            Text.assemble((_("Notes: "), "bold"), safe(notes)) if notes.strip() else Text("")
        )

    def action_export(self) -> None:
        """The minutes in Markdown, in a new file (never over one): see
        ``briefing.minutes.save`` for the folder. A read: nothing changes in
        the database."""
        run(self, self.Exported, minutes.save, self.meeting_id)

    @on(Exported)
    def _exported(self, event: Exported) -> None:
        self.notify(str(event.value), title=_("Minutes written"), markup=False)

    def action_close(self) -> None:
        if self._back:
            self.app.pop_screen()
        else:
            self.app.go_home()


def _title(summary: Summary) -> str:
    """ "Briefing of 2026-11-24 — finished". The translation picks the
    day's form: ``{iso}`` or ``{day}`` in words ("mardi 24 novembre")."""
    state = summary.outcome or summary.state.state
    day = summary.meeting.day
    return _("Briefing of {iso} — {state}").format(
        iso=day.isoformat(), day=formats.long_day(day), state=state_word(state)
    )


def _win_text(summary: Summary) -> Text:
    """Who told the client win, which one, whose it was, who passed."""
    presenter, win = summary.presenter, summary.win
    if summary.win_skipped:
        ran, least = summary.win_elapsed_s or 0, summary.meeting.agenda.win_min_s
        return Text(
            _(
                "Client win skipped: its segment ran {ran}, under {least}. "
                "Nobody's turn was used and no win was marked told."
            ).format(ran=mmss(ran), least=mmss(least)),
            style="italic",
        )
    if not presenter:
        return Text(_("No client win was presented."), style="italic")
    text = Text.assemble((_("Client win: "), "bold"), safe(presenter, "bold", single_line=True), _(" presented"))
    if win:
        text.append(" “")
        text.append_text(safe(win.title, single_line=True))
        text.append("”")
        if win.owner != presenter:
            text.append(_(" — won by "))
            text.append_text(safe(win.owner, single_line=True))
    else:
        text.append(_(" a fresh client story"))
    if summary.skipped:
        text.append("   " + _("not ready today: "), style="dim")
        text.append_text(safe(", ".join(summary.skipped), "dim", single_line=True))
    return text
