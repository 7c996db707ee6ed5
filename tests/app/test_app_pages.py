"""Every page under AppTest: runs, right numbers, local topojson, URL state, bad data."""

import json
import re
import shutil
from pathlib import Path
from urllib.parse import unquote

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from i18n.collation import sort_key
from store.files import read_text_table
from store.published import table_from_csv
from ui.tables.priority import default_weights, explain, score, signals
from ui.text import md
from ui.widgets.table_columns import NAME_IN_LINK

from apptest import maps, open_page
from conftest import REPO
from ui_fixtures import shipped

APP = str(REPO / "dashboard.py")
PAGES = {
    "map": "app_pages/map.py",
    "regions": "app_pages/regions.py",
    "outreach": "app_pages/outreach.py",
    "country": "app_pages/country.py",
    "instruments": "app_pages/instruments.py",
    "sources": "app_pages/sources.py",
}
TABLE = table_from_csv(REPO / "data" / "endorsements.csv")
UNIVERSE = TABLE[TABLE["in_universe"]]


@pytest.fixture(autouse=True)
def shipped_dataset(monkeypatch):
    monkeypatch.delenv("REAIM_DATA_DIR", raising=False)


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


def test_plotly_config_carries_the_local_topojson():
    drawn = maps(open_page("map"))
    charts = open_page("regions").get("plotly_chart")
    assert len(drawn) == 1 and charts
    configs = [m["config"] for m in drawn] + [json.loads(c.proto.config) for c in charts]
    assert all(config["topojsonURL"] == "app/static/" for config in configs)


def test_only_the_map_page_loads_the_map_code_and_it_asks_for_it_first():
    """The invisible preloading instance comes before the map, so the bundle loads early."""
    sent = [json.loads(e.proto.json) for e in open_page("map").get("bidi_component")]
    assert sent[0] == {"preload": True}
    assert [set(data) for data in sent[1:]] == [{"figure", "config", "label", "failed", "aspect"}]
    assert not open_page("outreach").get("bidi_component")


def test_map_focus_comes_from_the_url_and_goes_back_into_it():
    at = open_page("map", focus="org-eu")
    spec = maps(at)[0]["figure"]
    assert spec["layout"]["geo"]["lonaxis"]["range"][0] > -60  # zoomed on Europe, not the world
    assert "European Union members" in texts(at)
    at.selectbox(key="url-focus").set_value("region-africa").run()
    assert at.query_params["focus"] == "region-africa"
    at.selectbox(key="url-focus").set_value("world").run()
    assert "focus" not in at.query_params
    assert not at.exception


def test_world_map_spec_is_centred_on_zero():
    geo = maps(open_page("map"))[0]["figure"]["layout"]["geo"]
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
        ("map", {"instrument": "atlantis"}),
        ("map", {"compare": "us-political-declaration,us-political-declaration"}),
        ("map", {"compare": "unga-78-241,**x**,y"}),
        ("regions", {"instrument": "<b>unga</b>"}),
        ("regions", {"compare": "reaim-2023-call-to-action"}),
        ("outreach", {"weights": "no_vote:99,`x`:1"}),
        ("outreach", {"sort": "random"}),
        ("instruments", {"region": "Atlantis", "q": "x" * 500}),
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
    sources = at.table[0].value.set_index("Instrument")["Source"]  # how the source lists it
    assert md(f"listed as “{row['name_as_listed']}”") in sources.iloc[0]
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
    elif how == "edited-positions":
        positions = (target / "positions.csv").read_text(encoding="utf-8")
        (target / "positions.csv").write_text(
            positions.replace(",yes,", ",no,", 1), encoding="utf-8"
        )
    elif how == "edited-table":
        table = (target / "endorsements.csv").read_text(encoding="utf-8")
        (target / "endorsements.csv").write_text(
            table.replace("false", "true", 1), encoding="utf-8"
        )
    return target


@pytest.mark.parametrize(
    "how",
    [
        "missing",
        "corrupt-table",
        "corrupt-meta",
        "meta-not-an-object",
        "edited-table",
        "edited-positions",
    ],
)
@pytest.mark.parametrize("page", ["map", "outreach", "country", "instruments"])
def test_broken_dataset_shows_an_error_box(tmp_path, monkeypatch, how, page):
    monkeypatch.setenv("REAIM_DATA_DIR", str(broken(tmp_path, how)))
    at = open_page(page)
    assert not at.exception, at.exception
    assert at.error
    message = at.error[0].value
    assert "python -m etl check" in message and "python -m etl bundle" in message
    assert not at.metric and not at.get("plotly_chart") and not maps(at)


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


