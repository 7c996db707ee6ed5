"""The briefing deck: slides, figures against the data, fit, templates, a real office suite.

Counts, shares and names are recomputed here from data/endorsements.csv, the instrument files and
the group files under data/reference/groups/, never copied from the pack.
"""

import io
import itertools
import json
import re
import subprocess
import time
from collections import Counter
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path

import matplotlib
import pandas as pd
import pytest
from deck_checks import slide_texts
from PIL import Image, ImageFont
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE
from pptx.util import Inches

from briefing.deck import render_deck
from briefing.pack import AUTHOR, Pack, build_pack
from briefing.template import load_template, read_template
from instruments.view import View
from store.focus import Focus
from ui.figures.print_map import render_bare_map

from conftest import REPO
from ui_fixtures import shipped

CTA = "reaim-2023-call-to-action"
US_PD = "us-political-declaration"
COMPARISON = f"{US_PD},{CTA}"
GROUPS = REPO / "data" / "reference" / "groups"
ARTIFACTS = REPO / "test-artifacts" / "briefing"
NAMES = "Who has endorsed and who has not"
ORDER = [  # after the title slide and the map, whose title is the focus's lead sentence
    "Key figures",
    NAMES,
    "Outreach priorities",
    "Suggested asks",  # one to each priority state: none where every member has endorsed
    "Related instruments within the group",
    "Sources and method",
]
FURNITURE = {"Footer", "Slide number"}
MARKERS = (" (suspended)", " (membership unverified)")
HEADING = re.compile(r"^(?P<name>.+) \((?P<count>\d+)\)(?P<more> \(continued\))?$")
TODAY = date(2026, 12, 1)


# Independent figures from the data files -------------------------------------------------------


@cache
def endorsements() -> pd.DataFrame:
    return pd.read_csv(REPO / "data" / "endorsements.csv", dtype=str, keep_default_na=False)


def universe() -> dict[str, str]:
    rows = endorsements()[endorsements()["in_universe"] == "true"]
    return dict(zip(rows["iso3"], rows["name"], strict=True))


def call_to_action() -> set[str]:
    rows = endorsements()
    return set(rows.loc[(rows["endorsed"] == "true") & (rows["in_universe"] == "true"), "iso3"])


def political_declaration() -> set[str]:
    rows = pd.read_csv(REPO / "data" / "instruments" / f"{US_PD}.csv", dtype=str)
    return set(rows.loc[rows["status"] == "endorsed", "iso3"]) & set(universe())


def members(focus_key: str) -> dict[str, str]:
    """ISO3 → name of the focus's members among the 195 states in scope."""
    states = universe()
    if focus_key == "world":
        return states
    if focus_key.startswith("region-"):
        rows = pd.read_csv(GROUPS / "un-m49-regions.csv", dtype=str, keep_default_na=False)
        codes = rows.loc[rows["region"].str.casefold() == focus_key.removeprefix("region-"), "iso3"]
    else:
        rows = pd.read_csv(GROUPS / f"{focus_key.removeprefix('org-')}.csv", dtype=str)
        codes = rows["iso3"]
    return {code: states[code] for code in codes if code in states}


def share(part: int, whole: int) -> str:
    return f"{part} of {whole} ({part / whole:.0%})"


def source_as_of() -> str:
    """The list's as-of date as the deck writes it in English: "16 February 2023"."""
    meta = json.loads((REPO / "data" / "endorsements.meta.json").read_text(encoding="utf-8"))
    return date.fromisoformat(meta["source_as_of"]).strftime("%-d %B %Y")


# Building and reading decks --------------------------------------------------------------------


@dataclass(frozen=True)
class Built:
    pack: Pack
    pptx: bytes
    warnings: list[str]


@cache
def map_png(focus_key: str, view_key: str) -> bytes:
    data = shipped()
    pack = build_pack(data, Focus.parse(focus_key), View.parse(view_key), today=TODAY)
    return render_bare_map(pack.view, data.geometry, data.dots, pack.focus, "png")


