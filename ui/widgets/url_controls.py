"""Widgets whose value lives in the URL, so that a view can be shared; bad values are ignored.

The focus and the view travel from page to page: every link carries them (``link_params``),
and the session remembers them for the navigation menu, whose links carry no parameters. A page
that finds neither in its URL starts from the session's.
"""

from collections.abc import Mapping

import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from i18n.formats import number as formatted
from i18n.languages import DEFAULT
from i18n.translate import _, active
from instruments.view import DEFAULT_VIEW, View
from store.focus import MAX_GROUP, WORLD_FOCUS, Focus
from ui import cache
from ui.text import code
from ui.views.focus import FocusFrame
from ui.widgets import saved_groups
from ui.widgets.language import PARAM as LANGUAGE

CARRIED_FOCUS, CARRIED_VIEW = "carried-focus", "carried-view"  # session keys
AS_OF = "as_of"  # the past day's URL parameter (ui/widgets/as_of.py)
SINCE = "since"  # the "what changed since" day's URL parameter and session key (widgets/since.py)


VIEW_PARAMS = ("instrument", "compare")


def link_params(params: Mapping[str, str]) -> dict[str, str]:
    """The URL parameters of a link: ``params``, the session's focus and view where ``params``
    does not set them, and the interface language unless English. A link keeps what the reader
    is looking at."""
    language = active()
    return (
        carried_params(params)
        | dict(params)
        | ({LANGUAGE: language} if language != DEFAULT else {})
    )


def carried_params(params: Mapping[str, str] = {}) -> dict[str, str]:
    """The URL parameters of the session's focus, view and past day (none for the world, the
    default view and today), leaving out those that ``params`` sets."""
    focus = st.session_state.get(CARRIED_FOCUS, WORLD_FOCUS)
    view = st.session_state.get(CARRIED_VIEW, DEFAULT_VIEW)
    carried = {} if focus.is_world or {"focus", "group"} & set(params) else focus.url_params()
    if view != DEFAULT_VIEW and not any(name in params for name in VIEW_PARAMS):
        carried |= view.url_params()
    day = cache.shown_day()
    if day is not None and AS_OF not in params:
        carried[AS_OF] = day.isoformat()
    since = st.session_state.get(SINCE)
    if since is not None and SINCE not in params:
        carried[SINCE] = since.isoformat()
    return carried


def carry(focus: Focus | None = None, view: View | None = None) -> None:
    """Remember the focus or view the reader chose, for the next page."""
    if focus is not None:
        st.session_state[CARRIED_FOCUS] = focus
    if view is not None:
        st.session_state[CARRIED_VIEW] = view


SHOWING = "showing"  # session key: what this run's page shows, for the headline


def show(focus: Focus, view: View) -> None:
    """Say what the page shows in this run: the headline above it gives its figures."""
    st.session_state[SHOWING] = (focus, view)


def shown_now() -> tuple[Focus, View] | None:
    """What the page said it shows in this run (``show``), once; None if it said nothing."""
    return st.session_state.pop(SHOWING, None)


def carried_focus() -> Focus:
    """The focus the reader last chose in this session; the world at first."""
    return st.session_state.get(CARRIED_FOCUS, WORLD_FOCUS)


def href(path: str, params: Mapping[str, str]) -> str:
    """A relative link (``./country``) to a view given by ``params``, in the active language."""
    return f"{path}?" + "&".join(f"{k}={v}" for k, v in link_params(params).items())


def _ignored(param: str, value: str, why: str) -> None:
    st.warning(
        _("Ignored `{param}` = {value}: {why}").format(param=param, value=code(value), why=why),
        icon=":material/link_off:",
    )


def param(name: str, allowed: Mapping[str, str] | None = None) -> str | None:
    """The URL parameter ``name``, or None; a value outside ``allowed`` is dropped with a notice."""
    value = st.query_params.get(name)
    if value is None:
        return None
    if allowed is not None and value not in allowed:
        _ignored(name, value, _("not a known value, so the default is shown."))
        del st.query_params[name]
        return None
    return value


def select(
    label: str,
    name: str,
    options: Mapping[str, str],
    default: str,
    start: str | None = None,
    **kwargs: object,
) -> str:
    """A selectbox over ``options`` (value → label) kept in sync with the URL parameter ``name``.

    It starts from the URL's value, else ``start`` (if an option), else the default; the
    parameter is left out of the URL while the default is selected.
    """
    values = list(options)
    current = param(name, options) or (start if start in options else default)
    chosen = st.selectbox(
        label,
        values,
        index=values.index(current),
        format_func=options.__getitem__,
        key=f"url-{name}",
        **kwargs,
    )
    _write(name, chosen, default)
    return chosen


