"""The client-win segment: a collaborator, not the lead, tells a win.

The presenter's name and the win's title are what the room should take in
from across it, so each sits in its own band, centred; why this person was
chosen comes once, in words, under the name (the name is not said twice).
The story is set in the same reading measure as a client's quote, and
scrolls (PgDn/PgUp) when it is longer than the card.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from briefing.i18n import _
from screens.safe import safe
from screens.widgets.panes import ReadingPane
from screens.widgets.verbatim_card import MEASURE

if TYPE_CHECKING:
    from briefing.presenting import Presentation


def presenter_text(presentation: Presentation) -> Text:
    person = presentation.choice.presenter
    if person is None:
        return Text(_("Nobody can present today"), style="bold")
    # The name inside the sentence, where the language puts it; never in markup.
    before, _name, after = _("▶ {name} presents").partition("{name}")
    return Text.assemble(before, safe(person.name, "bold", single_line=True), after)


def win_title_text(presentation: Presentation) -> Text:
    w = presentation.win
    if w is None:
        return Text(_("No win is pending: ask for a fresh client story."), style="italic")
    text = Text.assemble(("“", "bold"), safe(w.title, "bold"), ("”", "bold"))
    if w.client:
        text.append("  — ")
        text.append_text(safe(w.client, single_line=True))
    return text


def story_text(presentation: Presentation) -> Text:
    w = presentation.win
    text = Text()
    if w is None:
        return text
    if not presentation.own_win:
        text.append(_("Won by "), style="bold")
        text.append_text(safe(w.owner, "bold", single_line=True))
        text.append("\n\n")
    if w.story:
        text.append_text(safe(w.story))
    return text


class PresenterPane(ReadingPane):
    DEFAULT_CSS = f"""
    PresenterPane {{
        border: round $success; padding: 0 2; height: 1fr;
        align-horizontal: center; border-subtitle-align: right; border-subtitle-style: bold;
    }}
    PresenterPane .band {{
        width: 100%; height: auto; min-height: 3; padding: 1 2;
        content-align: center middle; text-align: center;
    }}
    PresenterPane #presenter {{ background: $success 35%; color: $text; text-style: bold; }}
    PresenterPane #reason {{ width: 100%; height: auto; color: $text-muted; text-align: center; }}
    PresenterPane #win-title {{ margin-top: 1; background: $boost; }}
    PresenterPane #story-scroll {{ height: 1fr; align-horizontal: center; }}
    PresenterPane #story {{ width: 100%; max-width: {MEASURE}; height: auto; margin-top: 1; }}
    """
    SCROLL = "#story-scroll"

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.border_title = _("Client win · x: not ready · u: undo x · w: another win · a: attendance")
        self._shown: tuple[object, int | None] | None = None

    def compose(self) -> ComposeResult:
        # The name and why come first: on a small screen the story is what
        # scrolls, never who presents.
        yield Static(id="presenter", classes="band")
        yield Static(id="reason")
        yield Static(id="win-title", classes="band")
        scroll = VerticalScroll(id="story-scroll")
        scroll.can_focus = False
        with scroll:
            yield Static(id="story")

    def draw(self, presentation: Presentation | None) -> None:
        parts = ("#presenter", "#reason", "#win-title", "#story")
        presenter, reason, title, story = (self.query_one(p, Static) for p in parts)
        if presentation is None:
            for part in (presenter, reason, title, story):
                part.update("")
            return
        shown = (presentation.choice.presenter, presentation.win.id if presentation.win else None)
        if shown != self._shown:  # another presenter or win: its story from the top
            self._shown = shown
            self.back_to_top()
        presenter.update(presenter_text(presentation))
        reason.update(safe(presentation.choice.why))
        title.update(win_title_text(presentation))
        story.update(story_text(presentation))
        self.call_after_refresh(self._mark_more)