@cache
def built(focus_key: str, view_key: str = CTA) -> Built:
    pack = build_pack(shipped(), Focus.parse(focus_key), View.parse(view_key), today=TODAY)
    pptx, warnings = render_deck(pack, map_png(focus_key, view_key))
    return Built(pack, pptx, warnings)


def open_deck(pptx: bytes):
    return Presentation(io.BytesIO(pptx))


def title_of(slide) -> str:
    if slide.shapes.title is not None:
        return slide.shapes.title.text_frame.text
    return next(s.text_frame.text for s in slide.shapes if s.name == "Title")


def body_boxes(slide) -> list:
    """Text boxes other than the title, footer and slide number, left to right, top to bottom."""
    boxes = [
        s
        for s in slide.shapes
        if s.has_text_frame and not s.is_placeholder and s.name not in {*FURNITURE, "Title"}
    ]
    return sorted(boxes, key=lambda s: (s.left, s.top))


def paragraphs(slide) -> list[str]:
    return [p.text for box in body_boxes(slide) for p in box.text_frame.paragraphs]


def table_rows(slides) -> list[list[str]]:
    rows = []
    for slide in slides:
        for shape in slide.shapes:
            if shape.has_table:
                cells = [[c.text for c in r.cells] for r in shape.table.rows]
                rows += cells[1:]
    return rows


def slides_titled(deck, title: str) -> list:
    return [s for s in deck.slides if title_of(s) in (title, f"{title} (continued)")]


def name_lists(deck) -> tuple[dict[str, list[str]], dict[str, int], list[str]]:
    """Names under each heading of the names slides, the counts in the headings, the caveats."""
    lists: dict[str, list[str]] = {}
    counts: dict[str, int] = {}
    caveats: list[str] = []
    current: list[str] = []
    for slide in slides_titled(deck, NAMES):
        for text in paragraphs(slide):
            heading = HEADING.match(text)
            if text == "Caveats":
                current = caveats
            elif heading:
                counts[heading["name"]] = int(heading["count"])
                current = lists.setdefault(heading["name"], [])
                assert not heading["more"] or current, f"continued before its start: {text}"
            else:
                current.append(text)
    return lists, counts, caveats


def plain(name: str) -> str:
    for marker in MARKERS:
        name = name.removesuffix(marker)
    return name


# Slides, figures and names ---------------------------------------------------------------------

DECKS = [
    ("org-g7", CTA),
    ("org-oic", CTA),
    ("region-africa", CTA),
    ("world", CTA),
    ("org-oic", COMPARISON),
]


def test_the_oic_preset_exists():
    assert "org-oic" in map(str, shipped().focus_frames)


@pytest.mark.parametrize(("focus_key", "view_key"), DECKS)
def test_slides_come_in_order_with_titles(focus_key, view_key):
    deck = open_deck(built(focus_key, view_key).pptx)
    titles = [title_of(s) for s in deck.slides]
    assert titles[0] == built(focus_key, view_key).pack.title
    assert titles[1] == built(focus_key, view_key).pack.lead.removesuffix(".")
    base = [t.removesuffix(" (continued)") for t in titles[2:]]
    asked = built(focus_key, view_key).pack.priorities
    order = [t for t in ORDER if asked or t != "Suggested asks"]
    assert [t for i, t in enumerate(base) if i == 0 or base[i - 1] != t] == order
    for before, title in itertools.pairwise(titles):
        if title.endswith(" (continued)"):
            assert before.removesuffix(" (continued)") == title.removesuffix(" (continued)")


