"""Which state the plan's edit form opens: a row clicked in the table, ``?iso3=``, or the box.

The State box (key ``plan-state``) holds the choice and ``?iso3=`` follows it, so that a link
(the country profile's "Edit in the outreach plan") opens a state. A click or a new ``?iso3=``
moves the box before it is drawn; a rerun that brings neither leaves the box as the user set it.
"""

from collections.abc import Mapping, Sequence

import streamlit as st

from i18n.translate import _
from ui.widgets import url_controls

BOX = "plan-state"  # the State box's key
TABLE = "plan-table"  # the plan table's key: its selection
CLICKED = "plan-table-clicked"  # the selection last acted upon
LINKED = "plan-iso3-seen"  # ``?iso3=`` as this page last left it
PARAM = "iso3"


def follow_click(selected: Sequence[int], shown: Sequence[str]) -> None:
    """Open the state of the row just clicked (``selected``: the table's selected positions in
    ``shown``, its ISO3 codes); a selection already acted upon, or none, changes nothing."""
    rows = tuple(selected)
    if rows == st.session_state.get(CLICKED, ()):
        return
    st.session_state[CLICKED] = rows
    if rows:
        st.session_state[BOX] = shown[rows[0]]


def state_box(options: Mapping[str, str], names: Mapping[str, str]) -> str:
    """The State box over ``options`` (ISO3 → name, the view's states), and the state it holds.

    A state ``?iso3=`` names outside the view (``names``: every state) joins the box; a value
    that names no state is dropped with a notice.
    """
    wanted = url_controls.param(PARAM, names)
    if wanted is not None and wanted not in options:  # outside the view: it joins the box
        options = {**options, wanted: names[wanted]}
    if wanted is not None and wanted != st.session_state.get(LINKED):  # a link: open its state
        st.session_state[BOX] = wanted
    chosen = st.selectbox(_("State"), list(options), format_func=options.__getitem__, key=BOX)
    st.query_params[PARAM] = st.session_state[LINKED] = chosen
    return chosen
