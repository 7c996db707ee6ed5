"""The as-of rules, table-driven: which date a list is current as of, and the basis recorded."""

from datetime import date
from pathlib import Path

import pytest

from etl import as_of
from etl.as_of import AsOf, source_as_of
from etl.bundle import SOURCE_AS_OF, bundle
from etl.parse_html import PageDates, parse, publication_dates
from etl.parse_pdf import pdf_date

FEB_16, MAR_1, MAR_8 = date(2023, 2, 16), date(2023, 3, 1), date(2023, 3, 8)

# (case, page dates, PDF metadata, expected as-of)
RULES = [
    (
        "page modified wins over published, even when earlier",
        PageDates(published=MAR_8, modified=MAR_1),
        {},
        AsOf(MAR_1, as_of.PAGE_MODIFIED),
    ),
    (
        "page modified wins over the PDF",
        PageDates(modified=MAR_1),
        {"ModDate": "D:20230308"},
        AsOf(MAR_1, as_of.PAGE_MODIFIED),
    ),
    (
        "page published wins over the PDF",
        PageDates(published=FEB_16),
        {"ModDate": "D:20230308"},
        AsOf(FEB_16, as_of.PAGE_PUBLISHED),
    ),
    (
        "PDF modification date as text",
        PageDates(),
        {"ModDate": "D:20230301094500+01'00'", "CreationDate": "D:20230216"},
        AsOf(MAR_1, as_of.PDF_MODIFIED),
    ),
    (
        "PDF modification date as bytes",
        PageDates(),
        {"ModDate": b"D:20230301094500Z"},
        AsOf(MAR_1, as_of.PDF_MODIFIED),
    ),
    (
        "PDF modification date as str() of undecoded bytes",
        PageDates(),
        {"ModDate": "b'D:20230301094500Z'"},
        AsOf(MAR_1, as_of.PDF_MODIFIED),
    ),
    (
        "invalid PDF modification date falls back to the creation date",
        PageDates(),
        {"ModDate": "D:20231399", "CreationDate": "D:20230216"},
        AsOf(FEB_16, as_of.PDF_CREATED),
    ),
    (
        "PDF creation date alone",
        PageDates(),
        {"CreationDate": b"D:20230216"},
        AsOf(FEB_16, as_of.PDF_CREATED),
    ),
    ("no date anywhere", PageDates(), {}, AsOf(None, as_of.UNDATED)),
    (
        "unreadable PDF dates",
        PageDates(),
        {"ModDate": "yesterday", "CreationDate": ""},
        AsOf(None, as_of.UNDATED),
    ),
]


@pytest.mark.parametrize(
    ("page", "pdf_metadata", "expected"),
    [row[1:] for row in RULES],
    ids=[row[0] for row in RULES],
)
def test_as_of_rule(page, pdf_metadata, expected):
    assert source_as_of(page, pdf_metadata) == expected


def test_the_rules_and_the_bundle_record_every_basis(tmp_path: Path):
    """A basis added to etl/as_of.py without a row above fails here."""
    shipped = bundle(tmp_path / "data", tmp_path / "work").meta
    assert (shipped["source_as_of"], shipped["source_as_of_basis"]) == (
        SOURCE_AS_OF,
        as_of.TRANSCRIPTION,
    )
    recorded = {row[3].basis for row in RULES} | {shipped["source_as_of_basis"]}
    assert recorded == set(as_of.BASES)


def test_as_of_is_recorded_as_an_iso_date_or_null():
    assert AsOf(MAR_1, as_of.PDF_MODIFIED).iso == "2023-03-01"
    assert AsOf(None, as_of.UNDATED).iso is None


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("D:20230216", FEB_16),
        ("D:20230216120000+01'00'", FEB_16),
        (b"D:20230216120000Z", FEB_16),
        ("20230216", FEB_16),
        ("b'D:20230216120000'", FEB_16),
        ("D:20230230", None),  # no 30 February
        ("D:2023", None),  # year only: no day to record
        ("", None),
        (b"", None),
        ("Thu Feb 16 2023", None),
    ],
)
def test_pdf_date(value, expected):
    assert pdf_date(value) == expected


META = '<meta name="{}" content="{}">'

# (case, page HTML, expected dates)
PAGES = [
    ("no dates", "<p>Endorsing countries</p>", PageDates()),
    (
        "metadata: issued and modified",
        META.format("DCTERMS.issued", "2023-02-16") + META.format("DCTERMS.modified", "2023-03-08"),
        PageDates(published=FEB_16, modified=MAR_8),
    ),
    (
        "metadata: the latest publication date",
        META.format("DCTERMS.issued", "2023-02-16")
        + META.format("DCTERMS.available", "2023-03-01"),
        PageDates(published=MAR_1),
    ),
    (
        "Open Graph modified time",
        '<meta property="article:modified_time" content="2023-03-01T09:45:00+01:00">',
        PageDates(modified=MAR_1),
    ),
    ("a 'Publication |' line", "<p>Publication | 16-02-2023</p>", PageDates(published=FEB_16)),
    ("a 'Last modified:' line", "<p>Last modified: 01-03-2023</p>", PageDates(modified=MAR_1)),
    (
        "impossible dates are ignored",
        META.format("DCTERMS.issued", "2023-02-30") + "<p>Modified | 31-02-2023</p>",
        PageDates(),
    ),
]


@pytest.mark.parametrize(
    ("html", "expected"), [row[1:] for row in PAGES], ids=[row[0] for row in PAGES]
)
def test_page_dates(html, expected):
    assert publication_dates(parse(f"<html><head></head><body>{html}</body></html>")) == expected
