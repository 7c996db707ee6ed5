"""Presentation mode's headline comes from the view layer and says what the pack says."""

import ast

import pytest

from briefing.pack import build_pack, map_of
from instruments.view import View
from store.focus import Focus
from ui.tables.headline import headline

from conftest import REPO
from ui_fixtures import shipped

CASES = [
    ("world", "reaim-2023-call-to-action"),
    ("org-african-union", "reaim-2023-call-to-action"),
    ("org-g7", "us-political-declaration"),
    ("region-europe", "us-political-declaration,reaim-2023-call-to-action"),
]


@pytest.mark.parametrize(("key", "shown"), CASES)
def test_the_headline_is_the_packs(key: str, shown: str):
    data = shipped()
    view = View.parse(shown)
    said = headline(
        data,
        map_of(data, view, data.focus_frames[Focus.parse(key)]),
        data.focus_frames[Focus.parse(key)],
    )
    pack = build_pack(data, Focus.parse(key), view)
    assert (said.key_figures, said.lead) == (pack.key_figures, pack.lead)
    assert said.key_figures and said.lead.endswith(".")


def test_presentation_mode_does_not_draw_from_the_print_pack():
    tree = ast.parse((REPO / "ui" / "widgets" / "presentation.py").read_text(encoding="utf-8"))
    modules = {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)}
    assert "ui.tables.headline" in modules and not {m for m in modules if m.startswith("briefing")}


def test_a_focus_says_none_rather_than_zero_and_shows_no_empty_category():
    data = shipped()
    focus = Focus.parse("org-asean")
    comparison = build_pack(
        data, focus, View.parse("us-political-declaration,reaim-2023-call-to-action")
    )
    assert comparison.lead.startswith("None of the 11 ASEAN members has endorsed the US")
    vote = build_pack(data, Focus.parse("org-african-union"), View.parse("unga-80-57"))
    labels = [label for label, _value in vote.key_figures]
    assert "Abstain" not in labels and "No" in labels  # none of its members abstained
    assert all(value != "0" for _label, value in vote.key_figures)
    endorsed = build_pack(
        data, Focus.parse("org-african-union"), View.parse("reaim-2023-call-to-action")
    )
    assert endorsed.sentences[0].startswith(
        "4 of 54 (7%) African Union members have endorsed the Call to Action (REAIM 2023): "
        "Morocco, Rwanda, Tunisia and Zimbabwe; "
    )
