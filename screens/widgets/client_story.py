"""A client's story, as one self-contained widget: who they are, then
their timeline, newest first.

``ClientStory(client_id)`` reads through ``screens.data`` and reads again
when the database changes, so any screen (the client page, a call in the
meeting) can place it and forget it. Given a verbatim instead of a client,
it tells the story of the person behind that quote and marks the quote.

Every word people typed goes through ``screens.safe``; moods take the
same tones as the inbox (good, bad, dim).
"""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from briefing import client_page
from briefing.client_page import Page
from briefing.clients import Client, Moment
from briefing.win_stories import WinStory
from screens.data import Failed, Loaded, Refused, follow, run
from screens.inbox_cells import style_of
from screens.safe import safe
from screens.widgets.verbatim_card import SENTIMENT

OUTCOME = {"reached": "reached", "voicemail": "voicemail", "no-answer": "no answer"}


def header_text(c: Client) -> Text:
    text = safe(c.name, "bold", single_line=True)
    if c.company:
        text.append("  ·  ")
        text.append_text(safe(c.company, single_line=True))
    details = [
        (label, value) for label, value in (("☎ ", c.phone), ("✉ ", c.email), ("looked after by ", c.owner)) if value
    ]
    if details:
        text.append("\n")
        for i, (label, value) in enumerate(details):
            text.append("   " if i else "")
            text.append(label, style="dim")
            text.append_text(safe(value, single_line=True))
    if c.notes:
        text.append("\n")
        text.append_text(safe(c.notes, "italic"))
    return text


def moment_text(m: Moment, focus: int | None = None) -> Text:
    """One line of the story: when, what, in what mood, who in the team."""
    here = m.kind == "verbatim" and m.id == focus
    text = Text("▶ " if here else "  ", style="bold")
    text.append(f"{m.date:%d %b %Y}  ", style="dim")
    if m.kind == "verbatim":
        mood = m.sentiment.value if m.sentiment else "neutral"
        text.append(f"{SENTIMENT.get(mood, mood):<11}", style=style_of(mood))
        text.append("“")
        text.append_text(safe(m.text, "bold" if here else ""))
        text.append("”")
    elif m.kind == "win":
        text.append("★ win      ", style="bold")
        text.append_text(safe(m.text, single_line=True))
    else:
        text.append(f"☎ {OUTCOME.get(m.outcome or '', m.outcome or ''):<9}", style="bold")
        if m.text:
            text.append("“")
            text.append_text(safe(m.text))
            text.append("”")
    if m.by:
        text.append("  — ", style="dim")
        text.append_text(safe(m.by, "dim", single_line=True))
    return text


def timeline_text(page: Page) -> Text:
    if not page.moments:
        return Text("Nothing heard from them yet.", style="dim italic")
    lines = [moment_text(m, page.focus) for m in page.moments]
    return Text("\n").join(lines)


def _clip(text: Text, width: int) -> Text:
    text.truncate(max(width, 10), overflow="ellipsis")
    return text


def win_stories_text(stories: tuple[WinStory, ...], width: int) -> Text:
    """Under the numbers: each win of the week, its client, and what they
    said before it, one line each ("Altis — renewed · Hélène, 4 days
    before: “…”"), clipped to ``width``."""
    lines = []
    for s in stories:
        line = safe(s.client or "—", "bold", single_line=True)
        line.append(" — ")
        line.append_text(safe(s.title, single_line=True))
        if s.said is not None and s.said_by:
            days = s.days_before or 0
            when = "the same day" if days == 0 else f"{days} day{'s' * (days != 1)} before"
            line.append(" · ", style="dim")
            line.append_text(safe(s.said_by, "italic", single_line=True))
            line.append(f", {when}: ", style="dim")
            mood = s.sentiment.value if s.sentiment else "neutral"
            quote = Text("“", style=style_of(mood))
            quote.append_text(safe(s.said, single_line=True))
            quote.append("”")
            line.append_text(quote)
        else:
            line.append(" · nothing heard from them before", style="dim")
        lines.append(_clip(line, width))
    title = Text("The week's wins, and what the clients said before", style="bold")
    return Text("\n").join([title, *lines])


class ClientStory(VerticalScroll):
    """A client's header and timeline; scrolls when focused."""

    DEFAULT_CSS = """
    ClientStory { height: 1fr; padding: 0 1; }
    ClientStory #story-header { margin-bottom: 1; padding: 0 1; border-left: thick $accent; }
    """

    class Read(Loaded[Page]):
        """The client's page, read."""

    def __init__(
        self,
        client_id: int | None = None,
        *,
        verbatim_id: int | None = None,
        win_id: int | None = None,
        id: str | None = None,
    ) -> None:
        super().__init__(id=id)
        self.client_id = client_id
        self.verbatim_id = verbatim_id
        self.win_id = win_id
        self.page: Page | None = None

    def compose(self) -> ComposeResult:
        yield Static(Text("Reading…", style="dim"), id="story-header")
        yield Static(id="story-timeline")

    def on_mount(self) -> None:
        follow(self, self.load)
        self.load()

    def load(self) -> None:
        run(self, self.Read, client_page.page_of, self.client_id, self.verbatim_id, self.win_id)

    @on(Read)
    def _show(self, event: Read) -> None:
        self.page = page = event.value
        self.client_id = page.client.id  # a merge or an archive later: still this person
        self.query_one("#story-header", Static).update(header_text(page.client))
        self.query_one("#story-timeline", Static).update(timeline_text(page))

    @on(Refused)
    def _gone(self, event: Refused) -> None:
        event.stop()
        self.query_one("#story-header", Static).update(safe(event.error.problem, "italic"))

    @on(Failed)
    def _failed(self, event: Failed) -> None:
        event.stop()
        self.query_one("#story-header", Static).update(safe(event.message, "italic"))