@pytest.mark.parametrize("focus_key", ["org-g7", "org-oic", "region-africa", "world"])
def test_counts_shares_and_names_match_the_data_files(focus_key):
    deck = open_deck(built(focus_key).pptx)
    group = members(focus_key)
    endorsed = {c for c in group if c in call_to_action()}
    missing = set(group) - endorsed
    lists, counts, _ = name_lists(deck)
    assert counts.get("Endorsed", 0) == len(endorsed)
    assert counts.get("Not endorsed", 0) == len(missing)
    assert {plain(n) for n in lists.get("Endorsed", [])} == {group[c] for c in endorsed}
    assert {plain(n) for n in lists.get("Not endorsed", [])} == {group[c] for c in missing}
    shown = Counter(plain(n) for names in lists.values() for n in names)
    assert shown == Counter(group.values()), "every member exactly once"

    (figures,) = slides_titled(deck, "Key figures")[:1]
    texts = paragraphs(figures)
    assert share(len(endorsed), len(group)) in texts
    assert share(len(call_to_action()), len(universe())) in texts
    ready = texts[texts.index("Ready to say") + 1]
    assert ready.startswith(f"{share(len(endorsed), len(group))} ")
    if focus_key != "world" and missing:
        assert str(len(missing)) in texts
    elif focus_key != "world":  # an empty category is no figure: never "Not endorsed 0"
        assert "Not endorsed" not in texts

    related = dict(
        map(tuple, table_rows(slides_titled(deck, "Related instruments within the group")))
    )
    declared = len(political_declaration() & set(group))
    assert related["US Political Declaration"] == f"{share(declared, len(group))} endorsed"


def test_the_world_has_58_endorsers_and_137_others():
    """The shipped list, as published: a change to the data must be looked at."""
    _, counts, _ = name_lists(open_deck(built("world").pptx))
    assert counts == {"Endorsed": 58, "Not endorsed": 137}


def test_the_comparison_splits_the_group_by_both_instruments():
    deck = open_deck(built("org-oic", COMPARISON).pptx)
    group = members("org-oic")
    declared, endorsed = political_declaration(), call_to_action()
    lists, counts, caveats = name_lists(deck)
    only = {group[c] for c in group if c in declared and c not in endorsed}
    both = {group[c] for c in group if c in declared and c in endorsed}
    assert {plain(n) for n in lists["US Political Declaration, not Call to Action"]} == only
    assert {plain(n) for n in lists["Both"]} == both
    second = {group[c] for c in group if c in endorsed and c not in declared}
    assert {plain(n) for n in lists["Call to Action, not US Political Declaration"]} == second
    assert {plain(n) for n in lists["Others"]} == set(group.values()) - only - both - second
    assert counts["Both"] == len(both)
    assert share(len(only), len(group)) in paragraphs(slides_titled(deck, "Key figures")[0])
    assert any("Kosovo" in note for note in caveats)


@pytest.mark.parametrize("focus_key", ["org-oic", "region-africa", "world"])
def test_priorities_are_non_endorsers_of_the_group_in_rank_order(focus_key):
    deck = open_deck(built(focus_key).pptx)
    group = members(focus_key)
    slides = slides_titled(deck, "Outreach priorities")
    rows = table_rows(slides)
    missing = {group[c] for c in group if c not in call_to_action()}
    assert len(rows) == min(10, len(missing))
    assert {row[1] for row in rows} <= missing
    ranks = [int(row[0]) for row in rows]
    scores = [float(row[2]) for row in rows]
    assert ranks == sorted(ranks) and ranks[0] == 1  # the group's own ranks
    assert scores == sorted(scores, reverse=True)
    assert all(row[3] for row in rows)
    if focus_key != "world":  # the world rank beside, never above the group's
        world = [int(row[4]) for row in rows]
        assert world == sorted(world) and all(w >= r for w, r in zip(world, ranks, strict=True))
    else:
        assert all(len(row) == 4 for row in rows)
    assert any(t.startswith("Weights: ") for t in paragraphs(slides[-1]))


def test_a_group_that_has_all_endorsed_has_no_priorities_table():
    deck = open_deck(built("org-g7").pptx)
    (slide,) = slides_titled(deck, "Outreach priorities")
    assert not table_rows([slide])
    assert "No state of this group is among the outreach priorities." in paragraphs(slide)


