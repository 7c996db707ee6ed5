"""The parts of an HTML page the ETL reads: PDF links, lists and tables, publication dates."""

import re
from dataclasses import dataclass
from datetime import date
from urllib.parse import urljoin, urlsplit

from bs4 import BeautifulSoup

from etl.errors import EtlError

_LIST_HINT = re.compile(r"endors", re.I)
# Elements whose text is page furniture, not content (participants.documents skips them too).
NAVIGATION = ("nav", "header", "footer", "aside")
# Where a page states its dates: metadata names, and labels of a "Label | dd-mm-yyyy" line.
_PUBLISHED_META = ("DCTERMS.issued", "DCTERMS.available")
_MODIFIED_META = ("DCTERMS.modified", "article:modified_time")
_PUBLISHED_LABELS = ("Publication",)
_MODIFIED_LABELS = ("Last modified", "Modified")
_DMY = re.compile(r"\b(\d{2})-(\d{2})-(\d{4})\b")


@dataclass(frozen=True)
class PageDates:
    """The dates a page gives for itself, the latest of each kind; None where it gives none."""

    published: date | None = None
    modified: date | None = None


@dataclass(frozen=True)
class Link:
    """A link on the page: absolute URL and its visible text."""

    url: str
    text: str


def parse(html: bytes | str) -> BeautifulSoup:
    """Parse a page with the standard-library parser (tolerant of broken markup)."""
    return BeautifulSoup(html, "html.parser")


def _is_pdf_link(href: str, anchor) -> bool:
    path = urlsplit(href).path.lower()
    return path.endswith(".pdf") or "pdf" in (anchor.get("type") or "").lower()


def pdf_links(page: BeautifulSoup, base_url: str) -> list[Link]:
    """Every distinct PDF link of the page, in page order, made absolute against ``base_url``."""
    links: dict[str, Link] = {}
    for anchor in page.find_all("a", href=True):
        if _is_pdf_link(anchor["href"], anchor):
            url = urljoin(base_url, anchor["href"])
            text = " ".join(anchor.get_text(" ").split())
            links.setdefault(url, Link(url=url, text=text or urlsplit(url).path.rsplit("/", 1)[-1]))
    return list(links.values())


def choose_list_pdf(links: list[Link]) -> Link | None:
    """The one PDF whose title or file name speaks of endorsing, None if none; fail if several."""
    matching = [link for link in links if _LIST_HINT.search(f"{link.text} {link.url}")]
    if len(matching) > 1:
        listed = "; ".join(f"{link.text!r} <{link.url}>" for link in matching)
        raise EtlError(
            f"several PDFs on the page could be the list, cannot tell them apart: {listed}",
            "pass the right one's link with --url",
        )
    return matching[0] if matching else None


def describe_links(links: list[Link]) -> str:
    """The links as a short list for an error message."""
    return "; ".join(f"{link.text!r} <{link.url}>" for link in links) or "none"


def _outside_navigation(element) -> bool:
    return not any(element.find_parent(tag) for tag in NAVIGATION) and not element.find_parent(
        attrs={"role": "navigation"}
    )


def text_lists(page: BeautifulSoup) -> list[list[str]]:
    """The item texts of every list and table outside navigation, header and footer."""
    found: list[list[str]] = []
    for element in page.find_all(["ul", "ol"]):
        if _outside_navigation(element):
            items = [
                " ".join(li.get_text(" ").split()) for li in element.find_all("li", recursive=False)
            ]
            found.append([item for item in items if item])
    for table in page.find_all("table"):
        if _outside_navigation(table):
            cells = [" ".join(cell.get_text(" ").split()) for cell in table.find_all(["td", "th"])]
            found.append([cell for cell in cells if cell])
    return [items for items in found if items]


def _meta_dates(page: BeautifulSoup, names: tuple[str, ...]) -> list[date]:
    dates = []
    for name in names:
        tag = page.find("meta", attrs={"name": name}) or page.find("meta", attrs={"property": name})
        if tag and tag.get("content"):
            try:
                dates.append(date.fromisoformat(tag["content"][:10]))
            except ValueError:
                continue
    return dates


def _labelled_dates(text: str, labels: tuple[str, ...]) -> list[date]:
    dates = []
    for label in labels:
        match = re.search(rf"{label}\s*[|:]?\s*{_DMY.pattern}", text, re.I)
        if match:
            day, month, year = (int(g) for g in match.groups())
            try:
                dates.append(date(year, month, day))
            except ValueError:
                continue
    return dates


def publication_dates(page: BeautifulSoup) -> PageDates:
    """Dates the page gives for itself: metadata, or a "Publication | dd-mm-yyyy" line."""
    text = page.get_text(" ")
    published = _meta_dates(page, _PUBLISHED_META) + _labelled_dates(text, _PUBLISHED_LABELS)
    modified = _meta_dates(page, _MODIFIED_META) + _labelled_dates(text, _MODIFIED_LABELS)
    return PageDates(published=max(published, default=None), modified=max(modified, default=None))


def looks_like_html(data: bytes) -> bool:
    """True when the bytes start like an HTML document."""
    head = data[:1024].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html", b"<head", b"<body", b"<?xml"))
