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

from rich.console import Console
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.geometry import Size
from textual.reactive import reactive
from textual.widget import Widget
from textual.widgets import Static

from briefing import client_page, formats
from briefing.client_links import key
from briefing.client_page import Page
from briefing.clients import Client, Moment
from briefing.i18n import N_, _, ngettext
from briefing.win_stories import WinStory
from screens.data import Failed, Loaded, Refused, follow, run
from screens.format import sentiment_word
from screens.inbox_cells import style_of
from screens.safe import safe

OUTCOME = {"reached": N_("reached"), "voicemail": N_("voicemail"), "no-answer": N_("no answer")}


def header_text(c: Client) -> Text:
    text = Text().append_text(safe(c.name, "bold", single_line=True))
    if c.company:
        text.append("  ·  ")
        text.append_text(safe(c.company, single_line=True))
    details = [
        (label, value) for label, value in (("☎ ", c.phone), ("✉ ", c.email), (_("looked after by "), c.owner)) if value
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


def moment_parts(m: Moment, focus: int | None = None) -> tuple[Text, Text]:
    """One line of the story in two parts: when and what kind (or in what
    mood), of one width for every moment; then the words and who in the team."""
    here = m.kind == "verbatim" and m.id == focus
    head = Text().append("▶ " if here else "  ", style="bold")  # not the base style: the line is not all bold
    head.append(f"{_moment_day(m)}  ", style="dim")
    body = Text()
    if m.kind == "verbatim":
        mood = m.sentiment.value if m.sentiment else "neutral"
        head.append(f"{sentiment_word(mood):<11}", style=style_of(mood))
        body.append("“")
        body.append_text(safe(m.text, "bold" if here else ""))
        body.append("”")
    elif m.kind == "win":
        win = _("★ win")
        head.append(f"{win:<11}", style="bold")
        body.append_text(safe(m.text, single_line=True))
    else:
        outcome = m.outcome or ""
        head.append(f"☎ {_(OUTCOME[outcome]) if outcome in OUTCOME else outcome:<9}", style="bold")
        if m.text:
            body.append("“")
            body.append_text(safe(m.text))
            body.append("”")
    return head, body


def _moment_day(m: Moment) -> str:
    """ "24 Nov 2026" / "24 nov. 2026": one width down the timeline."""
    return formats.short_date(m.date)


def _by(m: Moment) -> Text:
    """Who in the team, kept in one piece ("— Inès Moreau") when lines wrap."""
    if not m.by:
        return Text()
    return Text("— ", style="dim").append_text(safe(m.by, "dim", single_line=True))


def moment_text(m: Moment, focus: int | None = None) -> Text:
    """One line of the story: when, what, in what mood, who in the team."""
    head, body = moment_parts(m, focus)
    by = _by(m)
    return head.append_text(body).append("  " if by else "").append_text(by)


#: Fewer cells than this beside the date and mood: the words go under them.
NARROW = 24


def timeline_text(page: Page, width: int | None = None, console: Console | None = None) -> Text:
    """The story, a moment a line; given a ``width``, a long or multi-line
    quote wraps under its own words, not under the dates; in a narrow box
    (the call pane at 80x24) the words start on the line under the date,
    so a word is never cut in two."""
    if not page.moments:
        return Text(_("Nothing heard from them yet."), style="dim italic")
    if width is None or console is None:
        return Text("\n").join(moment_text(m, page.focus) for m in page.moments)
    lines: list[Text] = []
    for m in page.moments:
        head, body = moment_parts(m, page.focus)
        indent, by = head.cell_len, _by(m)
        if width - indent < NARROW and body:
            head.rstrip()
            lines.append(head)
            head, indent = Text(" " * 4), 4
        room = max(width - indent, 1)
        wrapped = [line.rstrip() or line for line in body.wrap(console, room)] if body else [Text()]
        if by and wrapped[-1].cell_len + 2 + by.cell_len <= room:
            wrapped[-1].append("  " if wrapped[-1].plain else "").append_text(by)
        elif by:
            wrapped.append(by)
        for i, line in enumerate(wrapped):
            lines.append((head if i == 0 else Text(" " * indent)).append_text(line))
    return Text("\n").join(lines)


class Timeline(Widget):
    """The client's timeline, laid out for the width it is given."""

    DEFAULT_CSS = "Timeline { height: auto; }"

    page: reactive[Page | None] = reactive(None, layout=True)

    def _text(self, width: int) -> Text:
        return Text("") if self.page is None else timeline_text(self.page, width, self.app.console)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self._text(width).split("\n"))

    def render(self) -> Text:
        return self._text(self.content_size.width)


