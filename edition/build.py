"""The whole site: every page in every language, its files, the stylesheet and the sitemap."""

from collections.abc import Collection, Mapping
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from functools import partial
from importlib.resources import files as resources

from edition import layout
from edition.country_page import country_page
from edition.files import steady_workbook
from edition.html import document, esc, language_links
from edition.map_page import as_of_day, map_page
from edition.notice import notice, site_title
from edition.outreach_page import outreach_page
from edition.packs import site_packs
from edition.projected import Projected, projected
from edition.regions_page import regions_page
from edition.scope import Frames, views
from edition.share_meta import share_tags
from edition.sitemap import sitemap
from edition.sources_page import sources_page
from i18n.languages import LANGUAGES
from i18n.translate import _, active, use
from instruments.view import DEFAULT_VIEW, View
from store.focus import Focus
from store.groups import GroupKind
from store.reference import load_un_names
from ui.tables.dataset import Dataset, load_dataset


def view_label(data: Dataset, view: View) -> str:
    """An instrument's short title, or "X, not Y" for a comparison (the map's legend words)."""
    first = data.catalogue[view.first]
    if not view.is_comparison:
        return first.short_title
    return _("{x}, not {y}").format(x=first.brief, y=data.catalogue[view.second].brief)


def _nav(heading: str, ids: str, links: list[tuple[str, str]]) -> str:
    items = "".join(f'<li><a href="{esc(href)}">{esc(label)}</a></li>' for label, href in links)
    return f'<nav aria-labelledby="{ids}"><h2 id="{ids}">{esc(heading)}</h2><ul>{items}</ul></nav>'


def map_nav(
    data: Dataset, shown: list[View], frames: Frames, view: View, focus: Focus, path: str
) -> str:
    """Every focus of this view, and every view at this focus, linked: the app's pickers,
    without a script."""
    language = active()
    foci = [
        (frame.option_label, layout.link(path, layout.map_page(language, view, f)))
        for f, frame in frames.items()
    ]
    others = [
        (view_label(data, other), layout.link(path, layout.map_page(language, other, focus)))
        for other in shown
    ]
    return _nav(_("Instrument"), "views", others) + _nav(_("Focus"), "foci", foci)


def wrap(
    data: Dataset,
    path: str,
    title: str,
    description: str,
    body: str,
    versions: dict[str, str],
    head: str = "",
) -> bytes:
    """A page's body with the site's header (title, languages) and the notice; ``versions``:
    this page's path in every language; ``head``: more of the head (its share tags)."""
    language = active()
    links = {code: layout.link(path, target) for code, target in versions.items()}
    home = layout.link(path, layout.map_page(language, DEFAULT_VIEW, Focus()))
    pages = [
        (_("Coverage map"), home),
        (_("Regional breakdown"), layout.link(path, layout.regions_page(language, "region"))),
        (_("Outreach gaps"), layout.link(path, layout.outreach_page(language))),
        (_("Sources and method"), layout.link(path, layout.sources_page(language))),
    ]
    menu = "".join(f'<li><a href="{esc(href)}">{esc(label)}</a></li>' for label, href in pages)
    named = esc(_("Pages"))
    header = (
        f'<header><p class="site"><a href="{esc(home)}">{esc(site_title())}</a></p>'
        f'<nav aria-label="{named}"><ul class="menu">{menu}</ul></nav>'
        f'<nav aria-label="{esc(_("Language"))}">{language_links(language, links)}</nav></header>'
    )
    stylesheet = layout.link(path, layout.STYLESHEET)
    whole = "\n".join([header, body, notice(data)])
    return document(language, title, description, whole, stylesheet, links, head).encode()


def presets(data: Dataset, keys: Collection[str] | None) -> Frames:
    """The focus presets to build: those of ``keys`` (the world always), or every one."""
    return {
        focus: frame
        for focus, frame in data.focus_frames.items()
        if keys is None or focus.is_world or str(focus) in keys
    }


def steady(files: dict[str, bytes], day: str) -> dict[str, bytes]:
    """A page's downloads, the workbooks' times set to the data's day."""
    return {n: steady_workbook(c, day) if n.endswith(".xlsx") else c for n, c in files.items()}


def profiled(data: Dataset, countries: Collection[str] | None) -> list[str]:
    """The states given a profile: those of ``countries``, or every one of the 195."""
    universe = data.table.loc[data.table["in_universe"], "iso3"]
    return sorted(code for code in universe if countries is None or code in countries)


