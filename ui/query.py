"""Widgets whose value lives in the URL, so that a view can be shared; bad values are ignored."""

from collections.abc import Mapping

import streamlit as st

from ui.text import code


def _ignored(param: str, value: str, why: str) -> None:
    st.warning(f"Ignored `{param}` = {code(value)}: {why}", icon=":material/link_off:")


def param(name: str, allowed: Mapping[str, str] | None = None) -> str | None:
    """The URL parameter ``name``, or None; a value outside ``allowed`` is dropped with a notice."""
    value = st.query_params.get(name)
    if value is None:
        return None
    if allowed is not None and value not in allowed:
        _ignored(name, value, "not a known value, so the default is shown.")
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
