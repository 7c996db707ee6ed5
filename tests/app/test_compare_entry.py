"""The ways into the compare page: a country profile's "Compare with its peers" (the state and
its closest peers) and the outreach table's selected rows (two to four, else what to do)."""

from urllib.parse import parse_qs

from ui.tables.comparison import closest_peers

from apptest import open_page
from ui_fixtures import shipped

DATA = shipped()


def link_to_compare(at, label: str) -> list[str]:
    """The states of the page's link ``label`` to the compare page, in order."""
    (found,) = [x for x in at.get("page_link") if x.proto.label == label]
    assert found.proto.page == "compare"
    query = parse_qs(found.proto.query_string)
    return query["iso3"][0].split(",")


def test_the_profile_compares_the_state_with_its_closest_peers():
    at = open_page("country", iso3="KEN")
    assert not at.exception
    assert link_to_compare(at, "Compare with its peers") == ["KEN", *closest_peers("KEN", DATA)]


def select_rows(at, rows: list[int]):
    """Select rows of the outreach table, as clicks on their boxes do, and rerun."""
    at.session_state["outreach-table"] = {"selection": {"rows": rows, "columns": []}}
    return at.run()


def test_selected_outreach_rows_open_the_comparison():
    at = open_page("outreach", region="Africa")
    codes = list(at.dataframe[0].value["ISO3"])
    assert any("Select two to 4 rows" in c.value for c in at.caption)
    select_rows(at, [0, 2, 3])
    assert not at.exception
    assert link_to_compare(at, "Compare the selected states") == [codes[i] for i in (0, 2, 3)]
    select_rows(at, [1])
    assert "select at least one more row" in at.info[0].value
    assert "Compare the selected states" not in [x.proto.label for x in at.get("page_link")]
    select_rows(at, [0, 1, 2, 3, 4, 5])
    assert "6 rows are selected" in at.info[0].value and "unselect 2" in at.info[0].value
    assert "Compare the selected states" not in [x.proto.label for x in at.get("page_link")]
