"""The compare page (``/compare?iso3=KEN,NGA,GHA``) in AppTest: the states side by side in the
order given, bad requests said and their valid part shown, the plan only for its readers, and
the downloads."""

import csv
import io
import re

import pandas as pd
import pytest
from test_saved_group_picker import signed_in
from test_table_downloads import downloaded, managers  # noqa: F401 (the fixture)

from instruments.model import CALL_TO_ACTION
from ui import cache
from ui.tables.ask import ask_text
from ui.tables.comparison import compare
from ui.tables.plan_words import plan_word

from apptest import open_page, static_table
from ui_fixtures import shipped

DATA = shipped()
NAMES = DATA.table.set_index("iso3")["name"]


@pytest.fixture(autouse=True)
def shipped_dataset(monkeypatch):
    monkeypatch.delenv("REAIM_DATA_DIR", raising=False)


def states_shown(at) -> list[str]:
    """The states' columns of the page's first table, in order."""
    return [c for c in at.table[0].value.columns if c not in ("Fact", "Differs")]


def headings(at) -> list[str]:
    """The sections' headings as the reader sees them (without Markdown's escapes)."""
    return [re.sub(r"\\(.)", r"\1", h.value) for h in at.subheader]


def every_cell(at) -> str:
    return "\n".join(static_table(at, i).to_csv() for i in range(len(at.table)))


def test_three_states_side_by_side_in_the_order_given():
    at = open_page("compare", iso3="KEN,NGA,GHA")
    assert not at.exception and not at.warning, at.exception
    assert states_shown(at) == list(NAMES[["KEN", "NGA", "GHA"]])
    assert at.multiselect(key="url-iso3").value == ["KEN", "NGA", "GHA"]
    asks = {c: ask_text(DATA, c) for c in ("KEN", "NGA", "GHA")}
    expected = compare(["KEN", "NGA", "GHA"], DATA, asks=asks)
    assert headings(at) == list(expected["Section"].unique())
    shown = pd.concat([static_table(at, i) for i in range(len(at.table))], ignore_index=True)
    assert list(shown["Fact"]) == list(expected["Fact"])
    assert list(shown["Differs"]) == list(expected["Differs"])
    status = shown.set_index("Fact").loc[DATA.catalogue[CALL_TO_ACTION].short_title]
    assert list(status[["Kenya", "Nigeria", "Ghana"]]) == list(
        expected.loc[f"{CALL_TO_ACTION}:status", ["Kenya", "Nigeria", "Ghana"]]
    )
    said = " ".join(m.value for m in at.markdown)
    assert "Kenya, Nigeria and Ghana differ on" in said
    (ask,) = [r for r in shown.to_dict("records") if r["Fact"] == "Suggested ask"]
    assert ask["Kenya"] == asks["KEN"] and ask["Kenya"].startswith("Ask Kenya to endorse")
    links = [link.proto.label for link in at.get("page_link")]
    assert [f"{n}: profile" for n in ("Kenya", "Nigeria", "Ghana")] == links[-3:]


def test_choosing_a_state_rewrites_the_address():
    at = open_page("compare", iso3="KEN,NGA")
    at.multiselect(key="url-iso3").select("GHA").run()
    assert not at.exception
    assert at.query_params["iso3"] == ["KEN,NGA,GHA"] or at.query_params["iso3"] == "KEN,NGA,GHA"
    assert states_shown(at) == ["Kenya", "Nigeria", "Ghana"]


@pytest.mark.parametrize(
    ("asked", "kept", "named"),
    [
        ("KEN,NGA,GHA,SEN,ZAF", ["KEN", "NGA", "GHA", "SEN"], "ZAF"),  # more than four
        ("KEN,ZZZ,nga", ["KEN", "NGA"], "ZZZ"),  # an unknown code
        ("KEN,NGA,KEN", ["KEN", "NGA"], "KEN"),  # the same state twice
        ("KEN", ["KEN"], "one more"),  # a comparison of one
    ],
    ids=["five", "unknown", "twice", "one"],
)
def test_a_bad_request_is_said_and_its_valid_part_shown(asked, kept, named):
    at = open_page("compare", iso3=asked)
    assert not at.exception, at.exception
    assert len(at.warning) == 1 and named in at.warning[0].value
    assert states_shown(at) == list(NAMES[kept])
    assert at.query_params["iso3"] in (",".join(kept), [",".join(kept)])


def test_no_state_asks_for_some_and_shows_no_table():
    at = open_page("compare")
    assert not at.exception and not at.table and not at.warning
    assert any("none is chosen" in c.value for c in at.caption)
    unknown = open_page("compare", iso3="ZZZ,XKX")
    assert not unknown.exception and not unknown.table
    assert "ZZZ" in unknown.warning[0].value and "iso3" not in unknown.query_params


@pytest.mark.parametrize("who", [None, "nobody@example.org"], ids=["anonymous", "no role"])
def test_the_plan_row_is_never_shown_without_a_role(plan_db, managers, monkeypatch, who):  # noqa: F811
    cache.plan_service().save("KEN", CALL_TO_ACTION, {"status": "planned"}, 0, "a@x.o")
    signed_in(monkeypatch, who)
    at = open_page("compare", iso3="KEN,NGA")
    assert not at.exception
    assert headings(at) == ["Instruments and votes", "Memberships", "Outreach priority"]
    planned = plan_word("planned")
    assert "Plan status" not in every_cell(at) and planned not in every_cell(at)
    data = downloaded(at, managers, "Download CSV").decode("utf-8-sig")
    assert "Plan status" not in data and planned not in data


def test_the_plan_row_is_shown_to_a_reader(plan_db, managers, monkeypatch):  # noqa: F811
    service = cache.plan_service()
    service.add_user("viewer@example.org", "viewer")
    service.save("KEN", CALL_TO_ACTION, {"status": "planned"}, 0, "a@x.o")
    signed_in(monkeypatch, "viewer@example.org")
    at = open_page("compare", iso3="KEN,NGA")
    assert not at.exception
    assert headings(at)[-1] == "Outreach plan (internal)"
    plan = static_table(at, len(at.table) - 1).set_index("Fact").loc["Plan status"]
    words = plan_word("planned"), plan_word("not started")
    assert (plan["Kenya"], plan["Nigeria"], plan["Differs"]) == (*words, "differs")
    rows = list(
        csv.reader(io.StringIO(downloaded(at, managers, "Download CSV").decode("utf-8-sig")))
    )
    (line,) = [r for r in rows if r[:2] == ["Outreach plan (internal)", "Plan status"]]
    assert tuple(line[2:4]) == words


def test_the_downloads_hold_the_comparison_with_its_sources(managers):  # noqa: F811
    at = open_page("compare", iso3="KEN,NLD")
    data = downloaded(at, managers, "Download CSV")
    table = pd.read_csv(io.BytesIO(data), comment="#", encoding="utf-8-sig", keep_default_na=False)
    expected = compare(["KEN", "NLD"], DATA, asks={c: ask_text(DATA, c) for c in ("KEN", "NLD")})
    assert list(table.columns) == list(expected.columns)
    assert table.values.tolist() == expected.values.tolist()
    text = data.decode("utf-8-sig")
    assert "# ,Cite as" in text or "#,Cite as" in text
    assert "/compare?iso3=KEN%2CNLD" in text or "/compare?iso3=KEN,NLD" in text
    assert "None: it supports every instrument it could join." in text  # the Netherlands
    assert downloaded(at, managers, "Download Excel")[:2] == b"PK"
