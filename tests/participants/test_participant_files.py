"""Uploaded lists of participants read into lines (participants.files): the types told by their
content, a spreadsheet's columns and the likely one, the lines of Word and HTML documents and
what is set aside, and every refusal: one line, in the active language."""

import io
import zipfile

import docx
import openpyxl
import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from i18n.translate import use
from participants.bounded import Budget
from participants.documents import MAX_COLUMNS
from participants.files import (
    HEADER_ROW,
    HEADING,
    RUNNING,
    ListFileError,
    read_file,
    read_path,
)
from participants.lines import MAX_LINES
from participants.report import read_list
from safeio.uploads import LIMITS

MB = 1024 * 1024


def refused(name: str, data: bytes, budget: Budget | None = None) -> str:
    with pytest.raises(ListFileError) as caught:
        read_file(name, data, *([budget] if budget else []))
    message = str(caught.value)
    assert "\n" not in message and name in message
    return message


def docx_bytes(paragraphs: list[str], rows: list[list[str]] = ()) -> bytes:
    document = docx.Document()
    document.add_paragraph("List of participants", style="Title")
    for text in paragraphs:
        document.add_paragraph(text)
    if rows:
        table = document.add_table(rows=len(rows), cols=len(rows[0]))
        for cells, row in zip(rows, table.rows, strict=True):
            for text, cell in zip(cells, row.cells, strict=True):
                cell.text = text
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def xlsx_bytes(rows: list[list[str]], sheets: int = 1) -> bytes:
    book = openpyxl.Workbook()
    book.active.title = "Notes"
    book.active.append(["Prepared by the secretariat"])
    for n in range(sheets):
        sheet = book.create_sheet(f"Participants {n}" if n else "Participants")
        for row in rows:
            sheet.append(row)
    book.active = 1
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def with_part(package: bytes, part: str, write) -> bytes:
    """The package with one more part, written by ``write(file)`` (a stream: a bomb is never
    held whole)."""
    out = io.BytesIO(package)
    with (
        zipfile.ZipFile(out, "a", zipfile.ZIP_DEFLATED) as archive,
        archive.open(part, "w") as member,
    ):
        write(member)
    return out.getvalue()


# CSV and Excel: the columns, the likely one ---------------------------------------------------


def test_a_csv_offers_its_columns_and_suggests_the_one_naming_most_states():
    text = (
        "N°;Nom;Fonction;Délégation\n"
        "1;M. Jean Dupont;Ambassadeur;France\n"
        "2;Mme Awa Ndiaye;Conseillère;Sénégal\n"
        "3;M. Ousmane Issoufou;Délégué;Niger\n"
        "4;Mme Adaeze Okafor;Experte;Nigéria\n"
    )
    listed = read_file("liste.csv", text.encode("cp1252"))  # a French Excel's CSV
    assert [c.label for c in listed.columns] == ["A: N°", "B: Nom", "C: Fonction", "D: Délégation"]
    assert listed.suggested == listed.column == 3
    assert listed.lines == ("France", "Sénégal", "Niger", "Nigéria")
    assert [c.states for c in listed.columns] == [0, 0, 0, 4]
    assert read_list(listed.text).members == ("FRA", "SEN", "NER", "NGA")
    other = listed.with_column(1)
    assert other.lines[0] == "M. Jean Dupont" and other.column == 1
    with pytest.raises(IndexError):
        listed.with_column(4)


def test_a_first_row_that_names_a_state_is_no_header():
    listed = read_file("plain.csv", "Kenya\nGhana\r\nNigeria\n".encode("utf-8-sig"))
    assert [c.label for c in listed.columns] == ["A"]
    assert listed.lines == ("Kenya", "Ghana", "Nigeria")


def test_a_one_column_text_with_commas_in_its_lines_keeps_each_line_whole():
    text = "H.E. Ms. Ama Mensah, Ambassador, Ghana\nMr. Peter Banda, Malawi\nMali\n"
    listed = read_file("list.txt", text.encode())
    assert listed.kind == "csv" and listed.lines == tuple(text.splitlines())


def test_an_excel_sheet_open_when_saved_is_read_and_its_column_suggested():
    rows = [
        ["Nombre", "Cargo", "Delegación", "Correo"],
        ["Sr. Juan Pérez", "Embajador", "Chile", "jperez@example.org"],
        ["Sra. Ana Mba", "Consejera", "Guinea Ecuatorial", "amba@example.org"],
        ["Sr. Ahmed Abdou", "", "Níger", ""],
        [None, None, None, None],
        ["Sr. Bola Adeyemi", "Delegado", "Nigeria", 42],
    ]
    listed = read_file("participantes.xlsx", xlsx_bytes(rows))
    assert listed.kind == "xlsx" and listed.sheet == "Participants"
    assert listed.columns[listed.suggested].header == "Delegación"
    assert listed.lines == ("Chile", "Guinea Ecuatorial", "Níger", "Nigeria")
    assert listed.columns[3].cells[-1] == "42"


# Word and HTML: lines, and what is set aside ---------------------------------------------------


