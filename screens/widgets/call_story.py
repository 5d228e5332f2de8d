"""A client's story in a few lines, while they are on the line.

Kept in one small widget (``ClientStory.show(moments)``) so a fuller
client page can take its place without touching the call pane.
"""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from briefing.clients import Moment
from screens.safe import safe
from screens.tones import tone

MOOD = {"positive": ("☺", "good"), "negative": ("☹", "bad")}
OUTCOME = {"reached": "reached", "voicemail": "voicemail", "no-answer": "no answer"}


def moment_text(m: Moment) -> Text:
    """One line of the story: when, what kind, the words, who on the team."""
    line = Text(f"{m.date:%d %b %Y}  ", style="dim")
    if m.kind == "verbatim":
        mark, colour = MOOD.get(m.sentiment or "", ("○", None))
        line.append(f"{mark} ", style=tone(colour) if colour else "dim")
        line.append_text(safe(f"“{m.text}”", single_line=True))
    elif m.kind == "win":
        line.append("★ win ", style=tone("good"))
        line.append_text(safe(f"“{m.text}”", single_line=True))
    else:
        line.append(f"☎ call, {OUTCOME.get(m.outcome or '', m.outcome or '')}", style="bold")
    if m.by:
        line.append("  — ", style="dim")
        line.append_text(safe(m.by, "dim", single_line=True))
    return line


class ClientStory(Static):
    DEFAULT_CSS = """
    ClientStory { width: 1fr; height: 1fr; border: round $secondary; padding: 0 1; }
    """
    BORDER_TITLE = "Their story"

    def show(self, moments: tuple[Moment, ...] | None) -> None:
        if moments is None:
            self.update("")
            return
        if not moments:
            self.update(Text("Nothing yet: this is the team's first word with them.", style="italic"))
            return
        self.update(Text("\n").join(moment_text(m) for m in moments))
