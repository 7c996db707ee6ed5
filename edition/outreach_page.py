"""The outreach gaps: every state in scope that has not endorsed, ranked by the app's priority
score with its default weights, from public data only (never the outreach plan)."""

from datetime import date

from briefing.pack import score_text
from edition import layout
from edition.downloads import download_links, table_files
from edition.html import Page, bold, esc, table_html
from i18n import formats
from i18n.translate import _, ngettext
from instruments.model import CALL_TO_ACTION
from instruments.wording import OUTREACH_INTRO
from store.data_text import translated
from store.groups import GroupKind
from ui.tables.citation import reopen_line
from ui.tables.dataset import Dataset
from ui.tables.headers import shown_columns
from ui.tables.outreach import Filters, formula, non_endorsers, priority_table
from ui.tables.priority import default_weights, priorities

SHOWN = ["State", "Rank", "Score", "Why", "M49 region", "UN regional group"]  # the page's table


def outreach_page(data: Dataset, language: str, day: date) -> Page:
    """The page and its downloads, as the app's outreach page shows them with no filter."""
    path = layout.outreach_page(language)
    states = data.states
    caveats = {
        code: translated(note)
        for code, note in zip(states["iso3"], states["regional_group_note"], strict=True)
    }
    organisations = data.groupings[GroupKind.ORG]
    gaps = non_endorsers(data.table, set(data.endorsers), organisations, {}, caveats, Filters())
    weights = default_weights(data.terms)
    names = data.table.set_index("iso3")["name"]
    ranked = priorities(data.signals, weights, names, data.terms)
    related = [i for i in data.catalogue.values() if i.id != CALL_TO_ACTION]
    rows = priority_table(gaps, ranked, weights, data.matrix, related, data.terms)
    rows = rows.sort_values("Rank", kind="stable", ignore_index=True)  # ties stay by name
    title = _("States that have not endorsed the REAIM 2023 Call to Action, by outreach priority")
    score = _("{formula} (rank 1 = highest score; ties share a rank)").format(
        formula=formula(weights, data.terms)
    )
    about = [
        (_("Priority weights"), ", ".join(f"{k} {formats.number(v)}" for k, v in weights.items())),
        (_("Score"), score),
    ]
    link = reopen_line("outreach", {}, day)
    stem = f"reaim-2023-not-endorsed-{data.provenance.as_of}"
    scope = Filters().describe()
    files = table_files(stem, rows, title, data.provenance, scope, related, about, link)
    shown = shown_columns(rows[SHOWN].assign(Score=rows["Score"].map(score_text)))
    links = [layout.link(path, layout.country_page(language, c)) for c in rows["ISO3"]]
    count = ngettext(
        "**{count} state** in scope has not endorsed.",
        "**{count} states** in scope have not endorsed.",
        len(rows),
    ).format(count=formats.number(len(rows)))
    body = f"""<main id="main">
<h1>{esc(_("Outreach gaps"))}</h1>
<p>{esc(_(OUTREACH_INTRO))}</p>
<p>{bold(count)}</p>
<p>{bold(_("**Score** = {formula}.")).format(formula=esc(formula(weights, data.terms)))}</p>
{table_html(shown, title, links)}
{download_links(path, files)}
</main>"""
    return Page(path, title, _(OUTREACH_INTRO), body, files)
