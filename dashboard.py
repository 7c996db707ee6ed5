"""Entry point: page setup, navigation and the chrome shared by every page (``streamlit run``)."""

import streamlit as st

from i18n.translate import _
from instruments.matrix import supporters
from instruments.model import CALL_TO_ACTION
from instruments.view import DEFAULT_VIEW
from store.focus import WORLD_FOCUS
from ui import cache
from ui.tables.changelog import last_change
from ui.widgets import as_of, chrome, pages, url_controls
from ui.widgets.geo_chart import preload_geo_chart
from ui.widgets.language import language_picker, start_language
from ui.widgets.presentation import presenting

start_language()  # before any text: every string below is in the language of the URL
st.set_page_config(
    page_title=_("REAIM 2023 Call to Action: endorsement coverage"),
    page_icon="🌐",  # an emoji favicon is drawn locally; a :material/ icon is fetched from Google
    layout="wide",
    initial_sidebar_state="collapsed",
)
chrome.global_style()
as_of.start_day()  # before any cached value: each is computed as known on the URL's day

page = st.navigation(
    [spec.page() for spec in pages.PAGES], position="hidden" if presenting() else "top"
)

found = cache.dataset_problems()
if found:
    chrome.dataset_error(found, _(cache.FIX))
    st.stop()

provenance = cache.provenance()
if presenting():  # the page shows its own headline, in large type, and nothing else
    pages.run(page)
    st.stop()
if page.url_path == "":  # the map page: its drawing code starts loading before anything else
    preload_geo_chart()
title, day_picker, picker = st.container(key=chrome.TITLE_BAR_KEY).columns(
    [5, 1, 1], vertical_alignment="center"
)
title.markdown(f"**{chrome.app_title()}**")
with day_picker:
    as_of.picker()
with picker:
    language_picker()
as_of.banner()
headline = st.container()  # filled after the page, so that the page's map is sent first
url_controls.shown_now()  # a page says anew each run what it shows
pages.run(page)
with headline:
    endorsed = supporters(cache.matrix(), cache.catalogue()[CALL_TO_ACTION])
    shown = url_controls.shown_now()
    focused = None
    if shown not in (None, (WORLD_FOCUS, DEFAULT_VIEW)):
        focus, view = shown
        instruments = [cache.catalogue()[i] for i in view.ids]
        focused = (cache.headline(view, focus), instruments)
    chrome.headline(cache.table(), endorsed, provenance, focused)
log = cache.changelog()
chrome.footer(provenance, last_change(log))
