"""Downloads through the real pages: the citation line ends with the address that reopens the
page as of the day shown."""

import csv
import io
from datetime import date

from openpyxl import load_workbook
from test_table_downloads import downloaded, managers  # noqa: F401 (the fixture)

from apptest import open_page


def cited(data: bytes) -> str:
    """The address at the end of a CSV's citation line."""
    rows = csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""))
    (cite,) = [row[2] for row in rows if row[:2] == ["#", "Cite as"]]
    return cite.split("in the dashboard: ", 1)[1]


def test_an_export_on_a_past_day_cites_the_page_as_of_that_day(managers):  # noqa: F811
    at = open_page("outreach", org="asean", as_of="2024-03-20")
    assert not at.exception, at.exception
    link = cited(downloaded(at, managers, "Download CSV"))
    assert link.startswith("/outreach?") and "org=asean" in link
    assert link.endswith("&as_of=2024-03-20")
    workbook = load_workbook(io.BytesIO(downloaded(at, managers, "Download Excel")))
    about = {row[0].value: row[1].value for row in workbook["About"].iter_rows()}
    assert about["Cite as"].endswith(link)


def test_an_export_of_the_published_data_cites_it_as_of_today(managers):  # noqa: F811
    at = open_page("regions", by="ungroup", lang="fr")
    assert not at.exception, at.exception
    data = downloaded(at, managers, "Télécharger en CSV")
    rows = csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""))
    (cite,) = [row[2] for row in rows if row[0] == "#" and "tableau de bord :" in row[2]]
    link = cite.split("tableau de bord : ", 1)[1]
    assert link.startswith("/regions?") and "by=ungroup" in link and "lang=fr" in link
    assert link.endswith(f"as_of={date.today().isoformat()}")
