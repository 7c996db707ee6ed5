"""A list of participants as "Your group" shows it: every line in one of four places.

The states matched (with how), the lines the user chooses for (ambiguous, or not found with
close names), the lines not found with nothing close, and the lines listed apart (organisations,
entities outside the 195, duplicates). Each non-empty line of the list is in exactly one of them,
a line chosen for both among the states matched and where it was chosen.
"""

import pandas as pd

from participants.files import ListFile
from participants.match import LineResult, Outcome
from participants.report import GroupReport
from participants.wording import describe, entity, how, outcome_label

APART = (Outcome.ORGANISATION, Outcome.OUTSIDE, Outcome.DUPLICATE)
MATCHED_COLUMNS = ["Line", "As written", "State", "How"]
LINES_COLUMNS = ["Line", "As written", "Outcome", "What became of it"]


def offered(line: LineResult) -> tuple[str, ...]:
    """The states a line lets the user choose from: an ambiguous line's choices, a line not
    found's close names; none for the others."""
    if line.outcome == Outcome.AMBIGUOUS:
        return line.choices
    return line.suggestions if line.outcome == Outcome.NOT_FOUND else ()


def to_choose(report: GroupReport) -> tuple[LineResult, ...]:
    """The lines the user chooses a state for (of the list as read, before any choice)."""
    return tuple(line for line in report.unresolved if offered(line))


def nothing_close(report: GroupReport) -> tuple[LineResult, ...]:
    """The lines not found with no close name to offer."""
    return tuple(
        line for line in report.lines if line.outcome == Outcome.NOT_FOUND and not line.suggestions
    )


def apart(report: GroupReport) -> tuple[LineResult, ...]:
    """The lines listed apart: organisations, entities outside the 195 and duplicates."""
    return tuple(line for line in report.lines if line.outcome in APART)


def matched_table(report: GroupReport) -> pd.DataFrame:
    """The states of the group, one row per line that matched one: how it matched."""
    rows = [
        (line.number, line.text, entity(line.iso3), how(line))
        for line in report.lines
        if line.outcome == Outcome.MATCHED
    ]
    return pd.DataFrame(rows, columns=MATCHED_COLUMNS)


def lines_table(lines: tuple[LineResult, ...]) -> pd.DataFrame:
    """Lines with their outcome and what became of each, in words."""
    rows = [(line.number, line.text, outcome_label(line.outcome), describe(line)) for line in lines]
    return pd.DataFrame(rows, columns=LINES_COLUMNS)


def set_aside_table(listed: ListFile) -> pd.DataFrame:
    """What was read from a file but is no line of the list, and why."""
    rows = [(aside.text, aside.said) for aside in listed.set_aside]
    return pd.DataFrame(rows, columns=["Text", "Why"])
