"""A group the user made (?group=…) on the regions and outreach pages: the breakdown of its
members, the outreach list ranked within it, the world rank beside, and the way back to every
state."""

import re
from urllib.parse import parse_qs, urlsplit

from apptest import open_page
from ui_fixtures import shipped

DATA = shipped()
ROOM = {"group": "FRA,GHA,KEN,KOR,MAR,NGA,RWA,SEN,ZAF", "group_name": "Nairobi consultation"}


def plain(text: str) -> str:
    """Markdown as read: without its escapes and bold marks."""
    return re.sub(r"\\(.)", r"\1", text).replace("**", "")


def ranking(at):
    """The outreach list of a run."""
    return next(d.value for d in at.dataframe if "ISO3" in d.value.columns)


def test_the_regional_breakdown_counts_only_the_groups_members():
    group = set(ROOM["group"].split(","))
    at = open_page("regions", **ROOM)
    assert not at.exception, at.exception
    table = at.dataframe[0].value
    assert table["Members"].sum() == len(group)  # each member in one region
    assert list(table["Group"]) == ["Africa", "Asia", "Europe"]
    (in_africa,) = [g.codes & group for g in DATA.groupings["region"] if g.label == "Africa"]
    africa = table.set_index("Group").loc["Africa"]
    assert (africa["Members"], africa["Endorsed"]) == (7, len(in_africa & DATA.endorsers))
    said = "\n".join(plain(m.value) for m in at.markdown)
    assert "members of the group “Nairobi consultation” (Africa) have endorsed" in said
    assert "Asia: Republic of Korea, the one member of the group “Nairobi consultation”" in said
    assert "Only “Nairobi consultation” is shown: 9 states." in said

    links = dict(zip(table["Group"], table["Map"], strict=True))  # "Show on map" per row
    assert parse_qs(urlsplit(links["Africa"]).query) == {
        "group": [",".join(sorted(in_africa))],
        "group_name": ["Nairobi consultation · Africa"],
    }
    assert parse_qs(urlsplit(links["Asia"]).query)["group"] == ["KOR"]

    at = open_page("regions", by="org", **ROOM)
    table = at.dataframe[0].value.set_index("Group")
    for org in DATA.groupings["org"]:
        inside = len(org.codes & group)
        assert table["Members"].get(org.label, 0) == inside, org.label

    at.button(key="your-group-leave").click().run()
    assert "group" not in at.query_params
    assert at.dataframe[0].value["Members"].sum() > 150  # every state again


def test_the_outreach_list_ranks_within_the_group_with_the_world_rank_beside():
    world = ranking(open_page("outreach")).set_index("ISO3")["Rank"]
    at = open_page("outreach", **ROOM)
    assert not at.exception, at.exception
    rows = ranking(at)
    expected = set(ROOM["group"].split(",")) - DATA.endorsers
    assert set(rows["ISO3"]) == expected
    assert sorted(rows["Rank"]) == list(range(1, len(expected) + 1))
    assert dict(zip(rows["ISO3"], rows["World rank"], strict=True)) == {
        code: world[code] for code in expected
    }
    said = "\n".join(plain(m.value) for m in at.markdown)
    assert (
        f"{len(expected)} of the 137 states that have not endorsed match: members of your "
        "group “Nairobi consultation”." in said
    )


def test_a_group_none_of_whose_states_is_in_an_organisation_says_so():
    at = open_page("regions", by="org", group="ISR")  # Israel: in none of the organisations listed
    assert not at.exception, at.exception
    assert [i.value for i in at.info] == ["No state of your group belongs to a group of this kind."]
    assert at.dataframe[0].value.empty


def test_the_instruments_matrix_keeps_the_group_as_its_filter():
    at = open_page("instruments", **ROOM)
    assert not at.exception, at.exception
    said = "\n".join(plain(m.value) for m in at.markdown)
    assert "9 of " in said and "match: members of your group “Nairobi consultation”." in said
    assert at.query_params["group"] == ROOM["group"]
