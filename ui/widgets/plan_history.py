"""A state's plan history on a page: the readable table of its changes, or a line saying none."""

from collections.abc import Mapping, Sequence

import streamlit as st

from i18n.translate import _
from plan.model import PlanEvent
from ui.tables.plan_history import history_rows


def history_table(
    events: Sequence[PlanEvent], instruments: Mapping[str, str] | None = None
) -> None:
    """Every change in ``events`` (newest first), with its instrument when ``instruments`` names
    them (``ui.tables.plan_history``); a caption when there is none."""
    if not events:
        st.caption(_("No change recorded yet."))
        return
    st.dataframe(history_rows(events, instruments), hide_index=True, width="stretch")
