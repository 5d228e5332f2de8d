"""The command line in French: help, click's own words, errors, messages,
questions; ``--json`` in English whatever the language.

The language is chosen when a command runs, after click built every help
text at import: these tests ask for French the ways a user does (``--lang``
before or after ``--help``, ``$BRIEFING_LANG``, the team's setting) and
check both that the French words are there and that the English ones are
gone. The guards at the end walk the whole command tree and click's own
source, so a help text or a click message added later without a
translation fails here, not in front of a French team.
"""

from __future__ import annotations

import string
from pathlib import Path

import click
import pytest

ROOT = Path(__file__).resolve().parents[1]
PO = ROOT / "briefing" / "locale" / "fr" / "LC_MESSAGES" / "briefing.po"


def french_catalog() -> dict[str, object]:
    """msgid (the singular, for a plural) -> its French."""
    from babel.messages.pofile import read_po

    with open(PO, "rb") as f:
        cat = read_po(f, locale="fr")
    return {(m.id[0] if isinstance(m.id, tuple) else m.id): m.string for m in cat if m.id}


# -- help ---------------------------------------------------------------------


@pytest.mark.parametrize("args", [("--lang", "fr", "--help"), ("--help", "--lang", "fr"), ("--lang=fr", "-h")])
def test_the_root_help_speaks_french_wherever_lang_stands(cli, args):
    result = cli(*args)
    assert result.code == 0 and result.err == ""
    out = result.out
    assert out.startswith("Utilisation : briefing [OPTIONS]")
    for french in (
        "Anime le point quotidien d'une équipe commerciale",
        "Options :",
        "Commandes :",
        "Affiche ce message et quitte.",
        "Affiche la version et quitte.",
        "Fichier de la base (par défaut : $BRIEFING_DB",
        "Gère les collaborateurs et le manager.",  # a sub-command's short help, in the list
        "essayer sur une équipe de démo",
    ):
        assert french in out, french
    for english in (
        "Usage:",
        "Options:",
        "Commands:",
        "Show this message",
        "Manage the collaborators",
        "Database file",
    ):
        assert english not in out, english


def test_a_sub_commands_help_speaks_french_with_lang(cli):
    result = cli("--lang", "fr", "verbatim", "add", "--help")
    assert result.code == 0, result.err
    out = result.out
    assert out.startswith("Utilisation : briefing verbatim add [OPTIONS] TEXT")
    assert "Ajoute un verbatim et écrit son id." in out
    assert "Qui l'a dit (le nom du client).  [obligatoire]" in out  # click's [required], in French
    assert "L'humeur du client [par défaut : neutral]." in out
    assert "--db PATH " in out  # metavars are syntax, as in English
    assert "Exemple :" in out and "--company Altis --by Inès" in out  # the example itself stays
    for english in ("Add a verbatim", "Who said it", "[required]", "Usage:", "Example:"):
        assert english not in out


def test_a_groups_help_speaks_french_with_the_environment(cli, monkeypatch):
    monkeypatch.setenv("BRIEFING_LANG", "fr")
    result = cli("verbatim", "--help")
    assert result.code == 0, result.err
    assert "Verbatims clients : ce que les clients ont dit, avec leurs mots." in result.out
    assert "Commandes :" in result.out
    assert "Ajoute des verbatims depuis FILE" in result.out  # import's help, filled in French
    assert "Client verbatims" not in result.out and "Add verbatims" not in result.out


def test_click_fills_its_own_words_in_french_too(cli):
    """``show_default`` and a range: click's bracket, in French around our words."""
    result = cli("--lang", "fr", "call", "suggest", "--help")
    assert result.code == 0, result.err
    assert "Combien de clients.  [par défaut : 2; 1<=x<=20]" in result.out


