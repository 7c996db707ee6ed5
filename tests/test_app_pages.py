"""Every page under AppTest: runs, right numbers, local topojson, URL state, bad data."""

import json
import shutil
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from etl.table import table_from_csv

from conftest import REPO

APP = str(REPO / "dashboard.py")
PAGES = {
    "map": "app_pages/map.py",
    "regions": "app_pages/regions.py",
    "outreach": "app_pages/outreach.py",
    "country": "app_pages/country.py",
    "sources": "app_pages/sources.py",
}
TABLE = table_from_csv(REPO / "data" / "endorsements.csv")
UNIVERSE = TABLE[TABLE["in_universe"]]


@pytest.fixture(autouse=True)
def shipped_dataset(monkeypatch):
    monkeypatch.delenv("REAIM_DATA_DIR", raising=False)


def open_page(page: str, **params: str) -> AppTest:
    """Open ``page`` with ``params`` in its URL (other pages: after a first run of the map)."""
    at = AppTest.from_file(APP, default_timeout=60)
    if page != "map":
        at.run()
        at.switch_page(PAGES[page])
    at.query_params.update(params)
    return at.run()


def texts(at: AppTest) -> str:
    parts = [
        e.value
        for kind in ("markdown", "caption", "info", "warning", "error")
        for e in getattr(at, kind)
    ]
    return "\n".join(str(p) for p in parts)


@pytest.mark.parametrize("page", PAGES)
def test_page_runs_and_shows_the_headline(page):
    at = open_page(page)
    assert not at.exception, at.exception
    assert not at.error
    endorsers = int(UNIVERSE["endorsed"].sum())
    members = UNIVERSE[UNIVERSE["un_status"] == "member"]
    member_endorsers = int(members["endorsed"].sum())
    share = member_endorsers / len(members)
    values = [m.value for m in at.metric]
    assert values[0] == f"{endorsers} of {len(UNIVERSE)}"
    assert values[1] == f"{member_endorsers} of {len(members)} ({share:.1%})"
    assert values[2] == "16 February 2023"
    assert "transcribed from the official list, not a live fetch" in at.metric[2].label
    captions = " ".join(c.value for c in at.caption)
    assert "transcribed from the official list" in captions
    assert "Licence" in captions and "Last update" in captions


def plotly_elements(at: AppTest) -> list:
    return [element.proto for element in at.get("plotly_chart")]


@pytest.mark.parametrize("page", ["map", "regions"])
def test_plotly_config_carries_the_local_topojson(page):
    charts = plotly_elements(open_page(page))
    assert charts
    for chart in charts:
        assert json.loads(chart.config)["topojsonURL"] == "app/static/"


def test_map_focus_comes_from_the_url_and_goes_back_into_it():
    at = open_page("map", focus="org-eu")
    spec = json.loads(plotly_elements(at)[0].spec)
    assert spec["layout"]["geo"]["lonaxis"]["range"][0] > -60  # zoomed on Europe, not the world
    assert "European Union members" in texts(at)
    at.selectbox(key="url-focus").set_value("region-africa").run()
    assert at.query_params["focus"] == "region-africa"
    at.selectbox(key="url-focus").set_value("world").run()
    assert "focus" not in at.query_params
    assert not at.exception


def test_world_map_spec_is_centred_on_zero():
    geo = json.loads(plotly_elements(open_page("map"))[0].spec)["layout"]["geo"]
    assert geo["fitbounds"] is False
    assert geo["lonaxis"]["range"] == [-180, 180]
    assert geo["projection"]["rotation"]["lon"] == 0


def test_outreach_filters_change_the_table():
    at = open_page("outreach")
    everyone = at.dataframe[0].value
    assert len(everyone) == int((~UNIVERSE["endorsed"]).sum())
    at.selectbox(key="url-region").set_value("Africa").run()
    africa = at.dataframe[0].value
    expected = UNIVERSE[(UNIVERSE["m49_region"] == "Africa") & ~UNIVERSE["endorsed"]]
    assert sorted(africa["ISO3"]) == sorted(expected["iso3"])
    assert at.query_params["region"] == "Africa"
    at.text_input(key="url-q").set_value("guinea").run()
    assert 0 < len(at.dataframe[0].value) < len(africa)
    assert at.query_params["q"] == "guinea"
    assert not at.exception


def test_outreach_filters_come_from_the_url():
    at = open_page("outreach", org="eu")
    expected = UNIVERSE[~UNIVERSE["endorsed"] & UNIVERSE["iso3"].isin(eu_members())]
    assert sorted(at.dataframe[0].value["ISO3"]) == sorted(expected["iso3"])


