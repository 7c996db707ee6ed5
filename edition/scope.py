"""Which map pages the site builds: every view a map can show, each for the presets it is built
for; the app asks it too, to offer an embed only where the site has one."""

from collections.abc import Mapping

from instruments.model import CALL_TO_ACTION, Instrument
from instruments.view import DEFAULT_VIEW, View
from store.focus import Focus
from store.groups import GroupKind
from ui.views.focus import FocusFrame

Frames = dict[Focus, FocusFrame]


def views(catalogue: Mapping[str, Instrument]) -> list[View]:
    """Every instrument a map can show, then the standard comparisons: the states that
    supported each other instrument but not the Call to Action (those to approach first)."""
    mapped = [k for k, i in catalogue.items() if i.form.names_supporters]
    others = [View(k, CALL_TO_ACTION) for k in mapped if View(k) != DEFAULT_VIEW]
    return [View(k) for k in mapped] + others


def built_for(view: View, frame: FocusFrame) -> bool:
    """Whether a preset has a page of ``view``: every one for the Call to Action; the world
    and the M49 regions for the others, which keeps the site's size and build time in bounds."""
    return view == DEFAULT_VIEW or frame.is_world or frame.kind == GroupKind.REGION


def view_frames(frames: Frames, view: View) -> Frames:
    """The presets a view is built for."""
    return {f: fr for f, fr in frames.items() if built_for(view, fr)}


def has_page(catalogue: Mapping[str, Instrument], view: View, frame: FocusFrame) -> bool:
    """Whether a whole build has a map page (and its embed) of ``view`` in ``frame``: never
    for a group a reader made."""
    return not frame.focus.is_group and view in views(catalogue) and built_for(view, frame)
