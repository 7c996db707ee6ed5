"""Column settings the pages' tables share: long text that says how to read a cell cut short,
a state's name that links to its profile, and a row's sources as links."""

from collections.abc import Iterable, Sequence
from urllib.parse import quote

import streamlit as st

from i18n.translate import _
from ui.text import link
from ui.widgets import url_controls

PROFILE = "./country"
# A profile link carries the state's name as its fragment, which no page reads: the table shows it.
NAME_IN_LINK = r"#(.+)$"


def long_text(
    label: str, width: str = "large", pinned: bool = False
) -> st.column_config.TextColumn:
    """A text column whose cells may be cut short; its header's tooltip says how to read a cell
    whole."""
    hint = _("Double-click a cell to read all of it.")
    return st.column_config.TextColumn(label, width=width, help=hint, pinned=pinned)


def profile_links(codes: Iterable[str], names: Iterable[str]) -> list[str]:
    """Each state's profile link, in the reader's language, focus and view, ending in its name."""
    return [
        f"{url_controls.href(PROFILE, {'iso3': code})}#{quote(name, safe='')}"
        for code, name in zip(codes, names, strict=True)
    ]


def state_links(label: str) -> st.column_config.LinkColumn:
    """A column of ``profile_links`` that shows each state's name and opens its profile."""
    return st.column_config.LinkColumn(
        label,
        display_text=NAME_IN_LINK,
        pinned=True,
        width="medium",
        help=_("The state's name opens its profile."),
    )


def source_links(addresses: Sequence[str]) -> str:
    """A static table's cell (Markdown) linking to a row's sources: "Source" for one, "Sources:
    1, 2, 3" for several, nothing for none."""
    if len(addresses) <= 1:
        return "".join(link(_("Source"), a) for a in addresses)
    numbered = ", ".join(link(str(n), a) for n, a in enumerate(addresses, start=1))
    return _("Sources: {links}").format(links=numbered)