# Related instruments: expectations computed from data/positions.csv and the registry, except the
# sourced facts of data/instruments/README.md, which are spelled out.
POSITIONS = read_text_table(REPO / "data" / "positions.csv")
REGISTRY = read_text_table(REPO / "data" / "instruments" / "instruments.csv").set_index("id")
DECLARATION, BLUEPRINT, PATHWAYS = (
    "us-political-declaration",
    "reaim-2024-blueprint-for-action",
    "reaim-2026-pathways-to-action",
)
VOTES = {  # sourced: yes, no, abstain, non-voting
    "unga-78-241": (152, 4, 11, 26),
    "unga-79-62": (166, 3, 15, 9),
    "unga-80-57": (164, 6, 7, 16),
}


def listed(instrument: str, status: str | None = None) -> pd.DataFrame:
    rows = POSITIONS[POSITIONS["instrument"] == instrument]
    return rows if status is None else rows[rows["status"] == status]


def spec(at: AppTest) -> dict:
    return maps(at)[0]["figure"]


def legend(at: AppTest) -> list[str]:
    return [t["name"] for t in spec(at)["data"] if t.get("showlegend")]


def test_sourced_facts_hold_in_the_data():
    assert len(listed(DECLARATION, "endorsed")) == 58 and "XKX" in set(listed(DECLARATION)["iso3"])
    assert len(listed(PATHWAYS, "endorsed")) == 45
    assert list(listed(PATHWAYS, "unconfirmed")["iso3"]) == ["CRI"]
    assert REGISTRY.loc[BLUEPRINT, "reported_total"] == "61"
    assert len(listed(BLUEPRINT, "endorsed")) == 11
    assert set(listed(BLUEPRINT, "not endorsed")["iso3"]) == {"CHN", "ISR"}
    assert list(listed(BLUEPRINT, "unconfirmed")["iso3"]) == ["CHE"]
    for vote, tally in VOTES.items():
        counts = listed(vote)["status"].value_counts()
        assert tuple(counts[s] for s in ("yes", "no", "abstain", "non-voting")) == tally


def test_instruments_page_gives_every_figure_with_its_source():
    at = open_page("instruments")
    assert not at.exception, at.exception
    figures = [(m.label, m.value) for m in at.metric][3:]  # after the three headline metrics
    expected = [("Endorsers", str(len(listed("reaim-2023-call-to-action", "endorsed"))))]
    expected += [("Endorsers", "58")]
    expected += [("Endorsed, as reported", "61"), ("Named in sources", "11")]
    expected += [("Named as not endorsing", "2"), ("Unconfirmed", "1")]
    expected += [("Endorsers", "45"), ("Unconfirmed", "1")]
    for tally in VOTES.values():
        expected += list(zip(["Yes", "No", "Abstain", "Non-voting"], map(str, tally), strict=True))
    for vote in VOTES:  # the co-sponsors of each draft: on its face, then named later
        drafted = f"{vote}-cosponsors"
        expected += [("On the draft as tabled", str(len(listed(drafted, "co-sponsor"))))]
        if later := len(listed(drafted, "later co-sponsor")):
            expected += [("Named as joining later", str(later))]
        expected += [("Co-sponsors, as reported", REGISTRY.loc[drafted, "reported_total"])]
    statement = "ccw-gge-2025-joint-statement"
    expected += [("Parties", str(len(listed(statement, "party"))))]
    expected += [("Observer States", str(len(listed(statement, "observer"))))]
    committee = "unga-79-239-first-committee"
    expected += [("Voted no", str(len(listed(committee, "no"))))]
    expected += [("Abstained", str(len(listed(committee, "abstain"))))]
    expected += [("Tally in committee", "165-2-6")]
    assert figures == expected
    text = texts(at)
    for instrument in REGISTRY.index.drop("reaim-2023-call-to-action"):
        row = REGISTRY.loc[instrument]
        assert row["source_url"] in text and md(row["licence"]) in text
        assert md(row["confidence"]) in text
    assert "Kosovo" in text and "outside the 195 states in scope" in text
    assert "Costa Rica is shown as unconfirmed" in text
    assert "reports 61 endorsers but only 11 are named" in text
    assert "Switzerland is shown as unconfirmed" in text
    assert "152 yes · 4 no · 11 abstain · 26 non\\-voting" in text
    labels = [b.proto.label for b in at.get("download_button")]
    assert labels == ["Download CSV", "Download Excel", "Download every position (CSV)"]