def test_the_import_help_is_one_text_filled_per_kind(cli):
    result = cli("--lang", "fr", "metric", "import", "--help")
    assert result.code == 0, result.err
    out = result.out
    assert "Ajoute des valeurs d'indicateurs depuis FILE" in out
    assert "'briefing metric list --json'" in out and "--map name=Indicateur,value=Montant" in out
    english = cli("win", "import", "--help").out
    assert "Add wins from FILE" in english and "'briefing win list --json'" in english


def test_help_in_english_is_untouched(cli):
    """English is the code's own text: no catalog, the same words as before."""
    out = cli("team", "add", "--help").out
    assert out.startswith("Usage: briefing team add [OPTIONS] NAME")
    assert "Add NAME to the team (or bring back someone who left)." in out
    assert "Options:" in out and "-h, --help  Show this message and exit." in out
    assert "Commands:" in cli("--help").out


# -- errors --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (("--lang", "fr", "team", "add"), "briefing: Argument manquant 'NAME'. (voir 'briefing team add --help')\n"),
        (("--lang", "fr", "tem"), "briefing: Commande 'tem' inconnue. (voir 'briefing --help')\n"),
        (("--lang", "fr", "--bogus"), "briefing: Option '--bogus' inconnue. (voir 'briefing --help')\n"),
        (
            ("--lang", "fr", "verbatim", "show", "abc"),
            "briefing: Valeur invalide pour 'ID' : 'abc' n'est pas un nombre entier "
            "(voir 'briefing verbatim show --help')\n",
        ),
    ],
)
def test_a_usage_error_is_one_french_line_and_exit_2(cli, args, said):
    result = cli(*args)
    assert (result.code, result.out, result.err) == (2, "", said)


def test_the_commands_own_refusals_name_the_flag_in_french(cli, team):
    result = cli("--lang", "fr", "win", "add", "Renouvelé", "--by", "Zoé")
    assert result.code == 2 and result.err.count("\n") == 1
    assert result.err.startswith("briefing: --by : ")  # the flag stays as typed; French punctuation
    assert ") ; voir 'briefing team list'\n" in result.err and "(cherché dans " in result.err


# -- messages and questions ------------------------------------------------------


def test_a_commands_success_message_speaks_french(cli):
    result = cli("--lang", "fr", "team", "add", "Inès Moreau", "--lead")
    assert (result.code, result.out, result.err) == (0, "", "Ajouté·e : Inès Moreau (manager)\n")
    listing = cli("--lang", "fr", "team", "list").out
    assert listing.startswith("ID  NOM") and "manager" in listing and "actif" in listing
    assert "NAME" not in listing and "active" not in listing


def test_the_teams_setting_makes_a_command_speak_french(cli):
    assert cli("settings", "set", "lang", "fr").code == 0
    result = cli("team", "add", "Karim Benali")
    assert (result.code, result.err) == (0, "Ajouté·e : Karim Benali\n")
    assert cli("--lang", "en", "team", "add", "Tom").err == "Added: Tom\n"


def test_backup_and_restore_speak_the_teams_language(cli, tmp_path):
    """They open the database themselves: the team's setting still counts."""
    assert cli("settings", "set", "lang", "fr").code == 0
    copy = tmp_path / "copy.db"
    assert cli("backup", "--to", str(copy)).code == 0
    again = cli("backup", "--to", str(copy))
    assert again.code == 2 and "already exists" not in again.err and "existe déjà" in again.err, again.err
    asked = cli("restore", str(copy), stdin="n\n")
    assert asked.code == 1 and "[o/N]" in asked.err, asked.err


def test_a_question_asks_in_french_and_understands_oui(cli, team):
    assert cli("meeting", "start").code == 0
    refused = cli("--lang", "fr", "meeting", "finish", stdin="n\n")
    assert refused.code == 1
    assert "Terminer le briefing ? [o/N] :" in refused.err
    assert refused.err.endswith("briefing: abandon, rien n'a été modifié\n")
    again = cli("--lang", "fr", "meeting", "finish", stdin="peut-être\noui\n")
    assert again.code == 0, again.err
    assert "Erreur : réponse invalide" in again.err and "Briefing du " in again.err and "terminé" in again.err


