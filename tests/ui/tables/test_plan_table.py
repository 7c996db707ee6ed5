"""The plan as tables: reconciled rows in priority order, progress per group, what a user edited."""

import io
from dataclasses import replace
from datetime import date

import pandas as pd

from i18n.translate import use
from instruments.matrix import supporters
from instruments.model import CALL_TO_ACTION
from plan.model import OPEN_STEP_FLAG, PlanRecord
from ui.tables.outreach import ranks
from ui.tables.plan_table import (
    INTERNAL,
    PUBLISHED,
    edited,
    future_contact,
    internal_workbook,
    overdue,
    plan_rows,
    progress,
    published_days,
)
from ui.tables.plan_words import plan_word
from ui.tables.priority import default_weights, priorities

from ui_fixtures import shipped

TODAY = date(2026, 12, 1)


def record(iso3: str, **fields) -> PlanRecord:
    """A saved plan (version 1) with the given fields."""
    return replace(PlanRecord.blank(iso3, "reaim-2023-call-to-action"), version=1, **fields)


def rows_for(records: dict) -> pd.DataFrame:
    data = shipped()
    ranked = priorities(
        data.signals, default_weights(data.terms), data.table.set_index("iso3")["name"], data.terms
    )
    universe = data.table[data.table["in_universe"]]
    published = supporters(data.matrix, data.catalogue[CALL_TO_ACTION])
    return plan_rows(universe, records, published, ranked, ranks(ranked), "2023-02-16", TODAY)


def test_rows_reconcile_with_the_published_list_and_flag_contradictions():
    rows = rows_for(
        {
            "NLD": record("NLD", status="declined"),  # published endorser: contradicted
            "FRA": record("FRA", status="planned"),  # published endorser, no contradiction
            "IND": record("IND", status="endorsed"),  # not on the list
            "BRA": record("BRA", status="approached", due=date(2026, 11, 1)),
        }
    ).set_index("ISO3")
    assert (
        rows.loc["NLD", "Status"] == "endorsed (published 2023-02-16)" and rows.loc["NLD", "Check"]
    )
    assert (
        rows.loc["FRA", "Check"] == "" and rows.loc["IND", "Check"] == "not on the published list"
    )
    assert rows.loc["DEU", "Check"] == ""  # published, nobody wrote a plan: nothing to contradict
    assert rows.loc["BRA", "Overdue"] == "overdue" and rows.loc["IND", "Overdue"] == ""
    assert len(rows) == 195 and rows["Rank"].dropna().is_monotonic_increasing


def test_overdue_needs_a_past_due_date_and_no_endorsement():
    assert overdue(record("X", due=date(2026, 11, 30)), TODAY)
    assert not overdue(record("X", due=date(2026, 12, 1)), TODAY)
    assert not overdue(record("X", due=date(2020, 1, 1), status="endorsed"), TODAY)


def test_progress_counts_each_member_once():
    rows = rows_for({"BRA": record("BRA", status="approached")})
    table = progress(shipped().groupings["ungroup"], rows).set_index("Group")
    latin = table.loc["Latin American and Caribbean Group"]
    assert latin["approached"] == 1 and latin.drop("approached").sum() == 32
    assert table[PUBLISHED].sum() == 58


def test_progress_counts_a_plan_endorsement_the_list_does_not_name():
    rows = rows_for({"IND": record("IND", status="endorsed")})  # crashed /plan with a KeyError
    table = progress(shipped().groupings["ungroup"], rows).set_index("Group")
    assert table["endorsed"].sum() == 1 and table[PUBLISHED].sum() == 58


def test_edited_keeps_only_what_the_user_changed():
    base = record("BRA", owner="Desk", notes="")
    values = {"owner": "Desk", "notes": "", "next_step": "call", "due": None, "status": "planned"}
    assert edited(base, values) == {"next_step": "call", "status": "planned"}


def test_the_excel_export_says_internal_on_its_first_line():
    from openpyxl import load_workbook

    from ui.tables.export import excel_bytes

    table = pd.DataFrame({"State": ["Brazil"], "Notes": ["sensitive"]})
    book = load_workbook(io.BytesIO(internal_workbook(excel_bytes(table, "t", None, "all"))))
    rows = list(book["Data"].iter_rows(values_only=True))
    assert (
        rows[0][0] == INTERNAL
        and rows[1] == ("State", "Notes")
        and rows[2] == ("Brazil", "sensitive")
    )


