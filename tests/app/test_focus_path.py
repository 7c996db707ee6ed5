"""One focus across pages: chosen on the map, it is the outreach filter, the breakdown's grouping
and the briefing pack's focus, through the menu (no parameters) and through the pages' links."""

from ui.text import md

from apptest import open_page
from ui_fixtures import shipped

AU = "org-african-union"


def through_the_menu(at, page: str):
    """Open another page as the navigation menu does: its links carry no parameters."""
    at.query_params.clear()
    at.switch_page(f"app_pages/{page}.py")
    return at.run()


def test_the_focus_chosen_on_the_map_follows_through_the_menu():
    at = open_page("map")
    at.selectbox(key="url-focus").set_value(AU).run()
    assert at.query_params["focus"] == AU

    at = through_the_menu(at, "outreach")
    assert at.selectbox(key="url-org").value == "african-union" and not at.warning
    rows = at.dataframe[0].value
    members = shipped().focus_frames[next(f for f in shipped().focus_frames if str(f) == AU)]
    assert set(rows["ISO3"]) <= members.members and rows["Rank"].iloc[0] == 1

    at = through_the_menu(at, "regions")
    assert at.query_params["by"] == "org"
    said = [m.value for m in at.markdown]
    assert any(line.startswith(md("4 of 54 African Union members have endorsed")) for line in said)
    assert f"focus={AU}" in page_links(at)["outreach"]

    at = through_the_menu(at, "briefing")
    assert at.selectbox(key="url-focus").value == AU
    assert at.query_params["focus"] == AU


def test_clearing_the_outreach_filter_is_the_world_on_the_next_page():
    at = open_page("outreach", org="african-union")
    at.selectbox(key="url-org").set_value("").run()
    assert "org" not in at.query_params
    at = through_the_menu(at, "map")
    assert at.selectbox(key="url-focus").value == "world" and "focus" not in at.query_params


def page_links(at) -> dict[str, str]:
    """Each page link of the run: its page (the address) and its query string."""
    return {element.proto.page: element.proto.query_string for element in at.get("page_link")}


def test_a_link_carries_the_focus_and_the_view():
    at = open_page("map", focus=AU, instrument="us-political-declaration")
    links = page_links(at)
    assert set(links) >= {"regions", "outreach", "briefing"}
    for page in ("regions", "outreach", "briefing"):
        assert f"focus={AU}" in links[page] and "instrument=us-political-declaration" in links[page]
    at = open_page("map")  # on the world: the menu is the way on
    assert not set(page_links(at)) & {"regions", "outreach", "briefing"}


def test_the_headline_gives_the_figure_of_the_focus_and_of_the_view():
    at = open_page("map", focus=AU)
    cards = {metric.label: metric.value for metric in at.metric}
    assert cards["Endorsed: African Union"] == "4 of 54 (7%)"
    assert cards["Endorsed: the world"] == "58 of 195 (30%)"
    assert md("Endorsed: African Union: 4 of 54 (7%) · source as of 16 February 2023") in [
        m.value for m in at.markdown
    ]  # the one line a phone shows instead of the cards
    at = open_page("map", compare="us-political-declaration,reaim-2023-call-to-action")
    labels = [metric.label for metric in at.metric]
    assert labels[0].startswith("US Political Declaration, not Call to Action")
    assert "Source as of" in labels
    world = open_page("map")
    assert next(m.label for m in world.metric) == "States that endorsed, of the 195 in scope"
    assert open_page("country", iso3="KEN").metric[0].label == world.metric[0].label
