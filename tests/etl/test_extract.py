"""Pure extraction rules: cleaning printed names, re-joining wraps, splitting running text."""

import pytest

from etl.extract import Ignored, clean_name, names_from_html_lists, names_from_pdf, reconcile
from etl.parse_pdf import Chunk, PdfText

from conftest import alias_index


def is_known(name: str) -> bool:
    return alias_index().knows(name)


@pytest.mark.parametrize(
    ("printed", "clean"),
    [
        ("Palestine*", "Palestine"),
        ("Palestine¹", "Palestine"),
        ("Palestine1", "Palestine"),
        ("Palestine *", "Palestine"),
        ("12. Armenia", "Armenia"),
        ("• Belgium", "Belgium"),
        ("(a) Chile", "Chile"),
        ("– Cyprus,", "Cyprus"),
        ("  Republic of   Korea ", "Republic of Korea"),
        ("Guinea-Bissau", "Guinea-Bissau"),
        ("Yemen.", "Yemen"),
    ],
)
def test_clean_name(printed, clean):
    assert clean_name(printed) == clean


def test_wrapped_names_are_rejoined_only_into_known_names():
    segments = [
        "Saint Vincent and the",
        "Grenadines",
        "Republic of",
        "Korea",
        "Equatorial",
        "Guinea",
    ]
    assert reconcile(segments, is_known) == [
        "Saint Vincent and the Grenadines",
        "Republic of Korea",
        "Equatorial Guinea",
    ]


def test_running_and_is_split_but_names_with_and_are_kept():
    assert reconcile(["Yemen and Zimbabwe"], is_known) == ["Yemen", "Zimbabwe"]
    assert reconcile(["Trinidad and Tobago"], is_known) == ["Trinidad and Tobago"]
    assert reconcile(["Bosnia and Herzegovina and Chile"], is_known) == [
        "Bosnia and Herzegovina",
        "Chile",
    ]


def test_unknown_text_is_left_for_resolution_to_reject():
    assert reconcile(["Atlantis", "Narnia and Oz"], is_known) == ["Atlantis", "Narnia and Oz"]


def chunk(text: str, role: str = "body", page: int = 1, top: float = 0.0) -> Chunk:
    return Chunk(page=page, top=top, x0=50, x1=200, size=11, text=text, role=role)


def test_page_furniture_is_ignored_with_reasons():
    chunks = [
        chunk("Endorsing Countries and Territories", role="heading"),
        chunk("Armenia"),
        chunk("Australia"),
        chunk("3"),
        chunk("Page 2 of 3"),
        chunk("- 4 -"),
        chunk("The Hague, 16 February 2023"),
        chunk("As of 1 March 2023 the following states endorsed the Call to Action"),
        chunk("¹", role="small"),
    ]
    result = names_from_pdf(PdfText(chunks=chunks, pages=1, metadata={}), is_known)
    assert result.names == ["Armenia", "Australia"]
    reasons = {item.text: item.reason for item in result.ignored}
    assert reasons["3"] == reasons["Page 2 of 3"] == reasons["- 4 -"] == "page number"
    assert reasons["The Hague, 16 February 2023"] == "date"
    assert reasons["Endorsing Countries and Territories"] == "title (larger type)"


def test_running_header_repeated_on_pages_is_ignored_but_a_repeated_name_is_not():
    chunks = [
        chunk("Ministerie van Defensie", page=1),
        chunk("Chile", page=1),
        chunk("Ministerie van Defensie", page=2),
        chunk("Chile", page=2),
    ]
    result = names_from_pdf(PdfText(chunks=chunks, pages=2, metadata={}), is_known)
    assert result.names == ["Chile", "Chile"]  # resolution then fails on the duplicate


def test_running_text_keeps_only_the_listing_sentence():
    lines = [
        "The summit was held in The Hague. The following states endorsed: Chile, China, El",
        "Salvador, Korea, Republic of, and Japan. More may follow, we hope, in due course.",
    ]
    result = names_from_pdf(PdfText([chunk(t) for t in lines], pages=1, metadata={}), is_known)
    assert result.layout == "running text"
    assert result.names[:4] == ["Chile", "China", "El Salvador", "Korea, Republic of"]
    assert "and Japan" in result.names[4]


def test_html_list_with_most_known_names_wins():
    navigation = ["Home", "Topics", "Ministries", "Contact"]
    names = ["Chile", "China", "Cyprus", "Poland*"]
    result = names_from_html_lists([navigation, names], is_known)
    assert result.names == ["Chile", "China", "Cyprus", "Poland"]
    assert result.layout == "html list"
    assert result.ignored == [Ignored("1 other list(s) of 4 items", "navigation")]
