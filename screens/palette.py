"""The Menu (Textual's command palette), in the team's language.

Textual writes its "No matches found" line in English, inside a private
method with no parameter for the words. ``Palette`` draws the same line
with the words translated; a French test types a search that finds
nothing and reads the line, so a Textual release that moves this code
fails that test instead of leaving the English line on a French screen.
"""

from __future__ import annotations

from rich.align import Align
from rich.text import Text
from textual.command import CommandList, CommandPalette
from textual.widgets.option_list import Option

from briefing.i18n import _

__all__ = ["Palette"]


class Palette(CommandPalette):
    def _start_no_matches_countdown(self, search_value: str) -> None:
        """Textual's own (textual.command, 8.x), the words translated."""
        self._stop_no_matches_countdown()

        def show_no_matches() -> None:
            if search_value:
                words = Align.center(Text(_("No matches found"), style="not bold"))
                self.query_one(CommandList).add_option(Option(words, disabled=True, id=self._NO_MATCHES))
                self._list_visible = True
            else:
                self._list_visible = False

        self._no_matches_timer = self.set_timer(self._NO_MATCHES_COUNTDOWN, show_no_matches)
