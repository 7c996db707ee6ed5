"""Compare page (``/compare?iso3=KEN,NGA,GHA``): two to four states side by side, a row a fact."""

import pandas as pd
import streamlit as st
from pandas.io.formats.style import Styler

from i18n.translate import _
from instruments.model import CALL_TO_ACTION
from store.groups import by_name
from ui import cache
from ui.tables.ask import ask_text
from ui.tables.comparison import (
    MOST,
    PARAM,
    SOURCE,
    compare,
    kind,
    pick_states,
    problems,
    shown,
    split_codes,
    summary,
    too_few,
)
from ui.text import code, md
from ui.widgets import pages, url_controls
from ui.widgets.downloads import table_downloads
from ui.widgets.plan_session import plan_readers_only, plan_word
from ui.widgets.table_columns import source_links

# A differing row's cells, in a colour that keeps the text's contrast; the Differs column says it
# in words as well.
DIFFERS_CSS = "background-color: #fff3cd"

table = cache.table()
universe = table[table["in_universe"]].sort_values("name", key=by_name)
names = dict(zip(universe["iso3"], universe["name"], strict=True))

st.header(_("Compare states"), anchor=False)
st.caption(
    _(
        "Two to four states side by side: where each stands on every instrument, with "
        "its date and source; its groups; its outreach priority. Rows where the states differ "
        "are marked “differs”."
    )
)
requested = split_codes(st.query_params.get(PARAM, ""))
picked = pick_states(requested, names)
for said in problems(picked, code):
    st.warning(said, icon=":material/link_off:")
chosen = url_controls.codes_select(
    _("States to compare"),
    PARAM,
    names,
    list(picked.codes),
    MOST,
    placeholder=_("Choose two to four states"),
    help=_("The columns follow the order in which the states are chosen."),
)
if len(chosen) == 1:
    st.warning(too_few(len(chosen)), icon=":material/info:")
elif not chosen:
    st.caption(too_few(0))
    st.stop()


def plan_statuses(codes: list[str]) -> dict[str, str] | None:
    """Each state's outreach plan status in words, for a session that may read the plan only."""
    planned = plan_readers_only()
    if planned is None:
        return None
    records = planned[0].records(CALL_TO_ACTION)
    return {c: plan_word(records[c].status if c in records else "not started") for c in codes}


def static(part: pd.DataFrame) -> Styler:
    """One section of the comparison as a static table: every cell from data escaped as
    Markdown, a source row's addresses as links, a differing row tinted (and marked in words)."""
    states = [c for c in part.columns if c not in ("Section", "Fact", "Differs")]
    cells = part.drop(columns=["Section"]).map(md)
    for key in part.index:
        if kind(key) == SOURCE:
            cells.loc[key, states] = [source_links(part.loc[key, s].split()) for s in states]
    marked = (part["Differs"] != "").to_list()
    return shown(cells).style.apply(lambda _column: [DIFFERS_CSS if m else "" for m in marked])


asks = {c: ask_text(cache.dataset(), c) for c in chosen}  # in the shown day's data
compared = compare(chosen, cache.dataset(), cache.default_ranking(), plan_statuses(chosen), asks)
state_names = [names[c] for c in chosen]
if len(chosen) > 1:
    st.markdown(md(summary(compared, state_names)))
for column, iso3 in zip(st.columns(MOST), chosen, strict=False):
    column.page_link(
        pages.COUNTRY.script,
        label=_("{state}: profile").format(state=names[iso3]),
        icon=":material/flag:",
        query_params=url_controls.link_params({"iso3": iso3}),
    )
for section, part in compared.groupby("Section", sort=False):
    st.subheader(md(section), anchor=False)
    st.table(static(part), hide_index=True)
st.caption(
    _(
        "A date is as exact as its source: a day, a month, or the day by which the state had "
        "joined. A state that a source may have left out is “unknown”, never “not endorsed”."
    )
)

title = _("Side by side: {states}").format(states=", ".join(state_names))
source = cache.provenance()
left, right, _spare = st.columns([1, 1, 3])
table_downloads(
    (left, right),
    shown(compared),
    f"reaim-compare-{'-'.join(chosen)}-{source.as_of}",
    title,
    source,
    ", ".join(state_names),
    list(cache.catalogue().values()),
)
