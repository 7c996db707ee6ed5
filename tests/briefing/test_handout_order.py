"""The handout's name lists read down each column, then across, page by page: a reader who goes
down a column never meets a name that belongs after the next column's ("Togo" under "Cabo
Verde"). Positions are read from the PDF as drawn."""

import dataclasses
import io
from datetime import date
from functools import cache

import pytest
from pypdf import PdfReader

from briefing.files import pack_file
from briefing.pack import NameList, Pack, build_pack
from i18n.translate import use
from instruments.view import View
from store.focus import Focus

from ui_fixtures import shipped

CTA = "reaim-2023-call-to-action"
CASES = [("fr", "org-african-union"), ("en", "org-african-union"), ("fr", "world"), ("es", "world")]


@cache
def handout(language: str, focus: str) -> tuple[Pack, bytes]:
    with use(language):
        data = shipped(language)
        pack = build_pack(data, Focus.parse(focus), View(CTA), today=date(2026, 12, 1))
        return pack, pack_file(data, pack, "pdf")[0]


def drawn(pdf: bytes) -> list[tuple[int, float, float, str]]:
    """Each line of text as drawn: page, x and y of its start, text; in drawing order."""
    found = []
    for number, page in enumerate(PdfReader(io.BytesIO(pdf)).pages):

        def visit(text, cm, tm, _font, _size, number=number):
            if text.strip():
                x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
                y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
                found.append((number, round(x, 1), round(y, 1), text.strip()))

        page.extract_text(visitor_text=visit)
    return found


def positions(names: set[str], lines: list) -> dict[str, tuple[int, float, float]]:
    """Where each name that fits one line starts: the first line that is the name, at an x
    where other names start too (a wrapped name's second line, "Congo", starts further in)."""
    at = {}
    for page, x, y, text in lines:
        if text in names and text not in at:
            at[text] = (page, x, y)
    starts = [x for _, x, _ in at.values()]
    return {name: p for name, p in at.items() if starts.count(p[1]) > 1}


def in_reading_order(pack: Pack, pdf: bytes) -> None:
    """Each list of the pack, read in the PDF down each column, then across, page by page."""
    found = positions({n for names in pack.name_lists for n in names.names}, drawn(pdf))
    for names in pack.name_lists:
        listed = [n for n in names.names if n in found]
        assert len(listed) >= len(names.names) * 0.9, names.heading  # all but wrapped names
        read = sorted(listed, key=lambda n: (found[n][0], found[n][1], -found[n][2]))
        assert read == listed, f"{names.heading}: read down then across, the order breaks"
    assert len({x for _, x, _ in found.values()}) > 2, "the names run in columns"


@pytest.mark.parametrize(("language", "focus"), CASES)
def test_names_fill_down_then_across(language, focus):
    in_reading_order(*handout(language, focus))


def test_a_list_longer_than_a_page_fills_each_page_down_then_across():
    pack, _ = handout("en", "world")
    names = tuple(f"State {number:03d}" for number in range(1, 701))
    long = dataclasses.replace(pack, name_lists=(NameList("Not endorsed (700)", names),))
    with use("en"):
        pdf = pack_file(shipped("en"), long, "pdf")[0]
    pages = {page for page, _x, _y, text in drawn(pdf) if text in names}
    assert len(pages) > 1, "the list runs over more than one page"
    in_reading_order(long, pdf)
