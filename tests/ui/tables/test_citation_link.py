"""The citation line of every export ends with the dashboard's address that reopens its figures
as of a day: ``/outreach?region=002&as_of=2024-03-20``."""

import csv
import io
from datetime import date
from urllib.parse import parse_qs, urlsplit

import pandas as pd
from openpyxl import load_workbook

from i18n.translate import use
from safeio.spreadsheet_csv import FORMULA_START
from ui.tables.citation import figure_link, reopen_line
from ui.tables.export import csv_bytes, excel_bytes

from ui_fixtures import shipped

SOURCE = shipped().provenance
TABLE = pd.DataFrame({"State": ["Austria"], "ISO3": ["AUT"]})
DAY = date(2024, 3, 20)
LINK = reopen_line("outreach", {"region": "002", "lang": "fr"}, DAY)


def about(data: bytes) -> dict[str, str]:
    """The ``#,label,text`` lines at the top of a CSV."""
    rows = csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""))
    return {row[1]: row[2] for row in rows if row[0] == "#"}


def test_the_link_is_the_page_its_parameters_and_the_day():
    assert (
        figure_link("outreach", {"region": "002"}, DAY) == "/outreach?region=002&as_of=2024-03-20"
    )
    compared = {"focus": "org-g7", "compare": "us-political-declaration,unga-80-57"}
    assert figure_link("", compared, DAY) == (
        "/?focus=org-g7&compare=us-political-declaration,unga-80-57&as_of=2024-03-20"
    )


def test_the_day_of_the_link_replaces_the_one_the_page_had():
    link = figure_link("regions", {"as_of": "2023-05-01", "by": "ungroup"}, DAY)
    assert parse_qs(urlsplit(link).query) == {"by": ["ungroup"], "as_of": ["2024-03-20"]}


def test_the_reopening_sentence_says_the_day_in_the_language():
    assert LINK == (
        "Figures as of 20 March 2024 in the dashboard: "
        "/outreach?region=002&lang=fr&as_of=2024-03-20"
    )
    with use("fr"):
        said = reopen_line("", {"focus": "world"}, DAY)
    assert (
        said == "Chiffres au 20 mars 2024 dans le tableau de bord : /?focus=world&as_of=2024-03-20"
    )


def test_the_csv_citation_line_ends_with_the_link():
    cite = about(csv_bytes(TABLE, "Title", SOURCE, "all", link=LINK))["Cite as"]
    assert cite == f"{SOURCE.citation} {LINK}"
    assert "as_of=2024-03-20" in cite


def test_the_excel_citation_line_ends_with_the_link():
    workbook = load_workbook(io.BytesIO(excel_bytes(TABLE, "Title", SOURCE, "all", link=LINK)))
    rows = {row[0].value: row[1].value for row in workbook["About"].iter_rows()}
    assert rows["Cite as"] == f"{SOURCE.citation} {LINK}"


def test_without_the_call_to_action_the_citation_line_is_the_link():
    vote = shipped().catalogue["unga-80-57"]
    header = about(csv_bytes(TABLE, "Title", None, "all", [vote], link=LINK))
    assert header["Cite as"] == LINK and "Source" not in header


def test_a_formula_in_the_page_parameters_never_reaches_a_cell():
    attack = '=HYPERLINK("http://evil.example/")'
    line = reopen_line("outreach", {"q": attack}, DAY)
    assert attack not in line  # the address is encoded: "%3DHYPERLINK%28..."
    data = csv_bytes(TABLE, "Title", None, "all", link=line)
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert [cell for row in rows for cell in row if cell.startswith(FORMULA_START)] == []
    assert parse_qs(urlsplit(about(data)["Cite as"].split(": ", 1)[1]).query)["q"] == [attack]
