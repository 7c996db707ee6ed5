"""Name resolution: real-world spellings must resolve, look-alikes must not.

The data files in tests/data/ are hand-written and independent of the alias table:
- name_variants.csv (variant, iso3, note): spellings that must resolve to iso3;
- must_not_match.csv (text, must_not_be, note): strings that must not resolve to must_not_be,
  or, when must_not_be is ``*``, must not resolve at all.
"""

import csv
from collections import defaultdict
from pathlib import Path

import pytest

from store.normalise import normalise_name
from store.reference import load_other_entities, load_states

from conftest import REPO, alias_index

DATA = REPO / "tests" / "data"
REFERENCE = REPO / "data" / "reference"
NO_MATCH = "*"


def read_rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


VARIANTS = read_rows(DATA / "name_variants.csv")
MUST_NOT_MATCH = read_rows(DATA / "must_not_match.csv")
STATES = read_rows(REFERENCE / "states.csv")
ALIASES = read_rows(REFERENCE / "aliases.csv")


@pytest.mark.parametrize(
    ("variant", "iso3"),
    [(row["variant"], row["iso3"]) for row in VARIANTS],
    ids=[row["variant"] for row in VARIANTS],
)
def test_variant_resolves(variant: str, iso3: str) -> None:
    assert alias_index().lookup(variant) == iso3


@pytest.mark.parametrize(
    ("text", "must_not_be"),
    [(row["text"], row["must_not_be"]) for row in MUST_NOT_MATCH],
    ids=[row["text"] for row in MUST_NOT_MATCH],
)
def test_look_alike_does_not_match(text: str, must_not_be: str) -> None:
    found = alias_index().lookup(text)
    if must_not_be == NO_MATCH:
        assert found is None
    else:
        assert found != must_not_be


def test_data_files_name_known_codes() -> None:
    """A typo in a code would make a row pass vacuously."""
    known = set(load_states()["iso3"]) | set(load_other_entities()["iso3"])
    assert len(VARIANTS) >= 350
    assert len(MUST_NOT_MATCH) >= 60
    assert {row["iso3"] for row in VARIANTS} - known == set()
    assert {row["must_not_be"] for row in MUST_NOT_MATCH} - known - {NO_MATCH} == set()
    assert all(row["note"].strip() for row in VARIANTS + MUST_NOT_MATCH)


def test_variants_cover_every_state_beyond_its_un_name() -> None:
    un_name = {state["iso3"]: state["name"] for state in STATES}
    covered = {row["iso3"] for row in VARIANTS if row["variant"] != un_name.get(row["iso3"])}
    assert len(un_name) == 195
    assert sorted(set(un_name) - covered) == []


def test_no_alias_key_names_two_codes() -> None:
    codes_by_key: dict[str, set[str]] = defaultdict(set)
    for row in ALIASES:
        codes_by_key[normalise_name(row["alias"])].add(row["iso3"])
    collisions = {key: sorted(codes) for key, codes in codes_by_key.items() if len(codes) > 1}
    assert collisions == {}


def test_alias_keys_are_the_normalised_aliases() -> None:
    stale = [row for row in ALIASES if row["key"] != normalise_name(row["alias"])]
    assert stale == []


def test_every_state_has_its_m49_name_as_alias() -> None:
    aliases = {(row["iso3"], normalise_name(row["alias"])) for row in ALIASES}
    missing = [
        (state["iso3"], state["name"])
        for state in STATES
        if (state["iso3"], normalise_name(state["name"])) not in aliases
        or alias_index().lookup(state["name"]) != state["iso3"]
    ]
    assert missing == []
