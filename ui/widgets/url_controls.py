"""Widgets whose value lives in the URL, so that a view can be shared; bad values are ignored."""

from collections.abc import Mapping

import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from i18n.formats import number as formatted
from i18n.languages import DEFAULT
from i18n.translate import _, active
from instruments.view import View
from store.focus import WORLD_FOCUS, Focus
from ui.text import code
from ui.views.focus import FocusFrame
from ui.widgets.language import PARAM as LANGUAGE


def with_language(params: Mapping[str, str]) -> dict[str, str]:
    """``params`` and, unless English is active, the interface language: a link keeps it."""
    language = active()
    return dict(params) | ({LANGUAGE: language} if language != DEFAULT else {})


def href(path: str, params: Mapping[str, str]) -> str:
    """A relative link (``./country``) to a view given by ``params``, in the active language."""
    return f"{path}?" + "&".join(f"{k}={v}" for k, v in with_language(params).items())


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
    label: str, name: str, options: Mapping[str, str], default: str, **kwargs: object
) -> str:
    """A selectbox over ``options`` (value → label) kept in sync with the URL parameter ``name``.

    The parameter is left out of the URL while the default is selected.
    """
    values = list(options)
    current = param(name, options) or default
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


def segmented(label: str, name: str, options: Mapping[str, str], default: str) -> str:
    """Segmented buttons over ``options`` kept in sync with the URL parameter ``name``."""
    current = param(name, options) or default
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
        _("Compare: supported it but not"),
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
    return shown


def view_from_url(options: Mapping[str, str], default: str) -> View:
    """The view of ``?compare=X,Y`` or ``?instrument=X`` alone, with no widget drawn."""
    return _pair("compare", options) or View(param("instrument", options) or default)


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


def focus_select(label: str, frames: Mapping[Focus, FocusFrame], **kwargs: object) -> Focus:
    """A selectbox over the preset foci, kept in sync with ``?focus=`` (left out for the world)."""
    options = {str(focus): frame.option_label for focus, frame in frames.items()}
    return Focus.parse(select(label, "focus", options, str(WORLD_FOCUS), **kwargs))


def focus_from_url(frames: Mapping[Focus, FocusFrame]) -> Focus:
    """The focus of ``?focus=`` alone, with no widget drawn; the world when absent or unknown."""
    key = param("focus", {str(focus): "" for focus in frames})
    return WORLD_FOCUS if key is None else Focus.parse(key)


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
