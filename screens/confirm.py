"""A yes/no question before anything that cannot be undone."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Label

from briefing.i18n import N_, _
from screens.dialog import Dialog
from screens.speaking import Speaks


class ConfirmScreen(Speaks, Dialog[bool]):
    DEFAULT_CSS = """
    ConfirmScreen > .dialog { width: auto; max-width: 70; border: thick $warning; padding: 1 3; }
    ConfirmScreen .keys { margin-top: 1; }
    """

    BINDINGS = [
        # y / n in every language: the keys are the line under the question.
        Binding("y,enter", "answer(True)", N_("Yes"), id="confirm.yes"),
        Binding("n,escape", "answer(False)", N_("No"), id="confirm.no"),
    ]

    def __init__(self, question: str | Text) -> None:
        """``question`` is markup-free: pass a Text when it holds people's text."""
        super().__init__()
        self.question = question

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(self.question)
            yield Label(_("y / Enter: yes    n / Esc: no"), classes="keys")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)
