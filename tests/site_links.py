"""The static edition's links, read from its pages: what a browser fetches by itself and where
each link leads (shared by the preview's tests and the whole site's)."""

import posixpath
from collections.abc import Collection, Mapping

from lxml import html


def broken_links(site: Mapping[str, bytes], elsewhere: Collection[str] = ()) -> tuple[list, int]:
    """Every link of every page that leaves the site or leads nowhere, as (page, link), and how
    many links were followed; ``elsewhere``: pages a preview leaves out that a whole build
    writes. A source's own page (https) is opened only when clicked, and is allowed."""
    broken, checked = [], 0
    for path in (p for p in site if p.endswith(".html")):
        page = html.fromstring(site[path])
        for url in page.xpath("//@src | //link/@href"):  # fetched by the browser itself
            if "//" in url or url.startswith("/"):
                broken.append((path, url))
        for url in page.xpath("//@href | //@src"):
            if url.startswith("https://"):
                continue
            target = posixpath.normpath(posixpath.join(posixpath.dirname(path), url))
            if url.startswith("/") or ":" in url or not (target in site or target in elsewhere):
                broken.append((path, url))
            checked += 1
    return broken, checked
