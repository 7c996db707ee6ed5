"""Dates and lists of names as readers see them: the one place that formats them in prose."""

from datetime import date


def long_date(iso: str) -> str:
    """``"2023-02-16"`` → ``"16 February 2023"``; anything unparseable is returned unchanged."""
    try:
        return f"{date.fromisoformat(iso):%-d %B %Y}"
    except (TypeError, ValueError):
        return str(iso)


def join_names(names: list[str], conjunction: str = "and") -> str:
    """``["A", "B", "C"]`` → ``"A, B and C"``."""
    if len(names) <= 1:
        return "".join(names)
    return f"{', '.join(names[:-1])} {conjunction} {names[-1]}"


def capitalised(text: str) -> str:
    """The text with its first letter upper-cased (the rest left as it is: "UN", "iso3")."""
    return text[:1].upper() + text[1:]
