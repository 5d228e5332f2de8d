"""Choosing the language from the command line: ``--lang``, ``$BRIEFING_LANG``,
``briefing settings set lang``, the system's locale, in that order; and
``--json``, an interface, in English whatever the language.

A new team's agenda is what a command says in the team's language today
(``briefing agenda show`` lists its titles), so it tells which was chosen.
"""

from __future__ import annotations

import pytest

from briefing.cli import _only_the_app

FRENCH, ENGLISH = "Appel client", "Client call"


@pytest.fixture(autouse=True)
def _a_new_team(conn) -> None:
    """A new team's database, with nothing stored yet."""


def spoken(cli, *args: str) -> str:
    result = cli(*args, "agenda", "show")
    assert result.code == 0, result.err
    if FRENCH in result.out:
        return "fr"
    assert ENGLISH in result.out
    return "en"


def test_english_by_default(cli):
    assert spoken(cli) == "en"


def test_the_team_setting_then_the_environment_then_the_flag(cli, monkeypatch):
    monkeypatch.setenv("LANG", "fr_FR.UTF-8")
    assert spoken(cli) == "fr"  # the system's locale
    result = cli("settings", "set", "lang", "en")
    assert (result.code, result.out, result.err) == (0, "lang = en\n", "")
    assert spoken(cli) == "en"  # the team's setting outranks the system
    monkeypatch.setenv("BRIEFING_LANG", "fr")
    assert spoken(cli) == "fr"  # the environment outranks the team
    assert spoken(cli, "--lang", "en") == "en"  # the flag outranks everything


def test_a_language_we_do_not_speak_in_the_environment_is_passed_over(cli, monkeypatch):
    assert cli("settings", "set", "lang", "fr").code == 0
    monkeypatch.setenv("BRIEFING_LANG", "de")
    assert spoken(cli) == "fr"


def test_settings_show_says_what_is_set(cli):
    shown = cli("settings", "show", "--json")
    assert shown.code == 0 and shown.json() == [
        {"key": "lang", "value": None, "default": "en", "help": "the language the app speaks to the team"}
    ]
    assert cli("settings", "set", "lang", " FR ").code == 0  # stored as the code it means
    assert cli("settings", "show", "--json").json()[0]["value"] == "fr"
    table = cli("settings", "show")
    assert table.code == 0 and "lang" in table.out and "fr" in table.out


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (("settings", "set", "lang", "de"), "'de' is not a language the app speaks (one of: en, fr)"),
        (("settings", "set", "colour", "blue"), "no setting named 'colour' (settable: lang)"),
        (("--lang", "de", "team", "list"), "Invalid value for '--lang'"),
        (("settings", "set", "lang"), "Missing argument 'VALUE'"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(cli, args, said):
    result = cli(*args)
    assert result.code == 2
    assert said in result.err and result.err.count("\n") == 1 and "Traceback" not in result.err
    assert result.out == ""


def test_a_refused_setting_changes_nothing(cli):
    assert cli("settings", "set", "lang", "fr").code == 0
    assert cli("settings", "set", "lang", "xx").code == 2
    assert cli("settings", "show", "--json").json()[0]["value"] == "fr"


def test_json_stays_english_in_french(cli, team):
    """Field names and values: scripts read them, whatever the team speaks."""
    english = {args: cli(*args, "--json").out for args in (("agenda", "show"), ("rotation", "next"))}
    assert cli("settings", "set", "lang", "fr").code == 0
    for args, out in english.items():
        assert cli("--lang", "fr", *args, "--json").out == out
    assert ENGLISH in english[("agenda", "show")]
    assert "presents" in english[("rotation", "next")]


def test_the_rotation_speaks_french(cli, team):
    result = cli("--lang", "fr", "rotation", "next")
    assert result.code == 0 and "présente : n'a pas encore présenté" in result.out


@pytest.mark.parametrize(
    ("args", "opened"),
    [
        ([], (None, None)),
        (["--lang", "fr"], (None, "fr")),
        (["--db", "x.db", "--lang=en"], ("x.db", "en")),
        (["--lang=fr", "--db=x.db"], ("x.db", "fr")),
        (["--lang", "de"], None),  # click says what is wrong
        (["--lang", "fr", "--lang", "en"], None),
        (["--lang"], None),
        (["team", "list"], None),
    ],
)
def test_opening_the_app_with_a_language_skips_the_command_line_machinery(args, opened):
    assert _only_the_app(args) == opened
