"""The watch's Atom feeds in the site: each instrument's and each focus preset's, in every
language, copied from the folder ``python -m watch run`` writes (a saved group's never: it is
the team's)."""

from pathlib import Path

from edition.html import esc
from edition.layout import link
from i18n.languages import LANGUAGES
from i18n.translate import _
from instruments.view import View
from store.focus import Focus

FOLDER = "feeds"  # the feeds' folder in the site
PUBLIC = ("instrument", "focus")  # the watch's kinds of feed a public site carries


class FeedsFolderError(Exception):
    """The feeds' folder named is not there (the message says what to do)."""


def site_feeds(folder: Path | None) -> dict[str, bytes]:
    """The public feeds of the watch's ``folder`` by path from the site's root
    (``feeds/fr/focus/org-g7.xml``); none without a folder."""
    if folder is None:
        return {}
    if not folder.is_dir():
        raise FeedsFolderError(
            f"{folder} is not a folder of Atom feeds: run python -m watch run first, or leave "
            "out --feeds"
        )
    found = {}
    for path in sorted(folder.rglob("*.xml")):
        parts = path.relative_to(folder).parts
        if len(parts) == 3 and parts[0] in LANGUAGES and parts[1] in PUBLIC:
            found[f"{FOLDER}/{'/'.join(parts)}"] = path.read_bytes()
    return found


def feed_of(language: str, view: View, focus: Focus) -> str:
    """The feed a map page offers, by path from the site's root: its focus's changes, or
    worldwide its instrument's (a comparison's: the first instrument's)."""
    if focus.is_world:
        return f"{FOLDER}/{language}/instrument/{view.first}.xml"
    return f"{FOLDER}/{language}/focus/{focus}.xml"


def feed_links(page: str, feed: str, files: dict[str, bytes]) -> tuple[str, str]:
    """The head's ``alternate`` link and the body's paragraph for the feed of the page at
    ``page`` (paths from the site's root); both empty when the site carries no such feed."""
    if feed not in files:
        return "", ""
    href = esc(link(page, feed))
    title = esc(_("Changes (Atom feed)"))
    head = f'<link rel="alternate" type="application/atom+xml" title="{title}" href="{href}">'
    said = esc(_("Follow the changes in a feed reader"))
    body = f'<p class="feed"><a href="{href}" type="application/atom+xml">{said}</a></p>'
    return head, body
