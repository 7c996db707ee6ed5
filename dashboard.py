"""Entry point: page setup, navigation and the chrome shared by every page (``streamlit run``)."""

import streamlit as st

from i18n.translate import _
from instruments.matrix import supporters
from instruments.model import CALL_TO_ACTION
from ui import cache
from ui.widgets import chrome
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

PAGES = [
    st.Page("app_pages/map.py", title=_("Coverage map"), icon=":material/public:", default=True),
    st.Page(
        "app_pages/regions.py",
        title=_("Regional breakdown"),
        icon=":material/bar_chart:",
        url_path="regions",
    ),
    st.Page(
        "app_pages/outreach.py",
        title=_("Outreach gaps"),
        icon=":material/checklist:",
        url_path="outreach",
    ),
    st.Page(
        "app_pages/country.py",
        title=_("Country profile"),
        icon=":material/flag:",
        url_path="country",
    ),
    st.Page(
        "app_pages/plan.py",
        title=_("Outreach plan"),
        icon=":material/assignment:",
        url_path="plan",
    ),
    st.Page(
        "app_pages/briefing.py",
        title=_("Briefing pack"),
        icon=":material/slideshow:",
        url_path="briefing",
    ),
    st.Page(
        "app_pages/instruments.py",
        title=_("Related instruments"),
        icon=":material/handshake:",
        url_path="instruments",
    ),
    st.Page(
        "app_pages/sources.py",
        title=_("Sources and method"),
        icon=":material/description:",
        url_path="sources",
    ),
]
page = st.navigation(PAGES, position="hidden" if presenting() else "top")

found = cache.dataset_problems()
if found:
    chrome.dataset_error(found, _(cache.FIX))
    st.stop()

provenance = cache.provenance()
if presenting():  # the page shows its own headline, in large type, and nothing else
    page.run()
    st.stop()
if page.url_path == "":  # the map page: its drawing code starts loading before anything else
    preload_geo_chart()
title, picker = st.columns([6, 1], vertical_alignment="center")
title.markdown(f"**{chrome.app_title()}**")
with picker:
    language_picker()
headline = st.container()  # filled after the page, so that the page's map is sent first
page.run()
with headline:
    endorsed = supporters(cache.matrix(), cache.catalogue()[CALL_TO_ACTION])
    chrome.headline(cache.table(), endorsed, provenance)
log = cache.changelog()
chrome.footer(provenance, log["detected_on"].max() if len(log) else "")
