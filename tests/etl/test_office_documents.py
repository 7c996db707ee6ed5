"""Lists typed into a word processor and exported by LibreOffice: each publishes exactly its set."""

import importlib.util
import io
import json
import os
import sys
import zipfile
from pathlib import Path

import pytest

from etl import parse_pdf
from etl.extract import Ignored, clean_name, names_from_pdf
from etl.misread import diagnose
from etl.parse_pdf import Chunk, PdfText, pdf_text
from store.published import table_from_csv

from conftest import DOCUMENTS, FIXTURES, alias_index

OFFICE_DIR = FIXTURES / "office"
_spec = importlib.util.spec_from_file_location("make_office", OFFICE_DIR / "make_office.py")
make_office = sys.modules["make_office"] = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(make_office)
BY_PDF = {document.pdf: document for document in make_office.DOCUMENTS}


def is_known(name: str) -> bool:
    return alias_index().knows(name)


def read_names(path: Path) -> list[str]:
    return names_from_pdf(pdf_text(path.read_bytes()), is_known).names


def source_content(path: Path) -> dict[str, bytes]:
    """A source's content: its bytes, or for a DOCX the bytes of each part (zlib may vary)."""
    if path.suffix != ".docx":
        return {path.name: path.read_bytes()}
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def refresh(etl, data_dir: Path, pdf: Path):
    return etl("refresh", "--from-file", str(pdf), "--data-dir", str(data_dir), "--allow-shrink")


@pytest.mark.parametrize("pdf", sorted(BY_PDF))
def test_office_document_publishes_exactly_its_set(pdf, shipped_data, etl):
    document = BY_PDF[pdf]
    run = refresh(etl, shipped_data, OFFICE_DIR / pdf)
    assert run.code == 0, run.err
    table = table_from_csv((shipped_data / "endorsements.csv").read_bytes())
    endorsed = table[table["endorsed"]]
    assert sorted(endorsed["iso3"]) == sorted(iso3 for iso3, _ in document.names)
    listed = dict(zip(endorsed["iso3"], endorsed["name_as_listed"], strict=True))
    assert listed == dict(document.names)


@pytest.mark.parametrize(
    ("pdf", "wrapped"),
    [("list-forms.pdf", "Domain"), ("columns-two-bullets.pdf", "alphabet:")],
)
def test_preamble_is_set_aside_with_the_lines_it_wraps_onto(pdf, wrapped, shipped_data, etl):
    assert refresh(etl, shipped_data, OFFICE_DIR / pdf).code == 0
    meta = json.loads((shipped_data / "endorsements.meta.json").read_text(encoding="utf-8"))
    ignored = {item["text"]: item["reason"] for item in meta["extraction"]["ignored_text"]}
    assert ignored[wrapped] == "wrapped line of a title or sentence"


@pytest.fixture(scope="module")
def regenerated(tmp_path_factory, office_tool) -> Path:
    """The corpus made again by LibreOffice from the generator; CI must have the tools."""
    office_tool("soffice")
    if importlib.util.find_spec("docx") is None:
        message = "python-docx (requirements-dev.txt) is not installed"
        if os.environ.get("CI"):
            pytest.fail(f"{message}: the office corpus cannot be regenerated")
        pytest.skip(message)
    out = tmp_path_factory.mktemp("office")
    make_office.build(out)
    return out


@pytest.mark.parametrize("pdf", sorted(BY_PDF))
def test_regenerated_document_reads_as_the_committed_one(pdf, regenerated):
    document = BY_PDF[pdf]
    assert source_content(regenerated / document.source) == source_content(
        OFFICE_DIR / document.source
    )
    assert read_names(regenerated / pdf) == read_names(OFFICE_DIR / pdf)
    assert sorted(read_names(regenerated / pdf)) == sorted(name for _, name in document.names)


@pytest.mark.parametrize(
    ("printed", "clean"),
    [
        ("10.Cyprus", "Cyprus"),
        ("11.Czech Republic", "Czech Republic"),
        ("1)Chile", "Chile"),
        ("(2) Chile", "Chile"),
        ("3 Chile", "Chile"),
        ("(a) Chile", "Chile"),
        ("(b)Chile", "Chile"),
        ("c)Chile", "Chile"),
        ("i. Chile", "Chile"),
        ("iii.Denmark", "Denmark"),
        ("IV. Chile", "Chile"),
        ("\uf0b7 Chile", "Chile"),  # the Symbol font's bullet, as Word and LibreOffice write it
        ("(cid:183) Chile", "Chile"),  # a bullet glyph without a Unicode value
        ("▪ Chile", "Chile"),
        ("– Chile", "Chile"),
        ("• 1. Armenia", "Armenia"),
        ("U.S.", "U.S"),  # initials are no list marker
        ("UK", "UK"),
        ("Ivory Coast", "Ivory Coast"),
        ("St. Lucia", "St. Lucia"),
    ],
)
def test_list_markers_in_any_form_are_stripped(printed, clean):
    assert clean_name(printed) == clean


