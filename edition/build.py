"""The whole site: every page in every language, its files, the stylesheet and the sitemap."""

from collections.abc import Collection
from importlib.resources import files as resources

from edition import layout
from edition.files import steady_workbook
from edition.html import document, esc, language_links
from edition.map_page import MapPage, as_of_day, map_page
from edition.notice import notice, site_title
from edition.sitemap import sitemap
from i18n.languages import LANGUAGES
from i18n.translate import _, use
from instruments.view import DEFAULT_VIEW, View
from store.focus import Focus
from ui.tables.dataset import Dataset, load_dataset
from ui.views.focus import FocusFrame

# The hook of the watch issue: the Atom feeds' files, by path from the site's root, once a
# ``watch`` package writes them; none until then.
FEEDS: dict[str, bytes] = {}

Frames = dict[Focus, FocusFrame]


def alternates(view: View, focus: Focus, path: str) -> dict[str, str]:
    """This page in every language, as links relative to ``path``."""
    return {code: layout.link(path, layout.map_page(code, view, focus)) for code in LANGUAGES}


def focus_nav(frames: Frames, view: View, path: str, language: str) -> str:
    """Every focus preset of the view, linked: the app's focus picker, without a script."""
    items = "".join(
        f'<li><a href="{esc(layout.link(path, layout.map_page(language, view, focus)))}">'
        f"{esc(frame.option_label)}</a></li>"
        for focus, frame in frames.items()
    )
    return f'<nav aria-labelledby="foci"><h2 id="foci">{esc(_("Focus"))}</h2><ul>{items}</ul></nav>'


def page_html(
    data: Dataset, frames: Frames, page: MapPage, view: View, focus: Focus, language: str
) -> bytes:
    """A map page with the site's header, its focus links and the notice."""
    links = alternates(view, focus, page.path)
    home = layout.link(page.path, layout.map_page(language, DEFAULT_VIEW, Focus()))
    header = (
        f'<header><p class="site"><a href="{esc(home)}">{esc(site_title())}</a></p>'
        f'<nav aria-label="{esc(_("Language"))}">{language_links(language, links)}</nav></header>'
    )
    body = "\n".join(
        [header, page.body, focus_nav(frames, view, page.path, language), notice(data)]
    )
    stylesheet = layout.link(page.path, layout.STYLESHEET)
    return document(language, page.title, page.description, body, stylesheet, links).encode()


def presets(data: Dataset, keys: Collection[str] | None) -> Frames:
    """The focus presets to build: those of ``keys`` (the world always), or every one."""
    return {
        focus: frame
        for focus, frame in data.focus_frames.items()
        if keys is None or focus.is_world or str(focus) in keys
    }


def language_pages(
    language: str, keys: Collection[str] | None
) -> tuple[dict[str, bytes], list[tuple[View, Focus]]]:
    """Every page of one language with its files, and the (view, focus) of each page."""
    out: dict[str, bytes] = {}
    shown = []
    with use(language):
        data = load_dataset()
        day = as_of_day(data)
        frames = presets(data, keys)
        for focus, frame in frames.items():
            page = map_page(data, DEFAULT_VIEW, frame, language, day)
            out[page.path] = page_html(data, frames, page, DEFAULT_VIEW, focus, language)
            for name, content in page.files.items():
                steady = name.endswith(".xlsx")
                out[name] = steady_workbook(content, day.isoformat()) if steady else content
            shown.append((DEFAULT_VIEW, focus))
    return out, shown


def build(keys: Collection[str] | None = None) -> dict[str, bytes]:
    """Every file of the site, by path from its root; ``keys``: only these focus presets (and
    the world), else every one."""
    site: dict[str, bytes] = {layout.STYLESHEET: stylesheet()}
    shown: list[tuple[View, Focus]] = []
    for language in LANGUAGES:
        pages, shown = language_pages(language, keys)
        site.update(pages)
    site.update(FEEDS)
    site["sitemap.xml"] = sitemap(shown)
    return site


def stylesheet() -> bytes:
    """The site's stylesheet, shipped with the package."""
    return (resources("edition") / "assets" / "style.css").read_bytes()
