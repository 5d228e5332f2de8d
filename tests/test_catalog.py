"""The French catalog is complete, current and compiled.

The messages are extracted from the source with Babel's own API and the
project's babel.cfg, as ``pybabel extract`` would: a string wrapped in
``_()`` or ``N_()`` that the .po lacks would show in English to a French
team; an empty or fuzzy entry would too (gettext ignores both); a .mo
older than its .po would ship last week's words. A placeholder the
translation misspells would crash the screen with a KeyError.
"""

from __future__ import annotations

import gettext
import re
from pathlib import Path

import pytest
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parents[1]
LOCALE = ROOT / "briefing" / "locale"
PLACEHOLDER = re.compile(r"\{(\w+)\}")


#: Babel's keywords, and the project's own (the README's extract command says ``-k NP_:1c,2``).
KEYWORDS = {**DEFAULT_KEYWORDS, "NP_": ((1, "c"), 2)}


def extracted() -> dict[tuple[str | None, str], list[str]]:
    """(context, msgid (the singular, for a plural)) -> where the code uses it."""
    with open(ROOT / "babel.cfg", encoding="utf-8") as f:
        method_map, options_map = parse_mapping_cfg(f)
    found: dict[tuple[str | None, str], list[str]] = {}
    for filename, lineno, message, _comments, context in extract_from_dir(
        ROOT, method_map, options_map, keywords=KEYWORDS
    ):
        msgid = message[0] if isinstance(message, tuple) else message
        found.setdefault((context, msgid), []).append(f"{filename}:{lineno}")
    return found


def catalog(lang: str):
    with open(LOCALE / lang / "LC_MESSAGES" / "briefing.po", "rb") as f:
        return read_po(f, locale=lang)


LANGS = sorted(p.name for p in LOCALE.iterdir() if (p / "LC_MESSAGES" / "briefing.po").exists())


def test_there_is_a_catalog_for_every_language_the_app_offers():
    from briefing.i18n import DEFAULT, LANGUAGES

    assert sorted(set(LANGUAGES) - {DEFAULT}) == LANGS


def test_the_code_marks_its_words_for_translation():
    """Guards the extraction itself: a broken babel.cfg would make every test below pass on nothing."""
    found = extracted()
    assert (None, "Start") in found and (None, "Client share {share} — below the {target} target") in found
    assert ("status", "presented") in found  # NP_(): a word with its context
    assert all(not where[0].startswith(("tests", ".venv")) for where in found.values())


#: ``_("...")`` written inside an f-string's braces: Babel reads the f-string
#: as one string and never sees the call (on Python 3.11).
CALL_IN_FSTRING = re.compile(r"""\bf(["'])[^"'\n]*\{\s*N?P?_\(\s*["']""")


def test_no_word_is_marked_where_the_extraction_cannot_see_it():
    """The gauge's "Client" and "Sales" were once marked inside an f-string:
    they left the catalog at its next update and showed in English to a
    French room."""
    hidden = [
        f"{path.relative_to(ROOT)}:{n}"
        for folder in ("briefing", "screens")
        for path in sorted((ROOT / folder).rglob("*.py"))
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if CALL_IN_FSTRING.search(line)
    ]
    assert not hidden, f"call _() outside the f-string: {hidden}"


@pytest.mark.parametrize("lang", LANGS)
def test_every_word_in_the_code_is_in_the_catalog(lang):
    known = {(m.context, m.id[0] if isinstance(m.id, tuple) else m.id) for m in catalog(lang) if m.id}
    missing = {key: where[0] for key, where in extracted().items() if key not in known}
    assert not missing, f"not in {lang}/briefing.po (run the README's pybabel update): {missing}"


@pytest.mark.parametrize("lang", LANGS)
def test_every_entry_is_translated_and_none_is_fuzzy(lang):
    cat = catalog(lang)
    assert not cat.fuzzy, "the catalog's header is marked fuzzy: gettext would ignore the whole file"
    empty = [m.id for m in cat if m.id and not (all(m.string) if isinstance(m.string, tuple) else m.string)]
    fuzzy = [m.id for m in cat if m.id and m.fuzzy]
    assert not empty, f"untranslated in {lang}: {empty}"
    assert not fuzzy, f"fuzzy in {lang} (check, then remove the flag): {fuzzy}"


@pytest.mark.parametrize("lang", LANGS)
def test_translations_use_the_placeholders_they_are_given(lang):
    """``{iso}`` may become ``{day}`` (the same day in words, formats.LazyDay)."""
    for m in catalog(lang):
        if not m.id:
            continue
        ids = m.id if isinstance(m.id, tuple) else (m.id,)
        strings = m.string if isinstance(m.string, tuple) else (m.string,)
        given = set().union(*(PLACEHOLDER.findall(i) for i in ids))
        if "iso" in given:
            given.add("day")
        for s in strings:
            assert set(PLACEHOLDER.findall(s)) <= given, f"{m.id!r} -> {s!r}"


@pytest.mark.parametrize("lang", LANGS)
def test_the_compiled_catalog_matches_its_source(lang):
    """What ships (.mo) says what the .po says: run pybabel compile after an edit."""
    with open(LOCALE / lang / "LC_MESSAGES" / "briefing.mo", "rb") as f:
        compiled = gettext.GNUTranslations(f)._catalog
    expected: dict[object, str] = {}
    for m in catalog(lang):
        if not m.id:
            continue
        # gettext keys a word with a context as "context\x04word".
        key = f"{m.context}\x04" if m.context else ""
        if isinstance(m.id, tuple):
            for i, s in enumerate(m.string):
                expected[(key + m.id[0], i)] = s
        else:
            expected[key + m.id] = m.string
    assert {k: v for k, v in compiled.items() if k != ""} == expected
