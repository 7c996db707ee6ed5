"""Which map pages the site builds: every view a map can show, each at every focus preset; the
app asks it too, to offer an embed only where the site has one."""

from collections.abc import Mapping

from instruments.model import CALL_TO_ACTION, Instrument
from instruments.view import DEFAULT_VIEW, View
from store.focus import Focus
from ui.views.focus import FocusFrame

Frames = dict[Focus, FocusFrame]


def views(catalogue: Mapping[str, Instrument]) -> list[View]:
    """Every instrument a map can show, then the standard comparisons: the states that
    supported each other instrument but not the Call to Action (those to approach first)."""
    mapped = [k for k, i in catalogue.items() if i.form.names_supporters]
    others = [View(k, CALL_TO_ACTION) for k in mapped if View(k) != DEFAULT_VIEW]
    return [View(k) for k in mapped] + others


def has_page(catalogue: Mapping[str, Instrument], view: View, frame: FocusFrame) -> bool:
    """Whether a whole build has a map page (and its embed) of ``view`` in ``frame``: at every
    preset, never for a group a reader made."""
    return not frame.focus.is_group and view in views(catalogue)
