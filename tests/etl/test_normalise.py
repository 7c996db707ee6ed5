"""Properties of name normalisation, the key of exact matching, on non-ASCII input too."""

import re
import unicodedata
from collections import defaultdict

from hypothesis import given
from hypothesis import strategies as st

from store.normalise import normalise_name

# Any text at all (no lone surrogates).
anything = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=60)


def _disguises() -> dict[str, list[str]]:
    """Each ASCII letter and the apostrophe → what may be printed for it: upper case, accented
    (precomposed or with combining marks), fullwidth and other compatibility forms."""
    found: dict[str, list[str]] = defaultdict(list)
    for code in range(0xC0, 0x2000):
        char = chr(code)
        base = "".join(
            c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c)
        )
        if len(base) == 1 and base.isascii() and base.isalpha():
            found[base.lower()].append(char)
    for letter in "abcdefghijklmnopqrstuvwxyz":
        found[letter] += [
            letter.upper(),
            chr(0xFF41 + ord(letter) - ord("a")),  # fullwidth small
            chr(0xFF21 + ord(letter) - ord("a")),  # fullwidth capital
            letter + "\u0301",  # combining acute
            letter.upper() + "\u0308\u0323",  # combining diaeresis and dot below
        ]
    found["'"] = ["’", "‘", "ʼ", "`", "´", "＇"]
    return dict(found)


DISGUISES = _disguises()
# Letters, and the punctuation and spaces that separate tokens in names.
plain = st.text(alphabet="abcdefghijklmnopqrstuvwxyz ' -.,()", max_size=40)
# Latin-script text with accents, curly apostrophes, fullwidth forms, ligatures and dashes.
latin = st.text(
    alphabet=st.sampled_from(
        sorted({c for chars in DISGUISES.values() for c in chars if len(c) == 1})
        + list("abcdefghijklmnopqrstuvwxyz0123456789 '-.,&()’–—ﬁﬂ²\u00a0\u3000")
    ),
    max_size=40,
)
TOKEN = re.compile(r"[a-z0-9]+")


@st.composite
def disguised(draw) -> tuple[str, str]:
    """A plain ASCII name and the same name with each letter drawn as one of its disguises."""
    text = draw(plain)
    shown = "".join(draw(st.sampled_from(DISGUISES.get(c, [c]))) for c in text)
    return text, shown


@given(st.one_of(anything, latin))
def test_idempotent(text):
    assert normalise_name(normalise_name(text)) == normalise_name(text)


@given(anything)
def test_any_text_gives_case_folded_single_spaced_tokens_without_marks(text):
    key = normalise_name(text)
    assert key == " ".join(key.split()) and "_" not in key
    assert key == key.casefold()
    assert not any(unicodedata.combining(ch) for ch in key)


@given(latin)
def test_latin_text_gives_ascii_lower_case_tokens(text):
    assert all(TOKEN.fullmatch(token) for token in normalise_name(text).split())


@given(disguised())
def test_diacritics_case_width_and_apostrophes_fold_equal(pair):
    text, shown = pair
    assert normalise_name(shown) == normalise_name(text)


@given(latin)
def test_case_and_surrounding_punctuation_do_not_matter(text):
    assert normalise_name(f"  ({text.upper()}). ") == normalise_name(text.lower())


@given(st.sampled_from(DISGUISES["'"] + ["'"]))
def test_apostrophes_are_one(apostrophe):
    assert normalise_name(f"Côte d{apostrophe}Ivoire") == "cote d ivoire"


def test_disguises_are_non_ascii_and_many():
    """The strategies above must really draw non-ASCII text, or the properties say nothing."""
    non_ascii = {key: [c for c in chars if not c.isascii()] for key, chars in DISGUISES.items()}
    assert all(len(non_ascii[letter]) >= 4 for letter in "abcdefghijklmnopqrstuvwxyz'")
    assert sum(map(len, non_ascii.values())) > 600


def test_examples():
    assert normalise_name("The Netherlands") == normalise_name("Netherlands") == "netherlands"
    assert normalise_name("Türkiye") == "turkiye"
    assert normalise_name("ＴÜＲＫＩＹＥ") == "turkiye"
    assert normalise_name("São Tomé and Príncipe") == "sao tome and principe"
    assert normalise_name("St. Kitts & Nevis") == normalise_name("Saint Kitts and Nevis")
    assert normalise_name("Guinea-Bissau") == normalise_name("Guinea Bissau")
    assert normalise_name("Niger") != normalise_name("Nigeria")
    assert normalise_name("Dominica") != normalise_name("Dominican Republic")
