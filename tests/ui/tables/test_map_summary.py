"""The sentences beside a comparison map: counts, plurals, escaped names, the language's lists."""

from i18n.translate import use
from ui.tables.map_summary import ComparisonSummary, comparison_sentences


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
    assert only == "**0 states** in Africa endorsed A but did not endorse B."
    assert outside.startswith("Also Kosovo, outside the 195 states in scope")
    assert unsure.endswith("(cannot vote).")


def test_names_are_escaped_and_joined_the_french_way():
    with use("fr"):
        only, _outside, _unsure = comparison_sentences(summary(["*Tchad*", "Mali"], [], []))
    assert "\\*Tchad\\* et Mali" in only
