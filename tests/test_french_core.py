"""The core speaks French: its refusals, and the minutes of a briefing.

A refusal keeps its ``field`` (an identifier each front end maps to its own
label) and says its ``problem`` in the team's language, pydantic's own
English included (its errors are mapped to our sentences). The minutes'
headings, labels, day and numbers are French; the English minutes are as
before (tests/test_export.py holds them word for word). Exports for
scripts (CSV, JSON) keep English columns and keys: ``briefing import``
reads them back, whatever language wrote them. ``--json`` commands say
their refusals in English.
"""

from __future__ import annotations

import csv
import io
import json
from datetime import date

import pytest

from briefing import agenda, files, history, minutes, team, validation, verbatims
from briefing import db as store
from briefing.errors import BadInput, UnknownPerson
from tests.conftest import invoke

HELD = date(2026, 11, 23)
#: The narrow no-break space Babel puts between thousands in French (before "%": a no-break space).
NNBSP = "\u202f"  # a Monday the demo team held its briefing


def refused(call, *args, **kwargs) -> BadInput:
    with pytest.raises(BadInput) as caught:
        call(*args, **kwargs)
    return caught.value


# --- refusals ----------------------------------------------------------------------


def test_an_empty_verbatim_is_refused_in_french_naming_its_field(conn, french):
    error = refused(verbatims.add, conn, {"text": "   ", "client": "Marc Petit"})
    assert (error.field, error.problem) == ("text", "ne doit pas être vide")


def test_a_date_that_does_not_exist_is_refused_in_french(conn, french):
    error = refused(verbatims.add, conn, {"text": "Super", "client": "Marc Petit", "date": "2026-02-30"})
    assert (error.field, error.problem) == ("date", "2026-02-30 n'est pas une date du calendrier")
    error = refused(validation.validate, "MetricIn", {"name": "Ventes", "value": 3, "date": "mardi"})
    assert error.field == "date" and "n'est pas une date (AAAA-MM-JJ, aujourd'hui ou hier)" in error.problem


def test_the_french_words_for_a_day_are_understood_in_any_language():
    got = validation.validate("MetricIn", {"name": "Ventes", "value": 3, "date": "hier"})
    assert got["date"] == validation.validate("MetricIn", {"name": "Ventes", "value": 3, "date": "yesterday"})["date"]


def test_an_unknown_person_is_refused_in_french(conn, french):
    team.add(conn, "Inès Moreau")
    with pytest.raises(UnknownPerson) as caught:
        verbatims.add(conn, {"text": "Super", "client": "Marc Petit", "collected_by": "Personne"})
    assert (caught.value.field, caught.value.problem) == (
        "collected_by",
        "personne ne s'appelle 'Personne' dans l'équipe",
    )


def test_an_oversized_file_is_refused_in_french(french):
    error = refused(files.read_limited, io.BytesIO(b"x" * (1024 * 1024 + 1)), 1024 * 1024, "file", "ventes.csv")
    assert (error.field, error.problem) == ("file", "ventes.csv dépasse 1 Mo, plus qu'un import n'en accepte")


@pytest.mark.parametrize(
    ("data", "field", "french", "english"),
    [
        pytest.param(
            {"text": "Super", "client": "Marc", "date": "2026-11-24", "channel": "fax"},
            "channel",
            "'fax' n'est pas l'un de ces choix : call, email, visit, survey, chat, social ou other",
            "'fax' is not one of call, email, visit, survey, chat, social or other",
            id="enum",
        ),
        pytest.param({"text": "Super", "client": "Marc"}, "date", "est obligatoire", "is required", id="missing"),
        pytest.param(
            {"text": "Super", "client": "Marc", "date": "2026-11-24", "colour": "red"},
            "colour",
            "n'est pas attendu ici",
            "is not expected here",
            id="extra",
        ),
    ],
)
def test_pydantic_errors_become_our_sentences_in_either_language(data, field, french, english):
    error = refused(validation.validate, "VerbatimIn", data)
    assert (error.field, error.problem) == (field, english)
    from briefing import i18n

    i18n.use("fr")
    error = refused(validation.validate, "VerbatimIn", data)
    assert (error.field, error.problem) == (field, french)
    assert not any(word in error.problem for word in ("Input should", "Field required", "Extra inputs"))


