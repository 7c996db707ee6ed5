"""Dated positions: where every state stood on any day, as far as the sources show."""

import shutil
from dataclasses import replace
from datetime import date, timedelta
from functools import lru_cache

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from etl.errors import EtlError
from etl.positions import build_positions
from instruments.forms import ENDORSED, JOINED_LATER, NOT_ENDORSED, NOT_YET
from instruments.model import CALL_TO_ACTION
from instruments.timeline import earliest
from store.files import read_text_table
from store.published import table_from_csv
from ui.tables.dataset import Dataset, on

from conftest import REPO
from ui_fixtures import shipped

DECLARATION = "us-political-declaration"
PATHWAYS = "reaim-2026-pathways-to-action"
COUNTS = read_text_table(REPO / "data" / "instruments" / "counts.csv")


@lru_cache(maxsize=2)
def as_of(day: date) -> Dataset:
    """The shipped dataset as known on ``day``: the last two days asked, each computed once."""
    return on(shipped(), day)


def statuses(day: date, instrument: str, outsiders: bool = False) -> pd.Series:
    """The statuses of the 195 states in scope on ``day`` (with the listed outsiders: Kosovo)."""
    data = as_of(day)
    rows = data.matrix.index if outsiders else list(data.states["iso3"])
    return data.matrix.loc[rows, instrument]


def test_the_declaration_had_46_endorsers_the_day_after_its_launch_of_implementation():
    day = statuses(date(2023, 11, 14), DECLARATION, outsiders=True)
    assert (day == ENDORSED).sum() == 46  # the United States and the 45 of the media note
    assert day["XKX"] == ENDORSED  # Kosovo among them, outside the 195
    assert day["USA"] == ENDORSED and day["JPN"] == ENDORSED
    assert day["PAN"] == NOT_ENDORSED  # joined in Seoul on 10 Sep 2024, exactly dated
    assert day["POL"] == JOINED_LATER  # on the list of 27 Nov 2024 only: unknown that day


def test_every_published_count_lies_between_the_evidenced_and_the_possible():
    rows = COUNTS[COUNTS["instrument"] == DECLARATION]
    assert list(rows["reported"]) == ["1", "46", "51", "54", "55", "56", "58"]
    for row in rows.itertuples():
        day = date.fromisoformat(row.date)
        first = day.replace(day=1) if row.date_precision == "month" else day
        low = (statuses(first, DECLARATION, outsiders=True) == ENDORSED).sum()
        known = statuses(day, DECLARATION, outsiders=True)
        high = (known == ENDORSED).sum() + (known == JOINED_LATER).sum()
        assert low <= int(row.reported) <= high, row.date
    march = statuses(date(2024, 3, 20), DECLARATION, outsiders=True)
    assert (march == ENDORSED).sum() == 48 and (march == JOINED_LATER).sum() == 9  # 48 ≤ 54 ≤ 57


@pytest.mark.parametrize(
    ("day", "instrument"),
    [
        (date(2023, 1, 15), DECLARATION),
        (date(2023, 1, 15), CALL_TO_ACTION),
        (date(2025, 6, 1), PATHWAYS),
        (date(2024, 12, 1), "unga-79-62"),  # voted on 2 Dec 2024
    ],
)
def test_an_instrument_did_not_exist_before_it_opened(day, instrument):
    assert set(statuses(day, instrument)) == {NOT_YET}
    assert set(statuses(day + timedelta(days=400), instrument)) != {NOT_YET}


def test_a_state_dated_on_or_before_is_unknown_until_then_never_not_endorsed():
    dated = shipped().positions.set_index(["instrument", "iso3"])
    poland = dated.loc[(DECLARATION, "POL")]
    assert (poland["date_earliest"], poland["date"]) == ("2023-11-14", "2024-11-27")
    assert statuses(date(2023, 11, 13), DECLARATION)["POL"] == NOT_ENDORSED  # a full list
    for day in (date(2023, 11, 14), date(2024, 6, 1), date(2024, 11, 26)):
        assert statuses(day, DECLARATION)["POL"] == JOINED_LATER
    assert statuses(date(2024, 11, 27), DECLARATION)["POL"] == ENDORSED
    # Pathways: the 11 not named on 5 Feb 2026 joined by 17 Jul 2026, day unknown
    spring = statuses(date(2026, 3, 1), PATHWAYS)
    assert (spring == ENDORSED).sum() == 34 and (spring == JOINED_LATER).sum() == 11


def test_bahrain_joined_some_day_in_january_2024():
    assert statuses(date(2023, 12, 31), DECLARATION)["BHR"] == NOT_ENDORSED
    assert statuses(date(2024, 1, 15), DECLARATION)["BHR"] == JOINED_LATER
    assert statuses(date(2024, 1, 31), DECLARATION)["BHR"] == ENDORSED


DAYS = st.dates(min_value=date(2023, 1, 1), max_value=date(2026, 12, 7))


@settings(max_examples=40, deadline=None)
@given(DAYS, DAYS)
def test_every_state_has_one_status_and_counts_never_fall(first, second):
    first, second = sorted((first, second))
    for instrument in shipped().catalogue:
        before, after = statuses(first, instrument), statuses(second, instrument)
        assert len(before) == 195 and before.notna().all()
        if instrument == CALL_TO_ACTION or "unga" not in instrument:  # lists only grow
            assert (after == ENDORSED).sum() >= (before == ENDORSED).sum()
            gained = set(after.index[after == ENDORSED]) >= set(before.index[before == ENDORSED])
            assert gained, (instrument, first, second)


