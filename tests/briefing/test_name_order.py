"""Names in a world pack are in alphabetical order, accents and case ignored, as in every other
pack and on every page: "Égypte" with the E's, "Côte d’Ivoire" before "Croatia"."""

from datetime import date
from functools import cache

import pytest

from briefing.pack import Pack, build_pack
from i18n.collation import sort_key
from i18n.translate import use
from instruments.view import View
from store.focus import WORLD_FOCUS

from ui_fixtures import shipped

COMPARISON = "us-political-declaration,reaim-2023-call-to-action"
TODAY = date(2026, 12, 1)


@cache
def world_packs(language: str) -> list[Pack]:
    """The world pack of every instrument and of a comparison, built in ``language``."""
    with use(language):
        data = shipped(language)
        views = [View(key) for key in data.catalogue] + [View.parse(COMPARISON)]
        return [build_pack(data, WORLD_FOCUS, view, today=TODAY) for view in views]


def misplaced(names: tuple[str, ...]) -> list[str]:
    """The names not where accent-blind alphabetical order puts them."""
    return [n for n, m in zip(names, sorted(names, key=sort_key), strict=True) if n != m]


@pytest.mark.parametrize("language", ["fr", "es"])
def test_every_name_list_of_a_world_pack_is_alphabetical(language):
    for pack in world_packs(language):
        for names in pack.name_lists:
            assert not misplaced(names.names), f"{pack.title}, {names.heading}"


def test_no_french_name_comes_after_zimbabwe():
    for names in world_packs("fr")[0].name_lists:  # the Call to Action
        if "Zimbabwe" in names.names:
            after = names.names[names.names.index("Zimbabwe") + 1 :]
            assert not after, f"{names.heading}: {after}"


def test_the_english_world_pack_is_in_the_same_order_as_the_regional_packs():
    """Côte d’Ivoire before Croatia and Türkiye before Tuvalu, as everywhere else in English."""
    for pack in world_packs("en"):
        for names in pack.name_lists:
            assert not misplaced(names.names), f"{pack.title}, {names.heading}"
