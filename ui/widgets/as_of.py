"""The past day every page shows (``?as_of=YYYY-MM-DD``): read from the URL, carried, and said.

The day lives in the URL, so that a cited figure can be reopened as it was, and in the session,
so that the navigation menu's bare links keep it. A value that is not a day, lies in the future
or before 2023 gets a one-line notice and today's view.
"""

from datetime import date

import streamlit as st

from i18n.translate import _
from instruments.days import FIRST_DAY, parse_day
from instruments.prose import long_date
from instruments.view import View
from ui import cache
from ui.text import code
from ui.widgets.url_controls import AS_OF as PARAM


def start_day() -> None:
    """Read the day from the URL (else keep the session's and write it back into the URL)."""
    value = st.query_params.get(PARAM)
    if value is None:
        day = cache.shown_day()
        if day is not None:
            st.query_params[PARAM] = day.isoformat()  # the URL reproduces what is shown
        return
    try:
        day = parse_day(value, date.today())
    except ValueError as why:
        st.warning(
            _("Ignored `{param}` = {value}: {why} Showing today's data.").format(
                param=PARAM, value=code(value), why=why
            ),
            icon=":material/event_busy:",
        )
        day = None
    if day is None:
        del st.query_params[PARAM]
    cache.show_day(day)


def _back_to_today() -> None:
    cache.show_day(None)
    st.query_params.pop(PARAM, None)


def banner() -> None:
    """Say plainly that the pages show a past day, with a way back to today."""
    day = cache.shown_day()
    if day is None:
        return
    text, back = st.columns([5, 1], vertical_alignment="center")
    text.info(
        _(
            "**You are looking at {day}**: every map, figure, table and sentence is as the "
            "sources show it on that day."
        ).format(day=long_date(day.isoformat())),
        icon=":material/history:",
    )
    back.button(_("Back to today"), on_click=_back_to_today, key="as-of-today")


def _picked() -> None:
    day = st.session_state["as-of-picker"]
    chosen = None if day is None or day >= date.today() else day
    cache.show_day(chosen)
    if chosen is None:
        st.query_params.pop(PARAM, None)
    else:
        st.query_params[PARAM] = chosen.isoformat()


def picker() -> None:
    """A compact control to look at any past day (the title bar's)."""
    day = cache.shown_day()
    label = _("As of {day}").format(day=long_date(day.isoformat())) if day else _("Today")
    with st.popover(label, icon=":material/calendar_month:", use_container_width=True):
        st.date_input(
            _("Show every page as known on"),
            value=day or date.today(),
            min_value=FIRST_DAY,
            max_value=date.today(),
            format="YYYY-MM-DD",
            key="as-of-picker",
            on_change=_picked,
            help=_(
                "Every map, count and sentence as the sources show it on that day; a state "
                "whose day of joining is not known is shown as unknown until the day it is "
                "evidenced."
            ),
        )


def require(view: View) -> None:
    """Say so and stop the page when an instrument of ``view`` did not exist on the day shown,
    instead of drawing an empty map."""
    day = cache.shown_day()
    absent = [i for i in (cache.catalogue()[k] for k in view.ids) if not i.exists_on(day)]
    if not absent:
        return
    for instrument in absent:
        st.info(instrument.absent_on(day), icon=":material/event_busy:")
    st.stop()