def test_a_word_document_gives_its_paragraphs_and_each_table_row_as_a_line():
    data = docx_bytes(
        ["1. H.E. Mr. John Kamau, Permanent Mission of Kenya", "Observers"],
        [
            ["No.", "Name and title", "Delegation"],
            ["2.", "Ms. Ama Mensah\nAmbassador", "Ghana"],
            ["3.", "Mr. Ibrahim Moussa", "Niger"],
            ["Mali", "Malawi", "Nigeria"],
        ],
    )
    listed = read_file("participants.docx", data)
    assert listed.kind == "docx"
    assert listed.lines == (
        "1. H.E. Mr. John Kamau, Permanent Mission of Kenya",
        "Observers",
        "2. Ms. Ama Mensah, Ambassador, Ghana",
        "3. Mr. Ibrahim Moussa, Niger",
        "Mali",
        "Malawi",
        "Nigeria",
    )
    assert [(a.text, a.reason) for a in listed.set_aside] == [
        ("List of participants", HEADING),
        ("No., Name and title, Delegation", HEADER_ROW),
    ]
    assert listed.set_aside[0].said == "a title or heading that names no participant"
    with use("fr"):
        assert listed.set_aside[1].said == "la ligne d’en-tête d’un tableau"


def test_an_html_page_leaves_its_navigation_scripts_and_forms_out():
    """A paragraph is one line, its pieces between line breaks joined by commas, unless each
    names a participant."""
    page = """<!DOCTYPE html><html><head><title>Kenya</title><script>var x = "Ghana";</script>
    </head><body><header><nav><ul><li>Home</li><li>Mali</li></ul></nav></header>
    <main><h1>Participants</h1><h2>Delegation of Kenya</h2>
    <p>H.E. Mr. John
       Kamau,<br>Permanent Mission of <b>Kenya</b></p>
    <table><tr><th>Name</th><th>Delegation</th></tr>
    <tr><td>Ms. Achol Deng</td><td>South Sudan</td></tr>
    <tr><td>Mr. Omer Hassan</td><td>Sudan</td></tr></table>
    <ul><li>Austria<ul><li>Australia</li></ul></li></ul><p>Mali<br>Malawi</p>
    <form><select><option>Iran</option></select></form><p hidden>Iraq</p>
    <!-- Malawi --></main><footer>© Mali</footer></body></html>"""
    listed = read_file("page.html", page.encode())
    assert listed.lines == (
        "Delegation of Kenya",
        "H.E. Mr. John Kamau, Permanent Mission of Kenya",  # one paragraph, one line
        "Ms. Achol Deng, South Sudan",
        "Mr. Omer Hassan, Sudan",
        "Austria",
        "Australia",
        "Mali",  # a paragraph of names, each on its own line
        "Malawi",
    )
    assert [(a.text, a.reason) for a in listed.set_aside] == [
        ("Participants", HEADING),
        ("Name, Delegation", HEADER_ROW),
    ]


def table_pdf(pages: list[list[tuple[str, str, str]]]) -> bytes:
    """A list of participants drawn as a table over pages (number, name, delegation; a name
    row "" continues the cell above), under a running header, over a footer with the page's
    number."""
    out = io.BytesIO()
    page = canvas.Canvas(out, pagesize=A4, invariant=1)
    for number, rows in enumerate(pages, start=1):
        page.setFont("Helvetica", 8)
        page.drawString(50, 800, "Vienna Dialogue on Military AI – participants")
        page.drawString(50, 40, f"Vienna Dialogue – page {number} of {len(pages)}")
        page.setFont("Helvetica", 10)
        for at, cells in enumerate(rows):
            for x, text in zip((50, 90, 330), cells, strict=True):
                page.drawString(x, 740 - 13 * at, text)
        page.showPage()
    page.save()
    return out.getvalue()


def test_a_pdf_table_row_that_breaks_across_pages_is_one_line():
    wrapped = "Representative"
    first = [("No.", "Name and title", "Delegation")]
    for n, state in ((1, "Niger"), (2, "Nigeria"), (3, "Austria")):
        name = f"Mr. Person {n}, Ambassador and Permanent"
        first += [(f"{n}.", name, f"Mission of {state}"), ("", wrapped, "")]
    first.pop()  # the last line of entry 3 is at the top of the next page
    second = [("", wrapped, ""), ("4.", "Ms. Person 4, Counsellor", "Mission of Australia")]
    listed = read_file("vienna.pdf", table_pdf([first, second]))
    assert listed.lines == tuple(
        f"{n}. {name}, Mission of {state}"
        for n, name, state in (
            (1, "Mr. Person 1, Ambassador and Permanent Representative", "Niger"),
            (2, "Mr. Person 2, Ambassador and Permanent Representative", "Nigeria"),
            (3, "Mr. Person 3, Ambassador and Permanent Representative", "Austria"),
            (4, "Ms. Person 4, Counsellor", "Australia"),
        )
    )
    assert sorted((a.text, a.reason) for a in listed.set_aside) == [
        ("No., Name and title, Delegation", HEADER_ROW),
        *[("Vienna Dialogue on Military AI – participants", RUNNING)] * 2,
        ("Vienna Dialogue – page 1 of 2", RUNNING),
        ("Vienna Dialogue – page 2 of 2", RUNNING),
    ]


