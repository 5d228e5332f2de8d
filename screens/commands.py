"""The command palette (ctrl+p): every screen and action, in plain words.

The lead in front of the room may not remember a key; typing "win" or
"team" is enough. Screens are imported only when chosen, so a screen that
a meeting never uses costs nothing at start-up (see screens.navigation).
"""

from __future__ import annotations

from collections.abc import Callable

from textual.command import DiscoveryHit, Hit, Hits, Provider

from briefing.i18n import _
from screens.navigation import SCREENS, open_screen


class BriefingCommands(Provider):
    def commands(self) -> list[tuple[str, str, Callable[[], None]]]:
        """(title, help, what it does), in the team's language: typing
        "succès" finds the win form for a French team."""
        found: list[tuple[str, str, Callable[[], None]]] = [
            (_(title), _(help), self._opener(name)) for name, (title, help, _module, _cls) in SCREENS.items()
        ]
        found.insert(3, (_("Start the briefing"), _("Check who is in the room, then start the clock"), self._start))
        found.append((_("Language"), _("The language the app speaks to the whole team"), self._language))
        found.append((_("Quit"), _("Close the app (a briefing under way keeps running)"), self.app.exit))
        return found

    async def discover(self) -> Hits:
        for title, help, callback in self.commands():
            yield DiscoveryHit(title, callback, help=help)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, help, callback in self.commands():
            score = matcher.match(title)
            if score > 0:
                yield Hit(score, matcher.highlight(title), callback, text=title, help=help)

    def _opener(self, name: str) -> Callable[[], None]:
        return lambda: open_screen(self.app, name)

    def _start(self) -> None:
        self._at_home("start", _("The briefing is already under way"))

    def _language(self) -> None:
        self._at_home("language", _("Change the language from home, after the briefing"))

    def _at_home(self, action: str, during_the_briefing: str) -> None:
        """Starting the briefing and the team's language are home's: go back
        to it first (never out of a briefing under way)."""
        app = self.app
        from screens.home import HomeScreen
        from screens.meeting import MeetingScreen

        if isinstance(app.screen, MeetingScreen):
            app.notify(during_the_briefing)
            return
        stack = app.screen_stack
        home = next((s for s in reversed(stack) if isinstance(s, HomeScreen)), None)
        if home is None:
            return
        above = stack[stack.index(home) + 1 :]
        if any(getattr(screen, "unsaved", bool)() for screen in above):
            # Closing them would throw the typing away without the question
            # their own Esc asks.
            app.notify(_("Save or cancel what you typed first"), severity="warning")
            return
        while app.screen is not home:
            app.pop_screen()
        getattr(home, f"action_{action}")()
