"""?since= on the map, regions and outreach pages: the sentence, the movers, bad days refused."""

import pytest
from streamlit.testing.v1 import AppTest

from apptest import open_page


def since_text(at: AppTest) -> list[str]:
    return [m.value for m in at.markdown if m.value.startswith(("Since", "Depuis", "Desde"))]


def movers(at: AppTest):
    """The movers table, once its expander is opened: the one with ISO3 codes and dates."""
    assert not [d for d in at.dataframe if "Date" in d.value.columns]  # sent once opened
    at.session_state["since-table"] = True  # what opening it does
    at.run()
    return next(d.value for d in at.dataframe if {"ISO3", "Date"} <= set(d.value.columns))


@pytest.mark.parametrize("page", ["map", "regions", "outreach"])
def test_each_page_says_who_moved_in_its_focus(page):
    at = open_page(page, focus="org-african-union", since="2023-12-22")
    assert not at.exception
    (said,) = since_text(at)
    assert "Djibouti and Ethiopia" in said and "possibly before that day" in said
    assert {"DJI", "ETH", "MDG"} <= set(movers(at)["ISO3"])


def test_since_with_a_past_day_stops_at_that_day():
    at = open_page("map", since="2024-03-01", as_of="2024-06-30")
    (said,) = since_text(at)
    assert "Pathways" not in said and "79/62" not in said  # both after 30 June 2024
    assert "Ukraine" in said and "1 of them possibly before that day" in said  # by 20 Mar 2024
    assert "Panama" not in said  # joined on 10 Sep 2024, after the day shown


@pytest.mark.parametrize(
    ("params", "why"),
    [
        ({"since": "soon"}, "not a date"),
        ({"since": "2024-07-01", "as_of": "2024-06-30"}, "before the day shown"),
        ({"since": "2021-01-01"}, "starts in 2023"),
    ],
)
def test_a_bad_since_is_a_notice_and_no_section(params, why):
    at = open_page("map", **params)
    assert not at.exception
    assert any(why in w.value for w in at.warning) and not since_text(at)


@pytest.mark.parametrize(
    ("language", "start"),
    [("fr", "Depuis le 22 décembre 2023"), ("es", "Desde el 22 de diciembre de 2023")],
)
def test_the_sentence_reads_in_every_language(language, start):
    at = open_page("map", focus="org-african-union", since="2023-12-22", lang=language)
    (said,) = since_text(at)
    assert said.startswith(start)