def test_earliest_day_of_each_precision():
    lists = [date(2023, 2, 16), date(2023, 11, 13), date(2024, 11, 27)]
    opened = date(2023, 2, 16)
    assert earliest(date(2024, 9, 10), "exact", lists, opened) == date(2024, 9, 10)
    assert earliest(date(2024, 1, 31), "month", lists, opened) == date(2024, 1, 1)
    assert earliest(date(2024, 11, 27), "on_or_before", lists, opened) == date(2023, 11, 14)
    assert earliest(date(2023, 11, 13), "on_or_before", lists, opened) == date(2023, 2, 17)
    assert earliest(date(2023, 11, 13), "on_or_before", [], opened) == opened
    with pytest.raises(ValueError, match="unknown date precision"):
        earliest(date(2024, 1, 1), "about", lists, opened)


# The ETL refuses dates it cannot place ------------------------------------------------------


@pytest.fixture
def instruments_copy(tmp_path, monkeypatch):
    target = tmp_path / "instruments"
    shutil.copytree(REPO / "data" / "instruments", target)
    monkeypatch.setattr("store.paths.instruments_dir", lambda: target)
    return target


def build(
    log: pd.DataFrame | None = None, table: pd.DataFrame | None = None, as_of: str = "2023-02-16"
) -> pd.DataFrame:
    table = table if table is not None else table_from_csv(REPO / "data" / "endorsements.csv")
    log = log if log is not None else read_text_table(REPO / "data" / "changelog.csv")
    return build_positions(table, {"source_as_of": as_of}, log)


def edit(path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_a_date_that_contradicts_a_published_count_is_refused(instruments_copy):
    # Ukraine dated exactly in June 2023 would make 47 by 13 Nov 2023, whose full list has 46.
    edit(
        instruments_copy / "us-political-declaration.csv",
        "2024-03-20,on_or_before",
        "2023-06-01,exact",
    )
    with pytest.raises(EtlError, match=r"contradict the published counts.*2023-11-13: 46 reported"):
        build()


@pytest.mark.parametrize(
    ("old", "new", "says"),
    [
        ("2023-02-16,exact,", "2022-12-01,exact,", "outside 2023-02-16"),
        ("2024-01-31,month", "2024-01-15,month", "a month is dated by its last day"),
        ("2024-09-10,exact", "2024-09-10,roughly", "unknown date precision"),
        ("2024-09-10,exact", "10/09/2024,exact", "Invalid isoformat"),
    ],
)
def test_a_date_it_cannot_place_is_refused(instruments_copy, old, new, says):
    edit(instruments_copy / "us-political-declaration.csv", old, new)
    with pytest.raises(EtlError, match=says):
        build()


def test_a_state_added_by_a_later_refresh_is_dated_by_the_list_it_first_appeared_on():
    table = table_from_csv(REPO / "data" / "endorsements.csv")
    table.loc[table["iso3"] == "IND", "endorsed"] = True
    log = read_text_table(REPO / "data" / "changelog.csv")
    later = log.iloc[[0]].assign(
        detected_on="2026-12-01", source_as_of="2026-11-20", iso3="IND", name="India"
    )
    positions = build(pd.concat([log, later], ignore_index=True), table, "2026-11-20")
    mine = positions[positions["instrument"] == CALL_TO_ACTION].set_index("iso3")
    assert tuple(mine.loc["IND", ["date_earliest", "date", "date_precision"]]) == (
        "2023-02-17",
        "2026-11-20",
        "on_or_before",
    )
    assert "first seen on the list as of 2026-11-20" in mine.loc["IND", "date_basis"]
    assert tuple(mine.loc["FRA", ["date_earliest", "date", "date_precision"]]) == (
        "2023-02-16",
        "2023-02-16",
        "exact",
    )


def test_a_state_a_later_list_removed_endorsed_on_the_days_the_log_shows_it_listed():
    data = shipped()
    log = data.changelog
    france = log[log["iso3"] == "FRA"].iloc[0]
    removal = france.copy()
    removal["change"], removal["source_as_of"], removal["detected_on"] = (
        "removed",
        "2025-01-10",
        "2025-01-12",
    )
    later = replace(
        data,
        positions=data.positions[
            ~((data.positions["instrument"] == CALL_TO_ACTION) & (data.positions["iso3"] == "FRA"))
        ],
        changelog=pd.concat([log, removal.to_frame().T], ignore_index=True),
    )
    assert on(later, date(2024, 6, 1)).matrix.loc["FRA", CALL_TO_ACTION] == ENDORSED
    assert on(later, date(2025, 6, 1)).matrix.loc["FRA", CALL_TO_ACTION] == NOT_ENDORSED
    before = (on(later, date(2024, 6, 1)).matrix[CALL_TO_ACTION] == ENDORSED).sum()
    after = (on(later, date(2025, 6, 1)).matrix[CALL_TO_ACTION] == ENDORSED).sum()
    assert (before, after) == (58, 57)  # the count falls only where the log records a removal