def eu_members() -> set[str]:
    rows = (
        (REPO / "data" / "reference" / "groups" / "eu.csv").read_text(encoding="utf-8").splitlines()
    )
    return {line.split(",")[0] for line in rows[1:]}


def test_regions_grouping_switches():
    at = open_page("regions", by="ungroup")
    assert len(at.dataframe[0].value) == 6  # five UN regional groups and the observer States
    at = open_page("regions")
    assert len(at.dataframe[0].value) == 5  # the M49 regions
    assert not at.exception


@pytest.mark.parametrize(
    ("page", "params"),
    [
        ("map", {"focus": "atlantis"}),
        ("map", {"focus": "**bold** <script>alert(1)</script>"}),
        ("regions", {"by": "continent"}),
        ("outreach", {"region": "Atlantis", "org": "nope"}),
        ("country", {"iso3": "ZZZ"}),
    ],
)
def test_bad_query_params_give_a_notice_not_an_exception(page, params):
    at = open_page(page, **params)
    assert not at.exception, at.exception
    assert at.warning, "expected a notice about the ignored parameter"
    for value in params.values():
        assert value not in at.query_params.values()


def test_country_profile():
    at = open_page("country", iso3="NLD")
    assert not at.exception
    row = TABLE.set_index("iso3").loc["NLD"]
    text = texts(at)
    assert row["name_as_listed"] in text
    assert "members of the Western European and Others Group" in text
    links = {link.proto.query_string for link in at.get("page_link")}
    assert "focus=ungroup-western-european-and-others-group" in links
    assert "by=ungroup" in links


def test_country_code_is_case_insensitive_and_outsiders_are_explained():
    at = open_page("country", iso3="nld")
    assert at.query_params["iso3"] == "NLD" and not at.warning
    at = open_page("country", iso3="XKX")
    assert "not in scope" in texts(at) and not at.exception


def test_country_page_without_a_code_offers_a_picker():
    at = open_page("country")
    assert at.selectbox(key="url-iso3").value == ""
    assert not at.exception


def test_sources_page_states_the_provenance():
    text = texts(open_page("sources"))
    meta = json.loads((REPO / "data" / "endorsements.meta.json").read_text(encoding="utf-8"))
    assert meta["document_sha256"] in text
    assert "transcription" in text.casefold()
    assert "Crimea" in text  # the boundary policy
    assert "aliases.csv" in text


def broken(tmp_path: Path, how: str) -> Path:
    """A copy of the shipped dataset, damaged in one way."""
    target = tmp_path / "data"
    shutil.copytree(REPO / "data", target, ignore=shutil.ignore_patterns("reference", "geo"))
    if how == "missing":
        (target / "endorsements.csv").unlink()
    elif how == "corrupt-table":
        (target / "endorsements.csv").write_bytes(b"\x00\xff not a csv")
    elif how == "corrupt-meta":
        (target / "endorsements.meta.json").write_text("{ not json", encoding="utf-8")
    elif how == "meta-not-an-object":
        (target / "endorsements.meta.json").write_text("null", encoding="utf-8")
    elif how == "edited-table":
        table = (target / "endorsements.csv").read_text(encoding="utf-8")
        (target / "endorsements.csv").write_text(
            table.replace("false", "true", 1), encoding="utf-8"
        )
    return target


@pytest.mark.parametrize(
    "how", ["missing", "corrupt-table", "corrupt-meta", "meta-not-an-object", "edited-table"]
)
@pytest.mark.parametrize("page", ["map", "outreach", "country"])
def test_broken_dataset_shows_an_error_box(tmp_path, monkeypatch, how, page):
    monkeypatch.setenv("REAIM_DATA_DIR", str(broken(tmp_path, how)))
    at = open_page(page)
    assert not at.exception, at.exception
    assert at.error
    message = at.error[0].value
    assert "python -m etl check" in message and "python -m etl bundle" in message
    assert not at.metric and not at.get("plotly_chart")


def test_empty_data_dir_shows_an_error_box(tmp_path, monkeypatch):
    monkeypatch.setenv("REAIM_DATA_DIR", str(tmp_path))
    at = open_page("sources")
    assert not at.exception and at.error


def test_changing_region_resets_a_sub_region_outside_it_quietly():
    at = open_page("outreach", region="Africa", subregion="Sub-Saharan Africa")
    at.selectbox(key="url-region").set_value("Europe").run()
    assert "subregion" not in at.query_params and not at.warning
    expected = UNIVERSE[(UNIVERSE["m49_region"] == "Europe") & ~UNIVERSE["endorsed"]]
    assert len(at.dataframe[0].value) == len(expected)
