"""Links that open the compare page: a state with its closest peers, or the rows selected in a
table, and what to do when the selection cannot be compared."""

from collections.abc import Sequence

import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from i18n import formats
from i18n.translate import _
from instruments.prose import join_names
from ui.tables.comparison import FEWEST, MOST, PARAM
from ui.widgets import pages, url_controls

ICON = ":material/compare_arrows:"


def compare_link(where: DeltaGenerator, label: str, codes: Sequence[str], **kwargs: object) -> None:
    """A link to the compare page with ``codes`` in that order, keeping the reader's view."""
    where.page_link(
        pages.COMPARE.script,
        label=label,
        icon=ICON,
        query_params=url_controls.link_params({PARAM: ",".join(codes)}),
        **kwargs,
    )


def peers_link(where: DeltaGenerator, iso3: str, peers: Sequence[str], names: dict) -> None:
    """ "Compare with its peers": the state first, then its closest peers; nothing without one."""
    if peers:
        help_text = _("Side by side with {names}: the states that share the most groups with it.")
        compare_link(
            where,
            _("Compare with its peers"),
            [iso3, *peers],
            help=help_text.format(names=join_names([names[p] for p in peers])),
        )


def selected_link(codes: Sequence[str]) -> None:
    """Under a table whose rows can be selected: a link comparing the selected states when two
    to four are, else what to do."""
    count = len(codes)
    if FEWEST <= count <= MOST:
        compare_link(st, _("Compare the selected states"), codes)
    elif count == 0:
        st.caption(
            _("Select two to {most} rows (the boxes at their left) to compare the states.").format(
                most=formats.number(MOST)
            )
        )
    elif count < FEWEST:
        st.info(_("One state selected: select at least one more row to compare."), icon=ICON)
    else:
        st.info(
            _(
                "{count} rows are selected and a comparison shows {most} at most: unselect {extra}."
            ).format(
                count=formats.number(count),
                most=formats.number(MOST),
                extra=formats.number(count - MOST),
            ),
            icon=ICON,
        )
