"""The map page under AppTest: "Embed this map" gives the static edition's ``<iframe>`` code of
the view and focus shown, in the interface language, only where the edition builds that page."""

import pytest

from edition.layout import DARK, embed_page
from edition.snippet import iframe
from instruments.view import DEFAULT_VIEW, View
from store.focus import Focus

from apptest import maps, open_page

NOT_YET = View("us-political-declaration", "reaim-2023-call-to-action")


def embed_code(at) -> list[str]:
    """The code blocks of the "Embed this map" expander (none when it is absent)."""
    boxes = [e for e in at.expander if e.label in ("Embed this map", "Intégrer cette carte")]
    return [c.value for box in boxes for c in box.code]


@pytest.fixture(autouse=True)
def shipped_dataset(monkeypatch):
    monkeypatch.delenv("REAIM_DATA_DIR", raising=False)


@pytest.mark.parametrize(
    ("params", "language", "view", "key"),
    [
        ({}, "en", DEFAULT_VIEW, "world"),
        ({"focus": "org-g7", "lang": "fr"}, "fr", DEFAULT_VIEW, "org-g7"),
        (
            {"compare": ",".join(NOT_YET.ids), "focus": "region-africa"},
            "en",
            NOT_YET,
            "region-africa",
        ),
        ({"compare": ",".join(NOT_YET.ids), "focus": "org-g7"}, "en", NOT_YET, "org-g7"),
    ],
)
def test_the_map_page_gives_the_embed_code_of_the_view_shown(params, language, view, key):
    at = open_page("map", **params)
    assert not at.exception, at.exception
    path = embed_page(language, view, Focus.parse(key))
    light, dark = embed_code(at)
    assert light.startswith(f'<iframe src="{path}" title="') and light.endswith("</iframe>")
    assert dark == light.replace(path, path + DARK)
    assert light == iframe(path, light.split('title="')[1].split('"')[0])


def test_no_embed_code_where_the_edition_builds_no_page():
    at = open_page("map", group="KEN,NGA,GHA", group_name="Nairobi consultation")
    assert not at.exception, at.exception
    assert maps(at) and embed_code(at) == []  # a group a reader made is never in the site
