"""Properties of name normalisation, the key of exact matching."""

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from etl.normalize import normalize_name

names = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=60)


@given(names)
def test_idempotent(text):
    assert normalize_name(normalize_name(text)) == normalize_name(text)


@given(names)
def test_output_is_lower_case_single_spaced_without_marks(text):
    key = normalize_name(text)
    assert key == key.strip() and "  " not in key
    assert key == key.casefold() or not key.isascii()
    assert not any(unicodedata.combining(ch) for ch in key)


@given(names)
def test_case_and_surrounding_punctuation_do_not_matter(text):
    assert (
        normalize_name(f"  ({text.upper()}). ") == normalize_name(text.lower())
        or not text.isascii()
    )


@given(st.sampled_from(["’", "'", "‘", "ʼ"]))
def test_apostrophes_are_one(apostrophe):
    assert normalize_name(f"Côte d{apostrophe}Ivoire") == "cote d ivoire"


def test_examples():
    assert normalize_name("The Netherlands") == normalize_name("Netherlands") == "netherlands"
    assert normalize_name("Türkiye") == "turkiye"
    assert normalize_name("St. Kitts & Nevis") == normalize_name("Saint Kitts and Nevis")
    assert normalize_name("Guinea-Bissau") == normalize_name("Guinea Bissau")
    assert normalize_name("Niger") != normalize_name("Nigeria")
    assert normalize_name("Dominica") != normalize_name("Dominican Republic")
