"""The pages in French and Spanish: they run with no English left in their furniture, write
numbers and dates the language's way, name states by their UN names, keep ?lang= in their links,
and the sources page flags the glossary's unofficial translations."""

import re
from pathlib import Path

import pytest

from i18n.translate import _, use
from store.glossary import read_glossary
from store.published import table_from_csv
from store.reference import load_un_names
from ui.widgets.url_controls import href, link_params

from apptest import open_page
from conftest import REPO

PAGES = [
    "map",
    "regions",
    "outreach",
    "country",
    "compare",
    "plan",
    "briefing",
    "instruments",
    "sources",
]
PARAMS = {"country": {"iso3": "NLD"}, "compare": {"iso3": "KEN,NLD"}}
TABLE = table_from_csv(REPO / "data" / "endorsements.csv")
MEMBERS = TABLE[TABLE["in_universe"] & (TABLE["un_status"] == "member")]
# English that no French or Spanish page may show (headline, footer, page furniture).
ENGLISH = (
    "States that endorsed",
    "UN member States that endorsed",
    "Source as of",
    "Last update of this dataset",
    "transcribed from the official list",
)
LONG_DATE = {"fr": "16 février 2023", "es": "16 de febrero de 2023"}
GLOSSARY = """\
kind,key,en,fr,es,status_fr,status_es,source,note
m49-region,Africa,Africa,Afrique,África,official,official,UNSD M49,
organisation,example-org,Example Organisation,Organisation exemple,Organización Ejemplo,\
unofficial,official,our translation,no French name published
place,Oceania,Oceania,Océanie,Oceanía,official,unofficial,UNSD M49,after "in"
"""


@pytest.fixture(autouse=True)
def shipped_dataset(monkeypatch):
    monkeypatch.delenv("REAIM_DATA_DIR", raising=False)


@pytest.fixture
def glossary_file(tmp_path: Path, monkeypatch) -> Path:
    """A small glossary in the documented format, read instead of data/reference/glossary.csv."""
    path = tmp_path / "glossary.csv"
    path.write_text(GLOSSARY, encoding="utf-8")
    monkeypatch.setattr("store.glossary.glossary", lambda: read_glossary(path))
    return path


def every_text(at) -> str:
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


@pytest.mark.parametrize("language", ["fr", "es"])
@pytest.mark.parametrize("page", PAGES)
def test_every_page_speaks_the_language(page, language, plan_db):
    at = open_page(page, lang=language, **PARAMS.get(page, {}))
    assert not at.exception and not at.error, at.exception
    assert at.query_params["lang"] == language
    left = [english for english in ENGLISH if english in every_text(at)]
    assert not left, f"English left on {page} in {language}: {left}"
    share = int(MEMBERS["endorsed"].sum()) / len(MEMBERS)
    percent = f"{share * 100:.1f}".replace(".", ",")
    member_figure = at.metric[1].value
    assert re.search(rf"\({re.escape(percent)}[\u00a0\u202f]%\)", member_figure), member_figure
    assert at.metric[2].value == LONG_DATE[language]


@pytest.mark.parametrize("language", ["fr", "es"])
def test_country_profile_uses_the_un_name(language):
    at = open_page("country", lang=language, iso3="CIV")
    assert not at.exception, at.exception
    assert load_un_names().loc["CIV", language] in every_text(at)


def test_a_language_outside_the_three_falls_back_to_english():
    at = open_page("map", lang="de")
    assert not at.exception
    assert "States that endorsed" in every_text(at)
    assert "lang" not in at.query_params


def test_headline_writes_numbers_the_way_of_the_language():
    english = [m.value for m in open_page("map").metric]
    french = [m.value for m in open_page("map", lang="fr").metric]
    assert re.search(r"\d\.\d%", " ".join(english)), english
    assert re.search(r"\d,\d[\u00a0\u202f]%", " ".join(french)), french
    assert any(re.search(r"\d [a-zé]+ \d{4}", value) for value in french), french


