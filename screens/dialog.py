"""The base of every box that asks one thing over the screen.

Check-in, picking a win, a yes/no question, a name, a record's details:
each is a frame (the child with class ``dialog``) in the middle of a dimmed
screen. Their look is in ``briefing.tcss`` under ``Dialog``, in one place.
"""

from __future__ import annotations

from typing import TypeVar

from textual.screen import ModalScreen

T = TypeVar("T")


class Dialog(ModalScreen[T]):
    """Esc (or whatever binding a dialog gives ``cancel``) closes it with None."""

    def action_cancel(self) -> None:
        self.dismiss(None)
