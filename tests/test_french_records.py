"""The team's records in French: the agenda, the history, today's numbers,
the team, a person's year and the trends, each opened from home with its
key as the lead would, at a laptop's 80x24 and on the room's 200x60.

What is checked is what a French lead reads: the screens' own words in
French (headings, key help, sentences), days and percentages as French
writes them ("mardi 24 novembre 2026", "lun. 23 nov.", "56 %"), no phrase
of these screens' English left, and at 80x24 no French word cut (the
footer's keys, the boxes' titles, every label). The core's sentences these
screens show as they are (the trends' headline, the agenda's warning) are
checked in French apart, with the figures that make each case.
"""

from __future__ import annotations

import shutil
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from types import SimpleNamespace

import pytest
from textual._context import active_app
from textual.widgets import DataTable, Input, Static

from briefing import i18n
from briefing.agenda import Agenda, Segment, Typed, share_warning
from briefing.history import PastBriefing
from briefing.kinds import SegmentKind
from briefing.stats import Period, headline
from screens.agenda_screen import AgendaScreen
from screens.agenda_text import share_text
from screens.app import make_app
from screens.confirm import ConfirmScreen
from screens.history import HistoryScreen, cells
from screens.numbers_screen import NumbersScreen
from screens.person_screen import PersonScreen
from screens.team_screen import TeamScreen
from screens.trends import TrendsScreen
from tests.conftest import DAY
from tests.pilot import home_drawn, on_top, screen_text, settled, until
from tests.test_french_screens import demo_fr, demo_template_fr, english_phrases  # noqa: F401 (fixtures)

# (The fixtures demo_fr and demo_template_fr come from tests/test_french_screens.py.)
# ruff: noqa: F811

#: The files whose words these screens show.
RECORDS = (
    "screens/agenda_screen.py",
    "screens/agenda_text.py",
    "screens/history.py",
    "screens/numbers_screen.py",
    "screens/person_screen.py",
    "screens/team_screen.py",
    "screens/trends.py",
    "briefing/stats.py",
)


def _rows(app) -> int:
    return app.screen.query_one(DataTable).row_count


def _first_row_drawn(app) -> bool:
    shown = screen_text(app)
    return all(str(cell) in shown for cell in app.screen.query_one(DataTable).get_row_at(0))


#: screen -> (keys from home, the class on top, drawn when, French a lead reads there at 80x24).
SCREENS = {
    "agenda": (
        ("g",),
        AgendaScreen,
        lambda app: _rows(app) and _first_row_drawn(app),
        [
            "briefing — Ordre du jour",
            "Séquence",
            "Succès ou appel",
            "Voix du client",
            "★ présenté ici",
            "Part client prévue 58\u00a0% : objectif de 50\u00a0% atteint",
            "client 7:00 · ventes 5:00 · équipe 3:00 · 4 séquences, 15:00",
            "Entrée : modifier · Tab : champ suivant · Échap : retour à la liste",
            "^s Valider",
        ],
    ),
    "history": (
        ("h",),
        HistoryScreen,
        lambda app: app.screen.held and _first_row_drawn(app),
        [
            "briefing — Archives",
            "15 briefings · 1 sous l'objectif de part client",
            "Durée  Part client  Montrés  Succès client",
            "lun. 23 nov.  16:24  65\u00a0%",
            "mar. 03 nov.  15:00  47\u00a0% ▼ sous",
            "Mehdi Haddad : une histoire cl",
            "⏎ Bilan",
        ],
    ),
    "numbers": (
        ("m",),
        NumbersScreen,
        lambda app: app.screen.query("#m0-value") and "Calls made" in screen_text(app),
        [
            "briefing — Chiffres du jour",
            "mardi 24 novembre 2026 · 4 sur 4 saisis aujourd'hui",
            "Indicateur",
            "Aujourd'hui",
            "saisi",
            "nouvel indicateur",
            "Tab / Maj+Tab : changer de champ · Ctrl+S : tout enregistrer · Échap : retour",
        ],
    ),
    "team": (
        ("t",),
        TeamScreen,
        lambda app: _rows(app) and _first_row_drawn(app),
        [
            "briefing — Équipe",
            "8 dans l'équipe · 1 manager",
            "Nom             Rôle     Actif  Arrivée     Présentés",
            "Claire Dubois   manager  oui",
            "Chloé Martin    membre   oui",
            "⏎ Son année a Ajout r Renommer d Actif l Rôle esc Retour",
        ],
    ),
    "person": (
        ("t", "down", "down", "enter"),
        PersonScreen,
        lambda app: app.screen.sub_title and "verbatims" in screen_text(app),
        [
            "briefing — Inès Moreau",
            "Inès Moreau — de déc. 2025 à nov. 2026   dans l'équipe depuis le 28 mai 2024",
            "recueillis",
            "remportés",
            "présentations",
            "Verbatims recueillis par mois",
            "janv.",
            "sept.",
        ],
    ),
    "trends": (
        ("y",),
        TrendsScreen,
        lambda app: app.screen.stats is not None and "Part client" in screen_text(app),
        [
            "Part client 56\u00a0% sur les 4 dernières semaines (rien d'avant à comparer) ;",
            "succès clients présentés sur la période par 5 des 7 collaborateurs.",
            "1 Part  2 Minutes  3 Verbatims  4 Succès  5 Retards    ←/→ pour changer",
            "Part client par briefing",
            "15 terminés depuis le 07 sept.",
            "100\u00a0%┤ ●● part client",
            "-- objectif",
            "→ Graphique suivant  ← Précédent",
        ],
    ),
}