def test_a_summary_speaks_french_and_keeps_what_people_typed(cli, team):
    assert cli("verbatim", "add", "Livraison en 24 h, bravo", "--client", "Marc Petit", "--by", "Inès").code == 0
    assert cli("meeting", "start").code == 0
    assert cli("meeting", "finish", "--yes").code == 0
    out = cli("--lang", "fr", "meeting", "summary").out
    assert out.startswith("Briefing du ")
    for french in ("Présents (4) : ", "Absents : personne", "En congé : personne", "Verbatims montrés : aucun"):
        assert french in out, french
    assert "Present (" not in out and "nobody" not in out


# -- --json stays English ----------------------------------------------------------


JSON_COMMANDS = [
    ("team", "list", "--json"),
    ("verbatim", "list", "--json"),
    ("verbatim", "show", "1", "--json"),
    ("win", "list", "--json"),
    ("metric", "list", "--json"),
    ("client", "list", "--json"),
    ("client", "show", "Marc Petit", "--json"),
    ("client", "doctor", "--json"),
    ("agenda", "show", "--json"),
    ("rotation", "next", "--json"),
    ("rotation", "history", "--json"),
    ("meeting", "status", "--json"),
    ("history", "--json"),
    ("stats", "--json"),
    ("call", "suggest", "--json"),
    ("settings", "show", "--json"),
]


def test_json_is_the_same_in_french(cli, team):
    assert cli("verbatim", "add", "Super réactifs !", "--client", "Marc Petit", "--by", "Inès").code == 0
    assert cli("win", "add", "Renewed Altis", "--by", "Karim", "--client", "Altis").code == 0
    assert cli("metric", "add", "Sales yesterday", "12400", "--target", "12000").code == 0
    assert cli("meeting", "start").code == 0
    assert cli("meeting", "pause").code == 0  # its clocks stand still between the two readings
    english = {args: cli(*args) for args in JSON_COMMANDS}
    assert all(r.code == 0 for r in english.values()), {a: r.err for a, r in english.items() if r.code}
    assert cli("settings", "set", "lang", "fr").code == 0
    for args, said in english.items():
        if args[0] == "settings":
            continue  # it now says what was set
        assert cli("--lang", "fr", *args).out == said.out, args
        assert cli(*args).out == said.out, args  # the team's French setting too


# -- guards: every help in the catalog, every click word listed --------------------


def _commands(command: click.Command, path: tuple[str, ...]):
    yield path, command
    if isinstance(command, click.Group):
        ctx = click.Context(command, info_name=path[-1])
        for name in command.list_commands(ctx):
            yield from _commands(command.get_command(ctx, name), (*path, name))


def test_every_help_of_the_command_tree_is_in_the_catalog():
    """A help text added without N_() (or as a docstring: pybabel extracts
    none) would show in English to a French team: walk every command."""
    from briefing.cli.root import cli as root
    from briefing.cli.speaking import SpeakingPath, Speaks

    known = french_catalog()
    missing: list[str] = []
    walked = 0
    for path, command in _commands(root, ("briefing",)):
        walked += 1
        where = " ".join(path)
        assert isinstance(command, Speaks), f"{where}: not a SpeakingCommand/SpeakingGroup (help stays English)"
        assert command.help, f"{where}: no help"
        if command.help not in known:
            missing.append(f"{where}: {command.help[:60]!r}")
        ctx = click.Context(command, info_name=path[-1])
        for param in command.get_params(ctx):
            if param.help and param.help not in known:
                missing.append(f"{where} {param.name}: {param.help!r}")
            if isinstance(param.type, click.Path):
                assert isinstance(param.type, SpeakingPath), f"{where} {param.name}: click.Path names itself at import"
    assert walked > 60  # the tree was walked, lazy groups included
    assert not missing, "help without a translation (mark it N_() and run the README's pybabel steps):\n" + "\n".join(
        missing
    )


