"""Asking for a person's name: to add someone to the team, or to rename them.

The dialog saves the name itself, so a refusal (a name already taken, an
empty one) is shown under the field and the typing is kept.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Checkbox, Input, Label, Static

from briefing.i18n import N_, _
from briefing.records import Person
from briefing.safetext import inert
from screens.data import Failed, Loaded, Refused, run
from screens.dialog import Dialog
from screens.safe import safe
from screens.speaking import Speaks

#: ``save(conn, name, lead)``: a core write, returning (person, came back).
Saver = Callable[[Any, str, bool], tuple[Person, bool]]


class _LeadBox(Speaks, Checkbox, inherit_bindings=False):
    """Space toggles; Enter is left to the form, where it means "save"."""

    BINDINGS = [Binding("space", "toggle_button", N_("Toggle"), show=False)]


class NameScreen(Speaks, Dialog[tuple[Person, bool] | None]):
    """Dismissed with (person, came back) once saved, or None when cancelled."""

    DEFAULT_CSS = """
    NameScreen > .dialog { width: 64; max-width: 100%; }
    NameScreen Input { margin-top: 1; }
    NameScreen #name-error { color: $error; height: auto; display: none; }
    NameScreen .keys { margin-top: 1; }
    """

    BINDINGS = [
        Binding("enter", "save", N_("Save"), id="team.form.save", show=False),
        Binding("escape", "cancel", N_("Cancel"), id="team.form.cancel"),
    ]

    class Saved(Loaded[tuple[Person, bool]]):
        """The name, stored."""

    def __init__(self, title: str | Text, save: Saver, *, name: str = "", lead_toggle: bool = False) -> None:
        super().__init__()
        self.title_text = title
        self.save = save
        # Control characters cannot be typed back: the field shows their
        # placeholders, and an untouched field means "no change".
        self.initial = inert(name, single_line=True)
        self.lead_toggle = lead_toggle
        self._saving = False

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(self.title_text)
            yield Input(value=self.initial, placeholder=_("Full name, e.g. Inès Moreau"), id="name")
            yield Static(id="name-error")
            if self.lead_toggle:
                yield _LeadBox(_("Team lead (kept out of the rotation)"), id="lead")
            keys = _("Enter: save · Esc: cancel")
            if self.lead_toggle:
                keys = _("Enter: save · Esc: cancel · Tab then space: lead")
            yield Label(keys, classes="keys")

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save()

    def action_save(self) -> None:
        if self._saving:
            return
        value = self.query_one(Input).value
        if self.initial and value.strip() == self.initial.strip():
            self.dismiss(None)
            return
        lead = self.query_one(_LeadBox).value if self.lead_toggle else False
        self._saving = True
        run(self, self.Saved, self.save, value, lead, write=True)

    @on(Saved)
    def _saved(self, event: Saved) -> None:
        self.dismiss(event.value)

    @on(Refused)
    @on(Failed)
    def _not_saved(self, event: Refused | Failed) -> None:
        event.stop()
        self._saving = False
        problem = event.error.problem if isinstance(event, Refused) else event.message
        error = self.query_one("#name-error", Static)
        error.update(safe(f"✗ {problem}"))
        error.display = True
        self.query_one(Input).focus()
