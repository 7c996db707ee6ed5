"""Packs in French and Spanish: numbers and dates by locale, text from the catalogue, --lang.

The catalogues are translated apart from the code, so these tests never assume a translation:
what the packs say is compared with what the catalogue gives for the English message (the
English itself while a message is untranslated), and numbers and dates with Babel's own output.
tests/i18n checks that every message is translated.
"""

import dataclasses
import io
import re
from datetime import date
from functools import cache

import pandas as pd
import pytest
from babel.dates import format_date
from babel.numbers import format_percent
from pptx import Presentation
from pypdf import PdfReader
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Paragraph

from briefing.__main__ import main
from briefing.deck import render_deck, text_width, wrap
from briefing.handout import FONT, _fonts, _para, _style, render_handout
from briefing.pack import Pack, build_pack
from i18n import translate
from i18n.translate import catalogue, use
from instruments.view import View
from store.focus import Focus
from store.glossary import glossary
from store.reference import load_un_names
from ui.figures.print_map import render_bare_map, render_map
from ui.tables.dataset import Dataset

from conftest import REPO
from pdf_text import pages_text, raw_pages
from ui_fixtures import shipped

CTA = "reaim-2023-call-to-action"
TODAY = date(2026, 12, 1)
SLIDE_TITLES = [  # after the map, whose title is the focus's lead sentence
    "Key figures",
    "Who has endorsed and who has not",
    "Outreach priorities",
    "Suggested asks",
    "Related instruments within the group",
    "Sources and method",
]
LOCALES = {"fr": "fr", "es": "es"}
TAGS = {"fr": "fr-FR", "es": "es-ES"}
SPACE_BEFORE_PERCENT = re.compile(r"\d[\u00a0\u202f]%")


def said(language: str, message: str, **fields: str) -> str:
    """The message as the language's catalogue gives it, its placeholders filled."""
    return catalogue(language).gettext(message).format(**fields)


@cache
def built(language: str, focus_key: str) -> tuple[Pack, bytes, bytes]:
    """A pack of the Call to Action built in ``language``, its deck and its handout.

    The dataset is loaded in the language too, as the command line and the app do: names, group
    labels and instrument titles are the language's.
    """
    with use(language):
        data = in_language(language)
        pack = build_pack(data, Focus.parse(focus_key), View(CTA), today=TODAY)
        png = render_bare_map(pack.view, data.geometry, data.dots, pack.focus, "png")
        pdf = render_map(pack.view, data.geometry, data.dots, pack.focus, "pdf")
        return pack, render_deck(pack, png)[0], render_handout(pack, pdf)


def in_language(language: str) -> Dataset:
    """The shipped dataset loaded with ``language`` active."""
    return shipped(language)


def title_of(slide) -> str:
    if slide.shapes.title is not None:
        return slide.shapes.title.text_frame.text
    return next(s.text_frame.text for s in slide.shapes if s.name == "Title")


def world() -> tuple[int, int]:
    """Endorsers of the Call to Action among the states in scope, and those states, from the CSV."""
    table = pd.read_csv(REPO / "data" / "endorsements.csv", dtype=str, keep_default_na=False)
    states = table[table["in_universe"] == "true"]
    return int((states["endorsed"] == "true").sum()), len(states)


# Numbers and dates ------------------------------------------------------------------------------


@pytest.mark.parametrize("language", ["fr", "es"])
def test_shares_and_dates_follow_the_locale(language):
    pack, _, _ = built(language, "world")
    locale = LOCALES[language]
    done, total = world()
    share = format_percent(done / total, locale=locale)
    assert SPACE_BEFORE_PERCENT.search(share), "Babel writes a space before % in both languages"
    fields = {"count": str(done), "total": str(total), "share": share}
    assert pack.key_figures[0][1] == said(language, "{count} of {total} ({share})", **fields)
    assert SPACE_BEFORE_PERCENT.search(pack.key_figures[0][1])
    assert f"{done / total:.0%}" not in pack.key_figures[0][1]
    today = format_date(TODAY, format="long", locale=locale)
    assert today in pack.prepared
    assert pack.prepared == said(language, "Prepared on {date} from official sources", date=today)
    as_of = format_date(date(2023, 2, 16), format="long", locale=locale)
    assert pack.subtitle == said(language, "Data as of {date}", date=as_of)


def test_the_dates_are_the_languages_own():
    assert "1 décembre 2026" in built("fr", "world")[0].prepared
    assert "1 de diciembre de 2026" in built("es", "world")[0].prepared