def segmented(
    label: str, name: str, options: Mapping[str, str], default: str, start: str | None = None
) -> str:
    """Segmented buttons over ``options`` kept in sync with the URL parameter ``name``; they start
    from the URL's value, else ``start`` (if an option), else the default."""
    current = param(name, options) or (start if start in options else default)
    chosen = st.segmented_control(
        label,
        list(options),
        default=current,
        format_func=options.__getitem__,
        key=f"url-{name}",
        selection_mode="single",
        required=True,
    )
    chosen = chosen or default
    _write(name, chosen, default)
    return chosen


def codes_select(
    label: str,
    name: str,
    options: Mapping[str, str],
    start: list[str],
    most: int,
    **kwargs: object,
) -> list[str]:
    """A multiselect of at most ``most`` of ``options`` (code → label), kept in sync with the URL
    parameter ``name``: the codes chosen, comma-separated, in the order chosen (left out of the
    URL when none is). It starts from ``start``, the codes the URL gave (checked by the page)."""
    chosen = st.multiselect(
        label,
        list(options),
        default=[c for c in start if c in options][:most],
        format_func=options.__getitem__,
        max_selections=most,
        key=f"url-{name}",
        **kwargs,
    )
    _write(name, ",".join(chosen), "")
    return chosen


def text(label: str, name: str, limit: int = 80, **kwargs: object) -> str:
    """A text input kept in sync with the URL parameter ``name`` (cut to ``limit`` characters)."""
    current = (param(name) or "")[:limit]
    value = st.text_input(label, value=current, max_chars=limit, key=f"url-{name}", **kwargs)
    _write(name, value.strip(), "")
    return value.strip()


def _write(name: str, value: str, default: str) -> None:
    if value == default:
        if name in st.query_params:
            del st.query_params[name]
    elif st.query_params.get(name) != value:
        st.query_params[name] = value


def instrument_and_comparison(
    options: Mapping[str, str], default: str, left: DeltaGenerator, right: DeltaGenerator
) -> View:
    """An instrument (``?instrument=``), or one compared with another (``?compare=X,Y``)."""
    start = view_from_url(options, default)
    x, y = start.first, start.second
    values = list(options)
    x = left.selectbox(
        _("Instrument"),
        values,
        index=values.index(x),
        format_func=options.__getitem__,
        key="url-instrument",
    )
    others = {"": _("No comparison")} | dict(options)
    y = right.selectbox(
        _("Compare with…"),
        list(others),
        index=list(others).index(y),
        format_func=others.__getitem__,
        key="url-compare",
        help=_(
            "Highlights the states that endorsed (or voted yes on) the instrument on the left "
            "but not this one."
        ),
    )
    if y == x:
        right.caption(_("Choose a different instrument to compare with."))
        y = ""
    shown = View(x, y)
    _write("compare", str(shown) if y else "", "")
    _write("instrument", x if not y else default, default)  # a pair says it all
    carry(view=shown)
    return shown


def view_from_url(options: Mapping[str, str], default: str) -> View:
    """The view of ``?compare=X,Y`` or ``?instrument=X`` alone, with no widget drawn; without
    either, the session's (when its instruments are among ``options``), else ``default``."""
    found = _pair("compare", options) or _single("instrument", options)
    if found is not None:
        return found
    carried = st.session_state.get(CARRIED_VIEW)
    if carried is not None and all(i in options for i in carried.ids):
        return carried
    return View(default)


def _single(name: str, allowed: Mapping[str, str]) -> View | None:
    value = param(name, allowed)
    return None if value is None else View(value)


def _pair(name: str, allowed: Mapping[str, str]) -> View | None:
    value = param(name)
    if value is None:
        return None
    try:
        shown = View.parse(value, allowed)
    except ValueError:
        shown = None
    if shown is not None and shown.is_comparison:
        return shown
    _ignored(name, value, _("expected two different instruments, e.g. `x,y`; nothing is compared."))
    del st.query_params[name]
    return None


GROUP_PARAMS = ("group", "group_name")


def group_from_url() -> Focus | None:
    """The group the user made, from ``?group=`` (ISO3 codes) and ``?group_name=``; else the
    session's. A code outside the 195 states in scope is dropped with a notice; a group left with
    no state, or longer than a URL may carry, is ignored with one."""
    raw = st.query_params.get("group")
    if raw is None:
        carried = carried_focus()
        return carried if carried.is_group else None
    codes = [c.strip().upper() for c in raw.split(",") if c.strip()]
    universe = set(cache.table().query("in_universe")["iso3"])
    unknown = sorted({c for c in codes if c not in universe})
    kept = [c for c in codes if c in universe]
    if unknown and kept:
        _ignored(
            "group",
            ",".join(unknown),
            _("not ISO3 codes of states in scope; the group keeps the others."),
        )
    if not kept or len(set(kept)) > MAX_GROUP:
        why = (
            _("none of these codes is a state in scope.")
            if not kept
            else _("a group has at most {most} states.").format(most=MAX_GROUP)
        )
        _ignored("group", raw[:60], why)
        for name in GROUP_PARAMS:
            st.query_params.pop(name, None)
        return None
    group = Focus.of_group(kept, st.query_params.get("group_name", ""))
    st.query_params.update(group.url_params())  # the URL names exactly the group shown
    return group


