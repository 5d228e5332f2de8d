"""The agenda setting, as the team meets it: through ``briefing agenda``.

A refused file must leave the agenda exactly as it was, so every refusal is
checked twice: the one line the user reads, and the stored agenda after.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing.agenda import DEFAULT_AGENDA, parse_toml

EXAMPLE = Path(__file__).resolve().parents[1] / "data" / "agenda.example.toml"

DEFAULT_JSON = {
    "target_share": 0.5,
    "segments": [
        {"title": "Client call", "kind": "client", "planned_s": 180, "win": False, "call": True},
        {"title": "Client voice", "kind": "client", "planned_s": 240, "win": False, "call": False},
        {"title": "Client win", "kind": "client", "planned_s": 180, "win": True, "call": False},
        {"title": "Numbers", "kind": "sales", "planned_s": 300, "win": False, "call": False},
        {"title": "Focus of the day", "kind": "team", "planned_s": 180, "win": False, "call": False},
    ],
    "total_s": 1080,
    "win_min_s": 30,
}

CUSTOM = """\
target = 60
win_min_seconds = 45
[[segment]]
title = "Clients first"
kind = "client"
minutes = 2.5
[[segment]]
title = "Pipeline"
kind = "sales"
seconds = 45
"""
CUSTOM_JSON = {
    "target_share": 0.6,
    "segments": [
        {"title": "Clients first", "kind": "client", "planned_s": 150, "win": False, "call": False},
        {"title": "Pipeline", "kind": "sales", "planned_s": 45, "win": False, "call": False},
    ],
    "total_s": 195,
    "win_min_s": 45,
}


@pytest.fixture(autouse=True)
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Files are named as typed, so messages read ``agenda.toml line N``."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


def set_agenda(cli, text: str, name: str = "agenda.toml"):
    Path(name).write_text(text, encoding="utf-8")
    return cli("agenda", "set", name)


def segment(title: str = "Talk", kind: str = "client", duration: str = "minutes = 4") -> str:
    return f'[[segment]]\ntitle = "{title}"\nkind = "{kind}"\n{duration}\n'


@pytest.fixture
def custom(cli) -> None:
    result = set_agenda(cli, CUSTOM)
    assert result.code == 0
    assert result.err.splitlines()[0] == "Agenda saved: 2 segments, 3:15, target 60% client"
    assert cli("agenda", "show", "--json").json() == CUSTOM_JSON


def test_a_new_database_uses_the_default_agenda(cli, conn):
    assert cli("agenda", "show", "--json").json() == DEFAULT_JSON
    table = cli("agenda", "show")
    assert table.code == 0
    lines = table.out.splitlines()
    assert lines[0].split() == ["#", "TITLE", "KIND", "PLANNED"]
    assert lines[2].split() == ["1", "Client", "call", "client", "3:00"]
    assert lines[6].split() == ["5", "Focus", "of", "the", "day", "team", "3:00"]
    assert lines[7] == "Total 18:00 · target: client time at least 50% of client + sales time (planned: 67%)"
    assert lines[9].startswith("Client call: segment 1 (Client call)")
    assert "default agenda" in table.err


def test_the_example_file_is_the_default_and_round_trips(cli, custom):
    assert parse_toml(EXAMPLE.read_text(encoding="utf-8")) == DEFAULT_AGENDA
    result = cli("agenda", "set", str(EXAMPLE))
    assert (result.code, result.out) == (0, "")
    assert result.err.splitlines() == [
        "Agenda saved: 5 segments, 18:00, target 50% client",
        "Client win: segment 3 (Client win), told by the rotation's presenter",
        "Client call: segment 1 (Client call), a client the app proposes ('briefing call suggest')",
    ]
    assert cli("agenda", "show", "--json").json() == DEFAULT_JSON


def test_a_set_agenda_is_shared_and_shown(cli, custom):
    table = cli("agenda", "show").out.splitlines()
    assert table[2].split() == ["1", "Clients", "first", "client", "2:30"]
    assert table[3].split() == ["2", "Pipeline", "sales", "0:45"]
    assert table[4] == "Total 3:15 · target: client time at least 60% of client + sales time (planned: 77%)"


def test_the_client_win_segment_is_the_one_marked_win_whatever_its_title(cli):
    text = segment("Client voice") + segment("Success story") + "win = true\n" + segment("Numbers", "sales")
    result = set_agenda(cli, text)
    assert result.code == 0
    assert "Client win: segment 2 (Success story)" in result.err
    assert [s["win"] for s in cli("agenda", "show", "--json").json()["segments"]] == [False, True, False]


def test_an_agenda_without_a_client_win_says_nobody_will_present(cli, custom):
    assert "nobody is picked to present" in cli("agenda", "show").out


def test_a_file_from_before_win_takes_the_segment_that_mentions_a_win(cli):
    result = set_agenda(cli, segment("Voice") + segment("Wins of the week") + segment("Numbers", "sales"))
    assert result.code == 0
    assert [s["win"] for s in cli("agenda", "show", "--json").json()["segments"]] == [False, True, False]


def test_a_stored_agenda_from_before_win_keeps_its_presenter():
    from briefing.agenda import from_json

    legacy = {
        "target_share": 0.5,
        "segments": [{k: v for k, v in s.items() if k not in ("win", "call")} for s in DEFAULT_JSON["segments"][1:]],
    }
    assert from_json(legacy).win_index == 1


def test_reset_restores_the_default(cli, custom):
    result = cli("agenda", "reset")
    assert (result.code, result.err) == (0, "Agenda reset to the default: 5 segments, 18:00, target 50% client\n")
    assert cli("agenda", "show", "--json").json() == DEFAULT_JSON


HEAD = segment("Client voice")  # lines 1-4
BAD_FILES = {
    "target too high": ("target = 150\n" + HEAD, "agenda.toml line 1: target must be between 0 and 100"),
    "target negative": ("target = -1\n" + HEAD, "agenda.toml line 1: target must be between 0 and 100"),
    "target not finite": ("target = nan\n" + HEAD, "agenda.toml line 1: target must be a finite number"),
    "target as text": ('target = "50"\n' + HEAD, "agenda.toml line 1: target must be a number"),
    "unknown kind": (
        '[[segment]]\ntitle = "Client voice"\nkind = "clients"\nminutes = 4\n',
        "agenda.toml line 3: segment 1 (\"Client voice\"): kind 'clients' is not one of client, sales, team",
    ),
    "minutes too long": (
        HEAD + "\n" + segment("Numbers", "sales", "minutes = 61"),
        'agenda.toml line 9: segment 2 ("Numbers"): minutes must be between 0.5 and 60',
    ),
    "a typo in a key": (
        HEAD + "\n" + '[[segment]]\ntitle = "Numbers"\nkind = "sales"\nminuts = 5\n',
        "agenda.toml line 9: segment 2 (\"Numbers\"): unknown key 'minuts' "
        "(expected title, kind, minutes or seconds, win, call)",
    ),
    "an unknown top-level key": (
        "targte = 50\n" + HEAD,
        "agenda.toml line 1: unknown key 'targte' (expected target, win_min_seconds and [[segment]] tables)",
    ),
    "no duration": (
        '[[segment]]\ntitle = "Client voice"\nkind = "client"\n',
        'agenda.toml line 1: segment 1 ("Client voice"): needs a duration: minutes = N or seconds = N',
    ),
    "two client wins": (
        segment("Client win") + "win = true\n" + segment("Success story") + "win = true\n",
        'agenda.toml line 10: segment 2 ("Success story"): win = true is already on segment 1; '
        "only one segment is the client win",
    ),
    "win not a boolean": (
        segment() + 'win = "yes"\n',
        'agenda.toml line 5: segment 1 ("Talk"): win must be true or false',
    ),
    "both durations": (
        segment(duration="minutes = 4\nseconds = 240"),
        'agenda.toml line 5: segment 1 ("Talk"): give minutes or seconds, not both',
    ),
    "fractional seconds": (
        segment(duration="seconds = 40.5"),
        'agenda.toml line 4: segment 1 ("Talk"): seconds must be a whole number',
    ),
    "minutes as text": (
        segment(duration='minutes = "4"'),
        'agenda.toml line 4: segment 1 ("Talk"): minutes must be a number',
    ),
    "empty title": (segment(title="   "), "agenda.toml line 2: segment 1: title must not be empty"),
    "title too long": (
        segment(title="x" * 81),
        "agenda.toml line 2: segment 1: title is 81 characters long; the limit is 80",
    ),
    "no title": ('[[segment]]\nkind = "team"\nminutes = 3\n', "agenda.toml line 1: segment 1: title is missing"),
    "no kind": (
        '[[segment]]\ntitle = "Talk"\nminutes = 3\n',
        'agenda.toml line 1: segment 1 ("Talk"): kind is missing (one of client, sales, team)',
    ),
    "no segment": ("target = 50\n", "agenda.toml: at least 1 segment is needed ([[segment]])"),
    "thirteen segments": (segment() * 13, "agenda.toml: at most 12 segments, found 13"),
    "single brackets": (
        'target = 50\n[segment]\ntitle = "Talk"\n',
        "agenda.toml line 2: segment must be written [[segment]], with double brackets",
    ),
    "TOML syntax": (
        '[[segment]]\ntitle = "Talk"\nminutes 4\n',
        "agenda.toml line 3: expected '=' after a key in a key/value pair (column 9)",
    ),
    "unterminated string": (
        'target = 50\n[[segment]]\ntitle = "Talk\n',
        "agenda.toml line 3: illegal character '\\n' (column 14)",
    ),
}


@pytest.mark.parametrize("text, message", BAD_FILES.values(), ids=BAD_FILES.keys())
def test_a_bad_file_is_refused_in_one_line_and_changes_nothing(cli, custom, text, message):
    result = set_agenda(cli, text)
    assert (result.code, result.out, result.err) == (2, "", f"briefing: FILE: {message}\n")
    assert cli("agenda", "show", "--json").json() == CUSTOM_JSON


@pytest.mark.parametrize(
    "duration, planned_s",
    [
        ("seconds = 30", 30),
        ("minutes = 0.5", 30),
        ("minutes = 60", 3600),
        ("seconds = 3600", 3600),
        ("minutes = 2.5", 150),
        ("minutes = 1.25", 75),
        ("minutes = 4.0", 240),
    ],
)
def test_durations_accepted_at_the_boundaries_and_in_decimal_minutes(cli, duration, planned_s):
    assert set_agenda(cli, segment(duration=duration)).code == 0
    assert cli("agenda", "show", "--json").json()["segments"][0]["planned_s"] == planned_s


@pytest.mark.parametrize(
    "duration, message",
    [
        ("seconds = 29", "seconds must be between 30 and 3600"),
        ("minutes = 0.49", "minutes must be between 0.5 and 60"),
        ("minutes = 60.5", "minutes must be between 0.5 and 60"),
        ("seconds = 3601", "seconds must be between 30 and 3600"),
        ("minutes = 0", "minutes must be between 0.5 and 60"),
    ],
)
def test_durations_refused_just_outside(cli, custom, duration, message):
    result = set_agenda(cli, segment(duration=duration))
    assert result.err == f'briefing: FILE: agenda.toml line 4: segment 1 ("Talk"): {message}\n'
    assert cli("agenda", "show", "--json").json() == CUSTOM_JSON


def test_twelve_segments_and_the_target_bounds_are_accepted(cli):
    assert set_agenda(cli, "target = 0\n" + segment() * 12).code == 0
    shown = cli("agenda", "show", "--json").json()
    assert (len(shown["segments"]), shown["target_share"], shown["total_s"]) == (12, 0.0, 12 * 240)
    result = set_agenda(cli, "target = 100\n" + segment(kind="team"))
    assert result.err.splitlines()[0] == "Agenda saved: 1 segment, 4:00, target 100% client"


def test_target_defaults_to_half(cli, custom):
    assert set_agenda(cli, segment()).code == 0
    assert cli("agenda", "show", "--json").json()["target_share"] == 0.5


def test_a_missing_or_unreadable_file_changes_nothing(cli, custom):
    missing = cli("agenda", "set", "nowhere.toml")
    assert missing.code == 2 and "nowhere.toml" in missing.err and missing.err.count("\n") == 1
    Path("latin1.toml").write_bytes('[[segment]]\ntitle = "Réunion"\n'.encode("latin-1"))
    latin1 = cli("agenda", "set", "latin1.toml")
    assert (latin1.code, latin1.err) == (2, "briefing: FILE: latin1.toml is not UTF-8 text (byte 22)\n")
    assert cli("agenda", "show", "--json").json() == CUSTOM_JSON


def test_a_file_saved_with_a_bom_is_read(cli):
    Path("bom.toml").write_bytes(b"\xef\xbb\xbf" + segment().encode())
    assert cli("agenda", "set", "bom.toml").code == 0


def test_a_damaged_stored_agenda_is_reported_and_reset_mends_it(cli, conn):
    conn.execute("INSERT INTO settings (key, value) VALUES ('agenda', '{\"segments\": []}')")
    broken = cli("agenda", "show")
    assert broken.code == 1 and "briefing agenda reset" in broken.err and broken.err.count("\n") == 1
    assert cli("agenda", "reset").code == 0
    assert cli("agenda", "show", "--json").json() == DEFAULT_JSON


def test_an_agenda_with_two_client_wins_is_never_stored(conn):
    from dataclasses import replace

    from briefing.agenda import Agenda, load_agenda, save_agenda
    from briefing.errors import BadInput

    both = Agenda(tuple(replace(s, win=True) for s in DEFAULT_AGENDA.segments[:2]), 0.5)
    with pytest.raises(BadInput, match="only one segment is the client win"):
        save_agenda(conn, both)
    assert load_agenda(conn) == DEFAULT_AGENDA
