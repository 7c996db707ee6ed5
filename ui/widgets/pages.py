"""Every page of the dashboard, named once: the router's st.Page objects and every link's target."""

from dataclasses import dataclass

import streamlit as st

from i18n.translate import N_, _


@dataclass(frozen=True)
class PageSpec:
    """One page: its script, its title (translated where shown), icon and address."""

    script: str
    title: str
    icon: str
    url_path: str  # "" for the default page, at the site's root

    def page(self) -> st.Page:
        """The router's page, titled in the active language."""
        if not self.url_path:
            return st.Page(self.script, title=_(self.title), icon=self.icon, default=True)
        return st.Page(self.script, title=_(self.title), icon=self.icon, url_path=self.url_path)


MAP = PageSpec("app_pages/map.py", N_("Coverage map"), ":material/public:", "")
REGIONS = PageSpec(
    "app_pages/regions.py", N_("Regional breakdown"), ":material/bar_chart:", "regions"
)
OUTREACH = PageSpec(
    "app_pages/outreach.py", N_("Outreach gaps"), ":material/checklist:", "outreach"
)
COUNTRY = PageSpec("app_pages/country.py", N_("Country profile"), ":material/flag:", "country")
COMPARE = PageSpec(
    "app_pages/compare.py", N_("Compare states"), ":material/compare_arrows:", "compare"
)
PLAN = PageSpec("app_pages/plan.py", N_("Outreach plan"), ":material/assignment:", "plan")
BRIEFING = PageSpec(
    "app_pages/briefing.py", N_("Briefing pack"), ":material/slideshow:", "briefing"
)
INSTRUMENTS = PageSpec(
    "app_pages/instruments.py", N_("Related instruments"), ":material/handshake:", "instruments"
)
SOURCES = PageSpec(
    "app_pages/sources.py", N_("Sources and method"), ":material/description:", "sources"
)
PAGES = (MAP, REGIONS, OUTREACH, COUNTRY, COMPARE, PLAN, BRIEFING, INSTRUMENTS, SOURCES)  # menu

RUNNING = "running-page"  # session key: the address of the page this run shows


def run(page: st.Page) -> None:
    """Run the page the router chose, remembering its address (``running_path``)."""
    st.session_state[RUNNING] = page.url_path
    page.run()


def running_path() -> str:
    """The address of the page this run shows: "outreach", "" for the map at the root."""
    return st.session_state.get(RUNNING, "")
