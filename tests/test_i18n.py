"""The language: which one is chosen, and what it changes in dates,
numbers and the keys' help (briefing/i18n.py, briefing/formats.py,
screens/speaking.py)."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from briefing import formats, i18n
from briefing.i18n import _, choose_language, language_code

KNOWN = st.sampled_from(["en", "fr", "fr_FR.UTF-8", "en_GB.UTF-8", "fr-CA", "FR"])
UNKNOWN = st.sampled_from([None, "", "C", "POSIX", "C.UTF-8", "de_DE.UTF-8", "klingon", "  "])
ANY = st.one_of(KNOWN, UNKNOWN)


@given(flag=ANY, env=ANY, team=ANY, system=ANY)
def test_the_first_source_naming_a_known_language_wins(flag, env, team, system):
    """--lang, then $BRIEFING_LANG, then the team's setting, then the system;
    a source naming no language we speak is passed over; else English."""
    chosen = choose_language(flag, env, team, system)
    expected = next((language_code(v) for v in (flag, env, team, system) if language_code(v)), "en")
    assert chosen == expected
    assert chosen in i18n.LANGUAGES


@given(lower=st.tuples(ANY, ANY, ANY), top=KNOWN)
def test_a_known_language_outranks_everything_after_it(lower, top):
    assert choose_language(top, *lower) == language_code(top)
    assert choose_language(None, top, *lower[1:]) == language_code(top)


def test_nothing_known_falls_back_to_english():
    assert choose_language(None, None, None, None) == "en"
    assert choose_language("de", "it_IT.UTF-8", "es", "C.UTF-8") == "en"


@pytest.mark.parametrize(
    ("value", "code"),
    [("fr_FR.UTF-8", "fr"), ("fr_BE@euro", "fr"), ("fr-CA", "fr"), ("EN", "en"), ("C", None), ("de_DE", None)],
)
def test_a_locale_name_means_its_language(value, code):
    assert language_code(value) == code


def test_the_system_locale_follows_posix_precedence():
    env = {"LANG": "fr_FR.UTF-8", "LC_ALL": "de_DE.UTF-8"}
    assert i18n.system_locale(env) == "de_DE.UTF-8"  # LC_ALL overrides LANG: German, which we do not speak
    assert choose_language(None, None, None, i18n.system_locale(env)) == "en"
    assert i18n.system_locale({"LANGUAGE": "de:fr", "LANG": "en_US.UTF-8"}) == "fr"
    assert i18n.system_locale({"LANG": "fr_FR.UTF-8"}) == "fr_FR.UTF-8"


def test_an_unknown_language_is_refused():
    with pytest.raises(ValueError, match="unknown language"):
        i18n.use("de")


def test_english_opens_no_catalog_and_french_translates(french):
    assert _("Start") == "Lancer"
    i18n.use("en")
    assert i18n._catalog is None
    assert _("Start") == "Start"


@pytest.mark.parametrize(
    ("lang", "day", "amount", "number", "percent"),
    [
        ("en", "Monday 30 November", "12,345.50 €", "3.5", "42%"),
        ("fr", "lundi 30 novembre", "12\u202f345,50 €", "3,5", "42\u00a0%"),
    ],
)
def test_dates_and_numbers_are_written_as_each_language_writes_them(lang, day, amount, number, percent):
    i18n.use(lang)
    assert formats.long_day(date(2026, 11, 30)) == day
    assert formats.amount(12345.5, "€") == amount
    assert formats.number(3.5) == number
    assert formats.percent(0.42) == percent


@pytest.mark.parametrize(
    ("lang", "other_year", "day_month", "month", "month_year", "percentages"),
    [
        ("en", "Wed 02 Sep 2026", "02 Sep", "Sep", "Sep 2026", ["50%", "12.5%", "100%"]),
        ("fr", "mer. 02 sept. 2026", "02 sept.", "sept.", "sept. 2026", ["50\u00a0%", "12,5\u00a0%", "100\u00a0%"]),
    ],
)
def test_days_months_and_percentages_of_the_records(lang, other_year, day_month, month, month_year, percentages):
    """The history's day of another year, a chart's week and month, a
    target in percent: each as the language writes it."""
    i18n.use(lang)
    day = date(2026, 9, 2)
    assert formats.short_day(day, year=True) == other_year
    assert formats.day_month(day) == day_month
    assert formats.month(day) == month
    assert formats.month(day, year=True) == month_year
    assert [formats.percentage(v) for v in (50, 12.5, 100.0)] == percentages


@given(day=st.dates())
def test_english_days_written_without_babel_are_babels(day):
    """formats' shortcut for English (strftime) says what CLDR says."""
    from babel.dates import format_date

    assert formats.long_day(day) == format_date(day, formats.LONG_DAY, locale="en")
    assert formats.long_day(day, year=True) == format_date(day, formats.LONG_DAY + " y", locale="en")
    assert formats.short_day(day) == format_date(day, "EEE dd MMM", locale="en")
    assert formats.short_date(day) == format_date(day, "dd MMM y", locale="en")
    assert formats.short_day(day, year=True) == format_date(day, "EEE dd MMM y", locale="en")
    assert formats.day_month(day) == format_date(day, "dd MMM", locale="en")
    assert formats.month(day) == format_date(day, "LLL", locale="en")
    assert formats.month(day, year=True) == format_date(day, "MMM y", locale="en")