def _click_messages() -> set[str]:
    """Every message click's modules mark for gettext (pybabel's own extractor)."""
    from babel.messages.extract import extract_from_file

    from briefing.cli import click_words

    folder = Path(click.__file__).parent
    found: set[str] = set()
    for name in click_words.MODULES:
        source = folder / (name.removeprefix("click.") + ".py")
        for _line, message, _comments, _context in extract_from_file("python", str(source)):
            found.add(message[0] if isinstance(message, tuple) else message)
    return found


def test_every_message_click_can_say_is_listed_for_translation():
    """A click release with a new message fails here until it is added to
    click_words (or marked as one a briefing user never meets)."""
    from briefing.cli import click_words

    listed = set(click_words.WORDS) | {singular for singular, _plural in click_words.PLURALS}
    unlisted = _click_messages() - listed - click_words.NOT_SHOWN
    assert not unlisted, f"click says these, click_words.py does not list them: {sorted(unlisted)}"


def test_click_speaks_through_our_catalog():
    import click.core
    import click.exceptions

    from briefing import i18n
    from briefing.cli import root  # noqa: F401  (the command line starts: speak())

    assert click.core._ is i18n._ and click.exceptions.ngettext is i18n.ngettext


def test_a_path_says_its_name_in_the_language_of_the_moment():
    """click.Path translates its name when it is built (at import, in any
    language): SpeakingPath's is read when an error or a usage line needs it."""
    from briefing import i18n
    from briefing.cli.speaking import SpeakingPath

    i18n.use("fr")
    built_in_french = SpeakingPath(dir_okay=False)
    assert built_in_french.name == "fichier"
    i18n.use("en")
    assert built_in_french.name == "file" and built_in_french.get_metavar(None) == "FILE"  # type: ignore[arg-type]
    with pytest.raises(click.BadParameter, match="File '/nowhere/x' does not exist"):
        SpeakingPath(exists=True, dir_okay=False).convert("/nowhere/x", None, None)


def test_click_words_keep_their_placeholders_in_french():
    """``{name!r}`` and ``%(prog)s``: a translation that drops or renames one
    would raise in the middle of an error message."""
    from briefing.cli import click_words

    known = french_catalog()

    def fields(text: str) -> set[str]:
        return {f"{name}!{conv}" for _lit, name, _spec, conv in string.Formatter().parse(text) if name is not None}

    for msgid in [*click_words.WORDS, *(s for s, _p in click_words.PLURALS)]:
        french = known[msgid]
        plural = dict(click_words.PLURALS).get(msgid)
        given = fields(msgid) | (fields(plural) if plural else set())
        for text in french if isinstance(french, tuple) else (french,):
            assert fields(text) <= given, (msgid, text)
            assert ("%(prog)s" in text) == ("%(prog)s" in msgid), (msgid, text)


def test_the_pages_briefing_serve_sends_speak_the_servers_language():
    """What a browser is told (no token, the server full, a tab closed) is
    written when the request comes, in the language the server speaks."""
    from briefing import i18n
    from briefing.cli import serve_pages

    i18n.use("fr")
    refused, full = serve_pages.forbidden(), serve_pages.full(20)
    page = serve_pages.terminal(title="briefing · boîte", static="/s/", websocket="ws://x/ws", font_size=16)
    assert '<html lang="fr">' in refused and "Ce lien a besoin de son jeton" in refused
    assert "déjà tourner 20 onglets" in full and "Every seat" not in full
    assert "Cet onglet du briefing s&#x27;est fermé." in page and "Le rouvrir" in page
    i18n.use("en")
    assert '<html lang="en">' in serve_pages.forbidden() and "needs its token" in serve_pages.forbidden()
