"""The PDF handout: figures and names against the CSV files, layout, fonts, vector map, previews."""

import io
import socket
import subprocess
from datetime import date
from functools import cache

import pytest
from handout_checks import (
    A4_LANDSCAPE,
    BASE_14,
    CTA,
    PD,
    expected,
    flat,
    fonts,
    fonts_of,
    images,
    path_operators,
)
from pypdf import PdfReader

from briefing.handout import render_handout
from briefing.pack import AUTHOR, Pack, build_pack
from instruments.view import View
from store.focus import Focus
from ui.figures.print_map import render_map

from conftest import REPO
from pdf_text import pages_text
from ui_fixtures import shipped

CASES = {
    "g7": ("org-g7", CTA),
    "oic": ("org-oic", CTA),
    "africa": ("region-africa", CTA),
    "world": ("world", CTA),
    "comparison": ("world", f"{PD},{CTA}"),
}
LAYOUT_CASES = {"asia-pacific-votes": ("ungroup-asia-pacific-group", "unga-80-57")}  # "No (1)"
# The largest group; every other handout fits on three, a page of which the suggested asks fill
MOST_PAGES = {"world": 4, "comparison": 4}
ARTIFACTS = REPO / "test-artifacts" / "briefing"
NAMES_HEADING = "Who has endorsed and who has not"
AFTER_NAMES = ("Caveats", "Outreach priorities")


@cache
def built(case: str) -> tuple[Pack, bytes, bytes]:
    """The pack, its map as PDF and its handout; built once per test session."""
    focus_key, view_key = (CASES | LAYOUT_CASES)[case]
    data = shipped()
    pack = build_pack(data, Focus.parse(focus_key), View.parse(view_key), today=date(2026, 12, 1))
    map_pdf = render_map(pack.view, data.geometry, data.dots, pack.focus, "pdf")
    return pack, map_pdf, render_handout(pack, map_pdf)


@cache
def whole_text(case: str) -> str:
    return " ".join(pages_text(built(case)[2]))


def names_section(case: str) -> str:
    """The text from the names heading to the caveats or the priorities, whichever comes first."""
    text = whole_text(case)
    start = text.index(NAMES_HEADING)
    end = min(i for i in (text.find(h, start) for h in AFTER_NAMES) if i >= 0)
    return text[start:end]


def test_the_focus_keys_exist():
    assert {focus for focus, _ in CASES.values()} <= set(map(str, shipped().focus_frames))


@pytest.mark.parametrize("case", CASES)
def test_key_figures_equal_the_csv_counts(case):
    pack, _, _ = built(case)
    want = expected(*CASES[case])
    text = whole_text(case)
    first, *others = want.counts
    assert f"{first}: {want.label} {want.lead}" in text
    if want.label != "the world":
        assert f"{first}: the world {want.world}" in text
    for category in others:  # an empty category is no figure: never "Abstain 0"
        shown = f"{category} {want.counts[category]}" in text
        assert shown == bool(want.counts[category]), category
    assert pack.sentences[0].startswith(want.lead)
    for sentence in pack.sentences:
        assert flat(sentence) in text


@pytest.mark.parametrize("case", CASES)
def test_every_name_is_listed_under_its_own_category(case):
    want = expected(*CASES[case])
    section = names_section(case)
    headings = [f"{category} ({len(names)})" for category, names in want.lists.items()]
    starts = [section.index(heading) for heading in headings]
    assert starts == sorted(starts)
    for (category, names), start, end in zip(
        want.lists.items(), starts, [*starts[1:], len(section)], strict=True
    ):
        segment = section[start:end]
        missing = [name for name in names if name not in segment]
        assert not missing, f"{category}: {missing}"
        strangers = [
            other
            for elsewhere, others in want.lists.items()
            if elsewhere != category
            for other in others
            if other in segment and not any(other in mine for mine in names)
        ]
        assert not strangers, f"{category} lists {strangers}"


@pytest.mark.parametrize("case", CASES)
def test_every_member_is_named_and_counted(case):
    want = expected(*CASES[case])
    section = names_section(case)
    assert [name for name in want.members if name not in section] == []
    assert sum(want.counts.values()) == len(want.members)


@pytest.mark.parametrize(
    ("case", "written"),
    [
        ("world", {"Côte d’Ivoire", "Türkiye"}),
        ("oic", {"Côte d’Ivoire", "Türkiye"}),
        ("africa", {"Côte d’Ivoire"}),
    ],
)
def test_names_with_diacritics_extract_as_written(case, written):
    want = expected(*CASES[case])
    assert {name for name in want.members if not name.isascii()} == written
    section = names_section(case)
    assert all(name in section for name in written)


@pytest.mark.parametrize("case", [*CASES, "asia-pacific-votes"])
def test_each_list_heading_shares_its_page_with_names(case):
    """No heading is left alone at the foot of a page (short lists at a page break included)."""
    pack, _, pdf = built(case)
    pages = pages_text(pdf)
    for names in pack.name_lists:
        start = f"{names.heading} {flat(names.names[0])}"
        assert sum(start in text for text in pages) == 1, start


@pytest.mark.parametrize("case", CASES)
def test_pages_are_a4_landscape_with_the_footer_on_each(case):
    pack, _, pdf = built(case)
    want = expected(*CASES[case])
    pages = PdfReader(io.BytesIO(pdf)).pages
    texts = pages_text(pdf)
    assert 1 <= len(pages) <= MOST_PAGES.get(case, 3)
    for number, (page, text) in enumerate(zip(pages, texts, strict=True), start=1):
        assert float(page.mediabox.width) == pytest.approx(A4_LANDSCAPE[0], abs=0.5)
        assert float(page.mediabox.height) == pytest.approx(A4_LANDSCAPE[1], abs=0.5)
        assert f"page {number} of {len(pages)}" in text
        assert flat(pack.footer) in text
        assert want.as_of in text