def test_the_type_is_told_by_the_content_not_the_name(tmp_path):
    page = b"\xef\xbb\xbf<html><body><ul><li>Kenya</li><li>Ghana</li></ul></body></html>"
    assert read_file("list.pdf", page).kind == "html"
    path = tmp_path / "participants.bin"
    path.write_bytes(docx_bytes(["Kenya"]))
    assert read_path(path).kind == "docx"


# Refusals ---------------------------------------------------------------------------------------


def test_a_file_over_10_mb_is_refused_before_it_is_read(tmp_path):
    message = refused("big.csv", b"Kenya\n" * (LIMITS.size // 6 + 1))
    assert "is larger than the 10 MB limit" in message
    path = tmp_path / "big.csv"
    path.write_bytes(bytes(LIMITS.size + 1))
    with pytest.raises(ListFileError, match=r"big\.csv is larger than the 10 MB limit"):
        read_path(path)


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
        b"\x1f\x8b\x08\x00\x00\x00\x00\x00",
        b"GIF89a\x00\x01",
    ],
    ids=["png", "gzip", "gif"],
)
def test_an_unknown_type_is_refused(data):
    message = refused("photo.pdf", data)
    assert "is not a list of participants in a format read here: CSV, Excel" in message


def test_an_old_or_password_protected_office_file_is_refused():
    message = refused("participants.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600))
    assert "is an old-format (.ppt, .doc, .xls) or password-protected Office file" in message
    message = refused("slides.pptx", xlsx_bytes([["Kenya"]]).replace(b"xl/", b"zz/"))
    assert "not a Word (.docx) or Excel (.xlsx) file" in message or "damaged" in message


@pytest.mark.parametrize("kind", ["docx", "xlsx"])
def test_a_zip_bomb_disguised_as_a_word_or_excel_file_is_refused_unread(kind):
    package = docx_bytes(["Kenya"]) if kind == "docx" else xlsx_bytes([["Kenya"]])

    def zeros(member):
        block = bytes(MB)
        for _ in range(128):
            member.write(block)

    bomb = with_part(package, f"{'word' if kind == 'docx' else 'xl'}/media/image1.png", zeros)
    assert len(bomb) < MB
    assert "unpacks to more than 100 times its stored size" in refused(f"list.{kind}", bomb)


def test_an_entity_declaration_in_an_office_part_is_refused():
    laughs = (
        b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>'
        b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        b"<si><t>&lol2;</t></si></sst>"
    )
    package = with_part(xlsx_bytes([["Kenya"]]), "xl/extra.xml", lambda m: m.write(laughs))
    assert "is damaged or incomplete" in refused("list.xlsx", package)


def test_more_than_500_lines_is_refused():
    rows = "\n".join(f"Participant {n}, Kenya" for n in range(MAX_LINES + 1))
    message = refused("long.csv", rows.encode())
    assert message == (
        "long.csv holds more than 500 lines; at most 500 are read at once; "
        "split it into shorter lists"
    )
    paragraphs = [f"Mr. X{n}, Ghana" for n in range(MAX_LINES + 1)]
    assert "more than 500 lines" in refused("long.docx", docx_bytes(paragraphs))
    assert len(read_file("fits.docx", docx_bytes(paragraphs[:MAX_LINES])).lines) == MAX_LINES


def test_a_file_that_names_no_participant_is_refused():
    message = refused("menu.csv", b"Starter;Main course\nSoup;Fish\nSalad;Pasta\n")
    assert message == (
        "menu.csv names no state or organisation that could be recognised; "
        "check that it is the list of participants, or paste the names"
    )
    assert "names no state" in refused("empty.docx", docx_bytes([]))
    assert "names no state" in refused("blank.csv", b"\n\n ; \n")


def test_more_columns_than_a_list_has_are_refused():
    row = ";".join(["Kenya"] * (MAX_COLUMNS + 1))
    assert "has more than 30 columns" in refused("wide.csv", f"{row}\n{row}\n".encode())


def test_a_reader_past_its_time_or_memory_budget_is_stopped():
    page = ("<div>" * 200_000 + "Kenya").encode()
    assert "took longer than" in refused("deep.html", page, Budget(seconds=0.05))
    assert "is far longer than a list" in refused("deep.html", page, Budget(memory=4 * MB))


def test_refusals_are_said_in_the_active_language():
    with use("fr"):
        message = refused("menu.csv", b"Soupe\nPoisson\n")
    assert message == (
        "menu.csv ne nomme aucun État ni aucune organisation reconnaissable; "
        "vérifiez qu’il s’agit bien de la liste des participants, ou collez les noms"
    )
    with use("es"):
        assert "tiene más de 500 líneas" in refused("larga.csv", b"Kenya\n" * 501)
