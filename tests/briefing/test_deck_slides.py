"""The deck as a minister's aide reads it: a map slide whose title says the point, whose map
carries no text and whose legend and source are set in the slide's own readable type; a sources
slide with a citation line and no hashes or file paths; speaker notes that say the sentences.
"""

import io
import json
import re
from datetime import date
from functools import cache

import pytest
from deck_checks import slide_texts as texts
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE

from briefing.files import pack_file
from briefing.pack import Pack, build_pack
from i18n.translate import _, use
from instruments.view import View
from store.focus import Focus
from ui.figures.print_map import render_bare_map, render_map
from ui.tables.dataset import Dataset

from conftest import REPO
from ui_fixtures import shipped

CTA = "reaim-2023-call-to-action"
TODAY = date(2026, 12, 1)
PACKS = [
    ("en", "org-african-union", CTA),
    ("fr", "org-african-union", CTA),
    ("es", "world", CTA),
    ("en", "org-asean", f"us-political-declaration,{CTA}"),
]
HASH = re.compile(r"\b[0-9a-f]{64}\b")
PATH = re.compile(r"\b[\w-]+/[\w./-]+\.(md|csv|json)\b")  # data/geo/README.md, not a web address
SVG_TEXT = re.compile(r'<g id="(text|legend)_\d+">')  # matplotlib's group of a text or legend


def dataset(language: str) -> Dataset:
    return shipped(language)


@cache
def deck_of(language: str, focus: str, view: str) -> tuple[Pack, Presentation]:
    with use(language):
        data = dataset(language)
        pack = build_pack(data, Focus.parse(focus), View.parse(view), today=TODAY)
        pptx, _ = pack_file(data, pack, "pptx")
    return pack, Presentation(io.BytesIO(pptx))


def sizes(shape) -> set[float]:
    return {run.font.size.pt for p in shape.text_frame.paragraphs for run in p.runs}


def named(slide, prefix: str) -> list:
    return [s for s in slide.shapes if s.name.startswith(prefix)]


# The map slide ---------------------------------------------------------------------------------


@pytest.mark.parametrize(("language", "focus", "view"), PACKS)
def test_the_map_slide_is_titled_by_its_point(language, focus, view):
    pack, deck = deck_of(language, focus, view)
    slide = deck.slides[1]
    assert slide.shapes.title.text_frame.text == pack.lead.removesuffix(".")
    assert named(slide, "Map")


@pytest.mark.parametrize(("language", "focus", "view"), PACKS)
def test_the_map_on_the_slide_is_drawn_without_text(language, focus, view):
    pack, deck = deck_of(language, focus, view)
    data = dataset(language)
    (picture,) = [s for s in deck.slides[1].shapes if s.shape_type == MSO_SHAPE_TYPE.PICTURE]
    with use(language):
        bare = render_bare_map(pack.view, data.geometry, data.dots, pack.focus, "png")
        svg = render_bare_map(pack.view, data.geometry, data.dots, pack.focus, "svg")
        printed = render_map(pack.view, data.geometry, data.dots, pack.focus, "svg")
    assert picture.image.blob == bare
    assert not SVG_TEXT.search(svg.decode())
    assert SVG_TEXT.search(printed.decode()), "the printable map keeps its title, legend, source"


@pytest.mark.parametrize(("language", "focus", "view"), PACKS)
def test_the_legend_is_on_the_slide_in_readable_type(language, focus, view):
    pack, deck = deck_of(language, focus, view)
    slide = deck.slides[1]
    labels = [s for s in named(slide, "Legend ") if not s.name.startswith("Legend swatch")]
    with use(language):
        faded = [] if focus == "world" else [label for label, _fill in pack.view.faded]
        wanted = [*pack.view.labels, *faded, _("Small state")]
    assert [s.text_frame.text for s in labels] == wanted
    assert len(named(slide, "Legend swatch")) == len(labels)
    assert all(min(sizes(s)) >= 12 for s in labels)


@pytest.mark.parametrize(("language", "focus", "view"), PACKS)
def test_one_readable_source_line_and_nothing_else_below_the_map(language, focus, view):
    pack, deck = deck_of(language, focus, view)
    slide = deck.slides[1]
    (footer,) = named(slide, "Footer")
    assert footer.text_frame.text == pack.footer
    assert len(footer.text_frame.paragraphs) == 1
    assert min(sizes(footer)) >= 9
    others = [t for t in texts(slide) if t != pack.footer]
    assert not [t for t in others if pack.footer[:20] in t or "://" in t]
    (picture,) = named(slide, "Map")
    assert all(s.top >= picture.top + picture.height for s in named(slide, "Legend"))
    assert footer.top >= max(s.top + s.height for s in named(slide, "Legend"))


# The sources slide and the notes ---------------------------------------------------------------


@pytest.mark.parametrize(("language", "focus", "view"), PACKS)
def test_the_sources_slide_cites_without_hashes_or_paths(language, focus, view):
    pack, deck = deck_of(language, focus, view)
    slide = deck.slides[len(deck.slides) - 1]
    with use(language):
        assert slide.shapes.title.text_frame.text == _("Sources and method")
    shown = " ".join(texts(slide))
    assert not HASH.search(shown)
    assert "SHA-256" not in shown
    assert not PATH.search(shown)
    paragraphs = [p.text for s in slide.shapes if s.has_text_frame for p in s.text_frame.paragraphs]
    assert all(citation in paragraphs for citation in pack.citations)
    meta = json.loads((REPO / "data" / "endorsements.meta.json").read_text(encoding="utf-8"))
    notes = slide.notes_slide.notes_text_frame.text
    assert meta["table_sha256"] in notes
    assert meta["document_sha256"] in notes


@pytest.mark.parametrize(("language", "focus", "view"), PACKS)
def test_no_slide_shows_a_hash(language, focus, view):
    _, deck = deck_of(language, focus, view)
    assert not [t for slide in deck.slides for t in texts(slide) if HASH.search(t)]


@pytest.mark.parametrize(("language", "focus", "view"), PACKS)
def test_the_notes_say_the_sentences_not_only_the_source(language, focus, view):
    pack, deck = deck_of(language, focus, view)
    notes = [slide.notes_slide.notes_text_frame.text for slide in deck.slides]
    assert all(pack.footer in n and n.strip() != pack.footer for n in notes)
    assert pack.lead in notes[0]
    for number in (1, 2):  # the map and the key figures
        assert all(sentence in notes[number] for sentence in pack.sentences)
    assert all(any(caveat in n for n in notes) for caveat in pack.notes)
    assert all(any(p.why in n for n in notes) for p in pack.priorities)
    assert [bool(HASH.search(n)) for n in notes] == [False] * (len(notes) - 1) + [True]
