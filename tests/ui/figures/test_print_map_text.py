"""The printable maps carry their title and text alternative: PNG text chunks, SVG <title> and
<desc> first in the root, PDF Title and Subject; the same description the page shows."""

import io
import xml.etree.ElementTree as ET

import pytest
from PIL import Image
from pypdf import PdfReader

from i18n.translate import use
from store.focus import WORLD_FOCUS, Focus
from ui.figures.print_map import render_map
from ui.tables.map_table import map_description
from ui.views.map_view import comparison_view, instrument_view

from ui_fixtures import shipped

SVG = "{http://www.w3.org/2000/svg}"


def views():
    data = shipped()
    cta = data.catalogue["reaim-2023-call-to-action"]
    us = data.catalogue["us-political-declaration"]
    codes, names = data.geometry.codes, data.names
    europe = data.focus_frames[Focus.parse("region-europe")]
    world = data.focus_frames[WORLD_FOCUS]
    return {
        "focus": (
            instrument_view(cta, data.matrix, data.positions, data.table, codes, europe, names),
            europe,
        ),
        "comparison": (
            comparison_view(us, cta, data.matrix, data.table, codes, world, names),
            world,
        ),
    }


@pytest.mark.parametrize("case", ["focus", "comparison"])
def test_the_png_carries_title_and_description_chunks(case):
    view, focus = views()[case]
    png = render_map(view, shipped().geometry, shipped().dots, focus, "png")
    with Image.open(io.BytesIO(png)) as image:
        chunks = image.text
    assert chunks["Title"] == view.title
    assert chunks["Description"] == map_description(view, focus)
    assert view.labels[0] in chunks["Description"]


@pytest.mark.parametrize("case", ["focus", "comparison"])
def test_the_svg_starts_with_title_and_desc(case):
    view, focus = views()[case]
    svg = render_map(view, shipped().geometry, shipped().dots, focus, "svg")
    root = ET.fromstring(svg)
    assert root.tag == f"{SVG}svg"
    first, second = root[0], root[1]
    assert (first.tag, second.tag) == (f"{SVG}title", f"{SVG}desc")
    assert first.text == view.title
    assert second.text == map_description(view, focus)
    assert len(root.findall(f"{SVG}title")) == 1
    assert root.get("aria-labelledby") == first.get("id")
    assert root.get("aria-describedby") == second.get("id")


def test_the_pdf_carries_title_and_subject():
    view, focus = views()["focus"]
    pdf = render_map(view, shipped().geometry, shipped().dots, focus, "pdf")
    info = PdfReader(io.BytesIO(pdf)).metadata
    assert info.title == view.title
    assert info.subject == map_description(view, focus)


def test_a_french_svg_escapes_and_keeps_its_text():
    data = shipped()
    with use("fr"):
        view, focus = views()["comparison"]
        svg = render_map(view, data.geometry, data.dots, focus, "svg")
        described = map_description(view, focus)
    root = ET.fromstring(svg)
    assert root[1].text == described
    assert "February" not in described and view.subtitle in described
