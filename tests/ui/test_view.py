"""The View value: one format and one parse, as the dashboard's URL writes them."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from instruments.view import DEFAULT_VIEW, View

IDS = st.sampled_from(["a", "reaim-2023-call-to-action", "us-political-declaration", "x-y"])


@given(IDS, st.one_of(st.just(""), IDS))
def test_parse_reads_what_str_writes(first: str, second: str):
    if first == second:
        return
    view = View(first, second)
    assert View.parse(str(view)) == view and View.parse(str(view), {first, second} - {""})


@pytest.mark.parametrize("text", ["", ",", "a,a", "a,b,c", "a,", ",b"])
def test_not_a_view_is_refused(text: str):
    with pytest.raises(ValueError):
        View.parse(text)


def test_unknown_ids_are_refused_with_the_valid_ones():
    with pytest.raises(ValueError, match="Valid instrument ids: a, b"):
        View.parse("a,c", ["a", "b"])


def test_url_params_select_it_as_the_pages_read_them():
    assert View("a", "b").url_params() == {"compare": "a,b"}
    assert DEFAULT_VIEW.url_params() == {"instrument": "reaim-2023-call-to-action"}
    assert View("a", "b").ids == ("a", "b") and not DEFAULT_VIEW.is_comparison
