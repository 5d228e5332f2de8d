"""The room's screen in a browser (``briefing serve --mode view``): the
briefing under way, read-only, or, when none runs, today's presenter and the
latest verbatims.

Remote attendees and a projector's browser watch; only the lead drives. The
view follows the database like a second terminal does (the App's watcher,
``screens.data.follow``), so the lead's ``n`` or ``space`` shows here within
a second, and it never writes: not even the "card shown" mark the lead's
screen stores.
"""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Header, Static

from briefing.board import Board
from briefing.i18n import N_, _
from briefing.lobby import Lobby, lobby
from screens.data import Loaded, follow, run
from screens.meeting import MeetingScreen
from screens.safe import filled, safe

#: The meeting screen's actions a viewer may take: reading on in a long quote.
VIEWER_ACTIONS = {"page"}
WAITING = N_("No briefing is running. This screen follows it as soon as the lead starts.")


class ViewMeetingScreen(MeetingScreen):
    """The meeting screen, every key that changes the briefing switched off."""

    #: Read by the panes that could write (the call pane stores the lead's choice).
    READ_ONLY = True

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action not in VIEWER_ACTIONS:
            return False
        return super().check_action(action, parameters)

    def command(self, fn: Any, *args: Any, reload: bool = True) -> None:
        """A viewer stores nothing (the lead's screen marks the cards shown)."""

    def apply(self, board: Board) -> None:
        if board.last_shown is not None and any(v.id == board.last_shown for v in board.verbatims):
            # The card the lead's screen shows is the one it marked shown last.
            self._verbatim_id = board.last_shown
        if board.meeting.state().is_over:
            self.app.switch_screen(LobbyScreen())
            return
        super().apply(board)


class LobbyScreen(Screen[None]):
    """Before (and after) the briefing: who presents today, the latest words."""

    DEFAULT_CSS = """
    LobbyScreen #lobby { padding: 1 2; }
    LobbyScreen #lobby-title { text-style: bold; margin-bottom: 1; }
    LobbyScreen #lobby-presenter { margin-bottom: 1; }
    """

    SUB_TITLE = N_("Waiting for the briefing")

    class Read(Loaded[Lobby]):
        """Today's presenter and the latest verbatims, read."""

    def __init__(self) -> None:
        super().__init__()
        self.sub_title = _(self.SUB_TITLE)

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="lobby"):
            yield Static(_(WAITING), id="lobby-title")
            yield Static(id="lobby-presenter")
            yield Static(id="lobby-latest")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        follow(self, self.load)
        self.load()

    def load(self) -> None:
        run(self, self.Read, lobby, self.app.day)

    @on(Read)
    def _show(self, event: Read) -> None:
        seen = event.value
        if seen.running_id is not None and self.is_current:
            self.app.switch_screen(ViewMeetingScreen())
            return
        self.query_one("#lobby-presenter", Static).update(
            Text.assemble((_("Client win today: "), "bold"), safe(seen.presenter))
            if seen.presenter
            else Text(_("Nobody is due to present a client win today."), style="dim")
        )
        self.query_one("#lobby-latest", Static).update(_latest(seen))


def _latest(seen: Lobby) -> Text:
    if not seen.latest:
        return Text(_("No verbatim yet."), style="dim")
    text = Text(_("Latest verbatims") + "\n", style="bold")
    for v in seen.latest:
        text.append("\n“")
        text.append_text(safe(v.text))
        text.append("”\n")
        text.append("— ", style="dim")
        text.append_text(safe(v.client, "dim", single_line=True))
        if v.company:
            text.append(", ", style="dim")
            text.append_text(safe(v.company, "dim", single_line=True))
        if v.collected_by:
            by = safe(v.collected_by, "dim", single_line=True)
            text.append_text(filled(_(" · collected by {name}"), "dim", name=by))
        text.append("\n")
    return text
