"""A list's whole report: members, counts, duplicates, the user's choices, and its words."""

import csv

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from i18n.translate import use
from participants.match import Outcome
from participants.report import GroupReport, apply_choices, read_list
from participants.wording import describe, outcome_label, report_lines, summary

from conftest import FIXTURES

with (FIXTURES / "participants" / "lines.csv").open(encoding="utf-8", newline="") as _table:
    ROWS = list(csv.DictReader(_table))

LIST = """LIST OF PARTICIPANTS
1. H.E. Mr. John Kamau, Ambassador, Permanent Mission of Kenya to the United Nations
2. Korea

3. ICRC
4. KEN
5. Kosovo
6. Austrlia
7. Кот-д'Ивуар
8. UNDP Nigeria
"""


@pytest.fixture(scope="module")
def report() -> GroupReport:
    return read_list(LIST)


def test_members_counts_and_lines_apart(report):
    assert report.members == ("KEN", "CIV")
    assert dict(report.counts) == {
        Outcome.MATCHED: 2,
        Outcome.AMBIGUOUS: 2,
        Outcome.ORGANISATION: 1,
        Outcome.OUTSIDE: 1,
        Outcome.DUPLICATE: 1,
        Outcome.NOT_FOUND: 2,
    }
    assert report.organisations == ("icrc",) and report.outside == ("XKX",)
    assert [line.number for line in report.unresolved] == [1, 3, 8, 10]
    assert report.line(6).duplicate_of == 2
    with pytest.raises(KeyError):
        report.line(4)  # the blank line


def test_a_choice_matches_the_line_and_marks_duplicates_again(report):
    chosen = apply_choices(report, {3: "KOR", 8: "AUS", 10: "NGA"})
    assert chosen.members == ("KEN", "KOR", "AUS", "CIV", "NGA")
    assert {chosen.line(n).how for n in (3, 8, 10)} == {"chosen"}
    assert chosen.line(3).choices == ("KOR", "PRK")  # still offered: the user may change it
    assert apply_choices(chosen, {3: "PRK"}).members[1] == "PRK"
    assert report.members == ("KEN", "CIV")  # the report itself is unchanged


def test_a_chosen_state_already_in_the_list_is_a_duplicate():
    report = read_list("Korea\nRepublic of Korea")
    chosen = apply_choices(report, {1: "KOR"})
    assert [line.outcome for line in chosen.lines] == [Outcome.MATCHED, Outcome.DUPLICATE]
    assert chosen.line(2).duplicate_of == 1 and chosen.members == ("KOR",)


@pytest.mark.parametrize(
    "choice", [{2: "KEN"}, {3: "KEN"}, {8: "IRQ"}, {99: "KEN"}], ids=lambda c: str(c)
)
def test_only_an_offered_choice_is_taken(report, choice):
    with pytest.raises(ValueError):
        apply_choices(report, choice)


def test_the_report_in_english(report):
    lines = report_lines(report)
    assert lines[1] == (
        "2. 1. H.E. Mr. John Kamau, Ambassador, Permanent Mission of Kenya to the United Nations"
        " → Kenya (KEN), named in the line"
    )
    assert lines[2] == (
        "3. 2. Korea → ambiguous: Republic of Korea (KOR) or Democratic People's Republic of Korea"
        " (PRK)? Choose one."
    )
    assert lines[4] == "6. 4. KEN → Kenya (KEN) again: already on line 2, counted once"
    assert "Kosovo (XKX): outside the 195 states in scope" in lines[5]
    assert lines[6].startswith("8. 6. Austrlia → not found; the closest names: Australia (AUS)")
    assert lines[7] == "9. 7. Кот-д'Ивуар → Côte d’Ivoire (CIV), by its UN name in Russian"
    assert "names Nigeria (NGA) and an organisation, United Nations Development" in lines[8]
    assert summary(report) == (
        "9 lines read: 2 states matched, 2 ambiguous lines, 1 organisation, "
        "1 entity outside the 195, 1 duplicate and 2 lines not found"
    )


@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("fr", ("Kenya (KEN), cité dans la ligne", "russe", "Comité international de la Croix")),
        ("es", ("Kenya (KEN), nombrado en la línea", "ruso", "Comité Internacional de la Cruz")),
    ],
)
def test_the_report_in_french_and_spanish(report, language, words):
    with use(language):
        text = "\n".join([*report_lines(report), summary(report)])
        labels = [outcome_label(outcome) for outcome in Outcome]
    for word in words:
        assert word in text
    assert "Republic of Korea" not in text and "named in the line" not in text
    assert len(set(labels)) == len(Outcome)


def test_describe_says_every_outcome_of_the_table():
    report = read_list("\n".join(row["text"] for row in ROWS[:200]))
    for language in ("en", "fr", "es"):
        with use(language):
            assert all(describe(line) for line in report.lines)
    assert summary(read_list("\n\n")) == "No line to read: the list is empty."


def test_the_docstring_example_holds():
    report = read_list("Permanent Mission of Kenya to the United Nations\nKorea\nICRC\nKEN")
    assert report.members == ("KEN",)
    assert apply_choices(report, {2: "KOR"}).members == ("KEN", "KOR")


# Property: whatever the list, every non-empty input line is in the report exactly once, with one
# outcome, in order; a state is a member at most once; members are what the matched lines say.
TABLE_LINES = [row["text"] for row in ROWS if row["text"]]
LINE = st.one_of(
    st.sampled_from(TABLE_LINES),
    st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=40),
    st.sampled_from(["", "  ", "---", "•", "Korea, Republic of", "1.", "(", ")"]),
)


@settings(max_examples=150, deadline=None)
@given(st.lists(LINE, min_size=2, max_size=25))
def test_every_non_empty_line_is_reported_once(lines):
    text = "\n".join(line.replace("\n", " ").replace("\r", " ") for line in lines)
    rows = text.splitlines()
    expected = [
        (number, row.strip())
        for number, row in enumerate(rows, start=1)
        if any(ch.isalnum() for ch in row)
    ]
    if len(expected) == 1:  # a single line is split on its commas: another test's subject
        return
    report = read_list(text)
    assert [(line.number, line.text) for line in report.lines] == expected
    assert all(isinstance(line.outcome, Outcome) for line in report.lines)
    assert len(report_lines(report)) == len(expected)
    assert sum(report.counts.values()) == len(expected)
    assert len(set(report.members)) == len(report.members)
    matched = [line.iso3 for line in report.lines if line.outcome == Outcome.MATCHED]
    assert report.members == tuple(matched)
    for line in report.lines:
        if line.outcome == Outcome.DUPLICATE:
            assert report.line(line.duplicate_of).iso3 == line.iso3
            assert line.duplicate_of < line.number


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from([*TABLE_LINES, "Kenya", "Ghana"]), min_size=2, max_size=12))
def test_a_single_line_list_reports_each_item_once(items):
    text = "; ".join(item.replace(";", " ") for item in items)
    report = read_list(text)
    kept = [item.replace(";", " ").strip() for item in items]
    assert [line.text for line in report.lines] == [
        item for item in kept if any(ch.isalnum() for ch in item)
    ]
