"""The pack carries the suggested ask for each of its outreach priorities: deck and handout."""

import io

import pytest
from handout_checks import flat
from pptx import Presentation
from test_languages import built, in_language, title_of

from i18n.translate import catalogue, use
from ui.tables.ask import suggested_ask

from pdf_text import pages_text

FOCI = ("org-african-union", "world")


def asks(language: str, focus_key: str) -> list[str]:
    """Each priority's ask as the pack's language says it, numbered by its rank, read from the
    ask the state gets on its own."""
    pack = built(language, focus_key)[0]
    data = in_language(language)
    codes = data.table.set_index("name")["iso3"]
    with use(language):
        return [f"{p.rank}. {suggested_ask(data, codes[p.name]).text}" for p in pack.priorities]


@pytest.mark.parametrize("language", ["en", "fr", "es"])
@pytest.mark.parametrize("focus_key", FOCI)
def test_the_deck_gives_each_priority_its_ask_in_rank_order(language, focus_key):
    wanted = asks(language, focus_key)
    assert len(wanted) == len(built(language, focus_key)[0].priorities) > 0
    deck = Presentation(io.BytesIO(built(language, focus_key)[1]))
    title = catalogue(language).gettext("Suggested asks")
    slides = [s for s in deck.slides if title_of(s).startswith(title)]
    said = [
        p.text
        for s in slides
        for shape in s.shapes
        if shape.name.startswith(title)
        for p in shape.text_frame.paragraphs
    ]
    assert [t for t in said if t[:1].isdigit()] == wanted
    notes = " ".join(s.notes_slide.notes_text_frame.text for s in slides)
    assert all(ask in notes for ask in wanted)  # in the speaker notes too, to read out


@pytest.mark.parametrize("language", ["en", "fr", "es"])
@pytest.mark.parametrize("focus_key", FOCI)
def test_the_handout_gives_each_priority_its_ask(language, focus_key):
    text = " ".join(pages_text(built(language, focus_key)[2]))
    heading = catalogue(language).gettext("Suggested asks")
    assert text.count(heading) == 1
    after = text[text.index(heading) :]
    positions = [after.index(flat(ask)) for ask in asks(language, focus_key)]
    assert positions == sorted(positions)
