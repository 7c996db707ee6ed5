"""Every page in French and Spanish: translated text, UN names, numbers and dates per locale."""

import re

import pytest
from streamlit.testing.v1 import AppTest

from etl.table import table_from_csv
from ui.tables.dataset import load_un_names

from apptest import REPO, open_page

PAGES = ["map", "regions", "outreach", "country", "plan", "briefing", "instruments", "sources"]
LANGUAGES = ["fr", "es"]
TABLE = table_from_csv(REPO / "data" / "endorsements.csv")
UNIVERSE = TABLE[TABLE["in_universe"]]
MEMBERS = UNIVERSE[UNIVERSE["un_status"] == "member"]
# English that no French or Spanish page may show (headline, footer, page furniture).
ENGLISH = (
    "States that endorsed",
    "UN member States that endorsed",
    "Source as of",
    "Last update of this dataset",
    "transcribed from the official list",
)
LONG_DATE = {"fr": "16 février 2023", "es": "16 de febrero de 2023"}


@pytest.fixture(autouse=True)
def shipped_dataset(monkeypatch):
    monkeypatch.delenv("REAIM_DATA_DIR", raising=False)


def every_text(at: AppTest) -> str:
    """All the text a reader sees in the elements AppTest exposes."""
    parts = [
        e.value
        for kind in ("markdown", "caption", "info", "warning", "error", "header", "subheader")
        for e in getattr(at, kind)
    ]
    parts += [f"{m.label} {m.value}" for m in at.metric]
    parts += [
        w.label
        for kind in ("selectbox", "button", "text_input", "toggle")
        for w in getattr(at, kind)
    ]
    return "\n".join(str(p) for p in parts)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("page", PAGES)
def test_page_speaks_the_language(page, language):
    at = open_page(page, lang=language)
    assert not at.exception, at.exception
    text = every_text(at)
    left = [english for english in ENGLISH if english in text]
    assert not left, f"English left on {page} in {language}: {left}"
    share = len(MEMBERS[MEMBERS["endorsed"]]) / len(MEMBERS)
    percent = f"{share * 100:.1f}".replace(".", ",")
    member_figure = at.metric[1].value
    assert re.search(rf"\({re.escape(percent)}[\u00a0\u202f]%\)", member_figure), member_figure
    assert at.metric[2].value == LONG_DATE[language]


@pytest.mark.parametrize("language", LANGUAGES)
def test_country_profile_uses_the_un_name(language):
    at = open_page("country", lang=language, iso3="CIV")
    assert not at.exception, at.exception
    name = load_un_names().loc["CIV", language]
    assert name in every_text(at)


def test_the_language_is_kept_in_the_url_and_a_bad_one_falls_back_to_english():
    at = open_page("map", lang="fr")
    assert at.query_params["lang"] == ["fr"] or at.query_params["lang"] == "fr"
    at = open_page("map", lang="de")
    assert not at.exception
    assert "States that endorsed" in every_text(at)
    assert "lang" not in at.query_params
