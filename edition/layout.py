"""Where each page and file of the site lives, and the relative link from one to another."""

import posixpath

from i18n.languages import DEFAULT
from instruments.view import DEFAULT_VIEW, View
from store.focus import WORLD_FOCUS, Focus

STYLESHEET = "assets/style.css"
DARK = "#dark"  # an embed page's address with this fragment: the same page, dark (CSS :target)


def prefix(language: str) -> str:
    """The folder of a language's pages: the root for English, ``fr/``, ``es/``."""
    return "" if language == DEFAULT else f"{language}/"


def _named(view: View) -> str:
    """A view in a path: ``x``, or ``x-not-y`` for a comparison."""
    return "-not-".join(view.ids)


def map_page(language: str, view: View, focus: Focus) -> str:
    """The map page of a view and a focus: the world page of the Call to Action is the index."""
    if view == DEFAULT_VIEW and focus == WORLD_FOCUS:
        return f"{prefix(language)}index.html"
    return f"{prefix(language)}map/{_named(view)}/{focus}.html"


def embed_page(language: str, view: View, focus: Focus) -> str:
    """A map page's embed: the map, its legend and its source alone, for an ``<iframe>``; its
    address followed by ``DARK`` shows it on a dark page."""
    return f"{prefix(language)}embed/{_named(view)}/{focus}.html"


def share_card(language: str, view: View, focus: Focus) -> str:
    """A map page's share card, the PNG a chat or a post shows for its link."""
    return f"{prefix(language)}cards/{_named(view)}/{focus}.png"


def outreach_page(language: str) -> str:
    """The outreach gaps list."""
    return f"{prefix(language)}outreach.html"


def regions_page(language: str, kind: str) -> str:
    """The regional breakdown by one kind of group."""
    return f"{prefix(language)}regions/{kind}.html"


def country_page(language: str, iso3: str) -> str:
    """A state's profile."""
    return f"{prefix(language)}country/{iso3}.html"


def sources_page(language: str) -> str:
    """The sources and how to cite them."""
    return f"{prefix(language)}sources.html"


def download(language: str, stem: str, suffix: str) -> str:
    """A table's CSV or Excel file."""
    return f"{prefix(language)}files/{stem}.{suffix}"


def link(source: str, target: str) -> str:
    """The relative link from the page at ``source`` to ``target`` (both from the site's root)."""
    return posixpath.relpath(target, posixpath.dirname(source) or ".")
