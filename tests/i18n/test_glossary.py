"""The glossary of French and Spanish terms: complete for the data, translated, read strictly."""

import csv
from pathlib import Path

import pytest

from i18n.translate import use
from store.files import read_text_table
from store.glossary import KINDS, STATUSES, read_glossary, term
from store.groups import NO_UN_GROUP, PLACE_NAMES, UN_GROUP_LABELS

from conftest import REPO
from ui_fixtures import shipped

GROUPS = REPO / "data" / "reference" / "groups"
GLOSSARY = read_glossary()
M49_COLUMNS = ("region", "subregion", "intermediate_region")
INSTRUMENT_KINDS = ("instrument-title", "instrument-short", "instrument-object")
OFFLINE = "transcribed without network access; re-check against the source"
# Terms spelled as in English in French or Spanish, each reviewed: abbreviations the organisation
# uses unchanged in every language, and M49 names that are the same word.
SAME_AS_ENGLISH = {
    "fr": {
        ("m49-region", "Europe"),
        ("organisation", "asean"),
        ("organisation", "osce"),
        ("organisation", "celac"),
        ("organisation", "g7"),
        ("organisation", "caricom"),
        ("organisation", "sadc"),
    },
    "es": {
        ("m49-region", "Asia"),
        ("m49-region", "Melanesia"),
        ("m49-region", "Micronesia"),
        ("organisation", "asean"),
        ("organisation", "osce"),
        ("organisation", "celac"),
        ("organisation", "g7"),
        ("organisation", "caricom"),
        ("organisation", "sadc"),
    },
}
HEADER = "kind,key,en,fr,es,status_fr,status_es,source,note"


def expected_english() -> dict[tuple[str, str], str]:
    """Every (kind, key) the data uses, with the English label the app shows for it."""
    expected: dict[tuple[str, str], str] = {}
    for row in read_text_table(GROUPS / "un-m49-regions.csv").to_dict("records"):
        for column in M49_COLUMNS:
            if row[column]:
                expected[("m49-region", row[column])] = row[column]
    for group in set(read_text_table(GROUPS / "un-regional-groups.csv")["group"]) - {""}:
        expected[("un-group", group)] = UN_GROUP_LABELS[group]
    expected[("un-group", "none")] = NO_UN_GROUP
    for row in read_text_table(GROUPS / "index.csv").to_dict("records"):
        expected[("organisation", row["group_id"])] = row["label"]
        expected[("members", row["group_id"])] = f"{row['label']} members"
    for instrument in shipped().catalogue.values():
        expected[("instrument-title", instrument.id)] = instrument.title
        expected[("instrument-short", instrument.id)] = instrument.short_title
        expected[("instrument-object", instrument.id)] = instrument.object
    for key, english in PLACE_NAMES.items():
        expected[("place", key)] = english
    return expected


EXPECTED = expected_english()


def test_every_label_the_data_uses_has_exactly_one_entry():
    assert sorted(set(EXPECTED) - set(GLOSSARY)) == []
    assert sorted(set(GLOSSARY) - set(EXPECTED)) == []  # no term for a label that is gone


def test_the_data_behind_the_glossary_is_the_expected_size():
    kinds = [kind for kind, _ in EXPECTED]
    assert kinds.count("m49-region") == 29  # 5 regions, 17 sub-regions, 7 intermediate regions
    assert kinds.count("un-group") == 6  # five groups and "none"
    assert kinds.count("organisation") == 18
    assert kinds.count("members") == 18
    assert all(kinds.count(kind) == len(shipped().catalogue) for kind in INSTRUMENT_KINDS)
    assert set(kinds) == set(KINDS)


def test_the_english_column_is_the_label_the_app_shows():
    wrong = {
        key: (entry.names["en"], EXPECTED[key])
        for key, entry in GLOSSARY.items()
        if entry.names["en"] != EXPECTED.get(key)
    }
    assert wrong == {}


