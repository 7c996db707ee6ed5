"""User text shown inert: as typed once Markdown decodes it, never a link, always isolated."""

import html
import re

from hypothesis import given
from hypothesis import strategies as st

from ui.text import inert


@given(st.text())
def test_inert_text_reads_back_as_typed_inside_one_isolate(text: str):
    shown = inert(text)
    assert shown.startswith("\u2068") and shown.endswith("\u2069")
    without_joiners = re.sub("\u2060(?=&#(?:64|58|46);)", "", shown[1:-1])  # before @ : .
    assert html.unescape(without_joiners) == " ".join(text.split())
    assert not re.search(r"[!-/:-@\[-`{-~]", re.sub(r"&#\d+;", "", shown))  # no bare punctuation


def test_addresses_lose_what_makes_them_links():
    shown = inert("see https://evil.example or mail@evil.example")
    assert "://" not in shown and "@" not in shown and "evil\u2060&#46;example" in shown
