"""Presentation mode of the map under AppTest: the focus's endorsers named in the interface
language, its first outreach priorities, and the map sized by the page with no title or source
line of its own (the page shows them, in type sized to the screen)."""

import pytest

from ui.text import md

from apptest import maps, open_page

AU = {"present": "1", "focus": "org-african-union"}
SOURCE = "Source: Government of the Netherlands, REAIM 2023 Call to Action"


@pytest.fixture(autouse=True)
def shipped_dataset(monkeypatch):
    monkeypatch.delenv("REAIM_DATA_DIR", raising=False)


def texts(at) -> str:
    return "\n".join(str(m.value) for m in at.markdown)


@pytest.mark.parametrize(
    ("lang", "heading", "names"),
    [
        ("en", "**Endorsed \\(4\\)**", ["Morocco", "Rwanda", "Tunisia", "Zimbabwe"]),
        ("fr", "**A approuvé \\(4\\)**", ["Maroc", "Rwanda", "Tunisie", "Zimbabwe"]),
        ("es", "**Lo ha respaldado \\(4\\)**", ["Marruecos", "Rwanda", "Túnez", "Zimbabwe"]),
    ],
)
def test_the_endorsers_are_named_in_the_interface_language(lang, heading, names):
    at = open_page("map", **AU, lang=lang)
    assert not at.exception, at.exception
    listed = "\n".join([heading, "", *(f"- {name}" for name in names)])
    assert listed in texts(at)


def test_the_first_five_outreach_priorities_are_listed_in_order():
    at = open_page("map", **AU)
    assert not at.exception, at.exception
    said = texts(at)
    assert "**Outreach priorities**" in said
    ranked = said.split("**Outreach priorities**\n\n")[1].splitlines()[:6]
    assert len(ranked) == 5 and all(line.startswith("1. ") for line in ranked), ranked
    assert ranked[0] == "1. Kenya"  # the African Union's first on the outreach list


def test_the_map_fills_the_page_and_leaves_its_words_to_it():
    at = open_page("map", **AU)
    assert not at.exception, at.exception
    (drawn,) = maps(at)
    assert drawn["height"] == "100%"
    layout = drawn["figure"]["layout"]
    assert "title" not in layout and "annotations" not in layout
    assert [h.value for h in at.subheader] == [
        md("Call to Action (REAIM 2023): endorsements among African Union members")
    ]
    assert any(str(c.value).startswith(md(SOURCE)) for c in at.caption)