FILTER_PARAMS = ("region", "subregion", "ungroup", "org")  # the outreach filters a group replaces


def use_group(group: Focus) -> None:
    """Make the user's ``group`` the focus (a button's callback, before the page runs): in the
    URL (``?group=``, ``?group_name=``) and for the next page. The focus picker and the outreach
    filters forget their choice, so that they start from the group."""
    for name in ("focus", *FILTER_PARAMS, *GROUP_PARAMS):
        st.query_params.pop(name, None)
        st.session_state.pop(f"url-{name}", None)
    st.query_params.update(group.url_params())
    carry(focus=group)


def leave_group() -> None:
    """Show every state again instead of the user's group (a button's callback)."""
    for name in ("focus", *GROUP_PARAMS):
        st.query_params.pop(name, None)
        st.session_state.pop(f"url-{name}", None)
    carry(focus=WORLD_FOCUS)


def _focus_params(focus: Focus) -> None:
    """Write the focus into the URL: ``group=`` for a user group, ``focus=`` for a preset."""
    if focus.is_group:
        st.query_params.pop("focus", None)
        st.query_params.update(focus.url_params())
    else:
        for name in GROUP_PARAMS:
            st.query_params.pop(name, None)


def focus_select(label: str, frames: Mapping[Focus, FocusFrame], **kwargs: object) -> Focus:
    """A selectbox over the preset foci, the user's group if there is one and, for a session
    with a role, the team's saved groups (ui/widgets/saved_groups.py), kept in sync with
    ``?focus=`` (left out for the world) or ``?group=``; without either in the URL, it starts
    from the session's focus."""
    group = group_from_url()
    groups = saved_groups.picker_groups(group)  # the URL's group; the saved ones for a role
    keys = {shown: key for key, (shown, _label) in groups.items()}
    world, *presets = {str(focus): frame.option_label for focus, frame in frames.items()}.items()
    options = dict([world, *((key, label) for key, (_f, label) in groups.items()), *presets])
    start = keys.get(group) if group is not None and "focus" not in st.query_params else None
    start = start or keys.get(carried_focus()) or str(carried_focus())
    chosen = select(label, "focus", options, str(WORLD_FOCUS), start, **kwargs)
    focus = groups[chosen][0] if chosen in groups else Focus.parse(chosen)
    _focus_params(focus)
    carry(focus=focus)
    return focus


def focus_from_url(frames: Mapping[Focus, FocusFrame]) -> Focus:
    """The focus of ``?focus=`` or ``?group=``, with no widget drawn; without either, the
    session's (a preset or the user's group). A saved group's ``?focus=saved-<id>`` is its
    ``?group=`` for a session with a role, and unknown to anyone else."""
    saved = saved_groups.saved_focus(st.query_params.get("focus", ""))
    if saved is not None:
        _focus_params(saved)
        return saved
    key = param("focus", {str(focus): "" for focus in frames})
    if key is not None:
        return Focus.parse(key)
    group = group_from_url()
    if group is not None:
        return group
    return carried_focus() if carried_focus() in frames else WORLD_FOCUS


def numbers(name: str, defaults: Mapping[str, float], low: float, high: float) -> dict[str, float]:
    """Values from the URL parameter ``name`` (``key:value,…``) over ``defaults``.

    An unknown key, or a value that is not a number from ``low`` to ``high``, is ignored with a
    notice.
    """
    values = dict(defaults)
    raw = param(name)
    if not raw:
        return values
    bad = []
    for item in raw.split(","):
        key, _colon, number = item.partition(":")
        try:
            value = float(number)
        except ValueError:
            value = None
        if key in defaults and value is not None and low <= value <= high:
            values[key] = value
        else:
            bad.append(item)
    if bad:
        why = _("expected `name:number` with a number from {low} to {high}.").format(
            low=formatted(low), high=formatted(high)
        )
        _ignored(name, ",".join(bad), why)
    return values


def write_numbers(name: str, values: Mapping[str, float], defaults: Mapping[str, float]) -> None:
    """Put the values that differ from their defaults into the URL parameter ``name``."""
    changed = ",".join(f"{k}:{values[k]:g}" for k in defaults if values[k] != defaults[k])
    _write(name, changed, "")
