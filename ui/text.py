"""Making text from data, users and URLs safe to show: Markdown escaping, inert user text and
Plotly label escaping."""

import html
import re

# CommonMark lets any ASCII punctuation be escaped; Streamlit adds :directives:, $maths$ and ~.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#+\-.!|~$:&=^\"'])")
_PUNCTUATION = re.compile(r"[!-/:-@\[-`{-~]")  # every ASCII punctuation character


def md(text: object) -> str:
    """``text`` escaped so that Streamlit's Markdown shows it literally, on one line."""
    flat = " ".join(str(text).split())
    return _MARKDOWN_SPECIAL.sub(r"\\\1", flat)


def inert(text: object) -> str:
    """Text a user typed, for Streamlit's Markdown: shown as typed, on one line, never as markup
    or a link, and isolated so that its direction (a right-to-left override) cannot reverse the
    page's text around it.

    Every ASCII punctuation character becomes a numeric character reference, which Markdown shows
    as the character itself. Streamlit's Markdown also links addresses and URLs found in the
    decoded text, so an invisible WORD JOINER goes before each ``@``, ``:`` and ``.``: no
    ``name@host``, ``http:`` or ``www.`` is left whole to be linked.
    """
    flat = " ".join(str(text).split())
    escaped = _PUNCTUATION.sub(_reference, flat)
    return f"\u2068{escaped}\u2069"  # FIRST STRONG ISOLATE … POP DIRECTIONAL ISOLATE


def _reference(found: re.Match) -> str:
    character = found[0]
    joiner = "\u2060" if character in "@:." else ""
    return f"{joiner}&#{ord(character)};"


def plotly_text(text: object) -> str:
    """``text`` escaped for Plotly labels, which interpret a subset of HTML tags."""
    return html.escape(str(text), quote=False)


def code(value: object, limit: int = 60) -> str:
    """``value`` as a Markdown code span (shown literally), cut to ``limit`` characters."""
    flat = " ".join(str(value).split()).replace("`", "'")
    if len(flat) > limit:
        flat = flat[: limit - 1] + "…"
    return f"`` {flat} ``"


def link(label: str, url: str) -> str:
    """A Markdown link when ``url`` is a plain http(s) address, else the label and the raw URL."""
    if re.fullmatch(r"https?://[^\s()<>\[\]\"'`\\]+", url or ""):
        return f"[{md(label)}]({url})"
    return f"{md(label)} ({code(url)})" if url else md(label)
