"""Links that take the reader's focus and view on to the other pages of the path."""

import streamlit as st

from i18n.translate import _
from store.focus import Focus
from ui.widgets import pages, url_controls
from ui.widgets.pages import PageSpec

PATH = (pages.MAP, pages.REGIONS, pages.OUTREACH, pages.BRIEFING)  # where a focus is worked on


def focus_links(focus: Focus, here: PageSpec, params: dict[str, str]) -> None:
    """A row of links to the other pages of the path, each opening on ``focus`` and ``params``."""
    others = [spec for spec in PATH if spec != here]
    for column, spec in zip(st.columns(len(others) + 1)[:-1], others, strict=True):
        column.page_link(
            spec.script,
            label=_(spec.title),
            icon=spec.icon,
            query_params=url_controls.link_params(focus.url_params() | params),
        )
