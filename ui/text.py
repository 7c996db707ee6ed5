"""Making text from data and URLs safe to show: Markdown escaping and Plotly label escaping."""

import html
import re

# CommonMark lets any ASCII punctuation be escaped; Streamlit adds :directives:, $maths$ and ~.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#+\-.!|~$:&=^\"'])")


def md(text: object) -> str:
    """``text`` escaped so that Streamlit's Markdown shows it literally, on one line."""
    flat = " ".join(str(text).split())
    return _MARKDOWN_SPECIAL.sub(r"\\\1", flat)


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
