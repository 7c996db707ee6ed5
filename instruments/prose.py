"""Dates and lists of names as readers see them: the one place that formats them in prose.

Both follow the active interface language (Babel, CLDR): "16 February 2023" / "16 février 2023",
"A, B and C" / "A, B et C" / "A, B y C".
"""

from babel.lists import format_list

from i18n import formats

LIST_STYLES = {"and": "standard", "or": "or"}  # conjunction → Babel list style


def long_date(iso: str) -> str:
    """``"2023-02-16"`` → ``"16 February 2023"``; anything unparseable is returned unchanged."""
    return formats.long_date(iso)


def join_names(names: list[str], conjunction: str = "and") -> str:
    """``["A", "B", "C"]`` → ``"A, B and C"`` (``conjunction="or"``: ``"A, B or C"``)."""
    if len(names) <= 1:
        return "".join(names)
    return format_list(list(names), style=LIST_STYLES[conjunction], locale=formats.locale())


def capitalised(text: str) -> str:
    """The text with its first letter upper-cased (the rest left as it is: "UN", "iso3")."""
    return text[:1].upper() + text[1:]