@pytest.mark.parametrize(("focus_key", "view_key"), DECKS)
def test_map_footer_number_and_notes_on_every_slide(focus_key, view_key):
    result = built(focus_key, view_key)
    deck = open_deck(result.pptx)
    (picture,) = [s for s in deck.slides[1].shapes if s.shape_type == MSO_SHAPE_TYPE.PICTURE]
    with Image.open(io.BytesIO(picture.image.blob)) as image:
        assert image.width / (picture.width / Inches(1)) >= 150  # pixels per inch as placed
    description = picture._element.nvPicPr.cNvPr.get("descr")
    assert description.startswith(result.pack.view.title)
    first = next(iter(result.pack.view.labels))
    assert first in description
    footers = set()
    for number, slide in enumerate(deck.slides, start=1):
        (footer,) = [s for s in slide.shapes if s.name == "Footer"]
        (count,) = [s for s in slide.shapes if s.name == "Slide number"]
        footers.add(footer.text_frame.text)
        assert count.text_frame.text == str(number)
        assert footer.text_frame.text in slide.notes_slide.notes_text_frame.text
    (footer,) = footers
    assert source_as_of() in footer
    assert "Government of the Netherlands" in footer


def test_core_properties():
    result = built("org-g7")
    props = open_deck(result.pptx).core_properties
    assert props.title == result.pack.title
    assert "G7" in props.title
    assert props.subject == result.pack.subtitle
    assert props.author == AUTHOR == "REAIM coverage dashboard"
    assert props.last_modified_by == AUTHOR
    assert props.revision == 1
    assert props.created == props.modified


def all_text(pptx: bytes) -> list[str]:
    """Every text of every slide (shapes, table cells, notes) and the core properties."""
    deck = open_deck(pptx)
    texts = []
    for slide in deck.slides:
        texts += [*slide_texts(slide), slide.notes_slide.notes_text_frame.text]
    props = deck.core_properties
    texts += [str(props.created), str(props.modified), str(props.revision), props.title]
    return texts


def test_the_same_pack_gives_the_same_text():
    pack = build_pack(shipped(), Focus.parse("org-oic"), View(CTA), today=TODAY)
    png = map_png("org-oic", CTA)
    first = all_text(render_deck(pack, png)[0])
    time.sleep(1.1)  # a clock in the file would now differ
    assert all_text(render_deck(pack, png)[0]) == first


# Nothing runs off the slide or out of its box ----------------------------------------------------


@pytest.mark.parametrize(("focus_key", "view_key"), DECKS)
def test_no_shape_runs_off_the_slide(focus_key, view_key):
    deck = open_deck(built(focus_key, view_key).pptx)
    assert (deck.slide_width, deck.slide_height) == (Inches(13.333), Inches(7.5))
    for sheet in [deck.slide_master, *deck.slide_layouts]:  # a new slide fits the deck too
        for shape in sheet.shapes:
            assert shape.left + shape.width <= deck.slide_width, (sheet.name, shape.name)
    for slide in deck.slides:
        for shape in slide.shapes:
            assert shape.left >= 0 and shape.top >= 0, shape.name
            assert shape.left + shape.width <= deck.slide_width, (title_of(slide), shape.name)
            assert shape.top + shape.height <= deck.slide_height, (title_of(slide), shape.name)


@cache
def measure(bold: bool) -> ImageFont.FreeTypeFont:
    """DejaVu Sans: the font the office suite renders with on the build machines."""
    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    return ImageFont.truetype(str(Path(matplotlib.get_data_path()) / "fonts/ttf" / name), 100)