async def opened(pilot, name: str) -> None:
    """Home, then the screen's key(s), and the screen drawn with what the database holds."""
    keys, screen_class, drawn, _french = SCREENS[name]
    app = pilot.app
    await home_drawn(pilot)
    for key in keys:
        await pilot.press(key)
        await settled(pilot)
    await until(pilot, lambda: on_top(app, screen_class) and drawn(app), f"the {name} screen")
    await settled(pilot)


def _region_text(app, widget) -> str:
    """What the screen shows inside ``widget``'s region."""
    region = widget.region
    lines = screen_text(app).splitlines()[region.y : region.bottom]
    return "\n".join(line[region.x : region.right] for line in lines)


def cut_words(app) -> list[str]:
    """Words a French lead would find cut at this size: a key's help not
    whole in the footer, a box's title not whole, a word of a label, a
    checkbox, a placeholder or a heading missing from the place it is drawn."""
    text = screen_text(app)
    footer = text.splitlines()[-1]
    cut = []
    screen = app.screen
    for binding in (b.binding for b in screen.active_bindings.values()):
        if binding.show and screen.check_action(binding.action.split("(")[0], ()) is not False:
            if f" {binding.description}" not in footer:
                cut.append(f"key {binding.description!r} in {footer!r}")
    for widget in screen.query("*"):
        if not widget.display or not widget.region or not screen.region.contains_region(widget.region):
            continue  # scrolled out of sight: not cut, below
        for title in (widget.border_title, widget.border_subtitle):
            if title and str(title) not in text:
                cut.append(f"title {title!r}")
        if isinstance(widget, Input):
            words = widget.placeholder if not widget.value else ""
        elif isinstance(widget, Static):
            words = str(widget.render())
        else:
            continue
        drawn = _region_text(app, widget)
        cut += [f"{word!r} in {drawn!r}" for word in words.split() if word not in drawn]
    for table in screen.query(DataTable):
        cut += [f"heading {c.label.plain!r}" for c in table.columns.values() if c.label.plain not in text]
    return cut