@pytest.mark.parametrize("language", ["fr", "es"])
def test_french_and_spanish_terms_differ_from_english_except_reviewed_ones(language):
    same = {key for key, entry in GLOSSARY.items() if entry.names[language] == entry.names["en"]}
    assert same == SAME_AS_ENGLISH[language]


def test_every_term_has_a_status_and_a_source_and_the_m49_names_their_caveat():
    for entry in GLOSSARY.values():
        assert set(entry.status.values()) <= set(STATUSES)
        assert entry.source.strip(), entry.key
    m49 = [entry for entry in GLOSSARY.values() if entry.kind == "m49-region"]
    assert all(OFFLINE in entry.note for entry in m49)


def test_house_terms_and_official_titles_are_used():
    call = GLOSSARY[("instrument-short", "reaim-2023-call-to-action")].names
    assert call["fr"] == "Appel à l’action (REAIM 2023)"
    assert call["es"] == "Llamamiento a la Acción (REAIM 2023)"
    title = GLOSSARY[("instrument-title", "unga-78-241")]
    assert "systèmes d’armes létaux autonomes" in title.names["fr"]
    assert "sistemas de armas autónomos letales" in title.names["es"]
    assert GLOSSARY[("m49-region", "Sub-Saharan Africa")].names["fr"] == "Afrique subsaharienne"
    assert (
        GLOSSARY[("m49-region", "Australia and New Zealand")].names["es"]
        == "Australia y Nueva Zelandia"
    )
    assert GLOSSARY[("un-group", "none")].status == {"fr": "unofficial", "es": "unofficial"}
    assert not any("'" in e.names["fr"] for e in GLOSSARY.values())  # typographic apostrophe


def test_members_name_their_organisation_as_its_own_term_does():
    """ "membres de l’Union africaine": the organisation's term, its qualifier aside."""
    members = {key: e for (kind, key), e in GLOSSARY.items() if kind == "members"}
    assert members.keys() == {key for kind, key in GLOSSARY if kind == "organisation"}
    for key, entry in members.items():
        for language, phrase in entry.names.items():
            name = GLOSSARY[("organisation", key)].names[language].split(" (")[0]
            assert name in phrase, (key, language)


def test_term_gives_the_active_language():
    with use("fr"):
        assert term("organisation", "eu", "European Union") == "Union européenne"
        assert term("un-group", "African", "African Group") == "Groupe des États d’Afrique"
        assert term("organisation", "no-such-group", "Unknown") == "Unknown"
    with use("es"):
        assert term("organisation", "eu", "European Union") == "Unión Europea"
    with use("en"):
        assert term("organisation", "eu", "European Union") == "European Union"


def write(path: Path, *rows: str) -> Path:
    path.write_text("\n".join([HEADER, *rows]) + "\n", encoding="utf-8")
    return path


GOOD = "organisation,eu,European Union,Union européenne,Unión Europea,official,official,x,"
OTHER = GOOD.replace(",eu,", ",nato,")  # a second, distinct row to spoil


def test_a_well_formed_file_is_read(tmp_path):
    found = read_glossary(write(tmp_path / "g.csv", GOOD))
    assert found[("organisation", "eu")].names["fr"] == "Union européenne"


@pytest.mark.parametrize(
    ("row", "message"),
    [
        (GOOD, "line 3: organisation 'eu' appears twice"),
        (OTHER.replace("organisation", "continent"), "line 3: unknown kind 'continent'"),
        (OTHER.replace("Unión Europea", " "), "line 3: a name is empty"),
        (OTHER.replace("official,official", "official,approved"), "line 3: status must be one of"),
    ],
    ids=["duplicate", "unknown kind", "empty name", "bad status"],
)
def test_a_malformed_row_is_an_error_naming_its_line(tmp_path, row, message):
    path = write(tmp_path / "glossary.csv", GOOD, row)
    with pytest.raises(ValueError, match=message):
        read_glossary(path)


def test_the_committed_file_has_the_documented_columns():
    with (REPO / "data" / "reference" / "glossary.csv").open(encoding="utf-8", newline="") as f:
        assert next(csv.reader(f)) == HEADER.split(",")