def line_count(text: str, size: float, width: float, bold: bool) -> int:
    """Lines of a greedy word wrap; words longer than a line are cut at the character."""
    font = measure(bold)
    lines, line = 0, 0.0
    space = font.getlength(" ") * size / 100
    for word in text.split():
        length = font.getlength(word) * size / 100
        if line and line + space + length <= width:
            line += space + length
            continue
        lines += max(1, -(-length // width))
        line = length % width if length > width else length
    return max(lines, 1)


def text_height(frame, width_emu: int) -> float:
    """Points the paragraphs of a text frame need: space before plus lines × line spacing."""
    total = 0.0
    for paragraph in frame.paragraphs:
        (run, *_) = paragraph.runs or [None]
        size = run.font.size.pt if run and run.font.size else 18.0
        bold = bool(run and run.font.bold)
        hang = -int(paragraph._pPr.get("indent", "0"))
        lines = line_count(paragraph.text, size, (width_emu - hang) / 12700, bold)
        spacing = paragraph.line_spacing.pt if hasattr(paragraph.line_spacing, "pt") else size * 1.2
        before = paragraph.space_before.pt if paragraph.space_before is not None else 0.0
        total += before + lines * spacing
    return total


def test_text_fits_its_box_in_the_world_deck():
    deck = open_deck(built("world").pptx)
    for slide in deck.slides:
        for shape in slide.shapes:
            if shape.has_text_frame and shape.text_frame.text:
                frame = shape.text_frame
                inner = shape.width - frame.margin_left - frame.margin_right
                room = (shape.height - frame.margin_top - frame.margin_bottom) / 12700
                assert text_height(frame, inner) <= room, (title_of(slide), shape.name)
            if shape.has_table:
                for row in shape.table.rows:
                    for cell, column in zip(row.cells, shape.table.columns, strict=True):
                        inner = column.width - cell.margin_left - cell.margin_right
                        room = (row.height - cell.margin_top - cell.margin_bottom) / 12700
                        assert text_height(cell.text_frame, inner) <= room, cell.text
            for paragraph in shape.text_frame.paragraphs if shape.has_text_frame else []:
                for run in paragraph.runs:
                    assert run.font.size is None or run.font.size.pt >= 8, run.text


def test_name_lists_stay_at_9_pt_or_more():
    for key in ("world", "org-non-aligned-movement", "org-oic"):
        pack = build_pack(shipped(), Focus.parse(key), View(CTA), today=TODAY)
        deck = open_deck(render_deck(pack, map_png("org-g7", CTA))[0])
        for slide in slides_titled(deck, NAMES):
            for box in body_boxes(slide):
                assert min(r.font.size.pt for p in box.text_frame.paragraphs for r in p.runs) >= 9


# Templates -------------------------------------------------------------------------------------


def make_template(path: Path, keep_title_slide: bool = False) -> Path:
    """A 4:3 deck with a renamed master and layout, a master text box, an old slide."""
    deck = Presentation()
    layouts = {layout.name: layout for layout in deck.slide_layouts}
    deck.slide_master.name = "Acme master"
    layouts["Title Only"].name = "Acme title only"
    if not keep_title_slide:
        deck.slide_layouts.remove(layouts["Title Slide"])
    old = deck.slides.add_slide(layouts["Blank"])
    mark = old.shapes.add_textbox(Inches(8), Inches(0.1), Inches(1.8), Inches(0.4))
    mark.text_frame.text = "ACME CONFIDENTIAL"
    deck.slide_master.shapes._spTree.append(mark._element)
    old.shapes.add_textbox(Inches(1), Inches(1), Inches(4), Inches(1)).text_frame.text = "Old slide"
    deck.save(path)
    return path


def test_a_template_gives_its_master_and_layouts(tmp_path):
    template = make_template(tmp_path / "acme.pptx")
    pack = build_pack(shipped(), Focus.parse("org-g7"), View(CTA), today=TODAY)
    pptx, warnings = render_deck(pack, map_png("org-g7", CTA), read_template(template))
    deck = open_deck(pptx)
    assert (deck.slide_width, deck.slide_height) == (Inches(10), Inches(7.5))
    assert [m.name for m in deck.slide_masters] == ["Acme master"]
    master_text = [s.text_frame.text for s in deck.slide_master.shapes if s.has_text_frame]
    assert "ACME CONFIDENTIAL" in master_text
    assert "Title Slide" not in [layout.name for layout in deck.slide_layouts]
    assert all(s.slide_layout.name == "Acme title only" for s in deck.slides)
    assert "Old slide" not in all_text(pptx)
    (warning,) = warnings
    assert "title slide" in warning and "Acme title only" in warning
    assert title_of(deck.slides[0]) == pack.title
    assert {pack.subtitle, pack.prepared} <= set(paragraphs(deck.slides[0]))
    for slide in deck.slides:
        assert slide.shapes.title is not None and slide.shapes.title.text_frame.text
        for shape in slide.shapes:
            assert shape.left + shape.width <= deck.slide_width, shape.name
            assert shape.top + shape.height <= deck.slide_height, shape.name


def test_a_complete_template_needs_no_warning(tmp_path):
    template = make_template(tmp_path / "full.pptx", keep_title_slide=True)
    pack = build_pack(shipped(), Focus.parse("org-g7"), View(CTA), today=TODAY)
    pptx, warnings = render_deck(pack, map_png("org-g7", CTA), read_template(template))
    deck = open_deck(pptx)
    assert warnings == []
    assert deck.slides[0].slide_layout.name == "Title Slide"
    subtitle = [p for p in deck.slides[0].placeholders if p.placeholder_format.idx == 1]
    assert pack.prepared in subtitle[0].text_frame.text


def test_a_template_without_titled_layouts_falls_back_to_blank(tmp_path):
    deck = Presentation()
    for layout in list(deck.slide_layouts):
        if layout.name != "Blank":
            deck.slide_layouts.remove(layout)
    deck.save(tmp_path / "bare.pptx")
    pack = build_pack(shipped(), Focus.parse("org-oic"), View(CTA), today=TODAY)
    pptx, warnings = render_deck(
        pack, map_png("org-oic", CTA), read_template(tmp_path / "bare.pptx")
    )
    assert len(warnings) == 2
    assert all("'Blank'" in w for w in warnings)
    assert any("title in a text box" in w for w in warnings)
    result = open_deck(pptx)
    assert title_of(result.slides[0]) == pack.title
    assert [title_of(s) for s in result.slides][1:3] == [pack.lead.removesuffix("."), "Key figures"]
    lists, _, _ = name_lists(result)
    assert Counter(plain(n) for names in lists.values() for n in names) == Counter(
        members("org-oic").values()
    )


@pytest.mark.parametrize("content", [b"not a presentation", b"PK\x03\x04broken zip"])
def test_a_template_that_is_not_a_pptx_is_refused(content):
    with pytest.raises(ValueError, match=r"notes\.pptx") as error:
        load_template("notes.pptx", content)
    assert "\n" not in str(error.value)


def test_a_missing_template_is_refused(tmp_path):
    with pytest.raises(ValueError, match=r"absent\.pptx"):
        read_template(tmp_path / "absent.pptx")


# A real office suite ---------------------------------------------------------------------------


@pytest.mark.parametrize("focus_key", ["org-g7", "world"])
def test_libreoffice_opens_and_converts_the_deck(tmp_path, focus_key, office_tool):
    soffice, pdftoppm = office_tool("soffice"), office_tool("pdftoppm")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    deck = ARTIFACTS / f"deck-{focus_key}.pptx"
    deck.write_bytes(built(focus_key).pptx)
    profile = (tmp_path / "profile").as_uri()
    command = [soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf"]
    subprocess.run(
        [*command, "--outdir", str(tmp_path), str(deck)],
        check=True,
        timeout=120,
        capture_output=True,
    )
    pdf = tmp_path / f"deck-{focus_key}.pdf"
    assert pdf.is_file() and pdf.stat().st_size > 10_000, "LibreOffice did not convert the deck"
    for old in ARTIFACTS.glob(f"deck-{focus_key}-*.png"):
        old.unlink()
    prefix = ARTIFACTS / f"deck-{focus_key}"
    subprocess.run([pdftoppm, "-r", "50", "-png", str(pdf), str(prefix)], check=True, timeout=120)
    text = subprocess.run(
        [office_tool("pdftotext"), str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    assert all(name.split()[0] in text for name in members(focus_key).values())
    pages = sorted(ARTIFACTS.glob(f"deck-{focus_key}-*.png"))
    assert len(pages) == len(open_deck(built(focus_key).pptx).slides)
    with Image.open(pages[0]) as first:
        assert first.size[0] > first.size[1] * 1.7  # 16:9
