"""A map page: the headline, the sentences to say, the map drawn as SVG with its legend and its
table, the downloads and the notice, from the functions the app and the packs use."""

from collections.abc import Mapping
from datetime import date

from briefing.pack import build_pack
from edition import layout
from edition.downloads import download_links, table_files
from edition.embed_page import embed_page
from edition.feeds import feed_links, feed_of
from edition.html import Page, bold, esc, table_html
from edition.packs import pack_links
from edition.projected import Projected, projected
from edition.share_card import share_card
from edition.share_meta import embed_section, share_tags
from edition.svg_map import map_svg
from i18n.translate import _
from instruments.model import CALL_TO_ACTION
from instruments.view import View
from ui.figures.print_map import LegendEntry, legend_entries
from ui.tables.citation import reopen_line
from ui.tables.dataset import Dataset
from ui.tables.map_table import map_description, map_table, shown_table
from ui.views.focus import FocusFrame
from ui.views.map_view import BOUNDARY_NOTE, DISCLAIMER, MapView


def tooltips(shown) -> dict[str, str]:
    """Each feature's hover text: its name and what the map draws it as."""
    names, statuses = shown.columns[0], shown.columns[1]
    return {
        code: _("{label}: {text}").format(label=name, text=status)
        for code, name, status in zip(shown.index, shown[names], shown[statuses], strict=True)
    }


def legend_html(view: MapView, focus: FocusFrame) -> str:
    """The legend as the printable map draws it: a swatch (or the small-state dot) per entry."""
    items = "".join(
        f'<li><svg class="swatch" viewBox="0 0 16 16" aria-hidden="true">{_swatch(e)}</svg>'
        f"{esc(e.label)}</li>"
        for e in legend_entries(view, focus)
    )
    return f'<ul class="legend">{items}</ul>'


def _swatch(entry: LegendEntry) -> str:
    """A square of the fill with its outline, or the small-state dot."""
    if entry.dot:
        return f'<circle cx="8" cy="8" r="4" fill="{entry.fill}" stroke="{entry.edge}"/>'
    return f'<rect x="1" y="1" width="14" height="14" fill="{entry.fill}" stroke="{entry.edge}"/>'


def _figures(figures: tuple[tuple[str, str], ...]) -> str:
    items = "".join(f"<div><dt>{esc(k)}</dt><dd>{esc(v)}</dd></div>" for k, v in figures)
    return f'<dl class="figures">{items}</dl>'


def profile_links(path: str, language: str, table) -> list[str]:
    """Each row's link to its state's profile; none for an area outside the 195."""
    return [
        layout.link(path, layout.country_page(language, code)) if scoped else ""
        for code, scoped in zip(table["iso3"], table["in_scope"], strict=True)
    ]


def map_page(
    data: Dataset,
    view: View,
    frame: FocusFrame,
    language: str,
    day: date,
    base_url: str = "",
    *,
    drawn: Projected | None = None,
    pack_files: Mapping[str, bytes] | None = None,
    feeds: Mapping[str, bytes] | None = None,
) -> Page:
    """The page of ``view`` in ``frame``, in the active ``language``, as of the data's ``day``,
    with its embed pages and its share card; ``base_url``: the site's address, if known, for
    the embed code and the share tags; ``drawn``: the frame's shapes, if projected already;
    ``pack_files``: its focus's briefing pack's files, to link; ``feeds``: the site's Atom feeds."""
    path = layout.map_page(language, view, frame.focus)
    feed_head, feed_line = feed_links(path, feed_of(language, view, frame.focus), feeds or {})
    pack = build_pack(data, frame.focus, view, today=day)
    mapped = pack.view
    table = map_table(mapped, data.table, data.geometry.codes, frame, data.names)
    shown = shown_table(table).set_axis(table["iso3"])
    description = map_description(mapped, frame)
    drawn = drawn or projected(data.geometry, data.dots, frame)
    svg = map_svg(mapped, drawn, frame, tooltips(shown), description)
    legend = legend_html(mapped, frame)
    shown = shown.reset_index(drop=True)
    link = reopen_line("", frame.focus.url_params() | view.url_params(), day)
    provenance = data.provenance if CALL_TO_ACTION in view.ids else None
    related = [data.catalogue[i] for i in view.ids]
    about = (shown, mapped.title, provenance, frame.label, related, (), link)
    downloads = table_files(mapped.file_stem, *about)
    sentences = "".join(f"<li>{esc(s)}</li>" for s in pack.sentences)
    body = f"""<main id="main">
<h1>{esc(mapped.title)}</h1>
<p class="subtitle">{esc(pack.subtitle)}</p>
<p class="lead">{esc(pack.lead)}</p>
<section aria-labelledby="figures"><h2 id="figures">{esc(_("Key figures"))}</h2>
{_figures(pack.key_figures)}</section>
<section aria-labelledby="say"><h2 id="say">{esc(_("Ready to say"))}</h2>
<ul class="sentences">{sentences}</ul>
{pack_links(path, dict(pack_files or {}))}</section>
<div class="map-and-table">
<figure class="map-figure">{svg}
<figcaption>{legend}
<p>{bold(_("**The map in words:** {description}")).format(description=esc(description))}</p>
<p>{esc(mapped.source_line)}</p>
<p>{esc(_(DISCLAIMER))} {esc(_(BOUNDARY_NOTE))}</p></figcaption></figure>
<section class="map-table" aria-labelledby="table"><h2 id="table">{esc(_("Show as table"))}</h2>
{table_html(shown, mapped.title, profile_links(path, language, table))}
{download_links(path, downloads)}
{embed_section(language, view, frame.focus, mapped.title, base_url)}</section>
</div>
<section aria-labelledby="cite"><h2 id="cite">{esc(_("How to cite"))}</h2>
{"".join(f"<p>{esc(c)}</p>" for c in pack.citations)}</section>
{feed_line}
</main>"""
    card = share_card(mapped, drawn, frame, legend_entries(mapped, frame))
    figure = (
        f'<figure class="map-figure">{svg}<figcaption>{legend}'
        f"<p>{esc(_(DISCLAIMER))} {esc(_(BOUNDARY_NOTE))}</p></figcaption></figure>"
    )
    embed, framed = embed_page(view, frame.focus, mapped.title, description, figure, related)
    files = downloads | {layout.share_card(language, view, frame.focus): card, embed: framed}
    summary = f"{pack.lead} {pack.subtitle}."
    card_path = layout.share_card(language, view, frame.focus)
    tags = share_tags(language, path, card_path, mapped.title, summary, base_url, mapped.title)
    head = tags + feed_head
    return Page(path, mapped.title, summary, body, files, head)


def as_of_day(data: Dataset) -> date:
    """The day the site's figures are as of: the list's as-of date, never the build's."""
    return date.fromisoformat(data.provenance.as_of)
