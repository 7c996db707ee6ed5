"""The participants matcher never matches a look-alike: the rows of the must-not-match table
(tests/data/must_not_match.csv), read as lines of a list."""

import csv

import pytest

from participants.lines import make_line
from participants.match import Outcome, match_line
from participants.names import name_index

from conftest import REPO

NO_MATCH = "*"
with (REPO / "tests" / "data" / "must_not_match.csv").open(encoding="utf-8", newline="") as _f:
    ROWS = list(csv.DictReader(_f))
# Rows the ETL's exact resolver must refuse but a line of participants may match, because they
# name exactly one state among other words, which is how a line is matched (issue 24).
NAMES_ONE_STATE_AMONG_OTHER_WORDS = {
    "Republic of Korea North": "KOR",
    "Permanent Mission of Kenya to the United Nations": "KEN",
}


@pytest.mark.parametrize("row", ROWS, ids=[row["text"] for row in ROWS])
def test_a_look_alike_never_matches(row):
    result = match_line(make_line(row["text"]), name_index())
    if row["must_not_be"] == NO_MATCH:
        allowed = NAMES_ONE_STATE_AMONG_OTHER_WORDS.get(row["text"])
        assert result.outcome != Outcome.MATCHED or result.iso3 == allowed
    else:
        assert not (result.outcome == Outcome.MATCHED and result.iso3 == row["must_not_be"])


@pytest.mark.parametrize(
    ("text", "never"),
    [
        ("Permanent Mission of the Niger", "NGA"),
        ("Permanent Mission of Nigeria", "NER"),
        ("Embassy of Dominica", "DOM"),
        ("Embassy of the Dominican Republic", "DMA"),
        ("Delegation of Austria", "AUS"),
        ("Delegation of Australia", "AUT"),
        ("Mission of Iran", "IRQ"),
        ("Mission of Iraq", "IRN"),
        ("Mission of Mali", "MWI"),
        ("Mission of Malawi", "MLI"),
        ("Delegation of Guinea-Bissau", "GIN"),
        ("Delegation of Papua New Guinea", "GIN"),
        ("Permanent Mission of South Sudan", "SDN"),
        ("Embassy of the Republic of Korea", "PRK"),
        ("Permanent Mission of the Democratic Republic of the Congo", "COG"),
        ("Sovereign Order of Malta", "MLT"),
        ("Northern Ireland Office", "IRL"),
        ("Irak", "IRN"),
    ],
)
def test_a_look_alike_among_other_words_never_matches(text, never):
    result = match_line(make_line(text), name_index())
    assert never not in (result.iso3, *result.choices)
