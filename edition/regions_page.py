"""The regional breakdown of the Call to Action: one page per kind of group (M49 regions and
sub-regions, UN regional groups, organisations), as the app's regions page counts them."""

from datetime import date

from edition import layout
from edition.downloads import download_links, table_files
from edition.html import Page, esc, table_html
from i18n import formats
from i18n.translate import _, pgettext
from store.groups import GroupKind
from ui.tables.breakdown_words import HEADERS, SCOPES, TITLES
from ui.tables.citation import reopen_line
from ui.tables.coverage import breakdown
from ui.tables.dataset import Dataset

HIDDEN = ["Sentence", "group_id", "kind"]  # kept in the downloads; the page says the table


def kind_links(path: str, language: str) -> str:
    """Every kind of group, linked: the app's "Group states by" picker."""
    items = "".join(
        f'<li><a href="{esc(layout.link(path, layout.regions_page(language, kind)))}">'
        f"{esc(kind.label)}</a></li>"
        for kind in GroupKind
    )
    return f'<ul class="menu">{items}</ul>'


def regions_page(data: Dataset, kind: GroupKind, language: str, day: date) -> Page:
    """The breakdown by ``kind`` and its downloads."""
    path = layout.regions_page(language, kind)
    table = breakdown(data.groupings[kind], data.endorsers)
    title = _(TITLES[kind]).format(date=data.provenance.as_of)
    headers = {name: _(label) for name, label in HEADERS.items()}
    headers["Endorsed"] = pgettext("number of states", "Endorsed")
    export = table.drop(columns=["kind"]).rename(columns={"group_id": "Group id"})
    link = reopen_line("regions", {"by": str(kind)}, day)
    files = table_files(
        f"reaim-2023-endorsements-by-{kind}-{data.provenance.as_of}",
        export.rename(columns=headers),
        title,
        data.provenance,
        _(SCOPES[kind]),
        link=link,
    )
    shown = table.drop(columns=HIDDEN).assign(Share=table["Share"].map(formats.percent))
    sentences = "".join(f"<li>{esc(s)}</li>" for s in table["Sentence"])
    body = f"""<main id="main">
<h1>{esc(_("Regional breakdown"))}</h1>
<nav aria-label="{esc(_("Group states by"))}">{kind_links(path, language)}</nav>
<h2>{esc(title)}</h2>
{table_html(shown.rename(columns=headers), title)}
{download_links(path, files)}
<section aria-labelledby="say"><h2 id="say">{esc(_("Ready to say"))}</h2>
<ul class="sentences">{sentences}</ul></section>
</main>"""
    return Page(path, title, title, body, files)
