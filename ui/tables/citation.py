"""How to cite the figures: the headline figures, the list's date and source, a line to copy,
and the dashboard's address that reopens a cited figure as it was."""

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from urllib.parse import urlencode

from i18n import formats
from i18n.translate import N_, _
from ui.tables.provenance import LIST_TITLE, PUBLISHER, Provenance

DASHBOARD = N_("REAIM 2023 Call to Action coverage dashboard")
AS_OF = "as_of"  # the URL parameter of the day every page shows (ui/widgets/url_controls.AS_OF)


def figure_link(page: str, params: Mapping[str, str], day: date) -> str:
    """The address that reopens a page's figures as they were on ``day``: the page's path and
    parameters with ``as_of``, relative to the dashboard's address (the project names no public
    address): ``/outreach?region=002&as_of=2026-12-07``."""
    query = {key: value for key, value in params.items() if key != AS_OF}
    return f"/{page}?" + urlencode(query | {AS_OF: day.isoformat()}, safe=",")


def reopen_line(page: str, params: Mapping[str, str], day: date) -> str:
    """The sentence a citation ends with: "Figures as of 20 March 2024 in the dashboard: …"."""
    return _("Figures as of {day} in the dashboard: {link}").format(
        day=formats.long_date(day), link=figure_link(page, params, day)
    )


@dataclass(frozen=True)
class HowToCite:
    """What the Sources page opens with, in the active language."""

    states: str  # "58 of 195 states have endorsed"
    members: str  # "57 of 193 UN member States (29.5%)"
    as_of: str  # the list's date, written out
    source: str  # who published the list, and its title
    citation: str  # one line to copy


def how_to_cite(provenance: Provenance, counts: Mapping[str, int], today: date) -> HowToCite:
    """The figures of ``counts`` (``chrome.headline_counts``: endorsers and totals among the
    states in scope and among the UN members) with the list they come from, and the line that
    cites the list and this dashboard, accessed ``today``."""
    as_of = formats.long_date(provenance.as_of)
    source = _("{publisher}, {title}").format(publisher=_(PUBLISHER), title=_(LIST_TITLE))
    if provenance.method == "transcribed":
        credit = _("; transcription by {transcriber} ({licence})").format(
            transcriber=provenance.transcribed_by, licence=provenance.transcription_licence
        )
    else:
        credit = ""
    citation = _(
        "{source}, as of {date}, {url}{credit}; compiled in the {dashboard}, accessed {today}."
    ).format(
        source=source,
        date=as_of,
        url=provenance.source_page_url,
        credit=credit,
        dashboard=_(DASHBOARD),
        today=formats.long_date(today),
    )
    return HowToCite(
        states=_("{done} of {total} states have endorsed").format(
            done=formats.number(counts["endorsers"]), total=formats.number(counts["states"])
        ),
        members=_("{done} of {total} UN member States ({share})").format(
            done=formats.number(counts["member_endorsers"]),
            total=formats.number(counts["members"]),
            share=formats.percent(counts["member_endorsers"] / counts["members"], 1),
        ),
        as_of=as_of,
        source=source,
        citation=citation,
    )
