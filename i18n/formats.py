"""Numbers, percentages and dates in the active language's conventions (Babel, CLDR data)."""

import re
from collections.abc import Iterable
from datetime import UTC, date, datetime

from babel import Locale
from babel.dates import format_date, format_skeleton, format_time, get_datetime_format
from babel.numbers import format_decimal, format_percent

from i18n.languages import BABEL_LOCALES
from i18n.translate import active, pgettext


def locale() -> Locale:
    """The Babel locale of the active language."""
    return Locale.parse(BABEL_LOCALES[active()])


def number(value: float) -> str:
    """``1234`` → "1,234" (English), "1 234" (French), "1.234" (Spanish)."""
    return format_decimal(value, locale=locale())


def percent(fraction: float, digits: int = 0) -> str:
    """``0.295`` with one digit → "29.5%" (English), "29,5 %" (French), "29,5 %" (Spanish)."""
    pattern = locale().percent_formats[None].pattern
    if digits:
        pattern = re.sub(r"0(?=[^0]*$)", "0." + "0" * digits, pattern, count=1)
    return format_percent(fraction, format=pattern, locale=locale())


def long_date(value: date | str) -> str:
    """``"2023-02-16"`` → "16 February 2023", "16 février 2023", "16 de febrero de 2023".

    Anything that is not an ISO date is returned unchanged (a source may print "2023").
    """
    day = _day(value)
    return str(value) if day is None else format_date(day, format="long", locale=locale())


def month(value: date | str, short: bool = False) -> str:
    """``"2024-01-31"`` → "January 2024", "janvier 2024", "enero de 2024" (a date known only to
    its month); ``short``: "Jan 2024", "janv. 2024", "ene 2024" (an axis's ticks). Anything that
    is not an ISO date is returned unchanged."""
    day = _day(value)
    skeleton = "yMMM" if short else "yMMMM"
    return str(value) if day is None else format_skeleton(skeleton, day, locale=locale())


def _day(value: date | str) -> date | None:
    """The day an ISO date names, or None."""
    try:
        return value if isinstance(value, date) else date.fromisoformat(value)
    except (TypeError, ValueError):
        return None


def long_datetime(moment: datetime) -> str:
    """An aware moment, in UTC: "7 December 2026, 10:15", "7 décembre 2026, 10:15",
    "7 de diciembre de 2026, 10:15"."""
    utc = moment.astimezone(UTC)
    joined = str(get_datetime_format("long", locale=locale()))
    time = format_time(utc, "short", tzinfo=UTC, locale=locale())
    return joined.replace("{1}", long_date(utc.date())).replace("{0}", time)


def clauses(parts: Iterable[str]) -> str:
    """Clauses joined by a semicolon: "a; b" (English, Spanish), "a ; b" (French)."""
    return pgettext("between clauses", "; ").join(parts)
