"""The inbox's record keys: add and edit (the forms), the client's page,
archive and its undo.

A mixin of :class:`screens.inbox.InboxScreen`, which keeps the bindings
(one place to read the inbox's keys), the lists and the search. The
handlers are named by Textual's convention (``on_inbox_screen_archived``):
an ``@on`` decorator in a class that is not a widget is not collected.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Any

from briefing import verbatims
from briefing.i18n import _
from briefing.records import Verbatim, Win
from briefing.safetext import inert
from screens.data import Loaded, run
from screens.inbox_cells import word

if TYPE_CHECKING:
    from textual.app import App

#: Seconds during which u brings an archived verbatim back.
UNDO_SECONDS = 8.0


class RecordKeys:
    """The inbox's record keys (see the module's docstring)."""

    if TYPE_CHECKING:  # what InboxScreen provides
        app: App[Any]
        kind: str
        _want: dict[str, str]
        _undo: tuple[int, str, float] | None
        Archived: type[Loaded[Verbatim]]
        Restored: type[Loaded[Verbatim]]

        def current_id(self) -> int | None: ...
        def current_row(self) -> Verbatim | Win | None: ...
        def reload(self) -> None: ...
        def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None: ...
        def refresh_bindings(self) -> None: ...
        def set_timer(self, delay: float, callback: Any) -> Any: ...
        def notify(self, message: str, **kwargs: Any) -> None: ...

    def action_form(self, edit: bool) -> None:
        kind, row_id = self.kind, self.current_id() if edit else None
        if edit and row_id is None:
            self._say(_("Nothing to edit here yet"), "warning")
            return
        try:
            if kind == "verbatims":
                from screens.verbatim_form import VerbatimFormScreen as Form
            else:
                from screens.win_form import WinFormScreen as Form
        except ImportError:
            self._say(_("The form is not available yet"), "warning")
            return
        self.app.push_screen(Form(row_id), lambda saved: self._saved(kind, saved))

    def _saved(self, kind: str, saved: int | None) -> None:
        if saved is not None:
            self._want[kind] = str(saved)
            self.reload()

    def action_client(self) -> None:
        """The page of the client behind the row (a verbatim's speaker, a win's client)."""
        row = self.current_row()
        if row is None:
            return
        from screens.client_screen import ClientScreen

        if isinstance(row, Verbatim):
            self.app.push_screen(ClientScreen(verbatim_id=row.id))
        else:
            self.app.push_screen(ClientScreen(win_id=row.id))

    def action_archive(self) -> None:
        if isinstance(row := self.current_row(), Verbatim):
            run(self, self.Archived, verbatims.archive, row.id, write=True)

    def action_undo(self) -> None:
        if self._undo is not None and self.check_action("undo", ()):
            verbatim_id, status, _until = self._undo
            self._undo = None
            self.refresh_bindings()
            run(self, self.Restored, verbatims.restore, verbatim_id, status, write=True)

    def on_inbox_screen_archived(self, event: Loaded[Verbatim]) -> None:
        """A verbatim archived (InboxScreen.Archived): u undoes it for a few seconds."""
        before = event.value
        self._undo = (before.id, before.status.value, time.monotonic() + UNDO_SECONDS)
        self.set_timer(UNDO_SECONDS, self.refresh_bindings)
        self._say(
            _("Archived the verbatim from {client} — press u to undo").format(client=before.client),
            timeout=UNDO_SECONDS,
        )
        self.refresh_bindings()
        self.reload()

    def on_inbox_screen_restored(self, event: Loaded[Verbatim]) -> None:
        """Undone (InboxScreen.Restored): the verbatim is back, the cursor on it."""
        self._want["verbatims"] = str(event.value.id)
        self._say(_("The verbatim is back in the inbox ({status})").format(status=word(event.value.status)))
        self.refresh_bindings()
        self.reload()

    def _say(self, message: str, severity: str = "information", timeout: float | None = None) -> None:
        self.notify(inert(message, single_line=True), severity=severity, timeout=timeout, markup=False)
