"""The words every page of the site carries: the site's title and the app's footer notice."""

from edition.html import esc
from i18n import formats
from i18n.translate import _
from ui.tables.changelog import last_change
from ui.tables.dataset import Dataset
from ui.tables.provenance import footer_template
from ui.views.map_view import DISCLAIMER


def site_title() -> str:
    """The dashboard's title, as its title bar shows it."""
    return _("REAIM 2023 Call to Action: who has endorsed")


def notice(data: Dataset) -> str:
    """Source, as-of date, how the list was obtained (a transcription says so), licence and
    last update: the app's footer, as HTML."""
    provenance = data.provenance
    source = _("Government of the Netherlands: REAIM 2023 endorsing countries")
    changed = last_change(data.changelog)
    values = {
        "source": f'<a href="{esc(provenance.source_page_url)}">{esc(source)}</a>',
        "date": esc(formats.long_date(provenance.as_of)),
        "method": esc(provenance.method_phrase),
        "licence": esc(provenance.licence),
        "updated": esc(provenance.retrieved_at),
        "changed": esc(changed),
        "disclaimer": esc(_(DISCLAIMER)),
    }
    text = esc(footer_template(bool(changed))).format(**values)
    return f'<footer><p class="notice">{text}</p></footer>'
