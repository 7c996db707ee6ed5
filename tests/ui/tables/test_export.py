"""Downloads carry their provenance: CSV header lines, an Excel "About" sheet, a citation."""

import csv
import io

import pandas as pd
from openpyxl import load_workbook

from safeio.spreadsheet_csv import FORMULA_START
from ui.tables.export import csv_bytes, excel_bytes

from ui_fixtures import shipped

SOURCE = shipped().provenance
TABLE = pd.DataFrame(
    {"State": ["Austria", '=HYPERLINK("x")'], "ISO3": ["AUT", "XXX"], "Share": [0.5, 1.0]}
)


def about(data: bytes) -> dict[str, str]:
    """The ``#,label,text`` lines at the top of a CSV."""
    rows = csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""))
    return {row[1]: row[2] for row in rows if row[0] == "#"}


def test_csv_reads_back_and_names_its_source():
    data = csv_bytes(TABLE, "Title", SOURCE, "M49 region Europe")
    header = about(data)
    assert SOURCE.as_of in header["Source as of"]
    assert header["Cite as"] == SOURCE.citation
    assert header["Selection"] == "M49 region Europe"
    back = pd.read_csv(io.BytesIO(data), comment="#", encoding="utf-8-sig")
    assert back["ISO3"].tolist() == ["AUT", "XXX"]
    assert back["Share"].tolist() == [0.5, 1.0]


def test_no_csv_cell_runs_as_a_formula():
    scope = 'search “Fr,=HYPERLINK("http://evil.example/"),”'
    data = csv_bytes(TABLE, "=cmd|' /C calc'!A0", SOURCE, scope, extra=[("+x", "@y")])
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert [cell for row in rows for cell in row if cell.startswith(FORMULA_START)] == []
    assert ['\'=HYPERLINK("x")', "XXX", "1.0"] in rows
    assert about(data)["Selection"] == scope


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
    header = about(csv_bytes(TABLE, "Title", SOURCE, "all", related, extra))
    assert header["Priority weights"] == "no_vote 4" and header["Cite as"] == SOURCE.citation
    for instrument in related:
        assert header[f"{instrument.short_title}: as of"] == instrument.as_of
        assert header[f"{instrument.short_title}: source page"] == instrument.source_url
        assert header[f"{instrument.short_title}: licence"] == instrument.licence


def test_without_the_call_to_action_no_call_to_action_source():
    vote = shipped().catalogue["unga-80-57"]
    workbook = load_workbook(io.BytesIO(excel_bytes(TABLE, "Title", None, "all", [vote])))
    about = {row[0].value: row[1].value for row in workbook["About"].iter_rows()}
    assert "Cite as" not in about and "Source" not in about
    assert about[f"{vote.short_title}: source page"] == vote.source_url


STORED = "Word\x0bline, ctrl\x01\x1b, lone\rreturn, tab\t, =formula"
LEGAL = "Wordline, ctrl, lone\rreturn, tab\t, =formula"  # what XML allows in a workbook


def test_excel_holds_any_text_without_its_illegal_characters():
    table = pd.DataFrame({"Notes\x0c": [STORED, "\x01=1+1"], "ISO3": ["FRA", "KEN"]})
    data = excel_bytes(table, f"Title {STORED}", SOURCE, STORED, extra=[(STORED, STORED)])
    workbook = load_workbook(io.BytesIO(data))
    assert [[c.value for c in row] for row in workbook["Data"]] == [
        ["Notes", "ISO3"],
        [LEGAL, "FRA"],
        ["=1+1", "KEN"],
    ]
    assert workbook["Data"]["A3"].data_type == "s"  # still text, not a formula
    shown = {row[0].value: row[1].value for row in workbook["About"].iter_rows()}
    assert shown["Selection"] == LEGAL and shown[LEGAL] == LEGAL
    assert shown["Title"] == f"Title {LEGAL}"
