"""The name index of lists of participants, and its two hand-kept tables in data/reference/."""

import pytest

from participants.names import Kind, Target, _Builder, build_name_index, in_capitals, name_index
from store.glossary import glossary
from store.normalise import normalise_name
from store.reference import (
    load_other_entities,
    load_participant_names,
    load_participant_organisations,
    load_states,
    load_un_names,
)


def test_every_state_is_found_by_its_un_name_in_six_languages():
    names = load_un_names()
    index = name_index()
    wrong = [
        (iso3, language, name)
        for iso3, row in names.iterrows()
        for language, name in row.items()
        if index.lookup(name) != Target(Kind.STATE, iso3, how=index.lookup(name).how)
        and iso3 not in ("COG",)  # "Congo" may mean either in a list: participant_names.csv
    ]
    assert wrong == []
    assert index.lookup("Congo").choices == ("COG", "COD")
    assert index.lookup("Кот-д'Ивуар").how == "UN name (ru)"
    assert index.lookup("Pays-Bas").code == "NLD"  # the UN name without its bracketed part


def test_the_observer_states_are_states_in_scope():
    for name, iso3 in (("Holy See", "VAT"), ("State of Palestine", "PSE"), ("Palestine", "PSE")):
        assert name_index().lookup(name).kind == Kind.STATE
        assert name_index().lookup(name).code == iso3
    assert {"VAT", "PSE"} <= name_index().states and len(name_index().states) == 195


def test_entities_outside_scope_are_outside():
    index = name_index()
    for iso3 in load_other_entities()["iso3"]:
        assert iso3 in index.outside and iso3 not in index.states
    for name in ("Kosovo", "Cook Islands", "Niue", "Taiwan", "Chinese Taipei", "Îles Cook"):
        assert index.lookup(name).kind == Kind.OUTSIDE, name


def test_names_written_in_capitals_only_are_marked():
    index = name_index()
    assert index.lookup("EU").capitals and index.lookup("DRC").capitals
    assert not index.lookup("Kenya").capitals and not index.lookup("Unesco").capitals
    assert in_capitals("U.S.A.") and not in_capitals("中国") and not in_capitals("Kenya")


def test_organisation_names_agree_with_the_glossary():
    """An organisation that is also a group of the dashboard is named as the glossary names it."""
    terms = glossary()
    checked = 0
    for row in load_participant_organisations().to_dict("records"):
        entry = terms.get(("organisation", row["id"]))
        if entry:
            assert dict(entry.names) == {lang: row[lang] for lang in ("en", "fr", "es")}
            checked += 1
    assert checked >= 15


def test_organisation_table_is_well_formed():
    table = load_participant_organisations()
    codes = set(load_states()["iso3"]) | set(load_other_entities()["iso3"])
    assert table["id"].is_unique and len(table) >= 30
    assert (table[["en", "fr", "es", "source"]] != "").all().all()
    spellings = [s for cell in table["spellings"] for s in cell.split("|") if s]
    assert not [s for s in spellings if s.upper() in codes and len(s) == 3], "an ISO3 code"
    for expected in ("ICRC", "UNIDIR", "UNODA", "NATO", "OSCE", "League of Arab States"):
        assert name_index().lookup(expected).kind == Kind.ORGANISATION, expected


def test_participant_names_are_well_formed():
    table = load_participant_names()
    codes = set(load_states()["iso3"]) | set(load_other_entities()["iso3"])
    assert table["name"].map(normalise_name).is_unique
    assert all(set(filter(None, cell.split("|"))) <= codes for cell in table["codes"])
    assert (table["reason"] != "").all()


@pytest.mark.parametrize(
    ("name", "kind", "code"),
    [
        ("Northern Ireland", Kind.NO_STATE, ""),
        ("New Guinea", Kind.NO_STATE, ""),
        ("Republic of China", Kind.NO_STATE, ""),
        ("Hong Kong, China", Kind.OUTSIDE, "HKG"),
        ("Sahrawi Arab Democratic Republic", Kind.OUTSIDE, "ESH"),
        ("Korea", Kind.AMBIGUOUS, ""),
        ("Democratic Republic of Korea", Kind.AMBIGUOUS, ""),
    ],
)
def test_participant_names_override_the_rest(name, kind, code):
    target = name_index().lookup(name)
    assert (target.kind, target.code) == (kind, code)


def test_two_states_under_one_name_are_ambiguous_and_a_state_is_never_an_organisation():
    """No name of the reference data names two states today (build_name_index would make it
    ambiguous, never the first one read), nor a state and an organisation (it would refuse)."""
    build = _Builder()
    build.add("Kenya", Target(Kind.STATE, "KEN"))
    build.add("KENYA", Target(Kind.STATE, "KEN", how="alias"))
    assert build.names["kenya"] == Target(Kind.STATE, "KEN", capitals=False)
    build.add("Kenya", Target(Kind.STATE, "AUT"))
    assert build.names["kenya"] == Target(Kind.AMBIGUOUS, choices=("AUT", "KEN"))
    build.add("Ghana", Target(Kind.STATE, "GHA"))
    with pytest.raises(ValueError, match="names both"):
        build.add("Ghana", Target(Kind.ORGANISATION, "eu"))
    either = load_participant_names().query("codes.str.contains('[|]')", engine="python")
    ambiguous = {k for k, t in build_name_index().names.items() if t.kind == Kind.AMBIGUOUS}
    assert ambiguous == set(either["name"].map(normalise_name))
