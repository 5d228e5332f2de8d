"""A client's page: the person behind the quotes, their story with the team.

Opened from the inbox, from a verbatim's detail, or from the card in the
meeting (where Escape goes back to the running briefing: the meeting's
clock lives in the database and never stopped). The page is the
``ClientStory`` widget with a header and a footer around it.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer, Header

from briefing.i18n import N_, _
from screens.speaking import Speaks
from screens.widgets.client_story import ClientStory


class ClientScreen(Speaks, Screen[None]):
    BINDINGS = [Binding("escape", "back", N_("Back"), id="client.back")]

    def __init__(self, client_id: int | None = None, *, verbatim_id: int | None = None, win_id: int | None = None):
        super().__init__()
        self._story = ClientStory(client_id, verbatim_id=verbatim_id, win_id=win_id, id="client-story")

    def compose(self) -> ComposeResult:
        yield Header()
        yield self._story
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.sub_title = _("Client")
        self._story.focus()

    def action_back(self) -> None:
        self.app.pop_screen()
