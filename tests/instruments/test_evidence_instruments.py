"""The co-sponsorships, the 2025 joint statement and the First Committee vote on AI, published
as instruments: every count, name and status equals what the research files in
data/instruments/sources/ give, computed here; and what each form lets a page say of a state the
source does not name."""

import csv

import pytest

from instruments.facts import caveats, headline
from instruments.forms import DID_NOT_JOIN, NOT_NAMED_VOTE, NOT_ON_DRAFT
from store import paths
from ui.cache import view_titles
from ui.tables.instrument_tables import position_rows
from ui.tables.profile import dated_record

from apptest import open_page
from ui_fixtures import shipped

DATA = shipped()
SOURCES = paths.instruments_dir() / "sources"
DRAFTS = {  # research file → instrument
    "unga-78-241-laws-cosponsors.csv": "unga-78-241-cosponsors",
    "unga-79-62-laws-cosponsors.csv": "unga-79-62-cosponsors",
    "unga-80-57-laws-cosponsors.csv": "unga-80-57-cosponsors",
}
STATEMENT = "ccw-gge-2025-joint-statement"
COMMITTEE = "unga-79-239-first-committee"
UNIVERSE = set(DATA.table.loc[DATA.table["in_universe"], "iso3"])


def research(name: str) -> list[dict[str, str]]:
    with (SOURCES / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def statuses(instrument: str) -> dict[str, str]:
    """Every state's status on an instrument, as the pages read it (the matrix)."""
    return DATA.matrix[instrument].to_dict()


@pytest.mark.parametrize(("file", "instrument"), DRAFTS.items())
def test_each_drafts_co_sponsors_are_those_its_research_file_names(file, instrument):
    rows = research(file)
    face = {r["iso3"] for r in rows if r["basis"] == "face"}
    later = {r["iso3"] for r in rows if r["basis"] == "secondary"}
    assert {r["basis"] for r in rows} <= {"face", "secondary"}
    found = statuses(instrument)
    assert {c for c, s in found.items() if s == "co-sponsor"} == face
    assert {c for c, s in found.items() if s == "later co-sponsor"} == later
    for code in UNIVERSE - face - later:  # never "did not co-sponsor"
        assert found[code] == NOT_ON_DRAFT
        assert not DATA.catalogue[instrument].form.supports(found[code])
        assert DATA.catalogue[instrument].form.undecided(found[code])
    assert len(face) == {"unga-78-241-cosponsors": 27}.get(instrument, len(face))


def test_the_first_drafts_sixteen_later_co_sponsors_are_dated_after_tabling():
    positions = DATA.positions.set_index(["instrument", "iso3"])
    for row in research("unga-78-241-laws-cosponsors.csv"):
        dated = positions.loc[("unga-78-241-cosponsors", row["iso3"])]
        assert dated["date"] == row["date"]
        if row["basis"] == "secondary":  # not on the face of 12 Oct: joined after it
            assert dated["date_earliest"] == "2023-10-13" and dated["date"] == "2023-11-01"
        else:
            assert dated["date_earliest"] == dated["date"] == "2023-10-12"


def test_nothing_said_of_a_draft_reads_did_not_co_sponsor():
    for instrument in DRAFTS.values():
        said = " ".join([headline(DATA.catalogue[instrument], DATA.positions)])
        said += " ".join(caveats(DATA.catalogue[instrument], DATA.positions))
        assert "never “did not co-sponsor”" in said
        rows = position_rows("NLD", DATA.matrix, DATA.positions, list(DATA.catalogue.values()))
        notes = " ".join(rows["Note"]) + " ".join(rows["Status"])
        assert "did not co-sponsor" not in notes.replace("not “did not co-sponsor”", "")


def test_the_joint_statement_is_its_39_parties_and_3_observers_and_not_the_netherlands():
    rows = research("ccw-gge-2025-09-joint-statement.csv")
    found = statuses(STATEMENT)
    for role in ("party", "observer"):
        assert {c for c, s in found.items() if s == role} == {
            r["iso3"] for r in rows if r["role"] == role
        }
    assert sum(r["role"] == "party" for r in rows) == 39
    assert {r["iso3"] for r in rows if r["role"] == "observer"} == {"KIR", "WSM", "THA"}
    assert found["NLD"] == DID_NOT_JOIN
    form = DATA.catalogue[STATEMENT].form
    assert all(form.supports(role) for role in ("party", "observer"))
    assert not form.supports(DID_NOT_JOIN) and not form.undecided(DID_NOT_JOIN)


def test_the_committee_vote_names_eight_states_and_leaves_the_rest_unknown():
    rows = research("unga-79-239-first-committee-no-and-abstain.csv")
    found = statuses(COMMITTEE)
    for vote in ("no", "abstain"):
        assert {c for c, s in found.items() if s == vote} == {
            r["iso3"] for r in rows if r["vote"] == vote
        }
    assert {c for c, s in found.items() if s == "no"} == {"PRK", "RUS"}
    assert {c for c, s in found.items() if s == "no vote (not a UN member)"} == {"PSE", "VAT"}
    members = UNIVERSE - {"PSE", "VAT"}
    unnamed = members - {r["iso3"] for r in rows}
    assert all(found[c] == NOT_NAMED_VOTE for c in unnamed) and len(unnamed) == 185
    form = DATA.catalogue[COMMITTEE].form
    assert not form.names_supporters and form.undecided(NOT_NAMED_VOTE)
    assert not any(form.supports(s) for s in found.values())  # no yes vote is named


def test_the_committee_vote_is_never_labelled_the_plenary_vote():
    instrument = DATA.catalogue[COMMITTEE]
    facts = [instrument.title, instrument.short_title, headline(instrument, DATA.positions)]
    said = " ".join([*facts, *caveats(instrument, DATA.positions)])
    assert "First Committee" in said and "not the plenary vote" in said
    record = dated_record("RUS", DATA.positions, DATA.catalogue)
    (row,) = record[record["Instrument"] == instrument.short_title].to_dict("records")
    assert row["What"] == "Voted no in the First Committee"
    assert instrument.id not in {"unga-78-241", "unga-79-62", "unga-80-57"}
    assert not instrument.form.recurring  # not one of the Assembly's recorded votes
    assert "159" in instrument.source_note and "plenary" in instrument.source_note


def test_the_committee_vote_is_no_map_layer():
    assert COMMITTEE not in view_titles()
    assert STATEMENT in view_titles() and "unga-78-241-cosponsors" in view_titles()
    links = [
        link.proto.query_string for link in open_page("instruments").get("page_link")
    ]  # the instruments page offers no map of it
    assert not any(COMMITTEE in query for query in links)
    assert any(STATEMENT in query for query in links)
    at = open_page("map", instrument=COMMITTEE)  # a hand-made link is refused, not drawn
    assert any(COMMITTEE in w.value for w in at.warning)


def test_the_map_tooltip_names_the_draft_and_the_day_a_co_sponsor_is_evidenced():
    from briefing.pack import map_of
    from instruments.view import View
    from store.focus import WORLD_FOCUS

    world = DATA.frame(WORLD_FOCUS)
    drafted = map_of(DATA, View("unga-78-241-cosponsors"), world).hover
    assert "UNGA 78/241 draft (2023): <b>Co-sponsor</b>" in drafted["AUT"]
    assert "· by 12 October 2023" in drafted["AUT"]  # on the face of the draft as tabled
    assert "<b>Later co-sponsor</b>" in drafted["ATG"] and "· by 1 November 2023" in drafted["ATG"]
    stated = map_of(DATA, View(STATEMENT), world).hover
    assert "<b>Joined (observer State)</b>" in stated["THA"] and "5 September 2025" in stated["THA"]
    assert "<b>Did not join</b>" in stated["NLD"]
    positions = position_rows("KEN", DATA.matrix, DATA.positions, list(DATA.catalogue.values()))
    confidence = dict(zip(positions["Instrument"], positions["Confidence"], strict=True))
    assert confidence[DATA.catalogue[COMMITTEE].title] == "high"
