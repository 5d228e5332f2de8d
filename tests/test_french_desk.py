"""The desk a French team works at between briefings: the inbox, a record's
details, the forms, the clients, the Menu, and the browser's "who is
adding" and the name dialog, driven with Pilot in French.

Each test looks for the French a user reads and for the English it
replaced (phrases of the catalog's msgids, as tests/test_french_screens.py's
guard does, plus the exact words of a footer or a table's headings: a
single English word may well be in what people typed, which stays as typed).
"""

from __future__ import annotations

import pytest
from textual.widgets import DataTable, Input, Label, Select

from briefing import i18n
from briefing.kinds import Sentiment
from screens.clients_screen import ClientsScreen
from screens.inbox import InboxScreen
from screens.name_dialog import NameScreen
from screens.navigation import open_screen
from screens.verbatim_detail import VerbatimDetailScreen
from screens.verbatim_form import VerbatimFormScreen
from screens.who_dialog import WhoScreen
from screens.win_form import WinFormScreen
from tests.conftest import DAY
from tests.pilot import home_drawn, on_top, screen_text, settled, until
from tests.test_french_screens import english_phrases


def english_left(text: str) -> list[str]:
    """The catalog's English phrases (two words or more) found in ``text``."""
    return sorted(phrase for phrase in english_phrases() if phrase in text)


def footer(app) -> str:
    return screen_text(app).splitlines()[-1]


def headings(table: DataTable) -> list[str]:
    return [str(column.label) for column in table.columns.values()]


def label_texts(app) -> list[str]:
    return [str(label.render()) for label in app.screen.query(Label)]


@pytest.fixture
def demo_app(demo_db, french):
    from screens.app import make_app

    return make_app(demo_db, day=DAY, watch=False)


async def open_inbox(pilot) -> InboxScreen:
    """As the lead does it: home, then i; the lists counted in the header."""
    await home_drawn(pilot)
    await pilot.press("i")
    await until(pilot, lambda: on_top(pilot.app, InboxScreen) and " · " in pilot.app.screen.sub_title, "the inbox")
    await settled(pilot)
    return pilot.app.screen


@pytest.mark.parametrize("width", [80, 130])
async def test_the_inbox_opened_with_i_speaks_french(demo_app, width):
    async with demo_app.run_test(size=(width, 24)) as pilot:
        screen = await open_inbox(pilot)
        assert screen.sub_title == "Boîte · 42 verbatims · 12 succès"
        verbatims = screen.table("verbatims")
        expected = ["Date", "Statut", "Citation", "Client", "Par", "Ton"]
        assert headings(verbatims) == ([*expected[:5], "Via", *expected[5:]] if width >= 120 else expected)
        first = [cell.plain for cell in verbatims.get_row_at(0)]
        assert first[:2] == ["24/11", "nouveau"]  # a day as French writes it; the status in French, whole
        assert first[-1] in ("positif", "neutre", "négatif", "pos", "neu", "nég")
        keys = footer(demo_app)
        for word in ("Onglets", "Ajout", "Modifier", "Archiver", "Client", "Chercher", "Fermer"):
            assert word in keys, f"{word!r} not in {keys!r}"
        for english in ("Tabs", "Open", "Add", "Edit", "Archive", "Search", "Close"):
            assert f" {english} " not in f" {keys} "
        text = screen_text(demo_app)
        assert "/ chercher · Tab : filtres" in text and "Non archivés" in text and "Tout le monde" in text
        assert "recueilli par" in text  # the preview under the list
        assert english_left(text) == []
        await pilot.press("right")  # the wins: their words are longer, their columns widen to them
        await until(pilot, lambda: screen.kind == "wins" and screen.table("wins").row_count, "the wins")
        await settled(pilot)
        wins = screen.table("wins")
        assert headings(wins) == ["Date", "Statut", "Remporté par", "Client", "Succès", "Présenté par"]
        text = screen_text(demo_app)
        assert "Remporté par" in text and "Présenté par" in text and "en attente" in text
        assert english_left(text) == []


async def test_a_verbatim_in_full_in_french(demo_app):
    async with demo_app.run_test(size=(80, 24)) as pilot:
        await open_inbox(pilot)
        await pilot.press("enter")
        await until(pilot, lambda: "Recueilli par" in screen_text(demo_app), "the verbatim's details")
        text = screen_text(demo_app)
        for french in ("Société", "Canal", "Humeur", "Statut", "nouveau", "Échap : fermer"):
            assert french in text, french
        # The longest label keeps a space before its value.
        assert any(line.split("Recueilli par ")[-1][:1].isalpha() for line in text.splitlines() if "Recueilli" in line)
        assert isinstance(demo_app.screen, VerbatimDetailScreen)
        assert english_left(text) == []
        assert "Collected by" not in text and "Sentiment" not in text


