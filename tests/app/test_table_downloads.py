"""CSV downloads fetched through the real pages: no link makes a spreadsheet formula."""

import csv
import io

import pandas as pd
import pytest
from streamlit.runtime.media_file_manager import MediaFileManager

from safeio.spreadsheet_csv import FORMULA_START

from apptest import open_page

# The probe's link: a search that writes a formula into the selection line of the CSV.
ATTACK = 'Fr,=HYPERLINK("http://evil.example/"),'


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
