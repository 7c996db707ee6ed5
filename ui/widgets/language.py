"""The interface language: read from ``?lang=`` (kept across pages), made active, and picked."""

import streamlit as st

from i18n.languages import DEFAULT, LANGUAGES, language_of
from i18n.translate import _, set_language

PARAM = "lang"
_KEY = "interface-language"


def start_language() -> str:
    """Make the language of the URL (else the one chosen earlier in the session) active.

    Streamlit drops query parameters when the navigation changes page; the session remembers the
    choice and puts it back in the URL, so that a copied link opens in the same language.
    """
    asked = st.query_params.get(PARAM)
    language = language_of(asked) if asked is not None else st.session_state.get(_KEY, DEFAULT)
    if asked is not None and asked not in LANGUAGES:
        del st.query_params[PARAM]
    st.session_state[_KEY] = language
    if language != DEFAULT and asked != language:
        st.query_params[PARAM] = language
    set_language(language)
    return language


def _chosen() -> None:
    chosen = st.session_state[f"{_KEY}-picker"]
    st.session_state[_KEY] = chosen
    if chosen == DEFAULT:
        st.query_params.pop(PARAM, None)
    else:
        st.query_params[PARAM] = chosen


def language_picker() -> None:
    """A compact picker; the choice applies from the next run, before any text is drawn."""
    current = st.session_state.get(_KEY, DEFAULT)
    st.session_state[f"{_KEY}-picker"] = current
    st.selectbox(
        _("Language"),
        list(LANGUAGES),
        format_func=LANGUAGES.__getitem__,
        key=f"{_KEY}-picker",
        on_change=_chosen,
        label_visibility="collapsed",
    )
