"""The rules that propose whom to call, as pure functions (hypothesis).

Whatever the team's history: a client called within the quiet days is
never proposed, the same data in any order gives the same list, every
reason given is true of the data, and a client with a phone number comes
before one without.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from briefing.call_suggest import (
    NEGATIVE_AFTER_DAYS,
    NEGATIVE_WITHIN_DAYS,
    SILENCE_AFTER_DAYS,
    TALKATIVE,
    WIN_WITHIN_DAYS,
    Heard,
    RecentWin,
    ago,
    suggest,
)

DAY = date(2026, 11, 24)
COMPANIES = [None, 1, 2, 3]


@st.composite
def histories(draw) -> tuple[list[Heard], list[RecentWin], int]:
    count = draw(st.integers(0, 25))
    clients = []
    for i in range(1, count + 1):
        said = draw(st.integers(0, 6))
        last = DAY - timedelta(days=draw(st.integers(0, 365))) if said else None
        call = draw(st.one_of(st.none(), st.integers(-2, 365)))
        firm = draw(st.sampled_from(COMPANIES))
        clients.append(
            Heard(
                id=i,
                name=f"Client {i}",
                company=f"Company {firm}" if firm else None,
                company_id=firm,
                phone=draw(st.sampled_from([None, "", "06 12 34 56 78"])),
                said=said,
                last_said=last,
                last_mood=draw(st.sampled_from(["positive", "neutral", "negative"])) if said else None,
                last_call=DAY - timedelta(days=call) if call is not None else None,
            )
        )
    wins = [
        RecentWin(
            id=w,
            date=DAY - timedelta(days=draw(st.integers(0, 40))),
            title=f"Win {w}",
            client_id=draw(st.one_of(st.none(), st.integers(1, max(count, 1)))),
            company_id=draw(st.sampled_from(COMPANIES)),
        )
        for w in range(1, draw(st.integers(0, 5)) + 1)
    ]
    return clients, wins, draw(st.integers(0, 90))


def _heard_since(people: list[Heard], since: date) -> bool:
    return any(d is not None and d >= since for c in people for d in (c.last_said, c.last_call))


@settings(max_examples=300, deadline=None)
@given(histories())
def test_never_a_client_called_within_the_quiet_days(history):
    clients, wins, quiet = history
    by_id = {c.id: c for c in clients}
    for s in suggest(clients, wins, DAY, quiet, limit=50):
        called = by_id[s.client_id].last_call
        assert called is None or (DAY - called).days >= quiet


@settings(max_examples=200, deadline=None)
@given(histories(), st.randoms(use_true_random=False))
def test_the_same_history_in_any_order_gives_the_same_list(history, rng: random.Random):
    clients, wins, quiet = history
    first = suggest(clients, wins, DAY, quiet)
    rng.shuffle(clients)
    rng.shuffle(wins)
    assert suggest(clients, wins, DAY, quiet) == first
    assert len({s.client_id for s in first}) == len(first) <= 5


@settings(max_examples=300, deadline=None)
@given(histories())
def test_every_reason_is_true_of_the_data(history):
    clients, wins, quiet = history
    by_id = {c.id: c for c in clients}
    for s in suggest(clients, wins, DAY, quiet, limit=50):
        c = by_id[s.client_id]
        assert s.label == c.label and s.reason.startswith(c.label + ": ")
        if s.rule == "negative":
            assert c.last_mood == "negative"
            assert NEGATIVE_AFTER_DAYS <= (DAY - c.last_said).days == s.days <= NEGATIVE_WITHIN_DAYS
            assert f"last heard {ago(s.days)}" in s.reason and "negative" in s.reason
        elif s.rule == "after-win":
            w = next(w for w in wins if w.id == s.win_id)
            assert (DAY - w.date).days == s.days <= WIN_WITHIN_DAYS and f"“{w.title}”" in s.reason
            if w.client_id is not None:
                assert c.id == w.client_id
                firm = c.company_id
            else:
                assert c.company_id == w.company_id is not None
                firm = w.company_id
            there = [x for x in clients if firm is not None and x.company_id == firm] or [c]
            assert not _heard_since(there, w.date), "someone there spoke or was called since the win"
        else:
            assert s.rule == "silence"
            assert c.said >= TALKATIVE and (DAY - c.last_said).days == s.days >= SILENCE_AFTER_DAYS
            assert f"{c.said} verbatims" in s.reason and f"{s.days} days" in s.reason


@settings(max_examples=200, deadline=None)
@given(histories())
def test_clients_with_a_phone_number_come_first(history):
    clients, wins, quiet = history
    by_id = {c.id: c for c in clients}
    reachable = [by_id[s.client_id].reachable for s in suggest(clients, wins, DAY, quiet, limit=50)]
    assert reachable == sorted(reachable, reverse=True)


def test_the_words_say_who_and_why():
    marc = Heard(
        1, "Marc Petit", "Petit & Fils Transports", 1, "06", said=2, last_said=DAY - timedelta(41), last_mood="negative"
    )
    helene = Heard(
        2, "Hélène Roussel", "Altis Logistique", 2, None, said=4, last_said=DAY - timedelta(20), last_mood="positive"
    )
    win = RecentWin(7, DAY - timedelta(6), "Renewed Altis for 3 years", None, 2)
    found = suggest([helene, marc], [win], DAY, 30)
    assert [s.reason for s in found] == [
        "Marc Petit (Petit & Fils Transports): last heard 41 days ago, and their last words were negative",
        "Hélène Roussel (Altis Logistique): a win 6 days ago (“Renewed Altis for 3 years”), "
        "and nobody has asked them how it is going since",
    ]
    # Called last week: left in peace, whatever else holds.
    called = Heard(1, "Marc Petit", None, None, "06", 2, DAY - timedelta(41), "negative", DAY - timedelta(7))
    assert [s.client_id for s in suggest([called, helene], [win], DAY, 30)] == [2]
    assert [s.client_id for s in suggest([called, helene], [win], DAY, 7)] == [1, 2]
