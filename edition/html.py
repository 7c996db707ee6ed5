"""The HTML every page shares: escaping, tables, the document around a page's body."""

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from html import escape

import pandas as pd

from i18n.languages import LANGUAGES


@dataclass(frozen=True)
class Page:
    """A page's main content (links relative to ``path``), its title and description for the
    head, the files it links to (paths from the site's root) and more of its head, if any."""

    path: str
    title: str
    description: str
    body: str
    files: dict[str, bytes]
    head: str = ""


def esc(text: object) -> str:
    """Text made safe for an element or an attribute."""
    return escape(str(text), quote=True)


def bold(text: str) -> str:
    """Text escaped, its ``**strong**`` spans (as the app's Markdown writes them) in bold."""
    return re.sub(r"\*\*(.+?)\*\*", r"<strong>\1</strong>", esc(text))


def markdown_html(text: str) -> str:
    """A sentence the app writes in Markdown (``**strong**``, characters escaped by
    ``ui.text.md``) as HTML."""
    return re.sub(r"\\([^\w\s])", r"\1", bold(text))


def _cell(value: str, href: str) -> str:
    return f'<td><a href="{esc(href)}">{esc(value)}</a></td>' if href else f"<td>{esc(value)}</td>"


def table_html(frame: pd.DataFrame, caption: str, links: Sequence[str] = ()) -> str:
    """A DataFrame as a table with its caption and column headers, every cell as text;
    ``links``: a link per row for its first cell ("" for none)."""
    head = "".join(f'<th scope="col">{esc(c)}</th>' for c in frame.columns)
    hrefs = list(links) or [""] * len(frame)
    rows = "\n".join(
        "<tr>" + _cell(row[0], href) + "".join(f"<td>{esc(v)}</td>" for v in row[1:]) + "</tr>"
        for row, href in zip(frame.astype(str).itertuples(index=False), hrefs, strict=True)
    )
    return (
        f'<div class="scroll" tabindex="0"><table><caption>{esc(caption)}</caption>'
        f"<thead><tr>{head}</tr></thead>\n<tbody>\n{rows}\n</tbody></table></div>"
    )


def document(
    language: str,
    title: str,
    description: str,
    body: str,
    stylesheet: str,
    alternates: Mapping[str, str],
    head: str = "",
    classes: str = "",
) -> str:
    """A whole page: ``alternates`` maps each language to the relative link of this page in it
    (``hreflang`` links in the head); ``head``: more of the head (the share card's tags);
    ``classes``: the body's."""
    links = "\n".join(
        f'<link rel="alternate" hreflang="{code}" href="{esc(href)}">'
        for code, href in alternates.items()
    )
    opening = f'<body class="{classes}">' if classes else "<body>"
    return (
        f'<!DOCTYPE html>\n<html lang="{language}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{esc(title)}</title>\n"
        f'<meta name="description" content="{esc(description)}">\n'
        f'<link rel="stylesheet" href="{esc(stylesheet)}">\n{links}\n{head}</head>\n'
        f"{opening}\n{body}\n</body>\n</html>\n"
    )


def language_links(current: str, alternates: Mapping[str, str]) -> str:
    """Each other language, named in itself, linking to this page in it."""
    items = "".join(
        f'<li><a href="{esc(href)}" hreflang="{code}" lang="{code}">{esc(LANGUAGES[code])}</a></li>'
        for code, href in alternates.items()
        if code != current
    )
    return f'<ul class="languages">{items}</ul>'
