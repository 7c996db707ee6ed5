"""A map's embed page, for another site's ``<iframe>``: the map, its legend and its sources
alone, light or dark, with a link to the whole page."""

from edition import layout
from edition.html import document, esc
from i18n import formats
from i18n.languages import LANGUAGES
from i18n.translate import _, active
from instruments.model import Instrument
from instruments.view import View
from store.focus import Focus


def source_caption(instrument: Instrument) -> str:
    """Where an instrument's positions come from, in one line, as the app's map page says it."""
    return esc(
        _("{instrument}: {source}, as of {date}; licence: {licence}; confidence: {confidence}.")
    ).format(
        instrument=esc(instrument.short_title),
        source=f'<a href="{esc(instrument.source_url)}" target="_blank" rel="noopener">'
        f"{esc(instrument.title)}</a>",
        date=esc(formats.long_date(instrument.as_of)),
        licence=esc(instrument.licence),
        confidence=esc(instrument.confidence),
    )


def sources_line(related: list[Instrument]) -> str:
    """The sources of a view's one or two instruments."""
    captions = [source_caption(i) for i in related]
    if len(captions) == 1:
        return esc(_("Source: {source}")).format(source=captions[0])
    return esc(_("Sources: {first} {second}")).format(first=captions[0], second=captions[1])


def embed_page(
    view: View, focus: Focus, title: str, description: str, figure: str, related: list[Instrument]
) -> tuple[str, bytes]:
    """A map's embed page and its path; ``figure``: the map and its legend. The page is one
    element, ``dark``, which the stylesheet turns dark when the address ends in ``#dark``."""
    language = active()
    path = layout.embed_page(language, view, focus)
    full = layout.link(path, layout.map_page(language, view, focus))
    more = esc(_("The whole page: the map as a table, its downloads and the sentences to say"))
    body = (
        f'<div id="{layout.DARK[1:]}" class="embed">'
        f'<main id="main"><h1>{esc(title)}</h1>\n{figure}\n'
        f'<p class="source">{sources_line(related)}</p>\n'
        f'<p><a href="{esc(full)}" target="_blank" rel="noopener">{more}</a></p></main></div>'
    )
    stylesheet = layout.link(path, layout.STYLESHEET)
    alternates = {
        code: layout.link(path, layout.embed_page(code, view, focus)) for code in LANGUAGES
    }
    page = document(language, title, description, body, stylesheet, alternates, classes="embed")
    return path, page.encode()
