"""After the briefing: where the minutes went, against the plan and the target."""

from __future__ import annotations

import json

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static

from screens.format import SHORTFALL, mmss
from screens.safe import safe
from screens.widgets.balance import verdict


class SummaryScreen(Screen[None]):
    BINDINGS = [
        Binding("escape,h", "home", "Home", id="summary.home"),
        Binding("q", "app.quit", "Quit", id="summary.quit"),
    ]

    def __init__(self, meeting_id: int) -> None:
        super().__init__()
        self.meeting_id = meeting_id

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="summary"):
            yield Static(id="summary-title")
            yield Static(id="summary-share")
            yield Static(id="summary-win")
            yield DataTable(id="summary-table", show_cursor=False, zebra_stripes=True)
            yield Static(id="summary-notes")
        yield Footer()

    def on_mount(self) -> None:
        self.load()

    @work(thread=True, exit_on_error=False)
    def load(self) -> None:
        conn = self.app.connect()
        try:
            row = conn.execute("SELECT day, outcome, summary FROM meetings WHERE id = ?", (self.meeting_id,)).fetchone()
        finally:
            conn.close()
        if row is not None and row["summary"]:
            self.app.call_from_thread(self.show, row["day"], row["outcome"], json.loads(row["summary"]))

    def show(self, day: str, outcome: str, summary: dict) -> None:
        self.query_one("#summary-title", Static).update(
            Text.assemble((f"Briefing of {day} — {outcome}", "bold"), f"   total {mmss(summary['elapsed_s'])}")
        )
        level, sentence = verdict(summary["client_share"], summary["target_share"])
        by_kind = summary["elapsed_by_kind"]
        share = self.query_one("#summary-share", Static)
        share.update(
            Text.assemble(
                (sentence, "bold"),
                f"   client {mmss(by_kind['client'])} · sales {mmss(by_kind['sales'])} · team {mmss(by_kind['team'])}",
                f"   verbatims shown: {len(summary.get('verbatims_shown', []))}",
            )
        )
        for name in ("ok", "warn", "low", "none"):
            share.set_class(name == level, f"-{name}")
        self.query_one("#summary-win", Static).update(_win_text(summary))
        table = self.query_one(DataTable)
        # Columns and rows together: a header drawn before the rows could keep
        # its label-wide columns over rows laid out wider (seen in a snapshot).
        table.clear(columns=True)
        table.add_columns("Segment", "Kind", "Planned", "Actual", "Diff")
        for seg in summary["segments"]:
            diff = seg["elapsed_s"] - seg["planned_s"]
            table.add_row(
                safe(seg["title"], single_line=True),
                Text(seg["kind"]),
                Text(mmss(seg["planned_s"])),
                Text(mmss(seg["elapsed_s"])),
                Text(("+" if diff >= 0 else "−") + mmss(abs(diff)), style=SHORTFALL if diff > 30 else ""),
            )
        notes = summary.get("notes") or ""
        self.query_one("#summary-notes", Static).update(
            Text.assemble(("Notes: ", "bold"), safe(notes)) if notes.strip() else Text("")
        )

    def action_home(self) -> None:
        self.app.go_home()


def _win_text(summary: dict) -> Text:
    """Who told the client win, which one, whose it was, who passed."""
    presenter, win = summary.get("presenter"), summary.get("win")
    if not presenter:
        return Text("No client win was presented.", style="italic")
    text = Text.assemble(("Client win: ", "bold"), safe(presenter, "bold", single_line=True), " presented")
    if win:
        text.append(" “")
        text.append_text(safe(win["title"], single_line=True))
        text.append("”")
        if win["owner"] != presenter:
            text.append(" — won by ")
            text.append_text(safe(win["owner"], single_line=True))
    else:
        text.append(" a fresh client story")
    if summary.get("skipped"):
        text.append("   not ready today: ", style="dim")
        text.append_text(safe(", ".join(summary["skipped"]), "dim", single_line=True))
    return text