@pytest.mark.parametrize(
    ("name", "diagnosis"),
    [
        ("Czech RepublicPoland", "'Czech Republic' and 'Poland' run together"),
        ("Northern Macedonia Norway", "'Northern Macedonia' and 'Norway' run together"),
        ("NigerNigeria", "'Niger' and 'Nigeria' run together"),
        ("Sudan South Sudan", "'Sudan' and 'South Sudan' run together"),
        ("UKUSYemen", "'UK' and 'US' and 'Yemen' run together"),
        ("10 Cyprus", "'Cyprus' with the list marker '10'"),
        ("Cyprus •", "'Cyprus' with the list marker '•'"),
        ("Domain Chile", "'Chile' with 'Domain' from the title or introduction"),
        ("alphabet", "starts in lower case"),
    ],
)
def test_misread_layout_is_diagnosed(name, diagnosis):
    preamble = ["Call to Action on Responsible Use of AI in the Military Domain"]
    assert diagnosis in diagnose(name, alias_index(), preamble)


@pytest.mark.parametrize(
    "name", ["Atlantis", "Republic of Korea North", "Nigerland", "Domain", "Korea Republic"]
)
def test_truly_unknown_name_is_no_misreading(name):
    # A word of the preamble that belongs to names ("Republic") does not explain a new spelling.
    preamble = ["Endorsed by the Republic of Korea and others in the Military Domain"]
    assert diagnose(name, alias_index(), preamble) is None


def test_misread_layout_says_so_and_gives_no_alias_advice(shipped_data, etl, monkeypatch):
    monkeypatch.setattr(parse_pdf, "COLUMN_LINES", 10**6)  # a reader blind to alignment
    # read in this process, where the patch applies, not in the reader's own (etl.sandbox)
    monkeypatch.setattr("etl.refresh.read_pdf", lambda data, _seconds: parse_pdf.pdf_text(data))
    run = refresh(etl, shipped_data, OFFICE_DIR / "table-borderless-down.pdf")
    assert run.code == 1 and run.err.count("\n") == 1
    assert run.err.startswith("error: The layout of the list was misread: ")
    assert (
        "'Democratic Republic of the CongoMalaysia' is 'Democratic Republic of the Congo' and "
        "'Malaysia' run together" in run.err
    )
    assert "aliases_curated" not in run.err and "Do not add these to the alias table" in run.err


def test_truly_unknown_name_gets_the_alias_advice(shipped_data, etl):
    run = refresh(etl, shipped_data, DOCUMENTS / "unknown-name.pdf")
    assert run.code == 1
    assert "aliases_curated.csv" in run.err and "misread" not in run.err


def ruled_table_pdf(rows: list[list[str]], cell: float = 110.0) -> bytes:
    """A ruled table of too few rows to show columns by alignment, each cell's text flush left
    against its ruling and the widest text touching the next ruling."""
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, pagesize=(600, 300), invariant=1)
    size = 10 * cell / max(stringWidth(text, "Helvetica", 10) for row in rows for text in row)
    page.setFont("Helvetica", size)
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            page.drawString(50 + c * cell, 250 - r * 2 * size, text)
    columns = len(rows[0])
    for c in range(columns + 1):
        page.line(50 + c * cell, 260, 50 + c * cell, 250 - len(rows) * 2 * size)
    page.save()
    return buffer.getvalue()


def test_ruling_lines_split_cells_that_touch():
    rows = [["Czech Republic", "Poland", "UK"], ["Chile", "Papua New Guinea", "US"]]
    chunks = pdf_text(ruled_table_pdf(rows)).chunks
    assert sorted(chunk.text for chunk in chunks) == sorted(text for row in rows for text in row)


def line(text: str, top: float, x1: float = 120, font: str = "DejaVuSans") -> Chunk:
    return Chunk(page=1, top=top, x0=50, x1=x1, size=10, text=text, role="body", font=font)


LISTED = ["Armenia", "Chile", "Cyprus", "Denmark", "Estonia", "Finland", "Georgia", "Greece"]
NAMES_BELOW = [line(name, 142 + 12 * i) for i, name in enumerate(LISTED * 3)]
SUBTITLE = (
    "The REAIM 2023 Call to Action on Responsible Use of Artificial Intelligence in the Military"
)


def test_last_word_of_a_subtitle_is_set_aside_with_it():
    chunks = [line(SUBTITLE, 100, x1=500), line("Domain", 112), *NAMES_BELOW]
    result = names_from_pdf(PdfText(chunks, pages=1, metadata={}), is_known)
    assert result.names == LISTED * 3
    assert Ignored("Domain", "wrapped line of a title or sentence") in result.ignored


def test_subtitle_in_display_type_is_set_aside_with_the_lines_it_wraps_onto():
    bold = "DejaVuSans-Bold"
    chunks = [line(SUBTITLE, 100, x1=500, font=bold), line("Domain", 112, font=bold)]
    chunks += [line("Summit", 124, font=bold), *NAMES_BELOW]
    result = names_from_pdf(PdfText(chunks, pages=1, metadata={}), is_known)
    assert result.names == LISTED * 3


def test_first_name_under_an_unfinished_introduction_is_kept_for_resolution():
    # As far from the introduction as from the next name: a list entry, so it must fail loudly.
    chunks = [line(SUBTITLE, 118, x1=500), line("Atlantis", 130), *NAMES_BELOW]
    result = names_from_pdf(PdfText(chunks, pages=1, metadata={}), is_known)
    assert result.names == ["Atlantis", *LISTED * 3]


def test_a_line_below_the_first_name_is_never_preamble():
    note = "The following states endorsed the Call to Action in the weeks after the summit on the"
    chunks = [*NAMES_BELOW, line(note, 450, x1=500), line("Atlantis", 462), line("Chile", 480)]
    result = names_from_pdf(PdfText(chunks, pages=1, metadata={}), is_known)
    assert "Atlantis" in result.names
