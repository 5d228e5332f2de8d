"""Verbatims from the command line: add, list, search, edit, archive."""

from __future__ import annotations

import json

import pytest

VERBATIM_FIELDS = {
    "id",
    "text",
    "client",
    "company",
    "channel",
    "sentiment",
    "collected_by",
    "date",
    "status",
    "created_at",
    "updated_at",
}


def add(cli, text, *extra):
    result = cli("verbatim", "add", text, "--client", "Hélène Roussel", *extra)
    assert result.code == 0, result.err
    return int(result.out)


def test_add_prints_the_new_id_and_list_shows_every_field(cli, team):
    first = add(
        cli,
        "Livraison en 24 h",
        "--company",
        "Altis",
        "--by",
        "Inès Moreau",
        "--channel",
        "call",
        "--sentiment",
        "positive",
        "--date",
        "2026-11-20",
    )
    second = add(cli, "Un peu cher")
    assert second == first + 1
    rows = cli("verbatim", "list", "--json").json()
    assert set(rows[1]) == VERBATIM_FIELDS
    assert rows[1] | {"created_at": None} == {
        "id": first,
        "text": "Livraison en 24 h",
        "client": "Hélène Roussel",
        "company": "Altis",
        "channel": "call",
        "sentiment": "positive",
        "collected_by": "Inès Moreau",
        "date": "2026-11-20",
        "status": "new",
        "created_at": None,
        "updated_at": None,
    }
    assert rows[1]["created_at"].endswith("Z")


def test_defaults_are_today_neutral_and_other(cli):
    from datetime import date

    add(cli, "Bien")
    row = cli("verbatim", "list", "--json").json()[0]
    assert (row["date"], row["sentiment"], row["channel"]) == (date.today().isoformat(), "neutral", "other")


def test_dash_reads_a_multi_line_quote_from_stdin(cli):
    result = cli("verbatim", "add", "-", "--client", "Marc", stdin="Ligne un,\nligne deux.\n")
    assert result.code == 0
    assert cli("verbatim", "show", result.out.strip(), "--json").json()["text"] == "Ligne un,\nligne deux."


def test_list_is_newest_first_and_filters(cli, team):
    add(cli, "old", "--date", "2026-11-01", "--by", "Tom Becker")
    add(cli, "new", "--date", "2026-11-23", "--by", "Inès Moreau")
    add(cli, "middle", "--date", "2026-11-10", "--by", "Inès Moreau")
    texts = lambda *a: [r["text"] for r in cli("verbatim", "list", "--json", *a).json()]  # noqa: E731
    assert texts() == ["new", "middle", "old"]
    assert texts("--by", "Inès Moreau") == ["new", "middle"]
    assert texts("--limit", "1") == ["new"]
    assert texts("--status", "shown") == []


def test_archive_hides_from_the_default_list_but_keeps_it(cli):
    vid = add(cli, "to archive")
    add(cli, "kept")
    assert cli("verbatim", "archive", str(vid)).code == 0
    assert [r["text"] for r in cli("verbatim", "list", "--json").json()] == ["kept"]
    archived = cli("verbatim", "list", "--status", "archived", "--json").json()
    assert [r["text"] for r in archived] == ["to archive"]
    again = cli("verbatim", "archive", str(vid))
    assert again.code == 2 and "already archived" in again.err


def test_edit_changes_only_what_is_given(cli, team):
    vid = add(cli, "Typo here", "--channel", "email")
    assert cli("verbatim", "edit", str(vid), "--text", "Fixed", "--by", "Karim Benali").code == 0
    row = cli("verbatim", "show", str(vid), "--json").json()
    assert (row["text"], row["channel"], row["collected_by"]) == ("Fixed", "email", "Karim Benali")
    assert row["updated_at"] is not None
    nothing = cli("verbatim", "edit", str(vid))
    assert nothing.code == 2 and "nothing to change" in nothing.err


def test_edit_with_an_empty_optional_value_removes_it(cli, team):
    vid = add(cli, "Quote", "--company", "Altis", "--by", "Karim Benali")
    assert cli("verbatim", "edit", str(vid), "--company", "", "--by", " ").code == 0
    row = cli("verbatim", "show", str(vid), "--json").json()
    assert (row["company"], row["collected_by"], row["text"]) == (None, None, "Quote")
    refused = cli("verbatim", "edit", str(vid), "--client", "")  # a verbatim always has a client
    assert refused.code == 2 and "--client: must not be empty" in refused.err


def test_edit_or_archive_of_a_missing_id_is_bad_input(cli):
    for args in (("verbatim", "edit", "99", "--text", "x"), ("verbatim", "archive", "99"), ("verbatim", "show", "99")):
        result = cli(*args)
        assert result.code == 2 and "no verbatim with id 99" in result.err


def test_show_prints_the_quote_in_full(cli):
    vid = add(cli, "Un très long verbatim " * 10, "--company", "Altis")
    out = cli("verbatim", "show", str(vid)).out
    assert ("Un très long verbatim " * 10).strip() in out and "Hélène Roussel, Altis" in out


def test_empty_list_says_how_to_add(cli, conn):
    result = cli("verbatim", "list")
    assert result.code == 0 and result.out == "" and "briefing verbatim add" in result.err
    assert cli("verbatim", "list", "--json").json() == []


HOSTILE = [
    "[bold]gras[/bold] et [/] fermant",
    "[@click=app.quit]quit[/]",
    "[link=https://evil.example]clic[/link]",
    "\x1b[31mrouge\x1b[0m \x1b]8;;https://x\x07lien\x1b]8;;\x07",
    "👩‍👩‍👧‍👦 famille 🇫🇷",
    "顧客の声：とても良い",
    "שלום עולם مرحبا بالعالم",
    "\u202eevil override\u202c",
    "tab\there\r\nand CRLF",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_any_text_round_trips_byte_for_byte_through_json(cli, team, text):
    result = cli("verbatim", "add", text, "--client", text[:80], "--company", text[:80])
    assert result.code == 0, result.err
    row = cli("verbatim", "list", "--json").json()[0]
    assert row["text"].encode() == text.strip().encode()
    assert row["client"] == text[:80].strip()


def test_table_output_never_sends_escape_sequences_to_the_terminal(cli):
    add(cli, "\x1b[2J\x1b]0;pwned\x07 clear screen")
    out = cli("verbatim", "list").out
    assert "\x1b" not in out and "\x07" not in out
    assert "␛[2J" in out


def test_json_output_is_utf8_not_escaped(cli):
    add(cli, "Réactivité ✓")
    result = cli("verbatim", "list", "--json")
    assert "Réactivité ✓" in result.out
    assert json.loads(result.out)[0]["text"] == "Réactivité ✓"


@pytest.mark.parametrize("columns", [80, 120])
def test_the_listing_gives_the_quote_the_most_width_and_never_cuts_an_id_or_a_date(cli, team, monkeypatch, columns):
    monkeypatch.setenv("COLUMNS", str(columns))
    quote = "Votre équipe a repris le dossier au moment où nous allions tout arrêter, merci à vous tous."
    vid = add(cli, quote, "--company", "Altis Logistique", "--by", "Inès", "--date", "2026-11-20")
    lines = cli("verbatim", "list").out.splitlines()
    heads, rule, row = lines[0].split(), lines[1].split(), lines[2]
    widths = dict(zip(heads, map(len, rule), strict=True))
    assert widths["QUOTE"] == max(widths.values())
    assert max(len(line) for line in lines) <= columns
    assert row.startswith(f"{vid} ") and "2026-11-20" in row
    assert ("CHANNEL" in heads) == (columns > 80)  # left out before the quote is squeezed
