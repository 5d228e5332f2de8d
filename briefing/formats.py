"""Dates, numbers and amounts as the current language writes them (CLDR, via Babel).

"lundi 30 novembre" and "12 345,50 €" in French, "Monday 30 November" and
"12,345.50" in English: Babel holds the CLDR's rules, which we would not
write ourselves. Its modules are imported inside each function: opening
the app in English must not pay for loading the locale data up front.
Durations on the meeting's clock are not here: they stay mm:ss
(:func:`briefing.timeutil.mmss`) in every language.

English days take a shortcut: Python's ``strftime`` writes them in the C
locale, which is CLDR's English for these patterns (tests/test_i18n.py
checks they agree), and spares the app's first frame loading Babel's
dates (about 13 ms).
"""

from __future__ import annotations

from datetime import date
from decimal import ROUND_HALF_EVEN, Decimal

from briefing import i18n

#: CLDR patterns: weekday, day and month in full (the names are the locale's).
LONG_DAY = "EEEE d MMMM"


def _locale() -> str:
    return i18n.current()


def long_day(day: date, *, year: bool = False) -> str:
    """ "Monday 30 November" / "lundi 30 novembre" (``year``: and the year)."""
    if _locale() == i18n.DEFAULT:
        return f"{day:%A} {day.day} {day:%B}" + (f" {day.year}" if year else "")
    from babel.dates import format_date

    pattern = LONG_DAY
    if _locale() == "fr" and day.day == 1:
        pattern = pattern.replace("d ", "d'er' ")  # "mardi 1er décembre": French's first of the month
    return format_date(day, pattern + (" y" if year else ""), locale=_locale())


class LazyDay:
    """A day for ``str.format``: written out ("lundi 30 novembre") only if
    the translation asks for it with ``{day}``, so a sentence that says
    ``{iso}`` (English's) never loads Babel's dates."""

    def __init__(self, day: date) -> None:
        self.day = day

    def __format__(self, spec: str) -> str:
        return long_day(self.day)


def short_day(day: date, *, year: bool = False) -> str:
    """ "Mon 02 Nov" / "lun. 02 nov.": a day in a card's credit or a table's
    cell (two digits: the days of a column line up); ``year``: "Mon 02 Nov
    2025" / "lun. 02 nov. 2025", a day of another year in the same column."""
    if _locale() == i18n.DEFAULT:
        return f"{day:%a %d %b %Y}" if year else f"{day:%a %d %b}"
    from babel.dates import format_date

    return format_date(day, "EEE dd MMM" + (" y" if year else ""), locale=_locale())


def day_month(day: date) -> str:
    """ "02 Nov" / "02 nov.": a day on a chart's axis or in a short list,
    where the year goes without saying."""
    if _locale() == i18n.DEFAULT:
        return f"{day:%d %b}"
    from babel.dates import format_date

    return format_date(day, "dd MMM", locale=_locale())


def month(day: date, *, year: bool = False) -> str:
    """ "Nov" / "nov." (a bar of a chart by month); ``year``: "Nov 2026" /
    "nov. 2026" (a stretch of months in words)."""
    if _locale() == i18n.DEFAULT:
        return f"{day:%b %Y}" if year else f"{day:%b}"
    from babel.dates import format_date

    return format_date(day, "MMM y" if year else "LLL", locale=_locale())


def short_date(day: date) -> str:
    """ "24 Nov 2026" / "24 nov. 2026": a day in a timeline, with its year."""
    if _locale() == i18n.DEFAULT:
        return f"{day:%d %b %Y}"
    from babel.dates import format_date

    return format_date(day, "dd MMM y", locale=_locale())


def number(value: float | int | Decimal, *, decimals: int | None = None) -> str:
    """ "12,345.5" / "12 345,5"; ``decimals``: exactly that many digits after the point."""
    if _locale() == i18n.DEFAULT:
        return _english_number(value, 3 if decimals is None else decimals, trim=decimals is None)
    from babel.numbers import format_decimal

    if decimals is None:
        return format_decimal(value, locale=_locale())
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    return format_decimal(value, format=pattern, locale=_locale())


def amount(value: float | int | Decimal, unit: str = "") -> str:
    """A figure with the unit people gave it: "12,345.50 €" / "12 345,50 €"
    (two decimals when the figure has cents, none when it is whole). The unit
    is the team's text (€, calls, %): it follows the number, as it was typed."""
    whole = float(value).is_integer()
    text = number(value, decimals=0 if whole else 2)
    if not unit:
        return text
    if unit == "%":
        return text + (" %" if _locale() == "fr" else "%")
    return f"{text} {unit}"


def percentage(value: float) -> str:
    """A figure already in percent (55, 12.5), as the language writes it:
    "12.5%" / "12,5 %" (a target as the lead typed it, an axis's tick).
    :func:`number` writes English without Babel: the screens that show one
    open without loading it."""
    return number(value) + ("%" if _locale() == i18n.DEFAULT else "\u00a0%")


def percent(share: float) -> str:
    """A share (0..1) as a whole percentage: "42%" / "42 %"."""
    if _locale() == i18n.DEFAULT:
        return _english_number(_decimal(share) * 100, 0, trim=False) + "%"
    from babel.numbers import format_percent

    return format_percent(share, locale=_locale())


def _decimal(value: float | int | Decimal) -> Decimal:
    """As Babel reads a figure: a float by its shortest repr (0.435 is 0.435)."""
    return value if isinstance(value, Decimal) else Decimal(repr(value) if isinstance(value, float) else value)


def _english_number(value: float | int | Decimal, places: int, *, trim: bool) -> str:
    """What CLDR's English writes, without loading Babel's locale data (a
    pickle read of 25-30 ms, once the balance gauge's percentage put it in
    the meeting's first frame): grouping by commas, half-even rounding to
    ``places``; ``trim``: no trailing zeros (Babel's default "#,##0.###").
    tests/test_i18n.py checks it against Babel itself."""
    text = f"{_decimal(value).quantize(Decimal(1).scaleb(-places), ROUND_HALF_EVEN):,f}"
    if trim and "." in text:
        text = text.rstrip("0").rstrip(".")
    return text
