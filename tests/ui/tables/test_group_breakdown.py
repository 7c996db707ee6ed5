"""A group the user made, in the pure tables: the regional breakdown of its members and the
outreach filters it sets."""

import pytest

from store.focus import Focus
from store.groups import GroupKind
from ui.tables.coverage import breakdown, of_group, sentence, within
from ui.tables.outreach import Filters, filter_params, focus_of, matching

from ui_fixtures import shipped

DATA = shipped()
UNIVERSE = DATA.table[DATA.table["in_universe"]]
ROOM = Focus.of_group(["KEN", "NGA", "GHA", "SEN", "ZAF", "MAR", "RWA", "KOR", "FRA"], "Nairobi")
UNNAMED = Focus.of_group(ROOM.codes)


@pytest.mark.parametrize("kind", list(GroupKind))
def test_each_group_keeps_only_the_members_of_the_users_group(kind):
    restricted = within(DATA.groupings[kind], ROOM.codes)
    every = {g.group_id: g for g in DATA.groupings[kind]}
    for group in restricted:
        assert group.members and not group.outside
        assert group.codes == every[group.group_id].codes & set(ROOM.codes)
    left_out = set(every) - {g.group_id for g in restricted}
    assert all(not every[g].codes & set(ROOM.codes) for g in left_out)
    if kind != GroupKind.ORG:  # each state in exactly one region, sub-region, UN group
        assert sum(len(g.members) for g in restricted) == len(ROOM.codes)


def test_the_breakdowns_sentences_say_they_count_the_groups_members():
    table = breakdown(within(DATA.groupings["region"], ROOM.codes), DATA.endorsers, ROOM)
    said = dict(zip(table["Group"], table["Sentence"], strict=True))
    assert said["Africa"].startswith("2 of 7 members of the group “Nairobi” (Africa) have ")
    assert said["Asia"] == (
        "Asia: Republic of Korea, the one member of the group “Nairobi”, has endorsed."
    )
    (asia,) = within(DATA.groupings["region"], ["KOR"])
    assert sentence(asia, set(), UNNAMED) == (
        "Asia: Republic of Korea, the one member of your group, has not endorsed yet."
    )
    assert sentence(asia, {"KOR"}, UNNAMED).endswith("the one member of your group, has endorsed.")
    (africa,) = within(DATA.groupings["region"], ["KEN", "GHA"])
    assert sentence(africa, set(), UNNAMED) == (
        "None of the 2 members of your group (Africa) has endorsed yet."
    )
    assert of_group("By region", ROOM) == "By region: members of the group “Nairobi” only"
    assert of_group("By region", UNNAMED) == "By region: members of your group only"


def test_the_outreach_filters_keep_the_group_and_give_it_back():
    filters = Filters(group=ROOM)
    assert filters.active
    assert set(matching(UNIVERSE, {}, filters)["iso3"]) == set(ROOM.codes)
    assert filters.describe() == "members of your group “Nairobi”"
    assert Filters(group=UNNAMED, region="Africa").describe() == (
        "members of your group; region Africa (UN M49)"
    )
    assert set(matching(UNIVERSE, {}, Filters(group=ROOM, region="Africa"))["iso3"]) == {
        "KEN",
        "NGA",
        "GHA",
        "SEN",
        "ZAF",
        "MAR",
        "RWA",
    }
    assert focus_of(filters, DATA.groupings) == ROOM
    assert filter_params(ROOM, UNIVERSE) == ROOM.url_params()
