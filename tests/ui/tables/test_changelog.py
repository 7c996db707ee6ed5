"""The change log as shown: the rows of the first import say "initial import", later rows say
what changed; the last change is one detected after the first import."""

import pandas as pd

from i18n.translate import use
from store.files import read_text_table
from ui.tables.changelog import change_log, imported_on, initial_import, last_change

from conftest import REPO

FIRST = ["2026-08-24", "2023-02-16", "abc"]  # detected on, source as of, document hash
LATER = ["2027-03-01", "2027-02-20", "def"]


def log_of(rows: list[tuple[list[str], str, str]]) -> pd.DataFrame:
    """A changelog.csv of (detection, change, iso3) rows."""
    return pd.DataFrame(
        [
            {
                "detected_on": detection[0],
                "source_as_of": detection[1],
                "change": change,
                "iso3": iso3,
                "name": iso3.title(),
                "name_as_listed": iso3,
                "document_sha256": detection[2],
                "method": "fetched",
            }
            for detection, change, iso3 in rows
        ]
    )


def test_the_first_import_is_labelled_and_later_changes_are_not():
    log = log_of([(FIRST, "added", "AUT"), (FIRST, "added", "BEL"), (LATER, "added", "KEN")])
    log.loc[3] = log_of([(LATER, "removed", "AUT")]).iloc[0]
    assert list(initial_import(log)) == [True, True, False, False]
    shown = change_log(log)
    assert list(shown["Change"]) == ["initial import", "initial import", "added", "removed"]
    assert list(shown["Detected on"]) == ["24 August 2026"] * 2 + ["1 March 2027"] * 2
    assert set(shown["Method"]) == {"fetched"}
    assert imported_on(log) == "2026-08-24" and last_change(log) == "2027-03-01"


def test_a_list_unchanged_since_its_import_has_no_last_change():
    log = log_of([(FIRST, "added", "AUT"), (FIRST, "added", "BEL")])
    assert last_change(log) == "" and imported_on(log) == "2026-08-24"
    empty = log.iloc[0:0]
    assert change_log(empty).empty and last_change(empty) == "" and imported_on(empty) == ""


def test_the_published_log_is_all_initial_import_and_keeps_its_facts():
    log = read_text_table(REPO / "data" / "changelog.csv")
    shown = change_log(log)
    assert set(shown["Change"]) == {"initial import"}
    assert list(shown["ISO3"]) == list(log["iso3"]) and list(shown["State"]) == list(log["name"])
    with use("fr"):
        assert change_log(log)["Detected on"].iloc[0] == "24 août 2026"
