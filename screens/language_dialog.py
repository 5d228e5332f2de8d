"""The team's language, chosen in the app.

The same setting as ``briefing settings set lang``: stored for the whole
team, so every collaborator's commands and every terminal opened after it
speak it. The choice also applies at once here: the home screen is built
again in the new language (a screen's words are fixed when it is built,
see screens/speaking.py). A ``--lang`` flag or ``$BRIEFING_LANG`` still
goes first the next time the app is opened with one.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from briefing import i18n
from briefing.i18n import N_, _
from screens.dialog import Dialog
from screens.speaking import Speaks


class LanguageScreen(Speaks, Dialog[str]):
    """Returns the language code chosen, or None (Esc)."""

    DEFAULT_CSS = """
    LanguageScreen > .dialog { width: 72; max-width: 100%; }
    LanguageScreen .keys { width: 100%; }
    LanguageScreen .title { text-style: bold; }
    LanguageScreen OptionList { height: auto; margin: 1 0; }
    """

    BINDINGS = [Binding("escape", "cancel", N_("Cancel"), id="language.cancel")]

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(_("The team's language"), classes="title")
            # Each language by its own name: a lead who cannot read the
            # current one still finds theirs.
            yield OptionList(
                *(Option(f"{i18n.NAMES[code]}  ({code})", id=code) for code in i18n.LANGUAGES),
                id="languages",
            )
            yield Label(_("↑↓ choose · Enter: for the whole team · Esc: cancel"), classes="keys")

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        options.highlighted = i18n.LANGUAGES.index(i18n.current())
        options.focus()

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)