def matrix_rows(at: AppTest) -> pd.DataFrame:
    return at.dataframe[0].value.set_index("ISO3")


def test_instruments_matrix_shows_every_position():
    rows = matrix_rows(open_page("instruments"))
    assert set(rows.index) == set(UNIVERSE["iso3"]) | {"XKX"}
    titles = REGISTRY["short_title"]
    declaration = rows[titles[DECLARATION]]
    assert set(declaration.index[declaration == "Endorsed"]) == set(listed(DECLARATION)["iso3"])
    blueprint = rows[titles[BLUEPRINT]]
    assert set(blueprint.index[blueprint == "Endorsed"]) == set(
        listed(BLUEPRINT, "endorsed")["iso3"]
    )
    assert set(blueprint.index[blueprint == "Not endorsed"]) == {"CHN", "ISR"}  # as named
    assert set(blueprint) == {"Endorsed", "Not endorsed", "Unconfirmed", "Unknown"}
    assert rows.loc["CRI", titles[PATHWAYS]] == "Unconfirmed"
    for vote, (yes, no, abstain, non_voting) in VOTES.items():
        counts = rows[titles[vote]].value_counts()
        assert (counts["Yes"], counts["No"], counts["Abstain"]) == (yes, no, abstain)
        assert counts["Non-voting"] == non_voting
        assert set(rows.index[rows[titles[vote]] == "No vote (not a UN member)"]) == {
            "PSE",
            "VAT",
            "XKX",
        }


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        (
            {"ungroup": "African"},
            set(UNIVERSE.loc[UNIVERSE["un_regional_group"] == "African", "iso3"]),
        ),
        ({"region": "Oceania"}, set(UNIVERSE.loc[UNIVERSE["m49_region"] == "Oceania", "iso3"])),
        ({"org": "eu"}, None),
        ({"q": "kosovo"}, {"XKX"}),
    ],
)
def test_instruments_matrix_filters(params, expected):
    at = open_page("instruments", **params)
    assert not at.exception and not at.warning
    assert set(matrix_rows(at).index) == (expected if expected is not None else eu_members())


def test_map_instrument_comes_from_the_url():
    at = open_page("map", instrument=BLUEPRINT)
    names = legend(at)
    assert names[0] == "Named as endorsing (11 of the 61 reported)"
    assert names[1] == "Not endorsed (2)"  # China and Israel, as reports name them
    unknown = len(UNIVERSE) - len(listed(BLUEPRINT)) + 1  # Switzerland: unconfirmed
    assert names[2] == f"Unknown: not named, or unconfirmed ({unknown})"
    assert "61 endorsers but only 11 are named" in texts(at)
    assert "Blueprint for Action (REAIM 2024)" in spec(at)["layout"]["title"]["text"]


def test_call_to_action_map_is_the_default_and_unchanged():
    default, explicit = open_page("map"), open_page("map", instrument="reaim-2023-call-to-action")
    assert spec(default) == spec(explicit)
    assert "instrument" not in explicit.query_params  # the default stays out of the URL
    endorsed = int(UNIVERSE["endorsed"].sum())
    assert legend(default)[:2] == [
        f"Endorsed ({endorsed})",
        f"Not endorsed ({len(UNIVERSE) - endorsed})",
    ]
    assert spec(default)["layout"]["title"]["text"] == (
        "Call to Action (REAIM 2023): endorsements worldwide"
    )


def test_map_instrument_and_comparison_controls_write_the_url():
    at = open_page("map")
    at.selectbox(key="url-instrument").set_value("unga-79-62").run()
    assert at.query_params["instrument"] == "unga-79-62"
    assert legend(at)[0] == "Yes (166)"
    at.selectbox(key="url-compare").set_value("reaim-2023-call-to-action").run()
    assert at.query_params["compare"] == "unga-79-62,reaim-2023-call-to-action"
    assert "instrument" not in at.query_params
    assert legend(at)[0].startswith("UNGA 79/62, not Call to Action (")
    at.selectbox(key="url-compare").set_value("").run()
    assert "compare" not in at.query_params and at.query_params["instrument"] == "unga-79-62"
    assert not at.exception


