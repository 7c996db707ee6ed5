"""Properties of name normalisation, the key of exact matching."""

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from etl.normalise import normalise_name

names = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=60)


@given(names)
def test_idempotent(text):
    assert normalise_name(normalise_name(text)) == normalise_name(text)


@given(names)
def test_output_is_lower_case_single_spaced_without_marks(text):
    key = normalise_name(text)
    assert key == key.strip() and "  " not in key
    assert key == key.casefold() or not key.isascii()
    assert not any(unicodedata.combining(ch) for ch in key)


@given(names)
def test_case_and_surrounding_punctuation_do_not_matter(text):
    assert (
        normalise_name(f"  ({text.upper()}). ") == normalise_name(text.lower())
        or not text.isascii()
    )


@given(st.sampled_from(["’", "'", "‘", "ʼ"]))
def test_apostrophes_are_one(apostrophe):
    assert normalise_name(f"Côte d{apostrophe}Ivoire") == "cote d ivoire"


def test_examples():
    assert normalise_name("The Netherlands") == normalise_name("Netherlands") == "netherlands"
    assert normalise_name("Türkiye") == "turkiye"
    assert normalise_name("St. Kitts & Nevis") == normalise_name("Saint Kitts and Nevis")
    assert normalise_name("Guinea-Bissau") == normalise_name("Guinea Bissau")
    assert normalise_name("Niger") != normalise_name("Nigeria")
    assert normalise_name("Dominica") != normalise_name("Dominican Republic")
