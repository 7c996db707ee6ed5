"""Downloads fetched through the real pages: no formula from a link, any stored text exported."""

import base64
import csv
import io
import json

import pandas as pd
import pytest
from openpyxl import load_workbook
from sqlalchemy import update
from streamlit.runtime.media_file_manager import MediaFileManager

from plan.model import DEFAULT_INSTRUMENT as CTA
from plan.records_csv import parse
from plan.schema import RecordRow
from safeio.spreadsheet_csv import FORMULA_START
from ui import cache
from ui.widgets.private_download import PRIVATE_DOWNLOAD

from apptest import open_page

# The probe's link: a search that writes a formula into the selection line of the CSV.
ATTACK = 'Fr,=HYPERLINK("http://evil.example/"),'
# A note as an older version stored it: Word's line break, control characters, a lone CR.
STORED = "Word\x0bline, ctrl\x01, a lone\rreturn"


@pytest.fixture
def managers(monkeypatch) -> list[MediaFileManager]:
    """The media file manager of each AppTest run, which serves its download buttons' data."""
    made: list[MediaFileManager] = []

    class Recorded(MediaFileManager):
        def __init__(self, *args, **kwargs) -> None:
            super().__init__(*args, **kwargs)
            made.append(self)

    monkeypatch.setattr("streamlit.testing.v1.app_test.MediaFileManager", Recorded)
    return made


def downloaded(at, managers: list[MediaFileManager], label: str) -> bytes:
    """What clicking the download button ``label`` of the last run serves."""
    button = next(b for b in at.get("download_button") if b.proto.label == label)
    manager = managers[-1]
    url = manager.execute_deferred(button.proto.deferred_file_id)
    return manager.read_file(url.rsplit("/", 1)[-1]).content


@pytest.mark.parametrize("page", ["outreach", "instruments"])
def test_a_formula_in_the_link_never_reaches_a_csv_cell(managers, page):
    at = open_page(page, q=ATTACK)
    assert not at.exception, at.exception
    data = downloaded(at, managers, "Download CSV")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert [cell for row in rows for cell in row if cell.startswith(FORMULA_START)] == []
    preamble = [row for row in rows if row[0] == "#"]
    assert all(len(row) == 3 for row in preamble)  # "#", a label, its text
    assert any(ATTACK in text for _, label, text in preamble if label == "Selection")
    table = pd.read_csv(io.BytesIO(data), comment="#", encoding="utf-8-sig")
    assert "ISO3" in table.columns and len(table.columns) > 3


def private_file(at, key: str) -> bytes:
    """The bytes the plan's download button ``key`` sends once clicked (private_download)."""
    at.button(key=key).click().run()
    assert not at.exception, at.exception
    sent = [
        json.loads(element.proto.json)
        for element in at.get("bidi_component")
        if element.proto.component_name == PRIVATE_DOWNLOAD
    ]
    return base64.b64decode(sent[-1]["content"])


def test_the_plan_exports_survive_control_characters_stored_by_older_versions(plan_db):
    service = cache.plan_service()
    service.save("FRA", CTA, {"status": "planned"}, 0, "a@x.o")
    with service.engine.begin() as connection:
        connection.execute(update(RecordRow).values(owner="Paris\rdesk", notes=STORED))
    at = open_page("plan")
    rows, errors = parse(private_file(at, "plan-csv"))
    france = next(row for _, row in rows if row["iso3"] == "FRA")
    assert errors == [] and (france["owner"], france["notes"]) == ("Paris\rdesk", STORED)
    book = load_workbook(io.BytesIO(private_file(at, "plan-xlsx")))
    cells = [cell for row in book.worksheets[0].iter_rows(values_only=True) for cell in row]
    assert "Wordline, ctrl, a lone\rreturn" in cells and "Paris\rdesk" in cells


def test_a_plan_export_that_fails_names_the_error_never_the_notes(plan_db, monkeypatch, caplog):
    def failing(self, instrument: str) -> bytes:
        raise ValueError("secret note in the message")

    monkeypatch.setattr("plan.service.PlanService.records_csv", failing)
    at = open_page("plan")
    at.button(key="plan-csv").click().run()
    assert not at.exception and len(at.error) == 1 and "ValueError" in at.error[0].value
    shown = " ".join(str(e.value) for e in at.error) + caplog.text
    assert "secret note" not in shown and not [
        e for e in at.get("bidi_component") if e.proto.component_name == PRIVATE_DOWNLOAD
    ]


def test_the_plan_table_leaves_empty_cells_empty(plan_db):
    table = open_page("plan").dataframe[0].proto
    assert table.HasField("placeholder") and table.placeholder == ""  # not "None"
