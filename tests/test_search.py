"""Full-text search: accents and case ignored, best match first, never a crash."""

from __future__ import annotations

import sqlite3

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefing import verbatims
from briefing.search import fts_query


def _add(conn, text, **kw):
    return verbatims.add(conn, {"text": text, "client": kw.pop("client", "Marc"), **kw})


def test_unaccented_lowercase_query_finds_accented_text(conn):
    hit = _add(conn, "Quelle Réactivité, bravo à l'équipe")
    _add(conn, "Livraison en retard")
    assert [r.id for r in verbatims.list_verbatims(conn, search="reactivite")] == [hit]
    assert [r.id for r in verbatims.list_verbatims(conn, search="RÉACTIVITÉ")] == [hit]


def test_the_last_word_matches_as_a_prefix_for_search_as_you_type(conn):
    hit = _add(conn, "Réactivité exemplaire")
    assert [r.id for r in verbatims.list_verbatims(conn, search="react")] == [hit]


def test_client_and_company_are_searched_too(conn):
    hit = _add(conn, "Merci", client="Hélène Roussel", company="Altis Logistique")
    assert [r.id for r in verbatims.list_verbatims(conn, search="altis")] == [hit]
    assert [r.id for r in verbatims.list_verbatims(conn, search="helene")] == [hit]


def test_results_are_ranked_by_relevance_not_date(conn):
    weak = _add(conn, "Le délai de livraison était correct, le support aussi", date="2026-11-23")
    strong = _add(conn, "Délai, délai, délai : le délai est notre problème", date="2026-11-01")
    ids = [r.id for r in verbatims.list_verbatims(conn, search="delai")]
    assert ids == [strong, weak]


def test_every_word_must_match(conn):
    _add(conn, "service rapide")
    both = _add(conn, "service rapide et prix juste")
    assert [r.id for r in verbatims.list_verbatims(conn, search="rapide prix")] == [both]


def test_query_syntax_characters_are_just_text(cli):
    cli("verbatim", "add", 'He said "NEAR" -twice* (really)', "--client", "Marc")
    for query in ['"', "NEAR(", "*", "-", "AND", 'NEAR("a" "b", 2)', "col:x", "^", "()", "'", "OR OR"]:
        result = cli("verbatim", "list", "--search", query, "--json")
        assert result.code == 0, (query, result.err)
    assert len(cli("verbatim", "list", "--search", "near twice", "--json").json()) == 1


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(query=st.text(max_size=40))
def test_any_query_string_never_raises(conn, query):
    try:
        verbatims.list_verbatims(conn, search=query)
    except sqlite3.OperationalError as exc:  # pragma: no cover - this is the failure
        raise AssertionError(f"{query!r} broke the search: {exc}") from exc


def test_a_query_without_words_matches_nothing_rather_than_everything(conn):
    _add(conn, "Merci")
    assert fts_query("*** --") is None
    assert verbatims.list_verbatims(conn, search="*** --") == []


def test_a_page_of_a_common_word_ranks_the_most_recent_matches(conn, monkeypatch):
    """Relevance is worked out for a window of recent matches when only a page
    is asked for: a word in a tenth of ten years must not rank them all."""
    from briefing import search

    monkeypatch.setattr(search, "RANK_WINDOW", 3)
    best_but_old = verbatims.add(conn, {"text": "merci merci merci, merci", "client": "A"})
    recent = [verbatims.add(conn, {"text": f"merci pour tout, et bonne journée {i}", "client": "B"}) for i in range(5)]
    everything = [v.id for v in verbatims.list_verbatims(conn, search="merci")]
    assert everything[0] == best_but_old and sorted(everything) == sorted([best_but_old, *recent])
    page = [v.id for v in verbatims.list_verbatims(conn, search="merci", limit=2)]
    assert best_but_old not in page and set(page) <= set(recent[-3:])