@pytest.mark.parametrize("case", CASES)
def test_sections_are_all_there(case):
    pack, _, _ = built(case)
    text = whole_text(case)
    for heading in ("Key figures", "Ready to say", NAMES_HEADING, "Related instruments"):
        assert heading in text
    assert "Outreach priorities" in text and "Sources and method" in text
    assert flat(pack.title) in text and flat(pack.prepared) in text
    assert f"Score = {flat(pack.weights)}" in text
    for priority in pack.priorities:  # in a group: its rank, the world's in brackets
        focused = not pack.focus.is_world
        rank = f"{priority.rank} ({priority.world_rank})" if focused else priority.rank
        assert f"{rank} {priority.name} {priority.score:.1f}" in text
    for instrument, standing in pack.related:
        assert flat(instrument) in text and flat(standing) in text
    for line in pack.notes:
        assert flat(line) in text
    unspaced = "".join(text.split())  # long URLs break across lines without a space
    for line in pack.sources:
        assert "".join(line.split()) in unspaced


@pytest.mark.parametrize("case", CASES)
def test_fonts_are_embedded_dejavu_never_base_14(case):
    used = fonts(built(case)[2])
    names = {str(font["/BaseFont"]).lstrip("/").split("+")[-1] for font in used}
    assert names and not names & BASE_14
    assert all(name.startswith("DejaVuSans") for name in names), names
    truetype = [font for font in used if font["/Subtype"] == "/TrueType"]
    assert truetype, "the handout's own text is set in an embedded TrueType font"
    assert all("/FontFile2" in font["/FontDescriptor"].get_object() for font in truetype)
    assert all("/CharProcs" in font for font in used if font["/Subtype"] == "/Type3")


@pytest.mark.parametrize("case", ["g7", "world"])
def test_the_maps_fonts_stay_on_its_page(case):
    pdf = built(case)[2]
    later = [fonts_of(page) for page in PdfReader(io.BytesIO(pdf)).pages[1:]]
    assert later and all(kinds == {"/TrueType"} for kinds in later)
    assert "/Type3" in fonts_of(PdfReader(io.BytesIO(pdf)).pages[0])


@pytest.mark.parametrize("case", CASES)
def test_the_map_is_merged_as_vector(case):
    pack, map_pdf, pdf = built(case)
    handout, chart = PdfReader(io.BytesIO(pdf)), PdfReader(io.BytesIO(map_pdf))
    first = handout.pages[0]
    drawn = path_operators(chart.pages[0], chart)
    assert drawn > 1000  # a map's worth of outlines
    assert path_operators(first, handout) >= drawn
    assert all(path_operators(page, handout) < drawn / 10 for page in handout.pages[1:])
    assert images(first) == []
    map_lines = chart.pages[0].extract_text().splitlines()
    page_one = flat(first.extract_text())
    assert flat(map_lines[1]) in page_one  # the map's subtitle: "… Dots mark states too small"
    assert page_one.count(flat(pack.title)) >= 2  # the handout's title and the map's


@pytest.mark.parametrize("case", ["g7", "comparison"])
def test_same_pack_gives_the_same_bytes(case):
    pack, map_pdf, pdf = built(case)
    again = render_handout(pack, map_pdf)
    assert pages_text(again) == pages_text(pdf)
    assert again == pdf


def test_metadata_names_the_pack():
    pack, _, pdf = built("africa")
    metadata = PdfReader(io.BytesIO(pdf)).metadata
    assert metadata.title == pack.title
    assert metadata.subject == pack.subtitle
    assert metadata.author == AUTHOR


def test_rendering_never_opens_a_connection(monkeypatch):
    pack, map_pdf, pdf = built("g7")

    def refuse(*_args, **_kwargs):
        raise AssertionError("the handout tried to reach the network")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    assert render_handout(pack, map_pdf) == pdf


def test_reportlab_and_pypdf_are_runtime_requirements():
    runtime = (REPO / "requirements.txt").read_text(encoding="utf-8").splitlines()
    dev = (REPO / "requirements-dev.txt").read_text(encoding="utf-8").splitlines()
    for package in ("reportlab", "pypdf"):
        assert sum(line.startswith(f"{package}==") for line in runtime) == 1
        assert not any(line.startswith(f"{package}==") for line in dev)


@pytest.mark.parametrize("case", CASES)
def test_pages_render_to_png_previews(case, office_tool):
    """pdftoppm (Debian's poppler-utils) renders every page; look at test-artifacts/briefing/."""
    pdftoppm = office_tool("pdftoppm")
    _, _, pdf = built(case)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    for old in ARTIFACTS.glob(f"handout-{case}-*.png"):
        old.unlink()
    source = ARTIFACTS / f"handout-{case}.pdf"
    source.write_bytes(pdf)
    subprocess.run(
        [pdftoppm, "-r", "60", "-png", str(source), str(ARTIFACTS / f"handout-{case}")],
        check=True,
        timeout=60,
    )
    previews = sorted(ARTIFACTS.glob(f"handout-{case}-*.png"))
    assert len(previews) == len(PdfReader(io.BytesIO(pdf)).pages)
    for preview in previews:
        head = preview.read_bytes()[:24]
        assert head.startswith(b"\x89PNG")
        size = (int.from_bytes(head[16:20], "big"), int.from_bytes(head[20:24], "big"))
        assert size == pytest.approx([side * 60 / 72 for side in A4_LANDSCAPE], abs=1)