async def test_the_verbatim_form_in_french_and_its_error_beside_the_field(demo_app):
    async with demo_app.run_test(size=(80, 24)) as pilot:
        await home_drawn(pilot)
        await pilot.press("v")
        await until(pilot, lambda: on_top(demo_app, VerbatimFormScreen) and demo_app.screen.initial, "the form")
        form = demo_app.screen
        assert form.sub_title == "Nouveau verbatim"
        labels = label_texts(demo_app)
        for label in ("Citation : les mots mêmes du client", "Société", "Canal", "Humeur", "Recueilli par"):
            assert label in labels, label
        assert "Date (AAAA-MM-JJ)" in labels
        # The fixed vocabularies read French; what is stored stays the English value.
        sentiment = form.query_one("#sentiment", Select)
        assert sentiment.value == Sentiment.NEUTRAL and "neutre" in screen_text(demo_app)
        assert form.query_one("#client", Input).placeholder == "qui l'a dit"
        await pilot.press(*"Merci", "ctrl+s")  # no client: refused, said under the client field
        error = form.query_one("#client-error", Label)
        await until(pilot, lambda: error.has_class("-shown"), "the client's error")
        assert form.query_one("#client").has_class("-invalid") and demo_app.focused is form.query_one("#client")
        # The problem is the core's words (briefing.errors speaks for itself); the form's are checked around it.
        problem = str(error.render())
        text = screen_text(demo_app)
        assert problem and problem in text
        assert "Tab, Maj+Tab : changer de champ · Ctrl+S : enregistrer · Échap : annuler" in text
        assert "Valider" in footer(demo_app) and "Annuler" in footer(demo_app)
        assert english_left(text.replace(problem, "")) == []
        await pilot.press(*"Hél")  # the client field's hint while typing
        await until(pilot, lambda: "nouveau client" in screen_text(demo_app), "the hint under the client")
        await pilot.press("escape")  # something was typed: asked first, in French
        await until(pilot, lambda: "Abandonner ce verbatim ?" in screen_text(demo_app), "the question")


async def test_the_win_form_asks_for_someone_from_the_list_in_french(demo_app):
    async with demo_app.run_test(size=(80, 24)) as pilot:
        await home_drawn(pilot)
        await pilot.press("w")
        await until(pilot, lambda: on_top(demo_app, WinFormScreen) and demo_app.screen.initial, "the form")
        form = demo_app.screen
        assert form.sub_title == "Nouveau succès"
        assert "Le succès, en une ligne" in label_texts(demo_app)
        assert "Choisir qui l'a remporté" in screen_text(demo_app)
        await pilot.press(*"Renouvellement", "ctrl+s")  # nobody chosen
        error = form.query_one("#by-error", Label)
        await until(pilot, lambda: error.has_class("-shown"), "the error under 'won by'")
        assert str(error.render()) == "choisissez dans la liste"
        assert "choisissez dans la liste" in screen_text(demo_app)
        assert english_left(screen_text(demo_app)) == []


async def test_the_clients_and_a_client_page_in_french(demo_app):
    async with demo_app.run_test(size=(80, 24)) as pilot:
        await home_drawn(pilot)
        open_screen(demo_app, "clients")
        await until(pilot, lambda: on_top(demo_app, ClientsScreen) and demo_app.screen.loads, "the clients")
        await settled(pilot)
        screen = demo_app.screen
        assert screen.sub_title == "Clients"
        assert headings(screen.query_one(DataTable)) == ["Nom", "Société", "Dernières nouvelles", "Verbatims"]
        text = screen_text(demo_app)
        assert "29 affichés" in text and "Tapez une partie du nom" in text and "Retour" in footer(demo_app)
        assert english_left(text) == [] and "Back" not in footer(demo_app)
        await pilot.press(*"zzzz")
        await until(pilot, lambda: "Aucun client ne correspond." in screen_text(demo_app), "no match, said")
        for _key in range(4):
            await pilot.press("backspace")
        await until(pilot, lambda: "29 affichés" in screen_text(demo_app), "the list again")
        await pilot.press("down", "enter")
        await until(pilot, lambda: demo_app.screen.sub_title == "Client", "the client's page")
        await until(pilot, lambda: "Bellecour Pharma" in screen_text(demo_app), "their story")
        text = screen_text(demo_app)
        assert "esc Retour" in footer(demo_app) and ("neutre" in text or "négatif" in text)
        assert english_left(text) == []


