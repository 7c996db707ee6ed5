"""The whole result of a list of participants: every line with its outcome, the group's states."""

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, replace
from types import MappingProxyType

from participants.lines import split_lines
from participants.match import CHOSEN, LineResult, Outcome, match_line
from participants.names import name_index


@dataclass(frozen=True)
class GroupReport:
    """Every non-empty line of a list, in order, each with one outcome."""

    lines: tuple[LineResult, ...]

    @property
    def members(self) -> tuple[str, ...]:
        """The states matched, ISO3 codes in the order the list first names them."""
        return tuple(line.iso3 for line in self.lines if line.outcome == Outcome.MATCHED)

    @property
    def counts(self) -> Mapping[Outcome, int]:
        """How many lines had each outcome (every outcome, 0 included)."""
        found = Counter(line.outcome for line in self.lines)
        return MappingProxyType({outcome: found[outcome] for outcome in Outcome})

    @property
    def organisations(self) -> tuple[str, ...]:
        """The organisations named (ids of participant_organisations.csv), listed apart."""
        return tuple(
            dict.fromkeys(
                line.organisation for line in self.lines if line.outcome == Outcome.ORGANISATION
            )
        )

    @property
    def outside(self) -> tuple[str, ...]:
        """The entities outside the 195 states in scope (codes), listed apart."""
        return tuple(
            dict.fromkeys(line.iso3 for line in self.lines if line.outcome == Outcome.OUTSIDE)
        )

    @property
    def unresolved(self) -> tuple[LineResult, ...]:
        """The lines the user must look at: ambiguous, or not found."""
        return tuple(
            line for line in self.lines if line.outcome in (Outcome.AMBIGUOUS, Outcome.NOT_FOUND)
        )

    def line(self, number: int) -> LineResult:
        """The result of the line with this number; a KeyError for a number with no line."""
        for line in self.lines:
            if line.number == number:
                return line
        raise KeyError(f"no line {number} in the list")


def with_duplicates(results: list[LineResult]) -> tuple[LineResult, ...]:
    """The results with each state matched again after its first line marked a duplicate of it
    (and a former duplicate whose first line is gone matched again)."""
    first: dict[str, int] = {}
    marked = []
    for result in results:
        if result.outcome in (Outcome.MATCHED, Outcome.DUPLICATE):
            if result.iso3 in first:
                result = replace(result, outcome=Outcome.DUPLICATE, duplicate_of=first[result.iso3])
            else:
                first[result.iso3] = result.number
                result = replace(result, outcome=Outcome.MATCHED, duplicate_of=0)
        marked.append(result)
    return tuple(marked)


def read_list(text: str) -> GroupReport:
    """Every non-empty line of a pasted list of participants, matched.

    One name per line, or a single line separated by commas or semicolons; more than 500
    non-empty lines is a ValueError (its message, in the active language, says so).

    >>> report = read_list("Permanent Mission of Kenya to the United Nations\\nKorea\\nICRC\\nKEN")
    >>> report.members
    ('KEN',)
    >>> [(line.number, line.outcome.value) for line in report.lines]
    [(1, 'matched'), (2, 'ambiguous'), (3, 'organisation'), (4, 'duplicate')]
    >>> report.line(2).choices, report.line(4).duplicate_of
    (('KOR', 'PRK'), 1)
    >>> apply_choices(report, {2: "KOR"}).members
    ('KEN', 'KOR')
    """
    index = name_index()
    lines = split_lines(text, known=index.knows)
    return GroupReport(with_duplicates([match_line(line, index) for line in lines]))


def apply_choices(report: GroupReport, chosen: Mapping[int, str]) -> GroupReport:
    """The report with the user's choices: line number → ISO3, one of an ambiguous line's
    ``choices`` or of a line not found's ``suggestions`` (a line chosen before may be chosen
    again); that line is then matched ("chosen"), and duplicates are marked again. A choice
    for another line, or of another state, is a ValueError (the page offers only these)."""
    results = list(report.lines)
    for number, iso3 in chosen.items():
        at = next((i for i, line in enumerate(results) if line.number == number), None)
        if at is None:
            raise ValueError(f"no line {number} in the list")
        line = results[at]
        open_to_choice = line.outcome in (Outcome.AMBIGUOUS, Outcome.NOT_FOUND)
        offered = (line.choices or line.suggestions) if open_to_choice or line.how == CHOSEN else ()
        if iso3 not in offered:
            raise ValueError(f"line {number} ({line.outcome}) does not offer {iso3!r}")
        results[at] = replace(line, outcome=Outcome.MATCHED, iso3=iso3, how=CHOSEN)
    return GroupReport(with_duplicates(results))
