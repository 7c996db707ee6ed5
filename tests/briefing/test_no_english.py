"""French and Spanish packs carry no English: every slide (shapes, tables, speaker notes) and the
handout PDF (the printed map's own text included) are read back and searched for English that
the data files, the registry or the code once put there.

Unlike tests/briefing/test_languages.py these tests expect the translations to exist: they fail
while a text of the data (a caveat, a licence) or of the code has no French or Spanish.
"""

import io
import re
from datetime import date
from functools import cache

import pytest
from deck_checks import slide_texts
from pptx import Presentation

from briefing.files import pack_file
from briefing.pack import Pack, build_pack
from i18n.translate import use
from instruments.view import View
from store.focus import Focus
from ui.tables.dataset import Dataset

from pdf_text import pages_text
from ui_fixtures import shipped

CTA = "reaim-2023-call-to-action"
TODAY = date(2026, 12, 1)
# English that reached French and Spanish packs: data files' caveats, names and licences, the
# source list's title, the source line's words. Chosen free of the letter pairs a PDF may set as
# one ligature ("fi", "fl", "ff"), so that the handout's text is searched as written.
ENGLISH = (
    "SUSPENDED",
    "UNVERIFIED",
    "coup)",
    "military takeover",
    "decision-making bodies",
    "Sahrawi Arab Democratic Republic",
    "Cook Islands",
    "not formally a member",
    "WEOG member",
    "observer State:",
    "participates fully",
    "attends the Western",
    "endorsing countries and territories",
    "Government of the Netherlands",
    "Dutch central government content",
    "reuse terms",
    "to our knowledge",
    "not re-checked",
    "Machine Politics transcription",
    "public facts",
    "press reports",
    "non-commercial use",
    "Digital Library terms",
    "medium per named state",
    "Yonhap report",
    "named by EFE",
    "Spanish MFA",
    "Source:",
    "Sources:",
    " as of ",
)
# Packs read back whole, deck and handout: caveats (suspended, unverified), members outside the
# 195, a partial list's named states and an unconfirmed one, each instrument's licence.
FILES = [
    ("org-african-union", CTA),
    ("org-oas", CTA),
    ("ungroup-western-european-and-others-group", CTA),
    ("world", "reaim-2026-pathways-to-action"),
    ("world", "reaim-2024-blueprint-for-action,us-political-declaration"),
]
# The templated sentence, as a reader of each language expects it.
AU_SENTENCE = {
    "fr": r"4 des 54 membres de l’Union africaine \(7\W%\) ont approuvé l’Appel à l’action",
    "es": r"4 de los 54 miembros de la Unión Africana \(7\W%\) han respaldado el Llamamiento",
}


def dataset(language: str) -> Dataset:
    return shipped(language)


def pack_of(language: str, focus: str, view: str) -> Pack:
    with use(language):
        return build_pack(dataset(language), Focus.parse(focus), View.parse(view), today=TODAY)


@cache
def files(language: str, focus: str, view: str) -> tuple[str, str]:
    """The text of the deck (slides and notes) and of the handout, each on one line."""
    pack = pack_of(language, focus, view)
    with use(language):
        deck = Presentation(io.BytesIO(pack_file(dataset(language), pack, "pptx")[0]))
        handout = pages_text(pack_file(dataset(language), pack, "pdf")[0])
    texts = []
    for slide in deck.slides:
        texts += [*slide_texts(slide), slide.notes_slide.notes_text_frame.text]
    return flat(" ".join(texts)), " ".join(handout)


def flat(text: str) -> str:
    """White space of any kind as one plain space."""
    return " ".join(text.split())


def english_in(text: str) -> list[str]:
    return [phrase for phrase in ENGLISH if phrase in text]


@pytest.mark.parametrize("language", ["fr", "es"])
@pytest.mark.parametrize(("focus", "view"), FILES)
def test_no_english_on_any_slide_or_in_the_handout(language, focus, view):
    deck, handout = files(language, focus, view)
    assert english_in(deck) == [], "deck"
    assert english_in(handout) == [], "handout"


@pytest.mark.parametrize("language", ["fr", "es"])
def test_no_pack_of_any_focus_or_instrument_carries_english(language):
    """What every pack would show, read from the pack itself: the renderers only lay it out."""
    data = dataset(language)
    views = [View(key) for key in data.catalogue]
    packs = [pack_of(language, str(focus), CTA) for focus in data.focus_frames]
    packs += [pack_of(language, "world", str(view)) for view in views]
    found = {}
    for pack in packs:
        text = " ".join(
            [
                pack.title,
                pack.subtitle,
                pack.footer,
                pack.lead,
                *pack.sentences,
                *pack.notes,
                *pack.sources,
                *pack.citations,
                *(f"{label} {value}" for label, value in pack.key_figures),
                *(f"{name} {standing}" for name, standing in pack.related),
                *(n for names in pack.name_lists for n in (names.heading, *names.names)),
                pack.view.credits,
            ]
        )
        if english_in(flat(text)):
            found[pack.title] = english_in(flat(text))
    assert found == {}


@pytest.mark.parametrize("language", ["fr", "es"])
def test_the_sentences_read_as_the_language_writes_them(language):
    deck, handout = files(language, "org-african-union", CTA)
    assert re.search(AU_SENTENCE[language], deck)
    assert re.search(AU_SENTENCE[language], handout)
