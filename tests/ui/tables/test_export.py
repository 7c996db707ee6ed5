"""Downloads carry their provenance: CSV header lines, an Excel "About" sheet, a citation."""

import io

import pandas as pd
from openpyxl import load_workbook

from ui.tables.export import csv_bytes, excel_bytes

from ui_fixtures import shipped

SOURCE = shipped().provenance
TABLE = pd.DataFrame(
    {"State": ["Austria", '=HYPERLINK("x")'], "ISO3": ["AUT", "XXX"], "Share": [0.5, 1.0]}
)


def test_csv_reads_back_and_names_its_source():
    data = csv_bytes(TABLE, "Title", SOURCE, "M49 region Europe")
    text = data.decode("utf-8-sig")
    header = [line for line in text.splitlines() if line.startswith("#")]
    assert any(SOURCE.as_of in line for line in header)
    assert any(line.startswith("# Cite as:") and SOURCE.citation in line for line in header)
    assert any("M49 region Europe" in line for line in header)
    back = pd.read_csv(io.BytesIO(data), comment="#", encoding="utf-8-sig")
    assert back["ISO3"].tolist() == ["AUT", "XXX"]


def test_excel_has_data_and_about_sheets():
    workbook = load_workbook(io.BytesIO(excel_bytes(TABLE, "Title", SOURCE, "no filter")))
    assert workbook.sheetnames == ["Data", "About"]
    data = workbook["Data"]
    assert [c.value for c in data[1]] == ["State", "ISO3", "Share"]
    assert data["A3"].data_type == "s"  # text that looks like a formula stays text
    assert data["C2"].number_format == "0%"
    about = {row[0].value: row[1].value for row in workbook["About"].iter_rows()}
    assert about["Cite as"] == SOURCE.citation
    assert SOURCE.as_of in about["Source as of"]
    assert "transcribed" in about["Source"]


def test_a_transcription_is_never_called_a_fetch():
    assert SOURCE.method == "transcribed"
    assert "transcribed from the official list" in SOURCE.method_phrase
    assert "fetched" not in SOURCE.method_phrase and "fetched" not in SOURCE.citation


def test_related_instruments_bring_their_own_sources():
    catalogue = shipped().catalogue
    related = [catalogue["us-political-declaration"], catalogue["unga-78-241"]]
    extra = [("Priority weights", "no_vote 4")]
    text = csv_bytes(TABLE, "Title", SOURCE, "all", related, extra).decode("utf-8-sig")
    assert "# Priority weights: no_vote 4" in text and SOURCE.citation in text
    for instrument in related:
        assert f"# {instrument.short_title}: as of: {instrument.as_of}" in text
        assert instrument.source_url in text and instrument.licence in text


def test_without_the_call_to_action_no_call_to_action_source():
    vote = shipped().catalogue["unga-80-57"]
    workbook = load_workbook(io.BytesIO(excel_bytes(TABLE, "Title", None, "all", [vote])))
    about = {row[0].value: row[1].value for row in workbook["About"].iter_rows()}
    assert "Cite as" not in about and "Source" not in about
    assert about[f"{vote.short_title}: source page"] == vote.source_url
