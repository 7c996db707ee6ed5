"""The static edition carries the watch's public feeds (never a saved group's) and each preset's
briefing pack, dated by the data so the same data gives the same bytes."""

import io
from datetime import date

import pytest
from pptx import Presentation

from edition.feeds import FeedsFolderError, feed_links, feed_of, site_feeds
from edition.map_page import as_of_day
from edition.packs import pack_links, site_packs
from i18n.translate import use
from instruments.view import DEFAULT_VIEW, View
from store.focus import Focus

from pdf_text import pages_text
from ui_fixtures import shipped

G7 = Focus.parse("org-g7")


def test_only_the_public_feeds_are_copied_and_a_missing_folder_says_what_to_do(tmp_path):
    written = {
        "en/instrument/reaim-2023-call-to-action.xml": b"<feed>cta</feed>",
        "fr/focus/org-g7.xml": b"<feed>g7</feed>",
        "es/group/saved-3.xml": b"<feed>the team's</feed>",
        "en/focus/notes.txt": b"not a feed",
        "de/focus/org-g7.xml": b"<feed>no such language</feed>",
    }
    for relative, content in written.items():
        (tmp_path / relative).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / relative).write_bytes(content)
    assert site_feeds(tmp_path) == {
        "feeds/en/instrument/reaim-2023-call-to-action.xml": b"<feed>cta</feed>",
        "feeds/fr/focus/org-g7.xml": b"<feed>g7</feed>",
    }
    assert site_feeds(None) == {}
    with pytest.raises(FeedsFolderError, match="run python -m watch run first"):
        site_feeds(tmp_path / "absent")


def test_a_map_page_offers_its_focus_feed_or_worldwide_its_instrument_feed():
    declaration = View("us-political-declaration", "reaim-2023-call-to-action")
    assert feed_of("fr", DEFAULT_VIEW, G7) == "feeds/fr/focus/org-g7.xml"
    assert feed_of("en", declaration, Focus()) == "feeds/en/instrument/us-political-declaration.xml"
    files = {"feeds/fr/focus/org-g7.xml": b"<feed/>"}
    with use("fr"):
        head, body = feed_links(
            "fr/map/reaim-2023-call-to-action/org-g7.html", feed_of("fr", DEFAULT_VIEW, G7), files
        )
    assert 'type="application/atom+xml"' in head
    assert 'href="../../../feeds/fr/focus/org-g7.xml"' in head and 'href="../../../feeds' in body
    assert "flux" in body  # in the page's language
    assert feed_links("index.html", "feeds/en/instrument/x.xml", files) == ("", "")


@pytest.fixture(scope="module")
def french_packs():
    data = shipped("fr")
    with use("fr"):
        return data, site_packs(data, [G7], "fr", as_of_day(data))[G7]


def test_a_preset_has_its_deck_and_handout_in_its_language_dated_by_the_data(french_packs):
    data, files = french_packs
    assert sorted(files) == [
        "fr/packs/briefing-reaim-2023-call-to-action-org-g7-2023-02-16-fr.pdf",
        "fr/packs/briefing-reaim-2023-call-to-action-org-g7-2023-02-16-fr.pptx",
    ]
    deck = Presentation(
        io.BytesIO(files["fr/packs/briefing-reaim-2023-call-to-action-org-g7-2023-02-16-fr.pptx"])
    )
    said = " ".join(
        shape.text_frame.text
        for slide in deck.slides
        for shape in slide.shapes
        if shape.has_text_frame
    )
    assert "D’après des sources officielles, données au 16 février 2023" in said
    assert date.today().strftime("%Y") not in said.split("données au")[1][:20]
    assert deck.core_properties.created.date().isoformat() == data.provenance.as_of
    handout = files["fr/packs/briefing-reaim-2023-call-to-action-org-g7-2023-02-16-fr.pdf"]
    assert "G7" in pages_text(handout)[0]


def test_the_same_data_gives_the_same_packs(french_packs):
    data, files = french_packs
    with use("fr"):
        again = site_packs(data, [G7], "fr", as_of_day(data))[G7]
    assert again == files


def test_a_map_page_links_its_pack_with_each_file_size(french_packs):
    _data, files = french_packs
    with use("fr"):
        said = pack_links("fr/map/reaim-2023-call-to-action/org-g7.html", files)
    assert said.startswith('<p class="packs">Dossier de briefing :')
    assert said.index("PowerPoint") < said.index("PDF")
    for path, content in files.items():
        assert f'href="../../packs/{path.removeprefix("fr/packs/")}"' in said
        assert f"{round(len(content) / 1000)} ko" in said.replace("\u202f", " ").replace(
            "\xa0", " "
        )
    assert pack_links("index.html", {}) == ""
