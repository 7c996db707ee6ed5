"""The UN names of the states in six languages, and the search that finds a state by any of them."""

import csv
import re
import unicodedata

import pytest

from etl.reference import load_states, read_text_table
from ui.tables.dataset import UN_LANGUAGES, load_un_names
from ui.tables.outreach import found, search_keys

from conftest import REPO
from ui_fixtures import shipped

NAMES = load_un_names()
SCRIPTS = {"ar": "ARABIC", "zh": "CJK", "ru": "CYRILLIC"}
# Words of English names that a French or Spanish name copied from English by mistake would keep.
ENGLISH_WORDS = re.compile(
    r"\b(Republic|Islands|Kingdom|United|Democratic|of|the|and|South|North|States|Holy|See|Federation)\b"
)
KEYS = search_keys(
    shipped().table, read_text_table(REPO / "data" / "reference" / "aliases.csv"), NAMES
)
with (REPO / "tests" / "data" / "search_names.csv").open(encoding="utf-8", newline="") as f:
    SEARCHES = list(csv.DictReader(f))


def letters_of(name: str) -> set[str]:
    """The Unicode scripts (first word of the character name) of the letters in ``name``."""
    return {unicodedata.name(ch).split()[0] for ch in name if ch.isalpha()}


def test_every_state_has_a_name_in_each_of_the_six_languages():
    assert sorted(NAMES.index) == sorted(load_states()["iso3"])
    assert len(NAMES) == 195
    assert list(NAMES.columns) == list(UN_LANGUAGES)
    assert (NAMES.map(str.strip) != "").all().all()


def test_english_names_are_the_names_shown_in_the_app():
    states = load_states().set_index("iso3")["name"]
    assert NAMES["en"].to_dict() == states.to_dict()


@pytest.mark.parametrize("language", sorted(SCRIPTS))
def test_arabic_chinese_and_russian_names_are_written_in_their_own_script(language):
    wrong = {
        iso3: name
        for iso3, name in NAMES[language].items()
        if letters_of(name) != {SCRIPTS[language]}
    }
    assert wrong == {}


@pytest.mark.parametrize("language", ["fr", "es"])
def test_french_and_spanish_names_are_not_copied_from_english(language):
    copied = {iso3: name for iso3, name in NAMES[language].items() if ENGLISH_WORDS.search(name)}
    assert copied == {}
    assert NAMES.loc["DEU", language] != NAMES.loc["DEU", "en"]
    assert (NAMES[language] != NAMES["en"]).sum() >= 90


def test_official_typography_is_kept():
    assert NAMES.loc["CIV", "fr"] == "Côte d’Ivoire"
    assert NAMES.loc["TUR", "en"] == "Türkiye"
    assert NAMES.loc["NLD", "es"] == "Países Bajos (Reino de los)"


@pytest.mark.parametrize("row", SEARCHES, ids=[f"{r['query']}-{r['iso3']}" for r in SEARCHES])
def test_search_finds_a_state_by_any_un_name_and_not_its_look_alikes(row):
    assert (row["iso3"] in found(row["query"], KEYS)) == (row["finds"] == "yes"), row["why"]
