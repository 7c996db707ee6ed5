"""What moved since a day: joins with their precision, and vote changes between resolutions."""

from datetime import date

import pandas as pd

from instruments.changes import joins, vote_moves
from ui.tables.dataset import on
from ui.tables.movers import movers, movers_table, since_sentence

from conftest import REPO
from ui_fixtures import shipped

SINCE, UNTIL = date(2023, 12, 22), date(2024, 12, 2)


def test_vote_changes_between_78_241_and_79_62_match_the_vote_files():
    files = REPO / "data" / "instruments"
    first = pd.read_csv(files / "unga-78-241.csv", dtype=str).set_index("iso3")["status"]
    second = pd.read_csv(files / "unga-79-62.csv", dtype=str).set_index("iso3")["status"]
    expected = {(c, first[c], second[c]) for c in second.index if first[c] != second[c]}
    data = on(shipped(), UNTIL)
    found = vote_moves(data.matrix, data.catalogue, SINCE, UNTIL)
    assert set(found["instrument"]) == {"unga-79-62"} and set(found["previous"]) == {"unga-78-241"}
    assert set(zip(found["iso3"], found["before"], found["after"], strict=True)) == expected
    assert len(expected) > 20  # e.g. abstain → yes, non-voting → yes
    assert vote_moves(data.matrix, data.catalogue, UNTIL, UNTIL).empty  # nothing after the day


def test_a_join_keeps_how_exact_its_date_is():
    then, now = on(shipped(), date(2024, 3, 1)), on(shipped(), date(2024, 12, 31))
    found = joins(then.matrix, now.matrix, now.positions, now.catalogue, date(2024, 3, 1))
    declaration = found[found["instrument"] == "us-political-declaration"].set_index("iso3")
    assert bool(declaration.loc["PAN", "certain"])  # exactly 10 Sep 2024
    assert not declaration.loc["POL", "certain"]  # by 27 Nov 2024, perhaps before 1 Mar 2024
    assert declaration.loc["POL", "date_precision"] == "on_or_before"
    assert "unga-79-62" not in set(found["instrument"])  # a vote is not joined


def test_the_sentence_and_table_of_a_focus_say_who_moved():
    data = shipped()
    found = movers(on(data, SINCE), data, SINCE)
    union = next(g for g in data.groupings["org"] if g.group_id == "african-union")
    names = dict(zip(data.table["iso3"], data.table["name"], strict=True))
    said = since_sentence(found, union.codes, names, data.catalogue, SINCE, "in the AU")
    assert said.startswith("Since 22 December 2023, in the AU: ")
    assert (
        "2 states endorsed the US Political Declaration (Djibouti and Ethiopia), 2 of them "
        "possibly before that day" in said
    )
    assert "from “abstain” to “yes” (Madagascar and Niger)" in said
    table = movers_table(found, union.codes, names, data.catalogue)
    assert set(table["ISO3"]) <= union.codes and list(table["Date"]) == sorted(
        table["Date"], reverse=True
    )
    nothing = since_sentence(found.iloc[0:0], union.codes, names, data.catalogue, SINCE, "here")
    assert (
        nothing == "Since 22 December 2023, no state here joined an instrument or changed its vote."
    )
