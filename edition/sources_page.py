"""The sources: how the list was obtained and how to cite it, then every instrument's source, date,
licence and confidence, as the exports' provenance rows give them."""

import pandas as pd

from edition import layout
from edition.html import Page, esc, table_html
from i18n import formats
from i18n.translate import _
from ui.tables.dataset import Dataset
from ui.views.map_view import BOUNDARY_NOTE, DISCLAIMER


def sources_page(data: Dataset, language: str) -> Page:
    """The page: the list's provenance, the citation line, and a row per instrument."""
    path = layout.sources_page(language)
    provenance = data.provenance
    rows = pd.DataFrame(
        {
            _("Instrument"): [i.title for i in data.catalogue.values()],
            _("As of"): [formats.long_date(i.as_of) for i in data.catalogue.values()],
            _("Source page"): [i.source_url for i in data.catalogue.values()],
            _("Licence"): [i.licence for i in data.catalogue.values()],
            _("Confidence"): [i.confidence for i in data.catalogue.values()],
        }
    )
    title = _("Sources and method")
    body = f"""<main id="main">
<h1>{esc(title)}</h1>
<p>{esc(provenance.source_line)}</p>
<section aria-labelledby="cite"><h2 id="cite">{esc(_("How to cite"))}</h2>
<p>{esc(provenance.citation)}</p></section>
{table_html(rows, title)}
<p>{esc(_(DISCLAIMER))} {esc(_(BOUNDARY_NOTE))}</p>
</main>"""
    return Page(path, title, provenance.source_line, body, {})
