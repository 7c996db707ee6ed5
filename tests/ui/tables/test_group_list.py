"""A list of participants as "Your group" shows it: every line in exactly one place."""

import csv
from itertools import groupby

import pytest

from participants.report import apply_choices, read_list
from ui.tables.group_list import apart, matched_table, nothing_close, offered, to_choose

from conftest import FIXTURES

with (FIXTURES / "participants" / "lines.csv").open(encoding="utf-8", newline="") as _table:
    LISTS = {
        name: "\n".join(row["text"] for row in rows)
        for name, rows in groupby(csv.DictReader(_table), key=lambda row: row["list"])
    }


@pytest.mark.parametrize("name", sorted(LISTS))
def test_every_line_of_a_list_is_in_one_place_of_the_report(name):
    report = read_list(LISTS[name])
    places = [
        [int(n) for n in matched_table(report)["Line"]],
        [line.number for line in to_choose(report)],
        [line.number for line in nothing_close(report)],
        [line.number for line in apart(report)],
    ]
    shown = [number for place in places for number in place]
    assert sorted(shown) == [line.number for line in report.lines]


def test_a_choice_moves_its_line_among_the_states_and_keeps_it_to_choose():
    read = read_list("Kenya\nKorea\nKenia\nICRC")
    (korea, kenia) = to_choose(read)
    assert (offered(korea), offered(kenia)[0]) == (("KOR", "PRK"), "KEN")
    chosen = apply_choices(read, {korea.number: "KOR", kenia.number: "KEN"})
    assert list(matched_table(chosen)["State"]) == ["Kenya (KEN)", "Republic of Korea (KOR)"]
    assert [line.number for line in apart(chosen)] == [3, 4]  # Kenia, now a duplicate; the ICRC
    assert to_choose(chosen) == ()  # the page keeps the choices of the list as read
