"""The corrections as the Sources page lists them (ui/tables/corrections.py)."""

from i18n.translate import use
from store.reference import load_corrections
from ui.tables.corrections import HEADERS, change_word, corrections_table

from ui_fixtures import shipped


def table():
    data = shipped()
    names = dict(zip(data.table["iso3"], data.table["name"], strict=True))
    return corrections_table(load_corrections(), data.catalogue, names)


def test_canada_added_to_the_blueprint_from_a_new_source():
    rows = table()
    assert list(rows.columns) == list(HEADERS)
    canada = rows.set_index("State").loc["Canada"]
    assert canada["Recorded on"] == "7 December 2026"
    assert canada["Instrument"] == "Blueprint for Action (REAIM 2024)"
    assert canada["Change"] == "added as “Endorsed”"
    assert "our endorsement of the Blueprint for Action" in canada["Reason"]
    assert "canada.ca" in canada["Source"]


def test_every_correction_is_listed_with_its_change_in_words():
    rows = table().set_index("State")
    assert list(rows.index) == ["Canada", "China", "Israel", "Switzerland"]
    assert rows.loc["China", "Change"] == "added as “Not endorsed”"
    assert rows.loc["Switzerland", "Change"] == "added as “Unconfirmed”"


def test_the_change_reads_in_the_language_and_an_unknown_one_as_written():
    with use("es"):
        spanish = change_word("added", "endorsed")
    assert spanish == "incorporado con el estado «Lo ha respaldado»"
    assert change_word("merged", "endorsed") == "merged"
