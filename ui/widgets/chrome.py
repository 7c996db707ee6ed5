"""Shared page chrome: headline figures, the dataset error box and the footer."""

import pandas as pd
import streamlit as st

from i18n.translate import N_, _
from instruments.prose import long_date
from ui.figures.map_view import DISCLAIMER
from ui.tables.provenance import Provenance
from ui.text import code, link, md

APP_TITLE = N_("REAIM 2023 Call to Action: who has endorsed")
METHOD_LABELS = {
    "transcribed": "transcribed from the official list, not a live fetch",
    "fetched": "fetched from government.nl",
    "file": "read from a saved copy of the official list",
}


def headline_counts(table: pd.DataFrame) -> dict[str, int]:
    """Endorsers among the universe states and among the UN members, with the totals."""
    universe = table[table["in_universe"]]
    members = universe[universe["un_status"] == "member"]
    return {
        "states": len(universe),
        "endorsers": int(universe["endorsed"].sum()),
        "members": len(members),
        "member_endorsers": int(members["endorsed"].sum()),
    }


def app_title() -> str:
    """The dashboard's title in the active language."""
    return _(APP_TITLE)


def headline(table: pd.DataFrame, provenance: Provenance) -> None:
    """The figures every page opens with, under the title."""
    n = headline_counts(table)
    share = n["member_endorsers"] / n["members"]
    states, members, source = st.columns([1, 1.2, 1.4])
    states.metric(
        f"States that endorsed, of the {n['states']} in scope",
        f"{n['endorsers']} of {n['states']}",
        help="The 193 UN member States and the 2 observer States (Holy See, State of Palestine).",
        border=True,
    )
    members.metric(
        f"UN member States that endorsed, of {n['members']}",
        f"{n['member_endorsers']} of {n['members']} ({share:.1%})",
        border=True,
    )
    source.metric(
        f"Source as of ({METHOD_LABELS.get(provenance.method, provenance.method)})",
        long_date(provenance.as_of),
        help=md(f"Data {provenance.method_phrase}. The date is {provenance.as_of_basis}."),
        border=True,
    )


def dataset_error(found: list[str], fix: str) -> None:
    """The error box shown instead of a page when the dataset cannot be used."""
    listed = "\n".join(f"- {code(p, limit=300)}" for p in found[:5])
    st.error(
        f"**The dataset cannot be shown.** Problems found:\n\n{listed}\n\n{fix}",
        icon=":material/error:",
    )


def footer(provenance: Provenance, last_change: str) -> None:
    """Source, licence and last update, at the foot of every page."""
    st.divider()
    source = link(
        "Government of the Netherlands: REAIM 2023 endorsing countries", provenance.source_page_url
    )
    st.caption(
        f"Source: {source}, as of {md(long_date(provenance.as_of))}; "
        f"{md(provenance.method_phrase)}. Licence: {md(provenance.licence)}. "
        f"Last update of this dataset: {md(provenance.retrieved_at)}"
        + (f"; last change to the list detected {md(last_change)}." if last_change else ".")
        + f" {DISCLAIMER}"
    )
