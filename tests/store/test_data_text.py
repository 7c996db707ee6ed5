"""The free text of the data files that readers see is marked for the catalogues, as it stands in
its file: every membership caveat, a member outside the 195 named otherwise than its area, each
licence, a confidence of more than a word, an unconfirmed position's note. Read straight from
the files, so that a text edited there fails here until it is marked (and translated) again.
A research note is shown in plain words: one line that names no file, copy or article.
"""

import json

import pytest

from etl.release import SOURCE_LICENCE
from i18n.translate import use
from instruments.model import CONFIDENCE_WORDS
from store.data_text import PLAIN, TEXTS, in_plain_words, translated
from store.files import read_text_table
from store.groups import CAVEAT_PREFIXES

from conftest import REPO

DATA = REPO / "data"
REFERENCE = DATA / "reference"


def shown_texts() -> set[str]:
    """Every free text of the data files that a page, a map or a pack shows a reader."""
    found = set()
    other_names = dict(read_text_table(REFERENCE / "other_entities.csv")[["iso3", "name"]].values)
    universe = set(read_text_table(REFERENCE / "states.csv")["iso3"])
    for path in sorted((REFERENCE / "groups").glob("*.csv")):
        rows = read_text_table(path)
        if "note" in rows:
            found |= {n for n in rows["note"] if n.startswith(CAVEAT_PREFIXES)}
        if path.name != "index.csv" and "iso3" in rows:
            outside = rows[~rows["iso3"].isin(universe)]
            found |= {n for c, n in outside[["iso3", "name"]].values if other_names.get(c) != n}
    found |= set(read_text_table(REFERENCE / "states.csv")["regional_group_note"]) - {""}
    meta = json.loads((DATA / "endorsements.meta.json").read_text(encoding="utf-8"))
    registry = read_text_table(DATA / "instruments" / "instruments.csv")
    found |= {meta["licence"], *registry["licence"]} - {""}
    found |= set(registry["confidence"]) - set(CONFIDENCE_WORDS) - {""}
    positions = read_text_table(DATA / "positions.csv")
    found |= set(positions.loc[positions["status"] == "unconfirmed", "note"]) - {""}
    return found


def test_every_text_the_data_shows_is_marked_and_nothing_else():
    marked = set(TEXTS) | set(PLAIN)
    assert shown_texts() - marked == set(), "marked in store/data_text.py as written"
    assert marked - shown_texts() == set(), "no longer in the data files"
    assert not set(TEXTS) & set(PLAIN), "a text is shown as written or in plain words"


def test_the_licence_the_etl_writes_is_the_one_marked():
    assert SOURCE_LICENCE in PLAIN


# What a research note names and a plain line does not: its copies, articles and build.
RESEARCH = ("Wikipedia", "WEOG", "DGACM", "mirror", "GPML", "FAQ", "ask.un.org", "build machine")


def test_research_notes_are_shown_in_plain_words():
    notes = [text for text in shown_texts() if any(word in text for word in RESEARCH)]
    assert len(notes) == 7
    assert all(in_plain_words(note) for note in notes)
    for note in notes:
        plain = translated(note)
        assert plain == PLAIN[note] and not any(word in plain for word in RESEARCH), plain
    assert translated(TEXTS[0]) == TEXTS[0]  # a note in plain words already is shown as written


@pytest.mark.parametrize("language", ["fr", "es"])
def test_each_text_is_translated_as_a_whole(language):
    with use(language):
        assert all(translated(text) != text for text in TEXTS)
        assert translated("") == ""  # never the catalogue's header
