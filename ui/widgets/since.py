"""What changed since a day (``?since=YYYY-MM-DD``): the sentence to say and the movers table.

Shown on the map, regions and outreach pages for the reader's focus; the day is carried from
page to page like the focus. Up to the day shown: today, or the ``as_of`` day.
"""

from datetime import date

import streamlit as st

from i18n import formats
from i18n.translate import _
from instruments.prose import long_date
from store.focus import Focus
from ui import cache
from ui.text import code, md
from ui.widgets.as_of import parse_day
from ui.widgets.url_controls import SINCE as PARAM

PICKER = "since-picker"


def since_day() -> date | None:
    """The day of ``?since=`` (else the session's), None when not asked; a bad value is a
    one-line notice and no "since" section."""
    value = st.query_params.get(PARAM)
    if value is None:
        day = st.session_state.get(PARAM)
        if day is not None:
            st.query_params[PARAM] = day.isoformat()
        return day
    until = cache.shown_day() or date.today()
    try:
        day = parse_day(value, date.today())
        if day is None or day >= until:
            raise ValueError(_("it must be before the day shown."))
    except ValueError as why:
        st.warning(
            _("Ignored `{param}` = {value}: {why}").format(param=PARAM, value=code(value), why=why),
            icon=":material/event_busy:",
        )
        del st.query_params[PARAM]
        day = None
    st.session_state[PARAM] = day
    return day


def _picked() -> None:
    day = st.session_state[PICKER]
    st.session_state[PARAM] = day
    if day is None:
        st.query_params.pop(PARAM, None)
    else:
        st.query_params[PARAM] = day.isoformat()


def since_section(focus: Focus) -> None:
    """A "Since …" picker and, once a day is chosen, who moved in the focus since then: the
    sentence at once, the movers table when opened."""
    day = since_day()
    until = cache.shown_day() or date.today()
    st.date_input(
        _("What changed since"),
        value=day,
        min_value=date(2023, 1, 1),
        max_value=until,
        format="YYYY-MM-DD",
        key=PICKER,
        on_change=_picked,
        help=_(
            "Who joined which instrument, and whose vote in the General Assembly changed, "
            "between that day and the day shown, with how exact each date is."
        ),
    )
    if day is None or day >= until:
        return
    said, table = cache.since_in(day, focus)
    st.markdown(md(said))
    if table.empty:
        return
    with st.expander(
        _("Who moved ({count})").format(count=formats.number(len(table))),
        icon=":material/timeline:",
        key="since-table",
        on_change="rerun",
    ) as box:
        if box.open:  # sent once opened: a long table costs every rerun otherwise
            st.dataframe(
                table,
                hide_index=True,
                width="stretch",
                column_config={_("Date"): st.column_config.DateColumn(format="YYYY-MM-DD")},
            )
            st.caption(
                _(
                    "From {since} to {until}. A date “by then; day unknown” is the day a source "
                    "first shows the state had joined: it may have joined earlier."
                ).format(since=long_date(day.isoformat()), until=long_date(until.isoformat()))
            )