def _clip(text: Text, width: int) -> Text:
    text.truncate(max(width, 10), overflow="ellipsis")
    return text


def win_stories_text(
    stories: tuple[WinStory, ...], width: int, height: int | None = None, console: Console | None = None
) -> Text:
    """Under the numbers: each win of the week, its client, and what they
    said before it, one line each ("Altis — renewed · Hélène, 4 days
    before: “…”"), clipped to ``width``.

    Given a ``height`` (a laptop's 24 rows leave two or three), the title
    and the blank line above it give way first, then the last wins, which
    one line still names: no win of the week vanishes without a word.
    With a ``console`` and rows to spare (the wall), the quotes are shown in
    full instead, each story wrapped under itself."""
    title = Text(_("The week's wins, and what the clients said before"), style="bold")
    if height is not None and console is not None:
        # Room on the wall: each story in full, wrapped under itself.
        full = [_story_line(s, None) for s in stories]
        wrapped = [line for story in full for line in _hang(story, width, console)]
        if len(wrapped) + 2 <= height:
            return Text("\n").join([Text(""), title, *wrapped])
    lines = [_story_line(s, width) for s in stories]
    if height is None:
        return Text("\n").join([title, *lines])
    if height >= len(lines) + 2:
        shown = [Text(""), title, *lines]
    elif height >= len(lines) + 1:
        shown = [title, *lines]
    elif height >= len(lines):
        shown = lines
    elif height <= 0:
        shown = []
    else:
        rest = stories[height - 1 :]
        more = ngettext("+{count} more win this week: ", "+{count} more wins this week: ", len(rest))
        more = Text(more.format(count=len(rest)), style="dim")
        more.append_text(Text(", ").join(safe(s.client or s.title, "bold", single_line=True) for s in rest))
        shown = [*lines[: height - 1], _clip(more, width)]
    return Text("\n").join(shown)


def _hang(text: Text, width: int, console: Console) -> list[Text]:
    """``text`` wrapped to ``width``, its next lines indented under the first."""
    first = text.wrap(console, max(width, 20))[0]
    rest = text[len(first.plain) :]
    rest = rest[len(rest.plain) - len(rest.plain.lstrip()) :]
    first.rstrip()
    if not rest.plain:
        return [first]
    lines = rest.wrap(console, max(width - 2, 18))
    for line in lines:
        line.rstrip()
    return [first, *(Text("  ").append_text(line) for line in lines)]


def _story_line(s: WinStory, width: int | None) -> Text:
    if s.client and key(s.title).startswith(key(s.client)):
        # "Brightwell Foods: pilot…" already names them: not twice on a narrow line.
        line = safe(s.title, single_line=True)
        line.stylize("bold", 0, len(s.client))
    else:
        # Appended to a plain Text: safe()'s style is the whole Text's, and would make all of it bold.
        line = Text().append_text(safe(s.client or "—", "bold", single_line=True))
        line.append(" — ")
        line.append_text(safe(s.title, single_line=True))
    if s.said is not None and s.said_by:
        days = s.days_before or 0
        when = _("the same day") if days == 0 else ngettext("{count} day before", "{count} days before", days)
        when = when.format(count=days)
        line.append(" · ", style="dim")
        line.append_text(safe(s.said_by, "italic", single_line=True))
        line.append(f", {when}: ", style="dim")
        mood = s.sentiment.value if s.sentiment else "neutral"
        quote = Text("“", style=style_of(mood))
        quote.append_text(safe(s.said, single_line=True))
        quote.append("”")
        line.append_text(quote)
    else:
        line.append(" · " + _("nothing heard from them before"), style="dim")
    return line if width is None else _clip(line, width)


class WinStories(Widget):
    """The week's wins under the numbers, fitted to the rows the pane has
    left once the numbers are shown (see :func:`win_stories_text`)."""

    DEFAULT_CSS = "WinStories { height: 1fr; min-height: 1; }"

    stories: reactive[tuple[WinStory, ...]] = reactive(())

    def render(self) -> Text:
        size = self.content_size
        return win_stories_text(self.stories, size.width, size.height, self.app.console)


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
        yield Static(Text(_("Reading…"), style="dim"), id="story-header")
        yield Timeline(id="story-timeline")

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
        self.query_one("#story-timeline", Timeline).page = page

    @on(Refused)
    def _gone(self, event: Refused) -> None:
        event.stop()
        self.query_one("#story-header", Static).update(safe(event.error.problem, "italic"))

    @on(Failed)
    def _failed(self, event: Failed) -> None:
        event.stop()
        self.query_one("#story-header", Static).update(safe(event.message, "italic"))
