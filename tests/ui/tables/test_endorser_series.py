"""The endorsers of each instrument over time (ui/tables/endorser_series.py), shipped data."""

from datetime import date, timedelta

import pandas as pd
import pytest

from i18n.translate import use
from instruments.forms import JOINED_LATER, UNCONFIRMED
from instruments.timeline import positions_on
from store.files import read_text_table
from ui.tables.endorser_series import HEADERS, description, series_table, timeline

from conftest import REPO
from ui_fixtures import shipped

DECLARATION = "us-political-declaration"
PATHWAYS = "reaim-2026-pathways-to-action"
BLUEPRINT = "reaim-2024-blueprint-for-action"
TODAY = date(2026, 12, 7)
COUNTS = read_text_table(REPO / "data" / "instruments" / "counts.csv")


def found(until: date = TODAY):
    data = shipped()
    return timeline(data.positions, data.catalogue, COUNTS, until)


def series(instrument: str, until: date = TODAY):
    (one,) = [s for s in found(until).series if s.instrument.id == instrument]
    return one


PUBLISHED = COUNTS.loc[COUNTS["instrument"] == DECLARATION, ["date", "reported"]].values.tolist()


def test_the_declaration_has_its_seven_published_counts():
    assert [int(r) for _, r in PUBLISHED] == [1, 46, 51, 54, 55, 56, 58]


@pytest.mark.parametrize(("day", "reported"), PUBLISHED, ids=[d for d, _ in PUBLISHED])
def test_every_published_count_of_the_declaration_lies_between_evidenced_and_upper(day, reported):
    on = series(DECLARATION).on(date.fromisoformat(day))
    assert on["evidenced"] <= int(reported) <= on["upper"], on.to_dict()


def test_the_declaration_starts_with_the_united_states_alone_and_ends_at_58():
    steps = series(DECLARATION).steps
    assert steps.iloc[0].to_dict() == {
        "day": date(2023, 2, 16),
        "evidenced": 1,
        "unknown": 0,
        "unconfirmed": 0,
        "upper": 1,
    }
    assert (steps.iloc[-1]["day"], steps.iloc[-1]["evidenced"], steps.iloc[-1]["upper"]) == (
        TODAY,
        58,
        58,
    )


@pytest.mark.parametrize("instrument", [DECLARATION, PATHWAYS, BLUEPRINT])
def test_counts_never_fall(instrument):
    steps = series(instrument).steps
    assert steps["day"].is_monotonic_increasing and steps["day"].is_unique
    assert steps["evidenced"].is_monotonic_increasing
    assert steps["upper"].is_monotonic_increasing
    assert (steps["upper"] >= steps["evidenced"]).all()


@pytest.mark.parametrize("instrument", [DECLARATION, PATHWAYS])
def test_the_series_is_exact_on_every_day_and_changes_only_on_a_positions_day(instrument):
    """Recount every day from opening to today from the positions as known that day
    (instruments.timeline.positions_on): the steps hold on each day, not only on their own."""
    one = series(instrument)
    data = shipped()
    mine = data.positions[data.positions["instrument"] == instrument]
    days_of_positions = {*mine["date"], *mine["date_earliest"]}
    assert {d.isoformat() for d in one.steps["day"][1:-1]} <= days_of_positions
    day = one.steps["day"].iloc[0]
    while day <= TODAY:
        known = positions_on(data.positions, day, [instrument])["status"]
        evidenced = int((known == "endorsed").sum())
        band = int(known.isin([JOINED_LATER, UNCONFIRMED]).sum())
        on = one.on(day)
        assert (on["evidenced"], on["upper"]) == (evidenced, evidenced + band), day
        day += timedelta(days=1)


def test_pathways_opens_at_34_with_costa_rica_unconfirmed_in_the_band():
    one = series(PATHWAYS)
    first = one.steps.iloc[0]
    assert first["day"] == date(2026, 2, 5)
    assert (first["evidenced"], first["unconfirmed"], first["unknown"], first["upper"]) == (
        34,
        1,
        0,
        35,
    )
    data = shipped()
    pathways = data.positions[data.positions["instrument"] == PATHWAYS]
    assert list(pathways.loc[pathways["status"] == UNCONFIRMED, "iso3"]) == ["CRI"]
    # EFE's 35 of the day counted Costa Rica: within the band, not above it
    published = one.published.set_index("day")["reported"]
    assert published[date(2026, 2, 5)] == 35 == first["upper"]
    # the next day the eleven of the later list may already have joined
    assert one.on(date(2026, 2, 6))["unknown"] == 11
    last = one.steps.iloc[-1]
    assert (last["evidenced"], last["unconfirmed"], last["upper"]) == (45, 1, 46)


def test_a_past_day_ends_the_series_there_and_leaves_out_what_did_not_exist():
    then = found(date(2024, 3, 20))
    assert [s.instrument.id for s in then.series] == ["reaim-2023-call-to-action", DECLARATION]
    last = series(DECLARATION, date(2024, 3, 20)).steps.iloc[-1]
    assert (last["day"], last["evidenced"], last["unknown"], last["upper"]) == (
        date(2024, 3, 20),
        48,
        9,
        57,
    )
    assert list(series(DECLARATION, date(2024, 3, 20)).published["reported"]) == [1, 46, 51, 54]
    (votes,) = then.points
    assert list(votes.rows["instrument"]) == ["unga-78-241"]


def test_each_vote_is_one_point_its_yes_votes_as_the_official_tally():
    registry = read_text_table(REPO / "data" / "instruments" / "instruments.csv").set_index("id")
    (votes,) = found().points
    assert list(votes.rows["day"]) == sorted(votes.rows["day"])
    for row in votes.rows.itertuples():
        tally = dict(p.split("=") for p in registry.at[row.instrument, "expected_tally"].split(";"))
        assert row.supporters == int(tally["yes"]), row.instrument
        assert row.members == 193
        assert row.day == date.fromisoformat(registry.at[row.instrument, "opened"])


def test_the_description_says_each_list_its_published_counts_and_each_vote():
    said = description(found())
    assert "US Political Declaration: 1 endorser on 16 February 2023, 58 on 7 December 2026" in said
    assert "51 (January 2024)" in said and "55 (August 2024)" in said  # dated to the month
    assert "only 11 are named" in said  # a partial list says so
    assert "UNGA 79/62 (2024), 2 December 2024: 166 of 193 (86%) voted yes" in said
    with use("fr"):
        french = description(found())
    assert "51 (janvier 2024)" in french and "16 février 2023" in french


def test_the_table_gives_every_step_and_every_published_count_with_its_source():
    table = series_table(found())
    declaration = table[table["Instrument"] == "US Political Declaration"]
    published = declaration[declaration["Published count"] != ""]
    assert list(published["Published count"].str.split(" ").str[0]) == [
        "1",
        "46",
        "51",
        "54",
        "55",
        "56",
        "58",
    ]
    march = declaration.set_index("Date").loc["20 March 2024"]
    assert (march["Evidenced"], march["At most"], march["Published count"]) == (
        48,
        57,
        "54 (exact)",
    )
    # the source's web addresses, not its research note; one it cuts short ("...") is left out
    assert march["Sources"] == ["https://jisipnews.com/?p=72572"]
    assert list(table.columns) == list(HEADERS)
    assert isinstance(table, pd.DataFrame) and not table.isna().any().any()