@pytest.mark.parametrize("language", ["fr", "es"])
def test_scores_have_a_decimal_comma(language):
    pack, pptx, _ = built(language, "org-oic")
    deck = Presentation(io.BytesIO(pptx))
    rows = [
        [cell.text for cell in row.cells]
        for slide in deck.slides
        for shape in slide.shapes
        if shape.has_table
        for row in list(shape.table.rows)[1:]
    ]
    scores = [row[2] for row in rows if len(row) == 5]  # the priorities: rank … world rank
    assert len(scores) == len(pack.priorities) > 0
    for score, priority in zip(scores, pack.priorities, strict=True):
        assert score == f"{priority.score:.1f}".replace(".", ","), score


def test_english_shares_and_file_names_are_unchanged():
    pack = build_pack(shipped(), Focus.parse("world"), View(CTA), today=TODAY)
    done, total = world()
    assert pack.key_figures[0][1] == f"{done} of {total} ({done / total:.0%})"
    assert pack.file_stem == f"briefing-{pack.view.file_stem}"
    assert built("fr", "world")[0].file_stem == f"{pack.file_stem}-fr"
    assert built("es", "world")[0].file_stem == f"{pack.file_stem}-es"


# The deck and the handout read the catalogue ----------------------------------------------------


@pytest.mark.parametrize("language", ["fr", "es"])
def test_every_slide_title_is_the_catalogues(language):
    """Deck titles are the catalogue's translation of the English title, "(continued)" included."""
    pack, pptx, _ = built(language, "world")
    titles = [title_of(slide) for slide in Presentation(io.BytesIO(pptx)).slides]
    assert titles[0] == pack.title
    assert titles[1] == pack.lead.removesuffix(".")
    wanted = [said(language, title) for title in SLIDE_TITLES]
    more = {said(language, "{title} (continued)", title=t): t for t in wanted}
    base = [more.get(title, title) for title in titles[2:]]
    assert [t for i, t in enumerate(base) if i == 0 or base[i - 1] != t] == wanted
    assert len(titles) > len(wanted) + 2, "the world's names run over more than one slide"


@pytest.mark.parametrize("language", ["fr", "es"])
def test_table_headers_and_text_are_marked_in_the_language(language):
    _, pptx, _ = built(language, "org-oic")
    deck = Presentation(io.BytesIO(pptx))
    headers = [
        tuple(cell.text for cell in shape.table.rows[0].cells)
        for slide in deck.slides
        for shape in slide.shapes
        if shape.has_table
    ]
    priorities = ("Rank", "State", "Score", "Why", "World rank")  # a group's, the world's beside
    assert tuple(said(language, h) for h in priorities) in headers
    assert tuple(said(language, h) for h in ("Instrument", "Where the group stands")) in headers
    languages = {
        run.font.language_id.xml_value if run.font.language_id else None
        for slide in deck.slides
        for shape in slide.shapes
        if shape.has_text_frame
        for paragraph in shape.text_frame.paragraphs
        for run in paragraph.runs
    }
    assert languages == {TAGS[language]}


@pytest.mark.parametrize("language", ["fr", "es"])
def test_the_handout_reads_the_catalogue(language):
    pack, _, pdf = built(language, "org-oic")
    reader = PdfReader(io.BytesIO(pdf))
    pages = pages_text(pdf)
    text = " ".join(pages)
    for heading in ("Key figures", "Ready to say", "Who has endorsed and who has not"):
        assert said(language, heading) in text
    for number, page in enumerate(pages, start=1):
        page_of = said(language, "page {number} of {total}", number=str(number), total=len(pages))
        assert page_of in page
    assert reader.metadata.title == pack.title
    assert reader.trailer["/Root"]["/Lang"] == TAGS[language]
    assert all("\u202f" not in page for page in raw_pages(pdf))


def test_a_narrow_no_break_space_never_breaks_a_line_in_the_handout():
    """reportlab breaks lines at U+202F (Babel's French "1 234"): the handout sets U+00A0."""
    _fonts()
    size = 9.0
    width = stringWidth("Total 1", FONT, size) + 1  # room for "Total 1", not for "Total 1 234"
    paragraph = _para("Total 1\u202f234", _style(size))
    paragraph.wrap(width, 1000)
    lines = [" ".join(words) for _, words in paragraph.blPara.lines]
    assert lines == ["Total", "1\u00a0234"]
    plain = Paragraph("Total 1\u202f234", _style(size))  # what reportlab does with U+202F
    plain.wrap(width, 1000)
    assert [" ".join(words) for _, words in plain.blPara.lines] == ["Total 1", "234"]


