"""The table of realistic participants lists (tests/fixtures/participants/lines.csv): every line's
expected outcome, read as part of its list and alone.

Columns: ``list`` (the rows of one list, in order), ``text`` (the line as pasted), ``outcome``
(one of participants.match.Outcome, or ``blank``: not in the report), ``expected`` (the state or
entity's ISO3, an ambiguous line's choices separated by ``|``, an organisation's id), ``how``
(when given: how it matched, or why it is ambiguous). The expectations are written by hand.
"""

import csv
from collections import Counter, defaultdict

import pytest

from participants.lines import make_line
from participants.match import IN_LINE, LineResult, Outcome, match_line
from participants.names import name_index
from participants.report import read_list
from store.reference import load_other_entities, load_participant_organisations, load_states

from conftest import FIXTURES

TABLE = FIXTURES / "participants" / "lines.csv"
BLANK = "blank"


def read_table() -> list[dict[str, str]]:
    with TABLE.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


ROWS = read_table()
LISTS: dict[str, list[dict[str, str]]] = defaultdict(list)
for _row in ROWS:
    LISTS[_row["list"]].append(_row)


def found(result: LineResult) -> str:
    """What the table's ``expected`` column says of a result."""
    if result.outcome == Outcome.AMBIGUOUS:
        return "|".join(result.choices)
    if result.outcome == Outcome.ORGANISATION:
        return result.organisation
    return result.iso3


def check(row: dict[str, str], result: LineResult) -> None:
    assert (result.outcome, found(result)) == (row["outcome"], row["expected"]), row["text"]
    if row["how"]:
        assert result.how == row["how"], row["text"]


@pytest.mark.parametrize("name", sorted(LISTS))
def test_each_list_reads_as_the_table_says(name):
    rows = LISTS[name]
    report = read_list("\n".join(row["text"] for row in rows))
    by_number = {result.number: result for result in report.lines}
    first_line: dict[str, int] = {}
    for number, row in enumerate(rows, start=1):
        if row["outcome"] == BLANK:
            assert number not in by_number, row["text"]
            continue
        result = by_number[number]
        assert result.text == row["text"].strip()
        check(row, result)
        if row["outcome"] == "matched":
            first_line.setdefault(row["expected"], number)
        if row["outcome"] == "duplicate":
            assert result.duplicate_of == first_line[row["expected"]], row["text"]
    assert len(report.lines) == sum(row["outcome"] != BLANK for row in rows)
    assert report.members == tuple(first_line)


@pytest.mark.parametrize(
    "row", [row for row in ROWS if row["outcome"] != BLANK], ids=lambda row: row["text"][:60]
)
def test_each_line_alone(row):
    """Alone, a duplicate is the match it repeats."""
    result = match_line(make_line(row["text"]), name_index())
    wanted = dict(row, outcome="matched") if row["outcome"] == "duplicate" else row
    check(wanted, result)


def test_the_table_is_large_realistic_and_covers_every_outcome():
    outcomes = Counter(row["outcome"] for row in ROWS)
    assert len(ROWS) >= 120
    assert set(outcomes) == {*Outcome, BLANK} and min(outcomes.values()) >= 3
    assert {"nairobi-en", "geneve-fr", "santiago-es", "vienna-en", "traps-en", "scripts"} <= set(
        LISTS
    )
    # delegations with honorifics and titles in the three languages, and names among other words
    assert sum(row["how"] == IN_LINE for row in ROWS) >= 80
    assert any(row["text"].startswith(("S.E.", "Mme", "M.")) for row in LISTS["geneve-fr"])
    assert any(row["text"].startswith(("Excmo.", "Sr.", "Sra.")) for row in LISTS["santiago-es"])
    # UN names in Arabic, Chinese and Russian, matched whole
    assert {row["how"] for row in ROWS} >= {"UN name (ar)", "UN name (zh)", "UN name (ru)"}


TRAPS = {
    "Niger and Nigeria": {"NER", "NGA"},
    "the Guineas": {"GIN", "GNB", "GNQ", "PNG"},
    "the two Congos": {"COG", "COD"},
    "Dominica and the Dominican Republic": {"DMA", "DOM"},
    "Sudan and South Sudan": {"SDN", "SSD"},
    "the two Koreas": {"KOR", "PRK"},
    "Austria and Australia": {"AUT", "AUS"},
    "Iran and Iraq": {"IRN", "IRQ"},
    "Mali and Malawi": {"MLI", "MWI"},
    "the observer States": {"VAT", "PSE"},
}


LANGUAGES = {
    "English": ("nairobi-en", "vienna-en", "traps-en"),
    "French": ("geneve-fr",),
    "Spanish": ("santiago-es",),
}


@pytest.mark.parametrize("trap", TRAPS)
@pytest.mark.parametrize("language", LANGUAGES)
def test_every_trap_is_in_each_language(trap, language):
    """Each state of each trap is named in lines in English, in French and in Spanish (matched,
    a duplicate, or a choice: in French "République du Congo" may mean either)."""
    named = {
        code
        for name in LANGUAGES[language]
        for row in LISTS[name]
        if row["outcome"] in ("matched", "duplicate", "ambiguous")
        for code in row["expected"].split("|")
    }
    assert TRAPS[trap] <= named


def test_the_table_names_only_known_codes_and_organisations():
    """A typo in the table would make a row pass vacuously."""
    codes = set(load_states()["iso3"]) | set(load_other_entities()["iso3"])
    organisations = set(load_participant_organisations()["id"])
    for row in ROWS:
        if row["outcome"] == "organisation":
            assert row["expected"] in organisations, row
        elif row["outcome"] in ("not_found", BLANK):
            assert row["expected"] == "", row
        else:
            assert set(row["expected"].split("|")) <= codes, row
