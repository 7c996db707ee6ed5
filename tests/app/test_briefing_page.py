"""Briefing packs in the app: the /briefing page, and the pack downloads on the other pages."""

import io
import tracemalloc

import pytest
from office_files import MB, bomb, linked_template, outside_links
from pptx import Presentation
from streamlit.testing.v1 import AppTest

from briefing.files import pack_file
from briefing.formats import FORMATS
from briefing.pack import DEFAULT_TOP
from instruments.view import DEFAULT_VIEW
from store.focus import Focus
from ui import cache

from apptest import open_page
from conftest import REPO
from pdf_text import pages_text

APP = str(REPO / "dashboard.py")


def buttons(at: AppTest) -> list[str]:
    return [b.proto.label for b in at.get("download_button")]


@pytest.mark.parametrize(
    ("path", "params"),
    [
        ("map", {"focus": "org-asean"}),
        ("regions", {"instrument": "unga-80-57"}),
        ("outreach", {"org": "asean"}),
        ("briefing", {"focus": "org-asean"}),
    ],
)
def test_every_view_offers_the_pack_for_its_focus_and_instrument(path, params):
    at = open_page(path, **params)
    assert not at.exception and not at.error, at.exception
    assert {"Briefing pack (PPTX)", "Briefing pack (PDF)"} <= set(buttons(at))
    said = [b.proto.help for b in at.get("download_button") if "Briefing" in b.proto.label]
    expected = "among ASEAN members" if "asean" in str(params.values()) else "worldwide"
    assert len(said) == 2 and all(expected in text for text in said), said


def test_briefing_page_previews_the_pack_it_builds():
    at = open_page("briefing", focus="org-g7", instrument="unga-80-57")
    assert not at.exception
    assert at.subheader[0].value.startswith("UNGA 80/57 (2025): votes among G7 members")
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Yes: G7"] == "6 of 7 (86%)"
    at.number_input(key="briefing-top").set_value(2).run()
    assert len(at.dataframe[0].value) <= 2


def test_the_pack_files_the_buttons_deliver_open():
    deck = cache.pack_file_maker(Focus.parse("org-g7"), DEFAULT_VIEW, "pptx", DEFAULT_TOP)()
    slides = Presentation(io.BytesIO(deck)).slides
    assert len(slides) >= 7
    handout = cache.pack_file_maker(Focus.parse("org-g7"), DEFAULT_VIEW, "pdf", DEFAULT_TOP)()
    text = " ".join(pages_text(handout))
    assert "7 of 7 (100%) G7 members have endorsed" in text


# Templates uploaded on the page ----------------------------------------------------------------


def upload(at: AppTest, name: str, data: bytes) -> AppTest:
    return at.file_uploader[0].set_value((name, data, FORMATS["pptx"])).run()


def test_a_bomb_uploaded_as_a_template_is_refused_with_memory_bounded():
    at = open_page("briefing", focus="org-g7")
    data = bomb(512 * MB)
    tracemalloc.start()
    try:
        upload(at, "ministry.pptx", data)
        peak = tracemalloc.get_traced_memory()[1] / MB
    finally:
        tracemalloc.stop()
    assert not at.exception and peak < 100, peak
    (error,) = [e.value for e in at.error]
    assert error.startswith(
        r"The template cannot be used: ministry\.pptx holds a part that unpacks"
    )
    assert error.endswith("Nothing was built.") and "/" not in error
    assert "Briefing pack (PPTX)" not in buttons(at) and "Briefing pack (PDF)" in buttons(at)


def test_an_unreadable_template_is_named_as_uploaded_never_by_a_server_path():
    at = upload(open_page("briefing", focus="org-g7"), "notes.pptx", b"PK\x03\x04 not a deck")
    (error,) = [e.value for e in at.error]
    assert r"notes\.pptx is damaged" in error
    assert "/" not in error and "template" not in error.removeprefix("The template")


def test_a_deck_from_an_uploaded_template_that_links_outside_never_calls_out(tmp_path, monkeypatch):
    made = []

    def keep(*args, **kwargs):
        made.append(pack_file(*args, **kwargs))
        return made[-1]

    monkeypatch.setattr("briefing.files.pack_file", keep)
    template = linked_template(tmp_path / "ministry.pptx").read_bytes()
    at = upload(open_page("briefing", focus="org-g7"), "ministry.pptx", template)
    assert not at.exception and not at.error
    assert "Briefing pack (PPTX)" in buttons(at)
    [(deck, _warnings)] = made
    assert outside_links(deck) == []
    assert any("3 outside resources" in w.value for w in at.warning)