def test_map_comparison_counts_and_names_the_states():
    at = open_page("map", compare=f"{DECLARATION},reaim-2023-call-to-action")
    declaration = set(listed(DECLARATION, "endorsed")["iso3"])
    call = set(listed("reaim-2023-call-to-action", "endorsed")["iso3"])
    only = sorted((declaration - call) & set(UNIVERSE["iso3"]))
    assert legend(at)[0] == f"US Political Declaration, not Call to Action ({len(only)})"
    text = texts(at)
    assert f"**{len(only)} states** endorsed the US Political Declaration" in text
    names = UNIVERSE.set_index("iso3")["name"]
    for code in only:
        assert md(names[code]) in text
    assert "Also Kosovo, outside the 195 states in scope" in text
    assert not at.exception


def test_regions_breakdown_of_a_vote_and_of_a_comparison():
    at = open_page("regions", instrument="unga-78-241", by="ungroup")
    rows = at.dataframe[0].value
    assert rows["Yes"].sum() == 152 and rows["No"].sum() == 4 and rows["Members"].sum() == 195
    assert rows["No vote: not a UN member"].sum() == 2  # the observer States
    at = open_page("regions", compare=f"{DECLARATION},reaim-2023-call-to-action")
    rows = at.dataframe[0].value
    declaration = set(listed(DECLARATION, "endorsed")["iso3"]) & set(UNIVERSE["iso3"])
    call = set(listed("reaim-2023-call-to-action", "endorsed")["iso3"])
    assert rows["US Political Declaration, not Call to Action"].sum() == len(declaration - call)
    assert not at.exception


def test_outreach_is_ranked_by_the_documented_score():
    shipped_data = shipped()
    universe = shipped_data.table[shipped_data.table["in_universe"]]
    endorsed = set(universe.loc[universe["endorsed"], "iso3"])
    table = signals(
        [c for c in universe["iso3"] if c not in endorsed],
        shipped_data.matrix,
        endorsed,
        shipped_data.groupings["ungroup"],
        shipped_data.groupings["org"],
        shipped_data.terms,
    )
    every = shipped_data.terms
    defaults = default_weights(every)
    at = open_page("outreach")
    rows = at.dataframe[0].value.set_index("ISO3")
    expected = score(table, defaults, every)
    assert (rows["Score"] == expected.reindex(rows.index)).all()
    assert rows["Score"].is_monotonic_decreasing and rows["Rank"].is_monotonic_increasing
    for code in ("UKR", "RUS", "CRI"):
        assert rows.loc[code, "Why"] == explain(table.loc[code], every)
    assert "3 × US Political Declaration" in texts(at)

    at.slider(key="weight-no_vote").set_value(4.0).run()
    assert at.query_params["weights"] == "no_vote:4"
    heavier = at.dataframe[0].value.set_index("ISO3")["Score"]
    assert heavier["RUS"] == score(table, defaults | {"no_vote": 4.0}, every)["RUS"]
    assert heavier["RUS"] < rows.loc["RUS", "Score"]


def shown_name(profile_link: str) -> str:
    """The name an outreach row shows: its profile link's fragment (ui.widgets.table_columns)."""
    return unquote(re.search(NAME_IN_LINK, profile_link).group(1))


def test_outreach_weights_come_from_the_url_and_ranks_are_within_the_view():
    keys = [t.key for t in shipped().terms]
    zero = ",".join(f"{key}:0" for key in keys if key != "organisation_peers")
    at = open_page("outreach", weights=f"{zero},organisation_peers:5", region="Africa")
    assert not at.warning
    rows = at.dataframe[0].value
    assert at.slider(key="weight-organisation_peers").value == 5.0
    assert (rows["Score"] == (5 * rows["Organisation share"]).round(1)).all()
    assert rows["Rank"].iloc[0] == 1 and rows["Rank"].is_monotonic_increasing
    assert rows["Rank"].max() <= len(rows) < rows["World rank"].max()  # the world's beside
    world = open_page("outreach", weights=f"{zero},organisation_peers:5").dataframe[0].value
    assert dict(zip(rows["ISO3"], rows["World rank"], strict=True)) == {
        c: r for c, r in zip(world["ISO3"], world["Rank"], strict=True) if c in set(rows["ISO3"])
    }
    at = open_page("outreach", sort="name")
    names = at.dataframe[0].value["State"].map(shown_name)
    assert list(names) == sorted(names, key=sort_key)  # accents ignored: Côte d’Ivoire before Cuba