def test_the_internal_excel_survives_raw_text_stored_in_the_database(tmp_path):
    """Text stored by an older version or past validation: the export strips what XML forbids."""
    from openpyxl import load_workbook
    from sqlalchemy import update

    from plan.database import engine_for, upgrade
    from plan.schema import RecordRow
    from plan.service import PlanService
    from ui.tables.export import excel_bytes

    engine = engine_for(f"sqlite:///{tmp_path / 'plan.sqlite'}")
    upgrade(engine)
    service = PlanService(engine, {"FRA"}, {"reaim-2023-call-to-action"})
    service.save("FRA", "reaim-2023-call-to-action", {"status": "planned"}, 0, "a@x.o")
    raw = {"owner": "Paris\rdesk", "next_step": "call\x0bback", "notes": "Word\x0bline\x01 end"}
    with engine.begin() as connection:
        connection.execute(update(RecordRow).values(**raw))
    records = service.records("reaim-2023-call-to-action")
    engine.dispose()
    table = rows_for(records)
    workbook = internal_workbook(excel_bytes(table, "t", None, "all"))
    sheet = load_workbook(io.BytesIO(workbook))["Data"]
    header = [cell.value for cell in sheet[2]]
    france = next(row for row in sheet.iter_rows(min_row=3, values_only=True) if row[1] == "FRA")
    shown = dict(zip(header, france, strict=True))
    assert (shown["Owner"], shown["Next step"], shown["Notes"]) == (
        "Paris\rdesk",
        "callback",
        "Wordline end",
    )
    assert shown["Due"] is None and shown["Last contact"] is None


def test_only_a_last_contact_set_after_today_is_in_the_future():
    assert future_contact({"last_contact": date(2026, 12, 2)}, TODAY) == date(2026, 12, 2)
    assert future_contact({"last_contact": TODAY, "due": date(2027, 1, 1)}, TODAY) is None
    assert future_contact({"due": date(2027, 1, 1)}, TODAY) is None  # a due date is ahead
    assert future_contact({"last_contact": None}, TODAY) is None


def test_a_published_endorser_shows_the_day_of_its_own_position_in_the_readers_language():
    positions = pd.DataFrame(
        {
            "instrument": [CALL_TO_ACTION, CALL_TO_ACTION, CALL_TO_ACTION, "other"],
            "iso3": ["NLD", "FRA", "DEU", "NLD"],
            "date": ["2023-02-16", "2024-03-31", "", "2025-09-05"],
            "date_precision": ["exact", "on_or_before", "", "exact"],
        }
    )
    days = published_days(positions, CALL_TO_ACTION)
    assert days == {"NLD": "16 February 2023", "FRA": "by 31 March 2024"}
    data = shipped()
    universe = data.table[data.table["in_universe"]]
    published = supporters(data.matrix, data.catalogue[CALL_TO_ACTION])
    rank = pd.Series(dtype=int)
    plans = {"FRA": record("FRA", status="planned", next_step="Thank the minister")}
    rows = plan_rows(universe, plans, published, data.table, rank, "2023-02-16", TODAY, days)
    rows = rows.set_index("ISO3")
    assert rows.loc["NLD", "Status"] == "endorsed (published 16 February 2023)"
    assert rows.loc["FRA", "Status"] == "endorsed (published by 31 March 2024)"
    assert rows.loc["DEU", "Status"] == "endorsed (published 2023-02-16)"  # no day of its own
    assert rows.loc["FRA", "Check"] == OPEN_STEP_FLAG  # for its owner to close or keep
    with use("fr"):
        assert published_days(positions, CALL_TO_ACTION)["FRA"] == "au plus tard le 31 mars 2024"
        assert (
            plan_word("endorsed (published 16 février 2023)") == "approuvé (publié 16 février 2023)"
        )
        assert plan_word(OPEN_STEP_FLAG).startswith("a approuvé selon la liste publiée")