@dataclass(frozen=True)
class Scope:
    """What a build holds besides every language: only these focus presets (keys), states'
    profiles (ISO3) and views, else every one (a preview); the site's address, if known; the
    watch's feeds to carry; the presets given their briefing pack, by key (None: every one
    built; none by default, as a pack takes longer than its page)."""

    keys: Collection[str] | None = None
    countries: Collection[str] | None = None
    views: Collection[View] | None = None
    base_url: str = ""
    feeds: Mapping[str, bytes] = field(default_factory=dict)
    packs: Collection[str] | None = ()


def language_pages(
    language: str, scope: Scope = Scope()
) -> tuple[dict[str, bytes], list[dict[str, str]]]:
    """Every page of one language with its files, and each page's path in every language (a
    preview's pages still link to every profile)."""
    out: dict[str, bytes] = {}
    versions = []
    with use(language):
        data = load_dataset()
        day = as_of_day(data)
        frames = presets(data, scope.keys)
        shown = [v for v in views(data.catalogue) if scope.views is None or v in scope.views]
        packed = [
            focus
            for focus in (frames if DEFAULT_VIEW in shown else {})
            if scope.packs is None or str(focus) in scope.packs
        ]
        packs = site_packs(data, packed, language, day)
        drawn: dict[Focus, Projected] = {}
        world_title = ""
        for view in shown:
            for focus, frame in frames.items():
                if focus not in drawn:  # the same shapes for every view of a focus
                    drawn[focus] = projected(data.geometry, data.dots, frame)
                page = map_page(
                    data,
                    view,
                    frame,
                    language,
                    day,
                    scope.base_url,
                    drawn=drawn[focus],
                    pack_files=packs.get(focus) if view == DEFAULT_VIEW else None,
                    feeds=scope.feeds,
                )
                where = {code: layout.map_page(code, view, focus) for code in LANGUAGES}
                body = page.body + map_nav(data, shown, frames, view, focus, page.path)
                out[page.path] = wrap(
                    data, page.path, page.title, page.description, body, where, page.head
                )
                out.update(steady(page.files, day.isoformat()))
                versions.append(where)
                if view == DEFAULT_VIEW and focus.is_world:
                    world_title = page.title  # its card stands for the pages without a map
        for files in packs.values():
            out.update(files)
        card = layout.share_card(language, DEFAULT_VIEW, Focus())
        tables = [
            (outreach_page(data, language, day), layout.outreach_page),
            (sources_page(data, language), layout.sources_page),
        ]
        tables += [
            (regions_page(data, kind, language, day), partial(layout.regions_page, kind=kind))
            for kind in GroupKind
        ]
        un_names = load_un_names()
        ranked = data.ranking()
        tables += [
            (
                country_page(data, code, un_names.loc[code], ranked, language, day),
                partial(layout.country_page, iso3=code),
            )
            for code in profiled(data, scope.countries)
        ]
        for page, place in tables:
            where = {code: place(code) for code in LANGUAGES}
            said = (page.title, page.description, scope.base_url, world_title)
            head = share_tags(language, page.path, card, *said) if card in out else ""
            out[page.path] = wrap(
                data, page.path, page.title, page.description, page.body, where, head
            )
            out.update(steady(page.files, day.isoformat()))
            versions.append(where)
    return out, versions


def build(scope: Scope = Scope(), jobs: int = 1) -> dict[str, bytes]:
    """Every file of the site, by path from its root: each language's pages built in its own
    process when ``jobs`` > 1 (the same bytes either way)."""
    site: dict[str, bytes] = {layout.STYLESHEET: stylesheet()}
    if jobs > 1:
        with ProcessPoolExecutor(max_workers=min(jobs, len(LANGUAGES))) as pool:
            built = list(pool.map(language_pages, LANGUAGES, [scope] * len(LANGUAGES)))
    else:
        built = [language_pages(language, scope) for language in LANGUAGES]
    for pages, _versions in built:
        site.update(pages)
    site.update(scope.feeds)
    site["sitemap.xml"] = sitemap(built[-1][1])  # each language lists every page's versions
    return site


def stylesheet() -> bytes:
    """The site's stylesheet, shipped with the package."""
    return (resources("edition") / "assets" / "style.css").read_bytes()