def test_country_profile_lists_every_instrument_and_vote():
    at = open_page("country", iso3="CRI")
    rows = at.table[0].value.set_index("Instrument")
    titles = REGISTRY["title"].map(md)
    assert len(rows) == len(REGISTRY)
    assert rows.loc[titles[PATHWAYS], "Status"] == "**Unconfirmed**"
    assert "absent from the 45" in rows.loc[titles[PATHWAYS], "Source"]  # the source's own note
    assert rows.loc[titles[BLUEPRINT], "Status"] == "**Unknown**"
    for vote in VOTES:
        status = listed(vote).set_index("iso3").loc["CRI", "status"]
        assert rows.loc[titles[vote], "Status"] == f"**{status.capitalize()}**"
        assert f"({REGISTRY.loc[vote, 'source_url']})" in rows.loc[titles[vote], "Source"]
    at = open_page("country", iso3="XKX")
    assert md("US Political Declaration: Endorsed") in texts(at)


def test_outreach_explains_any_state_term_by_term():
    at = open_page("outreach", explain="RUS", weights="no_vote:4")
    assert not at.exception and not at.warning
    text = texts(at)
    assert "**Russian Federation** is ranked **" in text and "voted no 3 times" in text
    terms = at.dataframe[1].value
    ranked = at.dataframe[0].value.set_index("ISO3")
    assert terms["Points"].sum() == pytest.approx(ranked.loc["RUS", "Score"], abs=0.05)
    (no_votes,) = terms.loc[terms["Signal"].str.startswith("No votes on UNGA"), "Weight"]
    assert no_votes == -4
    at.selectbox(key="url-region").set_value("Africa").run()  # the explanation follows the view
    first = at.dataframe[0].value.iloc[0]
    assert "explain" not in at.query_params and not at.exception and not at.warning
    assert f"**{md(shown_name(first['State']))}** is ranked **1** of the " in texts(at)
    at.selectbox(key="url-explain").set_value(at.dataframe[0].value["ISO3"].iloc[2]).run()
    assert at.query_params["explain"] == at.dataframe[0].value["ISO3"].iloc[2]
    at = open_page("outreach", explain="NLD")  # an endorser has no rank
    assert at.warning and "explain" not in at.query_params


ODD = '<img src=x onerror="alert(1)"> **bold** [link](javascript:alert(1)) :red[x] ' + "A" * 3000


@pytest.mark.parametrize(
    ("page", "param"),
    [
        ("map", "instrument"),
        ("map", "compare"),
        ("regions", "compare"),
        ("outreach", "weights"),
        ("outreach", "explain"),
        ("outreach", "sort"),
    ],
)
def test_odd_values_of_the_new_parameters_give_a_short_notice(page, param):
    at = open_page(page, **{param: ODD})
    assert not at.exception, at.exception
    assert at.warning and all(len(w.value) < 400 for w in at.warning)
    assert ODD not in at.query_params.values()
    assert not any(getattr(m.proto, "allow_html", False) for m in at.markdown if "<img" in m.value)


def test_country_profile_shows_the_six_un_names():
    at = open_page("country", iso3="CIV")
    assert not at.exception
    text = texts(at)
    for name in ("Côte d’Ivoire", "Кот-д'Ивуар", "科特迪瓦", "كوت ديفوار", "Arabic", "Chinese"):
        assert f"| {md(name)} |" in text, name


@pytest.mark.parametrize("query", ["Кот-д’Ивуар", "科特迪瓦", "كوت ديفوار", "cote d'ivoire"])
def test_country_picker_is_narrowed_by_a_name_in_any_un_language(query):
    at = open_page("country")
    at.text_input(key="country-find").input(query).run()
    assert not at.exception
    assert at.selectbox(key="url-iso3").options == ["Choose a state…", "Côte d’Ivoire"]


def test_a_comparison_in_a_focus_says_where_with_a_space():
    at = open_page("map", compare=f"{DECLARATION},reaim-2023-call-to-action", focus="org-nato")
    said = "\n".join(m.value for m in at.markdown)
    assert re.search(r"\*\*\d+ states?\*\* among NATO members endorsed the US", said), said