@pytest.mark.parametrize("name", list(SCREENS))
async def test_each_records_screen_speaks_french_from_home(demo_fr, name):
    app = make_app(demo_fr, day=DAY, watch=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await opened(pilot, name)
        text = screen_text(app)
        missing = [words for words in SCREENS[name][3] if words not in text]
        assert not missing, f"not on the French {name} screen: {missing}\n{text}"


@pytest.mark.parametrize("size", [(80, 24), (200, 60)])
async def test_no_english_is_left_on_the_french_records_screens(demo_template_fr, tmp_path, french, size):
    phrases = english_phrases(RECORDS)
    assert "Client share per briefing" in phrases and "Their year" in phrases  # the guard knows what to look for
    left = set()
    for name in SCREENS:
        path = tmp_path / f"{name}.db"
        shutil.copy(demo_template_fr, path)
        app = make_app(path, day=DAY, watch=False)
        async with app.run_test(size=size) as pilot:
            await opened(pilot, name)
            text = screen_text(app)
            left |= {(name, phrase) for phrase in phrases if phrase in text}
    assert not left, f"English on a French screen: {sorted(left)}"


@pytest.mark.parametrize("name", list(SCREENS))
async def test_french_words_are_never_cut_at_80x24(demo_fr, name):
    """The footer's keys, the boxes' titles, the labels and the headings,
    whole on a laptop's terminal (French runs about a fifth longer)."""
    app = make_app(demo_fr, day=DAY, watch=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await opened(pilot, name)
        assert not cut_words(app), f"cut on the {name} screen: {cut_words(app)}\n{screen_text(app)}"
        if name == "trends":  # every chart's title and note, one after the other
            for _chart in range(4):
                await pilot.press("right")
                await settled(pilot)
                assert not cut_words(app), f"cut on the trends: {cut_words(app)}\n{screen_text(app)}"


async def test_the_team_asks_in_french_before_someone_leaves_their_name_kept_inert(demo_fr):
    app = make_app(demo_fr, day=DAY, watch=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await opened(pilot, "team")
        await pilot.press("down", "d")  # Chloé Martin
        await until(pilot, lambda: on_top(app, ConfirmScreen), "the question")
        text = screen_text(app)
        assert "Chloé Martin quitte l'équipe ?" in text and "gardent son nom" in text
        assert "leaves the team" not in text
        await pilot.press("n")
        await until(pilot, lambda: on_top(app, TeamScreen), "back to the team")


# -- the sentences, in French, for the figures that make each case -----------------------


NBSP = "\u00a0"


@pytest.mark.parametrize(
    ("recent", "before", "weeks", "presented", "members", "expected"),
    [
        ((0, 0, 0), (3, 1, 1), 4, 0, 5, "briefing terminé ces 4 dernières semaines (les 4 semaines d'avant : 3)."),
        ((0, 0, 0), (1, 1, 1), 1, 0, 5, "Aucun briefing terminé cette semaine (la semaine d'avant : un)."),
        ((0, 0, 0), (0, 0, 0), 4, 0, 5, "ces 4 dernières semaines : les courbes se rempliront au fil des briefings."),
        ((2, 0, 0), (0, 0, 0), 4, 0, 0, "Aucun temps client ni ventes compté ces 4 dernières semaines."),
        ((2, 54, 46), (4, 38, 62), 4, 6, 7, f"54{NBSP}% sur les 4 dernières semaines (en hausse, contre 38{NBSP}%"),
        ((2, 30, 70), (4, 38, 62), 1, 0, 7, f"cette semaine (en baisse, contre 38{NBSP}% la semaine d'avant)"),
        ((2, 50, 50), (4, 501, 499), 4, 1, 1, "sur les 4 dernières semaines (comme les 4 semaines d'avant)"),
        ((1, 6, 4), (0, 0, 0), 4, 1, 1, " ; succès client présenté sur la période par 1 collaborateur sur 1."),
        ((1, 6, 4), (0, 0, 0), 4, 6, 7, " ; succès clients présentés sur la période par 6 des 7 collaborateurs."),
    ],
)
def test_the_trends_headline_reads_right_in_french(french, recent, before, weeks, presented, members, expected):
    said = headline(Period(*recent), Period(*before), weeks, presented, members)
    assert expected in said and said.endswith(".")


@contextmanager
def themed() -> Iterator[None]:
    """The screens' pure functions pick their colours from the running app's theme: any will do."""
    token = active_app.set(SimpleNamespace(theme_variables=defaultdict(lambda: "red")))
    try:
        yield
    finally:
        active_app.reset(token)


def test_the_agenda_warns_in_french_with_french_percentages(french):
    below = Agenda((Segment("A", SegmentKind.CLIENT, 240), Segment("B", SegmentKind.SALES, 360)), 0.125)
    assert share_warning(below) is None
    below = Agenda(below.segments, 0.425)
    assert share_warning(below) == "la part client prévue (40\u00a0%) est sous l'objectif de 42,5\u00a0%"
    with themed():
        shown, is_below = share_text([Typed("A", SegmentKind.CLIENT, "4"), Typed("B", SegmentKind.SALES, "6")], "42,5")
        wrong, _below = share_text([Typed("A", SegmentKind.CLIENT, "4")], "cent")
    assert is_below and shown.plain.startswith("Attention : la part client prévue (40\u00a0%)")
    assert "client 4:00 · ventes 6:00 · équipe 0:00 · 2 séquences, 10:00" in shown.plain
    assert wrong.plain.startswith("L'objectif doit être un pourcentage entre 0 et 100")


def test_a_briefing_of_another_year_says_its_year_in_french(french):
    held = PastBriefing(1, date(2025, 12, 3), 905, 0.4, 0.5, "Inès", "Verdier", "Tom", 2)
    with themed():
        day, time, share, shown, told = (cell.plain for cell in cells(held, 200, DAY.year))
    assert (day, time, share, shown) == ("mer. 03 déc. 2025", "15:05", "40\u00a0% ▼ sous 50\u00a0%", "2")
    assert told == "Inès : Verdier — remporté par Tom"
    assert i18n.current() == "fr"
