"""The language the app speaks: gettext catalogs, chosen once, early.

English is written in the code (it is the msgid) and costs nothing: no
catalog is opened, ``_()`` hands the text back. Another language loads its
compiled catalog (``briefing/locale/<lang>/LC_MESSAGES/briefing.mo``) with
the standard library, once per process and language. ``use()`` can switch
at any time (a test process runs English and French apps one after the
other), so nothing shown to a user is translated at import time: constants
are marked with :func:`N_` and translated where they are shown.

Which language: :func:`choose_language`, a pure function of the ``--lang``
flag, ``$BRIEFING_LANG``, the team's setting and the system locale, in that
order, falling back to English.

Never translated: what people typed, and the CLI's ``--json`` output.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import gettext

#: The languages with a catalog; the first is the code's own.
LANGUAGES = ("en", "fr")
DEFAULT = "en"
#: Each language as it calls itself (never translated: a reader who cannot
#: read the current language still finds their own).
NAMES = {"en": "English", "fr": "Français"}
DOMAIN = "briefing"
ENV = "BRIEFING_LANG"
#: The system's language, in POSIX's order of precedence (LANGUAGE: GNU's list).
LOCALE_ENV = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")

_current = DEFAULT
#: None while English: the msgids are the English text.
_catalog: gettext.NullTranslations | None = None
_loaded: dict[str, gettext.NullTranslations] = {}


def _(message: str) -> str:
    """``message`` in the current language (itself when there is no translation)."""
    return message if _catalog is None else _catalog.gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    if _catalog is None:
        return singular if n == 1 else plural
    return _catalog.ngettext(singular, plural, n)


def pgettext(context: str, message: str) -> str:
    """``message`` as meant in ``context``: one English word that French says
    two ways (a win "presented": "présenté"; wins "presented": "présentés")."""
    return message if _catalog is None else _catalog.pgettext(context, message)


def NP_(context: str, message: str) -> str:
    """Marks a constant with its context; ``pgettext(context, …)`` translates
    it where it is shown (extracted with ``-k NP_:1c,2``, see the README)."""
    return message


def N_(message: str) -> str:
    """Marks a constant for extraction; ``_()`` translates it where it is shown."""
    return message


def current() -> str:
    return _current


def use(lang: str) -> None:
    """Speak ``lang`` from now on (one of :data:`LANGUAGES`)."""
    global _current, _catalog
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r} (known: {', '.join(LANGUAGES)})")
    _catalog = None if lang == DEFAULT else _load(lang)
    _current = lang


def _load(lang: str) -> gettext.NullTranslations:
    """The compiled catalog, read once: a missing file is a broken install,
    said loudly (a silently English app would look like a translation bug)."""
    if lang not in _loaded:
        import gettext
        from pathlib import Path

        with open(Path(__file__).parent / "locale" / lang / "LC_MESSAGES" / f"{DOMAIN}.mo", "rb") as f:
            _loaded[lang] = gettext.GNUTranslations(f)
    return _loaded[lang]


def language_code(value: str | None) -> str | None:
    """The known language a locale name means (``fr_FR.UTF-8``, ``fr-CA``,
    ``FR``: fr), or None (empty, ``C``, ``POSIX``, a language without a catalog)."""
    if not value:
        return None
    code = value.strip().split(":")[0].split(".")[0].split("@")[0].replace("-", "_").split("_")[0].lower()
    return code if code in LANGUAGES else None


def choose_language(flag: str | None, env: str | None, team_setting: str | None, system_locale: str | None) -> str:
    """The first of these that names a known language wins: the command's
    ``--lang``, ``$BRIEFING_LANG``, the team's setting, the system locale;
    else English. A value naming no known language is passed over (a shell
    with ``BRIEFING_LANG=de`` still gets the team's language)."""
    for candidate in (flag, env, team_setting, system_locale):
        code = language_code(candidate)
        if code is not None:
            return code
    return DEFAULT


def system_locale(environ: dict[str, str] | os._Environ[str] | None = None) -> str | None:
    """The system's language: the locale variables, then what Python's
    ``locale`` module was told (a desktop session may set only that)."""
    environ = os.environ if environ is None else environ
    for name in LOCALE_ENV:
        value = environ.get(name)
        if value:
            # LANGUAGE is a list ("fr:en"): its first known entry counts.
            for part in value.split(":"):
                if language_code(part):
                    return part
            if name != "LANGUAGE":
                return value
    import locale

    try:
        return locale.getlocale()[0]
    except ValueError:
        return None


def decide(flag: str | None = None, team_setting: str | None = None) -> str:
    """Choose the language from the flag, this process's environment, the
    team's setting and the system, and use it; returns it."""
    lang = choose_language(flag, os.environ.get(ENV), team_setting, system_locale())
    use(lang)
    return lang
