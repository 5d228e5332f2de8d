"""The base of every box that asks one thing over the screen.

Check-in, picking a win, a yes/no question, a name, a record's details:
each is a frame (the child with class ``dialog``) in the middle of a dimmed
screen. Their look is in ``Dialog.DEFAULT_CSS``, in one place; each dialog
sets only its own width.
"""

from __future__ import annotations

from typing import TypeVar

from textual.screen import ModalScreen

T = TypeVar("T")


class Dialog(ModalScreen[T]):
    """Esc (or whatever binding a dialog gives ``cancel``) closes it with None."""

    DEFAULT_CSS = """
    Dialog { align: center middle; }
    Dialog > .dialog { height: auto; max-height: 90%; border: thick $primary; background: $surface; padding: 1 2; }
    Dialog DataTable { height: auto; max-height: 20; margin: 1 0; }
    Dialog .keys { color: $text-muted; }
    """

    def action_cancel(self) -> None:
        self.dismiss(None)
