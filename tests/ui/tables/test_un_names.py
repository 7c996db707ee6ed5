"""The UN names of the states in six languages, and the search that finds a state by any of them."""

import csv
import re
import unicodedata

import pytest

from store.files import read_text_table
from store.reference import UN_LANGUAGES, load_states, load_un_names
from ui.tables.outreach import found, search_keys

from conftest import REPO
from ui_fixtures import shipped

NAMES = load_un_names()
SCRIPTS = {"ar": "ARABIC", "zh": "CJK", "ru": "CYRILLIC"}
# Words of English names that a French or Spanish name copied from English by mistake would keep.
ENGLISH_WORDS = re.compile(
    r"\b(Republic|Islands|Kingdom|United|Democratic|of|the|and|South|North|States|Holy|See|Federation)\b"
)
# The UN French and Spanish names that are spelled as in English, each reviewed against the UN
# name in that language ("Afghanistan" is French, "Chile" Spanish). A name copied from English by
# mistake is not on the list and fails the test; a new state or a renamed one means reviewing it.
SAME_AS_ENGLISH = {
    "fr": {
        "AFG": "Afghanistan",
        "AGO": "Angola",
        "BDI": "Burundi",
        "BFA": "Burkina Faso",
        "BGD": "Bangladesh",
        "BHS": "Bahamas",
        "BLZ": "Belize",
        "BWA": "Botswana",
        "CAN": "Canada",
        "CIV": "Côte d’Ivoire",
        "COG": "Congo",
        "CPV": "Cabo Verde",
        "CRI": "Costa Rica",
        "CUB": "Cuba",
        "DJI": "Djibouti",
        "FRA": "France",
        "GAB": "Gabon",
        "GHA": "Ghana",
        "GTM": "Guatemala",
        "GUY": "Guyana",
        "HND": "Honduras",
        "IRQ": "Iraq",
        "KAZ": "Kazakhstan",
        "KEN": "Kenya",
        "KIR": "Kiribati",
        "LIE": "Liechtenstein",
        "LKA": "Sri Lanka",
        "LSO": "Lesotho",
        "LUX": "Luxembourg",
        "MCO": "Monaco",
        "MDG": "Madagascar",
        "MDV": "Maldives",
        "MLI": "Mali",
        "MMR": "Myanmar",
        "MOZ": "Mozambique",
        "MWI": "Malawi",
        "NER": "Niger",
        "NIC": "Nicaragua",
        "NRU": "Nauru",
        "OMN": "Oman",
        "PAK": "Pakistan",
        "PAN": "Panama",
        "PHL": "Philippines",
        "PRT": "Portugal",
        "PRY": "Paraguay",
        "QAT": "Qatar",
        "RWA": "Rwanda",
        "SLE": "Sierra Leone",
        "SLV": "El Salvador",
        "SUR": "Suriname",
        "SWZ": "Eswatini",
        "SYC": "Seychelles",
        "TGO": "Togo",
        "TLS": "Timor-Leste",
        "TON": "Tonga",
        "TUR": "Türkiye",
        "TUV": "Tuvalu",
        "UKR": "Ukraine",
        "URY": "Uruguay",
        "VNM": "Viet Nam",
        "VUT": "Vanuatu",
        "WSM": "Samoa",
        "ZWE": "Zimbabwe",
    },
    "es": {
        "AGO": "Angola",
        "ALB": "Albania",
        "AND": "Andorra",
        "ARG": "Argentina",
        "ARM": "Armenia",
        "AUS": "Australia",
        "AUT": "Austria",
        "BDI": "Burundi",
        "BEN": "Benin",
        "BFA": "Burkina Faso",
        "BGD": "Bangladesh",
        "BGR": "Bulgaria",
        "BHS": "Bahamas",
        "BRB": "Barbados",
        "BRN": "Brunei Darussalam",
        "BWA": "Botswana",
        "CHL": "Chile",
        "CHN": "China",
        "CIV": "Côte d’Ivoire",
        "COG": "Congo",
        "COL": "Colombia",
        "CPV": "Cabo Verde",
        "CRI": "Costa Rica",
        "CUB": "Cuba",
        "DJI": "Djibouti",
        "DMA": "Dominica",
        "ECU": "Ecuador",
        "ERI": "Eritrea",
        "EST": "Estonia",
        "FJI": "Fiji",
        "GEO": "Georgia",
        "GHA": "Ghana",
        "GIN": "Guinea",
        "GMB": "Gambia",
        "GNB": "Guinea-Bissau",
        "GTM": "Guatemala",
        "GUY": "Guyana",
        "HND": "Honduras",
        "IDN": "Indonesia",
        "IND": "India",
        "IRQ": "Iraq",
        "ISR": "Israel",
        "JAM": "Jamaica",
        "KEN": "Kenya",
        "KIR": "Kiribati",
        "KWT": "Kuwait",
        "LBR": "Liberia",
        "LIE": "Liechtenstein",
        "LKA": "Sri Lanka",
        "LSO": "Lesotho",
        "MDG": "Madagascar",
        "MLT": "Malta",
        "MMR": "Myanmar",
        "MNE": "Montenegro",
        "MNG": "Mongolia",
        "MOZ": "Mozambique",
        "MRT": "Mauritania",
        "MWI": "Malawi",
        "NAM": "Namibia",
        "NGA": "Nigeria",
        "NIC": "Nicaragua",
        "NPL": "Nepal",
        "NRU": "Nauru",
        "PLW": "Palau",
        "PRT": "Portugal",
        "PRY": "Paraguay",
        "QAT": "Qatar",
        "RWA": "Rwanda",
        "SEN": "Senegal",
        "SLV": "El Salvador",
        "SMR": "San Marino",
        "SOM": "Somalia",
        "SRB": "Serbia",
        "SUR": "Suriname",
        "SWZ": "Eswatini",
        "SYC": "Seychelles",
        "TCD": "Chad",
        "TGO": "Togo",
        "TLS": "Timor-Leste",
        "TON": "Tonga",
        "TUR": "Türkiye",
        "TUV": "Tuvalu",
        "UGA": "Uganda",
        "URY": "Uruguay",
        "VNM": "Viet Nam",
        "VUT": "Vanuatu",
        "WSM": "Samoa",
        "YEM": "Yemen",
        "ZMB": "Zambia",
        "ZWE": "Zimbabwe",
    },
}
# Measured 2026 on names.csv (hdx-python-country 4.2.5): 63 French and 90 Spanish names are spelled
# as in English. The bounds leave room for a few renamings, not for a column copied from English.
MOST_SAME_AS_ENGLISH = {"fr": 66, "es": 95}
# Where the English UN name of names.csv differs from the name the app shows (states.csv `name`):
# measured, none. A difference added here must say why.
ENGLISH_DIFFERENCES: dict[str, tuple[str, str]] = {}
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
    differences = {
        iso3: (name, states[iso3]) for iso3, name in NAMES["en"].items() if name != states[iso3]
    }
    assert differences == ENGLISH_DIFFERENCES


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


@pytest.mark.parametrize("language", ["fr", "es"])
def test_french_and_spanish_names_spelled_as_in_english_are_reviewed(language):
    same = {iso3: name for iso3, name in NAMES[language].items() if name == NAMES.loc[iso3, "en"]}
    assert same == SAME_AS_ENGLISH[language]
    assert len(same) <= MOST_SAME_AS_ENGLISH[language]
    assert "Germany" not in set(NAMES[language])


def test_official_typography_is_kept():
    assert NAMES.loc["CIV", "fr"] == "Côte d’Ivoire"
    assert NAMES.loc["TUR", "en"] == "Türkiye"
    assert NAMES.loc["NLD", "es"] == "Países Bajos (Reino de los)"


@pytest.mark.parametrize("row", SEARCHES, ids=[f"{r['query']}-{r['iso3']}" for r in SEARCHES])
def test_search_finds_a_state_by_any_un_name_and_not_its_look_alikes(row):
    assert (row["iso3"] in found(row["query"], KEYS)) == (row["finds"] == "yes"), row["why"]
