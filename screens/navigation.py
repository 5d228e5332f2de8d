"""Opening a screen by name: one place for the home keys and ctrl+p.

Screens are imported when opened, so starting the app does not pay for
the ones a meeting never uses.
"""

from __future__ import annotations

import importlib

from textual.app import App

#: name -> (what the lead reads, what it is for, module, screen class)
SCREENS = {
    "inbox": (
        "Inbox — verbatims and wins",
        "Read, edit and archive what the team collected",
        "screens.inbox",
        "InboxScreen",
    ),
    "verbatim": (
        "Add a verbatim",
        "A client's own words, who said it and who heard it",
        "screens.verbatim_form",
        "VerbatimFormScreen",
    ),
    "win": (
        "Add a client win",
        "A deal, a saved account, a problem solved, and whose it is",
        "screens.win_form",
        "WinFormScreen",
    ),
    "team": ("Team", "Add, rename, make lead, or say someone left", "screens.team_screen", "TeamScreen"),
    "agenda": (
        "Agenda — segments and client-time target",
        "Add, reorder, rename and time the segments; the planned client share against the target",
        "screens.agenda_screen",
        "AgendaScreen",
    ),
    "numbers": (
        "Today's numbers — type the metrics in",
        "Today's value, target and unit of each metric the team tracks",
        "screens.numbers_screen",
        "NumbersScreen",
    ),
    "history": (
        "History — past briefings",
        "Every briefing held, newest first; Enter for its summary",
        "screens.history",
        "HistoryScreen",
    ),
    "trends": (
        "Trends — the last 12 weeks",
        "Client share against the target, minutes, verbatims, wins, overruns",
        "screens.trends",
        "TrendsScreen",
    ),
    "clients": (
        "Clients — the people behind the words",
        "Find a client by name; Enter for their story with the team",
        "screens.clients_screen",
        "ClientsScreen",
    ),
}


def open_screen(app: App, name: str) -> None:
    _title, _help, module, attr = SCREENS[name]
    screen_class = getattr(importlib.import_module(module), attr)
    if not isinstance(app.screen, screen_class):  # a second press does not stack a copy
        app.push_screen(screen_class())
