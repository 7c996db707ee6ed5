"""Tables and sentences follow the interface language: numbers, shares, dates and lists.

These checks use what Babel writes (CLDR), so they hold before the catalogues are translated:
a share is "44 %" in French, a date "16 février 2023", a list of names "A, B et C".
"""

import pandas as pd

from i18n.translate import use
from instruments.facts import standing
from instruments.prose import join_names, long_date
from store.groups import Group, Member
from ui.tables.coverage import sentence, tally
from ui.tables.export import excel_bytes
from ui.tables.headers import header, shown_columns
from ui.tables.outreach import points
from ui.tables.priority import Term

from ui_fixtures import shipped

NBSP = "\xa0"
GROUP = Group("g", "Group", "org", tuple(Member(f"S{i}", f"State {i}") for i in range(27)))
ENDORSED = {f"S{i}" for i in range(12)}


def test_english_sentences_keep_their_wording():
    assert tally(GROUP, ENDORSED) == "12 of 27 Group members have endorsed (44%)"
    assert join_names(["A", "B", "C"]) == "A, B and C"
    assert join_names(["A", "B"], conjunction="or") == "A or B"
    assert long_date("2023-02-16") == "16 February 2023"


def test_a_share_in_a_coverage_sentence_is_written_the_french_way():
    with use("fr"):
        said = tally(GROUP, ENDORSED)
    assert f"(44{NBSP}%)" in said
    assert "44%" not in said


def test_a_share_in_spanish_is_written_the_spanish_way():
    with use("es"):
        said = standing(shipped().catalogue["reaim-2023-call-to-action"], 12, 27)
    assert f"(44{NBSP}%)" in said


def test_lists_of_names_take_the_language_conjunction():
    members = tuple(Member(f"S{i}", f"State {i}") for i in range(4))
    group = Group("g", "Group", "org", members)
    with use("fr"):
        assert join_names(["A", "B", "C"]) == "A, B et C"
        assert "State 1, State 2 et State 3" in sentence(group, {"S0"})
    with use("es"):
        assert join_names(["A", "B", "C"]) == "A, B y C"
        assert join_names(["A", "B"], conjunction="or") == "A o B"


def test_dates_are_written_in_the_language():
    with use("fr"):
        assert long_date("2023-02-16") == "16 février 2023"
        assert shipped().provenance.citation.count("(") >= 1
        assert long_date(shipped().provenance.as_of) in shipped().provenance.citation
    with use("es"):
        assert long_date("2023-02-16") == "16 de febrero de 2023"
    assert long_date("2023") == "2023"  # not a date: as the source wrote it


def test_points_use_the_decimal_comma_in_french():
    term = Term("regional_peers", "Regional group peers", "", 2.0, 1)
    row = pd.Series({"regional_share": 0.75, "regional_group": "African Group"})
    assert points(row, {"regional_peers": 2.0}, [term]) == "1.5 regional group"
    with use("fr"):
        assert points(row, {"regional_peers": 2.0}, [term]).startswith("1,5 ")


def test_headers_are_renamed_only_at_the_last_step():
    table = pd.DataFrame({"State": ["Austria"], "Share": [0.5], "Côte d’Ivoire": [1]})
    assert list(shown_columns(table).columns) == ["State", "Share", "Côte d’Ivoire"]
    assert header("Regional group share") == "Regional group share"
    with use("fr"):
        renamed = shown_columns(table)
    assert "Côte d’Ivoire" in renamed.columns  # not a known header: left as it is
    assert list(table.columns) == ["State", "Share", "Côte d’Ivoire"]  # the input is unchanged


def test_excel_keeps_shares_as_percentages_whatever_the_language():
    from io import BytesIO

    from openpyxl import load_workbook

    table = pd.DataFrame({"State": ["Austria"], "Share": [0.5]})
    with use("fr"):
        book = load_workbook(BytesIO(excel_bytes(table, "Titre", None, "tous")))
    data = book.worksheets[0]
    assert data.cell(row=2, column=2).number_format == "0%"
    assert len(book.worksheets) == 2
