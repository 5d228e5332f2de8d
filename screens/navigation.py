"""Opening a screen by name: one place for the home keys and ctrl+p.

Screens are imported when opened, so starting the app does not pay for
the ones a meeting never uses.
"""

from __future__ import annotations

import importlib

from textual.app import App

from briefing.i18n import N_

#: name -> (what the lead reads, what it is for, module, screen class); the
#: words are translated where they are shown (screens.commands).
SCREENS = {
    "inbox": (
        N_("Inbox — verbatims and wins"),
        N_("Read, edit and archive what the team collected"),
        "screens.inbox",
        "InboxScreen",
    ),
    "verbatim": (
        N_("Add a verbatim"),
        N_("A client's own words, who said it and who heard it"),
        "screens.verbatim_form",
        "VerbatimFormScreen",
    ),
    "win": (
        N_("Add a client win"),
        N_("A deal, a saved account, a problem solved, and whose it is"),
        "screens.win_form",
        "WinFormScreen",
    ),
    "team": (N_("Team"), N_("Add, rename, make lead, or say someone left"), "screens.team_screen", "TeamScreen"),
    "agenda": (
        N_("Agenda — segments and client-time target"),
        N_("Add, reorder, rename and time the segments; the planned client share against the target"),
        "screens.agenda_screen",
        "AgendaScreen",
    ),
    "numbers": (
        N_("Today's numbers — type the metrics in"),
        N_("Today's value, target and unit of each metric the team tracks"),
        "screens.numbers_screen",
        "NumbersScreen",
    ),
    "history": (
        N_("History — past briefings"),
        N_("Every briefing held, newest first; Enter for its summary"),
        "screens.history",
        "HistoryScreen",
    ),
    "trends": (
        N_("Trends — the last 12 weeks"),
        N_("Client share against the target, minutes, verbatims, wins, overruns"),
        "screens.trends",
        "TrendsScreen",
    ),
    "clients": (
        N_("Clients — the people behind the words"),
        N_("Find a client by name; Enter for their story with the team"),
        "screens.clients_screen",
        "ClientsScreen",
    ),
}


def open_screen(app: App, name: str) -> None:
    _title, _help, module, attr = SCREENS[name]
    screen_class = getattr(importlib.import_module(module), attr)
    if not isinstance(app.screen, screen_class):  # a second press does not stack a copy
        app.push_screen(screen_class())
