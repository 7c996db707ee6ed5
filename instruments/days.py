"""The day a page or a pack is shown as of (``?as_of=``, ``--as-of``), read and checked.

One reading for the app and the command line: a value that is not a day, lies in the future or
before 2023 is refused with the reason, in the active language.
"""

from datetime import date

from i18n.translate import _

FIRST_DAY = date(2023, 1, 1)  # before any instrument: nothing to show


def parse_day(text: str, today: date) -> date | None:
    """The day ``text`` names (None for today itself); ValueError saying why it is not one."""
    try:
        day = date.fromisoformat(text)
    except ValueError:
        raise ValueError(_("not a date: write it as YYYY-MM-DD, for example 2024-03-20.")) from None
    if day > today:
        raise ValueError(_("that day is in the future."))
    if day < FIRST_DAY:
        raise ValueError(_("the data starts in 2023."))
    return None if day == today else day