@given(
    value=st.one_of(st.floats(min_value=-1e15, max_value=1e15), st.integers(-(10**12), 10**12)),
    decimals=st.sampled_from([None, 0, 1, 2, 3]),
)
def test_english_numbers_written_without_babel_are_babels(value, decimals):
    """formats' shortcut for English numbers and percentages (the meeting's
    first frame shows one) rounds and groups as CLDR does."""
    from babel.numbers import format_decimal, format_percent

    pattern = None if decimals is None else "#,##0" + ("." + "0" * decimals if decimals else "")
    assert formats.number(value, decimals=decimals) == format_decimal(value, format=pattern, locale="en")
    assert formats.percent(value) == format_percent(value, locale="en")


def test_french_writes_the_first_of_the_month_1er():
    i18n.use("fr")
    assert formats.long_day(date(2026, 12, 1), year=True) == "mardi 1er décembre 2026"
    assert formats.long_day(date(2026, 12, 2)) == "mercredi 2 décembre"


def test_a_whole_amount_has_no_cents():
    i18n.use("fr")
    assert formats.amount(12000, "€") == "12\u202f000 €"


async def test_the_footer_speaks_the_language_of_the_moment_and_english_comes_back(demo_db):
    """Bindings are merged once per class, in English: each screen built in
    French shows French help, and an English app after it English again."""
    from screens.app import make_app
    from tests.conftest import DAY
    from tests.pilot import home_drawn

    def footer_words(app) -> set[str]:
        return {b.binding.description for b in app.screen.active_bindings.values() if b.binding.show}

    for lang, start, trends in (("fr", "Lancer", "Courbes"), ("en", "Start", "Trends"), ("fr", "Lancer", "Courbes")):
        i18n.use(lang)
        app = make_app(demo_db, day=DAY, watch=False)
        async with app.run_test(size=(80, 24)) as pilot:
            await home_drawn(pilot)
            assert {start, trends} <= footer_words(app)


def test_english_loads_neither_babel_nor_a_catalog():
    """The app's launch is benchmarked: English pays nothing for French."""
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from datetime import date\n"
        "from briefing import formats, i18n\n"
        "import screens.app, screens.home, screens.meeting, screens.summary\n"
        "i18n.decide(None, None)\n"
        "formats.long_day(date(2026, 11, 24), year=True); formats.short_day(date(2026, 11, 24))\n"
        "formats.percent(0.42); formats.amount(12345.5, '€')\n"
        "print(i18n.current(), i18n._catalog is None, 'babel' in sys.modules, 'gettext' in sys.modules)\n"
    )
    env = {"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"}
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env)
    assert result.stdout.split() == ["en", "True", "False", "False"]


def test_the_meetings_hidden_call_keys_have_french_help(french):
    """Textual's key list shows hidden keys too: the call's say what they do."""
    from screens.meeting import MeetingScreen

    helps = {b.description for bs in MeetingScreen()._bindings.key_to_bindings.values() for b in bs}
    assert {"Appel : joint", "Appel : un autre client", "Appel : qui appelle"} <= helps
    assert not {"other", "no-answer", "caller"} & helps
