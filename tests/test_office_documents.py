"""Lists typed into a word processor and exported by LibreOffice: each publishes exactly its set."""

import importlib.util
import json
import os
import shutil
import sys
from pathlib import Path

import pytest

from etl import parse_pdf
from etl.extract import clean_name, names_from_pdf
from etl.misread import diagnose
from etl.parse_pdf import pdf_text
from etl.reference import load_alias_index
from etl.table import table_from_csv

from conftest import DOCUMENTS, FIXTURES

OFFICE_DIR = FIXTURES / "office"
_spec = importlib.util.spec_from_file_location("make_office", OFFICE_DIR / "make_office.py")
make_office = sys.modules["make_office"] = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(make_office)
BY_PDF = {document.pdf: document for document in make_office.DOCUMENTS}


def is_known(name: str) -> bool:
    return load_alias_index().lookup(name) is not None


def read_names(path: Path) -> list[str]:
    return names_from_pdf(pdf_text(path.read_bytes()), is_known).names


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
    [("numbered-forms.pdf", "Domain"), ("columns-two-bullets.pdf", "alphabet:")],
)
def test_preamble_is_set_aside_with_the_lines_it_wraps_onto(pdf, wrapped, shipped_data, etl):
    assert refresh(etl, shipped_data, OFFICE_DIR / pdf).code == 0
    meta = json.loads((shipped_data / "endorsements.meta.json").read_text(encoding="utf-8"))
    ignored = {item["text"]: item["reason"] for item in meta["extraction"]["ignored_text"]}
    assert ignored[wrapped] == "wrapped line of a title or sentence"


@pytest.fixture(scope="module")
def regenerated(tmp_path_factory) -> Path:
    """The corpus made again by LibreOffice from the generator; CI must have the tools."""
    missing = [
        tool
        for tool, present in (
            ("LibreOffice (soffice, Debian's libreoffice-writer)", shutil.which("soffice")),
            ("python-docx (requirements-dev.txt)", importlib.util.find_spec("docx")),
        )
        if not present
    ]
    if missing and os.environ.get("CI"):
        pytest.fail(f"{' and '.join(missing)} missing: the office corpus cannot be regenerated")
    if missing:
        pytest.skip(f"{' and '.join(missing)} not installed")
    out = tmp_path_factory.mktemp("office")
    make_office.build(out)
    return out


@pytest.mark.parametrize("pdf", sorted(BY_PDF))
def test_regenerated_document_reads_as_the_committed_one(pdf, regenerated):
    document = BY_PDF[pdf]
    source = document.source
    assert (regenerated / source).read_bytes() == (OFFICE_DIR / source).read_bytes()
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
    assert diagnosis in diagnose(name, load_alias_index().lookup, preamble)


@pytest.mark.parametrize("name", ["Atlantis", "Republic of Korea North", "Nigerland", "Domain"])
def test_truly_unknown_name_is_no_misreading(name):
    assert diagnose(name, load_alias_index().lookup, ["Call to Action"]) is None


def test_misread_layout_says_so_and_gives_no_alias_advice(shipped_data, etl, monkeypatch):
    monkeypatch.setattr(parse_pdf, "COLUMN_LINES", 10**6)  # a reader blind to alignment
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