def test_the_deck_measures_no_break_spaces_as_part_of_the_word():
    """The deck's own word wrap (its fit measure) keeps "29,5 %" and "1 234" on one line."""
    width = text_width("Total 1", 14) + 1
    assert wrap("Total 1\u202f234", 14, width) == ["Total", "1\u202f234"]
    assert wrap("Total 29,5\u00a0%", 14, text_width("Total 29,5", 14) + 1) == [
        "Total",
        "29,5\u00a0%",
    ]
    assert wrap("Total 1 234", 14, width) == ["Total 1", "234"]


# The command line -------------------------------------------------------------------------------


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_lang_fr_names_each_file_with_fr(tmp_path, capsys, monkeypatch):
    few = dict(list(shipped().focus_frames.items())[:2])
    smaller = dataclasses.replace(shipped(), focus_frames=few)
    loaded_in = []

    def load(_directory):
        loaded_in.append(translate.active())
        return smaller

    monkeypatch.setattr("briefing.__main__.load_dataset", load)
    args = ("--all", "--format", "pdf", "--top", "3")
    assert run(capsys, *args, "--lang", "fr", "--out", str(tmp_path / "fr"))[0] == 0
    assert run(capsys, *args, "--out", str(tmp_path / "en"))[0] == 0
    assert loaded_in == ["fr", "en"], "the dataset is loaded in the pack's language"
    assert translate.active() == "en"
    french = sorted(p.name for p in (tmp_path / "fr").iterdir())
    english = sorted(p.name for p in (tmp_path / "en").iterdir())
    assert len(french) == len(english) == 2
    assert french == [name.replace(".pdf", "-fr.pdf") for name in english]
    assert not any(re.search(r"-(en|fr|es)\.pdf$", name) for name in english)


def test_lang_es_writes_the_named_file_in_spanish(tmp_path, capsys):
    out = tmp_path / "g7.pptx"
    code, printed, _ = run(capsys, "--focus", "org-g7", "--lang", "es", "--out", str(out))
    assert code == 0 and "Wrote" in printed
    deck = Presentation(str(out))
    titles = [title_of(slide) for slide in deck.slides]
    assert said("es", "Key figures") in titles
    assert deck.core_properties.author == said("es", "REAIM coverage dashboard")


def test_an_unknown_language_is_refused(tmp_path, capsys):
    with pytest.raises(SystemExit) as stop:
        main(["--lang", "de", "--out", str(tmp_path / "x.pptx")])
    assert stop.value.code == 2
    err = capsys.readouterr().err
    assert "--lang" in err and "invalid choice: 'de'" in err and "fr" in err
    assert not list(tmp_path.iterdir())


def test_the_help_explains_the_file_names(capsys):
    with pytest.raises(SystemExit):
        main(["--help"])
    shown = " ".join(capsys.readouterr().out.split())
    assert "--lang {en,fr,es}" in shown and "-fr" in shown
    assert "English names have no suffix" in shown


@pytest.mark.parametrize("language", ["fr", "es"])
def test_group_and_state_names_are_the_reference_files(language):
    """The deck names the group by the glossary and its members by their UN names."""
    pack, pptx, _pdf = built(language, "org-african-union")
    group = glossary()[("organisation", "african-union")].names[language]
    assert group != "African Union" and group in pack.title
    deck = " ".join(
        shape.text_frame.text
        for slide in Presentation(io.BytesIO(pptx)).slides
        for shape in slide.shapes
        if shape.has_text_frame
    )
    deck += " ".join(
        cell.text
        for slide in Presentation(io.BytesIO(pptx)).slides
        for shape in slide.shapes
        if shape.has_table
        for row in shape.table.rows
        for cell in row.cells
    )
    names = load_un_names()
    members = in_language(language).groupings["org"]
    union = next(g for g in members if g.group_id == "african-union")
    for iso3 in ("EGY", "CIV", "ZAF", "COD"):
        assert iso3 in union.codes
        assert names.loc[iso3, language] in deck, names.loc[iso3, language]
    assert names.loc["EGY", "en"] != names.loc["EGY", language]
    assert "Egypt" not in deck.replace(names.loc["EGY", language], "")
