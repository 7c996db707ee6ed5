"""The corpus of participants lists as files (tests/fixtures/participants/make_participants.py):
a LibreOffice PDF and DOCX, a python-docx DOCX, an Excel workbook, a web page and a CSV, read as
the table tests/fixtures/participants/files.csv says, line by line.

Columns of the table: ``list`` (the lines of one list, in order, whichever file holds it),
``text`` (the line as read, list markers aside: the PDF numbers what Word numbers by itself),
``outcome`` (a participants.match.Outcome, or ``set aside``: read but not a line of the list),
``expected`` (the state's or entity's ISO3, an ambiguous line's choices separated by ``|``, an
organisation's id, or why a text was set aside), ``how`` (how it matched, or why it is
ambiguous), ``only`` (a set-aside text that only this file of the list holds: the PDF's page
numbers and running header). The expectations are written by hand.
"""

import csv
import importlib.util
import sys
import zipfile
from collections import Counter, defaultdict
from pathlib import Path

import pytest
from test_participant_table import found

from participants.files import ListFile, read_path
from participants.lines import bare
from participants.match import Outcome
from participants.report import read_list

from conftest import FIXTURES

CORPUS = FIXTURES / "participants"
_spec = importlib.util.spec_from_file_location("make_participants", CORPUS / "make_participants.py")
make_participants = sys.modules["make_participants"] = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(make_participants)

SET_ASIDE = "set aside"
LIST_OF = {
    "nairobi-consultation.docx": "nairobi",
    "nairobi-consultation.pdf": "nairobi",
    "geneve-consultations.docx": "geneve",
    "vienna-participants.html": "vienna",
    "santiago-participantes.xlsx": "santiago",
    "traps.csv": "traps",
}
SUGGESTED = {"santiago-participantes.xlsx": "Delegación", "traps.csv": "Délégation"}


def read_table() -> dict[str, list[dict[str, str]]]:
    lists: dict[str, list[dict[str, str]]] = defaultdict(list)
    with (CORPUS / "files.csv").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            lists[row["list"]].append(row)
    return lists


TABLE = read_table()


def said(listed: ListFile) -> list[tuple[str, str, str, str]]:
    """Each line of a file as the table says it: its text without list markers, outcome,
    expected, how."""
    return [
        (bare(line.text), line.outcome.value, found(line), line.how)
        for line in read_list(listed.text).lines
    ]


def test_the_corpus_and_the_table_agree():
    assert set(LIST_OF) == set(make_participants.FILES)
    assert set(TABLE) == set(LIST_OF.values())
    assert all(
        row["how"] or row["outcome"] in (SET_ASIDE, "not_found")
        for r in TABLE.values()
        for row in r
    )


@pytest.mark.parametrize("name", sorted(LIST_OF))
def test_each_file_reads_as_the_table_says(name):
    rows = TABLE[LIST_OF[name]]
    listed = read_path(CORPUS / name)
    expected = [
        (bare(row["text"]), row["outcome"], row["expected"], row["how"])
        for row in rows
        if row["outcome"] != SET_ASIDE
    ]
    assert said(listed) == expected
    aside = Counter(
        (row["text"], row["expected"])
        for row in rows
        if row["outcome"] == SET_ASIDE and row["only"] in ("", name)
    )
    assert Counter((a.text, a.reason) for a in listed.set_aside) == aside
    if name in SUGGESTED:
        assert listed.columns[listed.suggested].header.startswith(SUGGESTED[name])
    else:
        assert listed.columns == () and listed.suggested is None


def test_every_trap_is_in_the_corpus():
    """Each look-alike pair appears, each side matched to its own state somewhere."""
    matched = {
        row["expected"]
        for rows in TABLE.values()
        for row in rows
        if row["outcome"] in ("matched", "duplicate")
    }
    pairs = [
        ("NER", "NGA"),
        ("GIN", "GNB"),
        ("GNQ", "PNG"),
        ("COG", "COD"),
        ("DMA", "DOM"),
        ("SDN", "SSD"),
        ("KOR", "PRK"),
        ("AUT", "AUS"),
        ("IRN", "IRQ"),
        ("MLI", "MWI"),
    ]
    assert [pair for pair in pairs if not set(pair) <= matched] == []
    outcomes = Counter(row["outcome"] for rows in TABLE.values() for row in rows)
    assert {o.value for o in Outcome} <= set(outcomes)


def test_the_sources_and_the_workbook_are_made_again_byte_for_byte(tmp_path):
    make_participants.write_nairobi(tmp_path)
    make_participants.write_santiago(tmp_path)
    make_participants.write_traps(tmp_path)
    (tmp_path / "geneve.html").write_text(make_participants.geneve_html(), encoding="utf-8")
    (tmp_path / "vienna.html").write_text(make_participants.vienna_html(), encoding="utf-8")
    assert parts(tmp_path / "nairobi-consultation.docx") == parts(
        CORPUS / "nairobi-consultation.docx"
    )
    for made, committed in [
        ("santiago-participantes.xlsx", "santiago-participantes.xlsx"),
        ("traps.csv", "traps.csv"),
        ("geneve.html", "geneve-consultations.html"),
        ("vienna.html", "vienna-participants.html"),
    ]:
        assert (tmp_path / made).read_bytes() == (CORPUS / committed).read_bytes(), made


def parts(path: Path) -> dict[str, bytes]:
    """A package's parts (zlib may compress the same part to other bytes)."""
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


@pytest.fixture(scope="module")
def regenerated(tmp_path_factory, office_tool) -> Path:
    """The corpus made again, LibreOffice's PDF and DOCX included."""
    office_tool("soffice")
    out = tmp_path_factory.mktemp("participants")
    make_participants.build(out)
    return out


@pytest.mark.parametrize("name", sorted(make_participants.MADE_BY_OFFICE))
def test_what_libreoffice_makes_again_reads_as_the_committed_file(name, regenerated):
    again, committed = read_path(regenerated / name), read_path(CORPUS / name)
    assert again.lines == committed.lines
    assert again.set_aside == committed.set_aside