def test_an_agenda_file_is_refused_in_french_its_keys_as_written(french):
    toml = 'target = 50\n\n[[segment]]\ntitle = "Chiffres"\nkind = "sales"\nminutes = 90\n'
    error = refused(agenda.parse_toml, toml)
    assert error.field == "agenda"
    assert error.problem == 'agenda.toml ligne 6 : séquence 1 ("Chiffres") : minutes doit être entre 0.5 et 60'


def test_the_cli_says_a_refusal_in_french_and_in_english_under_json(cli, conn):
    french = cli("--lang", "fr", "history", "--from", "2026-02-30")
    assert (french.code, french.err) == (2, "briefing: --from : 2026-02-30 n'est pas une date du calendrier\n")
    english = cli("--lang", "fr", "history", "--from", "2026-02-30", "--json")
    assert (english.code, english.err) == (2, "briefing: --from: 2026-02-30 is not a real calendar date\n")


# --- the minutes, and exports --------------------------------------------------------


def _held_minutes(path) -> minutes.Minutes:
    conn = store.connect(path)
    try:
        return minutes.load(conn, history.find(conn, HELD)[0])
    finally:
        conn.close()


def test_the_minutes_of_a_finished_briefing_in_french(demo_db, french):
    md = minutes.render(_held_minutes(demo_db))
    assert md.startswith("# Briefing du lundi 23 novembre 2026\n\nterminé, ")
    for heading in ("Ordre du jour", "Présences", "Succès client", "Verbatims montrés", "Chiffres", "Notes"):
        assert f"\n## {heading}\n" in md
    assert "| # | Séquence | Type | Prévu | Réel | Écart |" in md
    assert "| Indicateur | Valeur | Objectif | Écart à l'objectif |" in md
    assert "- Absents : Inès Moreau" in md and "- Présents (" in md
    assert "au total (client " in md and "pour un objectif de 50\u00a0%" in md
    assert "| 1 | Client voice | client |" in md  # the agenda's titles are the team's, as stored
    # Numbers as French writes them (Babel's narrow no-break space between thousands).
    assert f"| Sales yesterday | 13{NNBSP}450 € | 12{NNBSP}000 € | atteint (+1{NNBSP}450 €) |" in md
    for english in ("Briefing of", "## Attendance", "## Numbers", "Client share", "in all", "Monday", "November"):
        assert english not in md


def test_the_minutes_in_english_are_unchanged(demo_db):
    md = minutes.render(_held_minutes(demo_db))
    assert md.startswith("# Briefing of Monday 23 November 2026\n\nfinished, ")
    assert "| # | Segment | Kind | Planned | Actual | Difference |" in md
    assert "| Sales yesterday | 13450 € | 12000 € | met (+1450 €) |" in md
    assert "## Attendance" in md and "Lundi" not in md


def test_an_export_speaks_french_in_its_minutes_and_english_in_its_columns(demo_db, french):
    db = ["--db", str(demo_db), "--lang", "fr"]
    md = invoke([*db, "export", "--format", "md", "--date", HELD.isoformat()])
    assert md.code == 0, md.err
    assert md.out.startswith("# Briefing du lundi 23 novembre 2026\n") and "## Présences" in md.out
    table = invoke([*db, "export", "--format", "csv", "--kind", "metrics", "--date", HELD.isoformat()])
    assert table.code == 0, table.err
    rows = list(csv.reader(io.StringIO(table.out)))
    assert rows[0] == ["name", "value", "target", "unit", "date"]
    assert ["Sales yesterday", "13450", "12000", "€", HELD.isoformat()] in rows
    document = invoke([*db, "export", "--format", "json", "--date", HELD.isoformat()])
    assert document.code == 0, document.err
    exported = json.loads(document.out)
    assert list(exported) == ["from", "to", "verbatims", "wins", "metrics", "briefings"]
    briefing = exported["briefings"][0]
    assert briefing["outcome"] == "finished" and {"present", "absent", "off", "segments"} <= set(briefing)
    assert briefing["segments"][0]["kind"] == "client"
