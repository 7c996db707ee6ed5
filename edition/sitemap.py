"""sitemap.xml: every page by its relative address, with its versions in the other languages."""

from xml.sax.saxutils import quoteattr

HEAD = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
    'xmlns:xhtml="http://www.w3.org/1999/xhtml">\n'
)


def sitemap(pages: list[dict[str, str]]) -> bytes:
    """One ``<url>`` per page in each language (``pages``: each page's path in every language);
    addresses relative to the site's root, since the site names no address of its own."""
    entries = []
    for versions in pages:
        alternates = "".join(
            f'\n  <xhtml:link rel="alternate" hreflang={quoteattr(code)} href={quoteattr(p)}/>'
            for code, p in versions.items()
        )
        for path in versions.values():
            entries.append(f"<url>\n  <loc>{path}</loc>{alternates}\n</url>\n")
    return (HEAD + "".join(entries) + "</urlset>\n").encode()