async def test_the_menu_speaks_french(demo_app):
    async with demo_app.run_test(size=(80, 24)) as pilot:
        await home_drawn(pilot)
        await pilot.press("ctrl+p")
        shown = ("Chercher une commande…", "Boîte de réception — verbatims et succès")
        await until(pilot, lambda: all(words in screen_text(demo_app) for words in shown), "the Menu")
        await settled(pilot)
        text = screen_text(demo_app)
        assert "Search for commands" not in text and english_left(text) == []
        await pilot.press(*"lancer")  # found by its French name
        await until(pilot, lambda: "Noter qui est là, puis lancer le chrono" in screen_text(demo_app), "the start")
        await pilot.press(*["backspace"] * 6, *"thème")  # Textual's own commands, in French too
        await until(pilot, lambda: "Changer de thème" in screen_text(demo_app), "the theme command")
        await pilot.press(*["backspace"] * 5, *"zqxw")  # nothing has that name
        await until(pilot, lambda: "Aucun résultat" in screen_text(demo_app), "nothing found, said in French")
        assert "No matches found" not in screen_text(demo_app)


async def test_who_is_adding_and_the_name_dialog_in_french(team, db_path, french):
    from screens.served import InboxDesk, make

    app = make("inbox", db_path, browser="b" * 24)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: on_top(app, WhoScreen) and "Inès Moreau" in screen_text(app), "who is adding")
        text = screen_text(app)
        ask = str(app.screen.query_one("#who-ask").render())
        assert ask == "Qui ajoute ? Choisissez votre nom une fois ; ce navigateur s'en souviendra."
        assert "Entrée : c'est moi · Échap : pas maintenant" in text and english_left(text) == []
        await pilot.press("enter")
        await until(pilot, lambda: on_top(app, InboxDesk) and app.adding is not None, "the choice")
        notices = [n.message for n in app._notifications]
        assert "Ajouts au nom de Inès Moreau" in notices
        await until(pilot, lambda: "Aucun verbatim encore — a pour en ajouter un" in screen_text(app), "the empty desk")
        saved: list = []
        await app.push_screen(
            NameScreen("Ajouter quelqu'un", lambda conn, name, lead: (None, False), lead_toggle=True), saved.append
        )
        await until(pilot, lambda: on_top(app, NameScreen), "the name dialog")
        await settled(pilot)
        text = screen_text(app)
        assert app.screen.query_one(Input).placeholder == "Nom complet, ex. Inès Moreau"
        assert "Manager (hors de la rotation)" in text
        assert "Entrée : valider · Échap : annuler · Tab, espace : manager" in text
        assert english_left(text) == []


async def test_the_rooms_view_waits_in_french(demo_db, french):
    from screens.served import make

    app = make("view", demo_db, day=DAY, watch=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: "Derniers verbatims" in screen_text(app), "the lobby")
        await settled(pilot)
        text = screen_text(app)
        assert app.screen.sub_title == "En attente du briefing"
        assert "Aucun briefing en cours." in text and "Succès client aujourd'hui : " in text
        assert "recueilli par" in text and english_left(text) == []


def test_a_browser_tab_speaks_the_language_it_is_given(db_path, monkeypatch):
    """``briefing --lang fr serve`` gives each tab BRIEFING_LANG; the inbox and
    view modes choose from it as the full app does (they never did)."""
    from screens.served import speak

    monkeypatch.setenv(i18n.ENV, "fr")
    assert speak(db_path) == "fr" and i18n.current() == "fr"
    monkeypatch.delenv(i18n.ENV)
    assert speak(db_path) == "en"  # LANG=C.UTF-8 here, and the team set nothing
    assert speak(db_path.parent / "no-such-dir" / "x.db") == "en"  # unreadable: no team setting, no crash


def test_a_failed_save_is_said_in_french(french):
    import sqlite3

    from screens.data import describe

    assert describe(sqlite3.OperationalError("database is locked"), write=True) == (
        "La base est restée occupée ; rien n'a été enregistré. Réessayez."
    )
    said = describe(sqlite3.DatabaseError("disk I/O error"), write=False)
    assert said == "Impossible de lire la base : problème de base de données : disk I/O error"