def test_links_carry_the_language_unless_it_is_english():
    french = open_page("country", iso3="NLD", lang="fr")
    links = [link.proto.query_string for link in french.get("page_link")]
    assert links and all("lang=fr" in query for query in links), links
    english = open_page("country", iso3="NLD")
    assert not [q for q in (x.proto.query_string for x in english.get("page_link")) if "lang" in q]


def test_table_links_open_the_view_in_the_same_language():
    profiles = open_page("outreach", lang="es").dataframe[0].value["State"]  # name after the #
    assert all(x.startswith("./country?iso3=") and "&lang=es#" in x for x in profiles)
    maps = open_page("regions", lang="fr").dataframe[0].value["Map"]
    assert all(x.startswith("./?focus=") and x.endswith("&lang=fr") for x in maps)
    assert "lang" not in "".join(open_page("regions").dataframe[0].value["Map"])


def test_link_params_and_href():
    assert link_params({"iso3": "NLD"}) == {"iso3": "NLD"}
    assert href("./country", {"iso3": "NLD"}) == "./country?iso3=NLD"
    with use("fr"):
        assert link_params({"focus": "org-nato"}) == {"focus": "org-nato", "lang": "fr"}
        assert href("./", {"compare": "a,b"}) == "./?compare=a,b&lang=fr"


def unofficial_table(at, language: str = "en") -> list[dict]:
    """The table of unofficial terms, its headers given back in English."""
    with use(language):
        english = {_(header): header for header in ("English", "Source", "Note")} | {
            _("{language} (unofficial translation)").format(language=_(name)): (
                f"{name} (unofficial translation)"
            )
            for name in ("French", "Spanish")
        }
    tables = [
        d.value
        for d in at.dataframe
        if set(english) <= set(d.value.columns) | set(english)
        and any(c in english for c in d.value.columns if "(" in c)
    ]
    assert len(tables) == 1, [list(d.value.columns) for d in at.dataframe]
    return tables[0].rename(columns=english).to_dict("records")


def test_sources_page_lists_the_language_data():
    at = open_page("sources")
    text = "\n".join(m.value for m in at.markdown)
    assert "data/reference/names.csv" in text and "data/reference/glossary.csv" in text
    assert "hdx-python-country" in text and "UNTERM" in text


def test_sources_page_flags_the_unofficial_terms_of_the_active_language(glossary_file):
    rows = unofficial_table(open_page("sources", lang="fr"), "fr")
    assert [r["English"] for r in rows] == ["Example Organisation"]
    assert rows[0]["French (unofficial translation)"] == "Organisation exemple"
    assert rows[0]["Source"] == "our translation"
    rows = unofficial_table(open_page("sources", lang="es"), "es")
    assert [r["English"] for r in rows] == ["Oceania"]


def test_sources_page_in_english_shows_the_unofficial_terms_of_both_languages(glossary_file):
    rows = unofficial_table(open_page("sources"))
    assert [r["English"] for r in rows] == ["Example Organisation", "Oceania"]
    assert [r["French (unofficial translation)"] for r in rows] == ["Organisation exemple", ""]
    assert [r["Spanish (unofficial translation)"] for r in rows] == ["", "Oceanía"]


def test_sources_page_without_a_glossary_says_so(monkeypatch):
    def missing():
        raise FileNotFoundError("glossary.csv")

    open_page("sources", lang="fr")  # the dataset built first, as a running app has it
    monkeypatch.setattr("store.glossary.glossary", missing)
    at = open_page("sources", lang="fr")
    assert not at.exception
    with use("fr"):
        notice = _("The glossary is not available: terms are shown as the sources give them.")
    assert notice != "The glossary is not available: terms are shown as the sources give them."
    assert any(notice in c.value for c in at.caption)


def test_the_names_source_version_is_the_pinned_one():
    page = (REPO / "app_pages" / "sources.py").read_text(encoding="utf-8")
    pinned = (REPO / "requirements-dev.txt").read_text(encoding="utf-8")
    version = re.search(r'^NAMES_SOURCE_VERSION = "([^"]+)"$', page, re.M).group(1)
    assert f"hdx-python-country=={version}" in pinned
