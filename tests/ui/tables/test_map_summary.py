"""The sentences beside a comparison map: counts, plurals, escaped names, the language's lists."""

import re

import pytest

from i18n.translate import use
from instruments.model import CALL_TO_ACTION
from ui.tables.map_summary import ComparisonSummary, comparison_sentences

from apptest import open_page
from ui_fixtures import shipped

DECLARATION = "us-political-declaration"


def summary(only: list[str], outside: list[str], unsure: list[str]) -> ComparisonSummary:
    return ComparisonSummary(
        where="in Africa",
        phrase="endorsed A but did not endorse B",
        only=only,
        outside=outside,
        unsure=unsure,
        supporter="endorsed A",
        undecidable="cannot vote",
    )


def test_names_are_listed_and_counted_with_their_plural():
    only, outside, unsure = comparison_sentences(
        summary(["Chad", "Mali", "Niger"], [], ["Holy See"])
    )
    assert only == "**3 states** in Africa endorsed A but did not endorse B: Chad, Mali and Niger."
    assert outside == ""
    assert unsure == (
        "**1 more** endorsed A but cannot be placed on the second instrument (cannot vote): "
        "Holy See."
    )


def test_none_is_said_without_a_list_and_outside_states_get_their_own_line():
    only, outside, unsure = comparison_sentences(summary([], ["Kosovo"], []))
    assert only == "**No state** in Africa endorsed A but did not endorse B."  # never "0 states"
    assert outside.startswith("Also Kosovo, outside the 195 states in scope")
    assert unsure == ""  # none to place: nothing said


def test_names_are_escaped_and_joined_the_french_way():
    with use("fr"):
        only, _outside, _unsure = comparison_sentences(summary(["*Tchad*", "Mali"], [], []))
    assert "\\*Tchad\\* et Mali" in only


@pytest.mark.parametrize(
    ("language", "count", "expected"),
    [
        ("en", 2, "endorsed the Call"),
        ("fr", 0, "a approuvé l’Appel"),
        ("fr", 1, "a approuvé l’Appel"),
        ("fr", 2, "ont approuvé l’Appel"),
        ("es", 0, "respaldaron el Llamamiento"),
        ("es", 1, "respaldó el Llamamiento"),
        ("es", 3, "respaldaron el Llamamiento"),
    ],
)
def test_the_verb_agrees_with_the_number_of_states(language, count, expected):
    with use(language):
        instrument = shipped().catalogue[CALL_TO_ACTION]
        said = instrument.form.did_by(instrument.object, count)
    assert said.startswith(expected), said


def test_a_french_comparison_in_a_focus_reads_as_french():
    at = open_page("map", compare=f"{DECLARATION},{CALL_TO_ACTION}", focus="org-nato", lang="fr")
    said = "\n".join(m.value for m in at.markdown)
    assert re.search(r"\*\*\d+ États\*\* parmi .* ont approuvé la Déclaration", said), said
