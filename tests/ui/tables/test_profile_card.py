"""The country profile's card in words: peers by name, badges, the outreach sentence."""

from i18n.translate import use
from instruments.matrix import supporters
from instruments.model import CALL_TO_ACTION
from store.groups import Group, Member
from ui.tables.outreach import ranks
from ui.tables.priority import default_weights, priorities
from ui.tables.profile import groups_of
from ui.tables.profile_card import NAMED, badge, peer_lines, rank_sentence, supporting_peers

from ui_fixtures import shipped


def group(size: int) -> Group:
    """A made-up organisation of ``size`` members, S00 first."""
    members = tuple(Member(f"S{i:02}", f"State {i:02}") for i in range(size))
    return Group("test", "Test Union", "org", members)


def test_peers_leave_out_the_state_and_name_the_supporters_in_order():
    made_up = group(5)
    (peers,) = supporting_peers("S00", [made_up], {"S00", "S03", "S01"})
    assert peers.others == 4 and peers.names == ("State 01", "State 03")
    assert peers.line() == "**Test Union** (2 of 4): State 01 and State 03"
    (none,) = supporting_peers("S00", [made_up], set())
    assert none.line() == "**Test Union** (0 of 4): none"
    assert supporting_peers("S00", [group(1)], {"S00"}) == []  # a group of one has no peers


def test_a_long_list_names_the_first_and_counts_the_rest():
    made_up = group(NAMED + 4)
    (peers,) = supporting_peers("S00", [made_up], {m.iso3 for m in made_up.members})
    assert peers.line().endswith(f"State {NAMED:02} and 3 others")
    with use("fr"):
        assert peers.line().endswith(f"State {NAMED:02} et 3 autres")


def test_kenyas_peers_in_the_african_union():
    data = shipped()
    endorsed = supporters(data.matrix, data.catalogue[CALL_TO_ACTION])
    lines = [p.line() for p in supporting_peers("KEN", groups_of("KEN", data.groupings), endorsed)]
    assert "**African Union** (4 of 53): Morocco, Rwanda, Tunisia and Zimbabwe" in lines


def test_groups_with_the_very_same_other_members_share_one_line_where_the_first_stood():
    members = group(5).members
    first, same, fewer = (
        Group("first", "First Union", "org", members),
        Group("same", "Same Group", "ungroup", members),
        Group("fewer", "Fewer Union", "org", members[:4]),
    )
    peers = supporting_peers("S00", [fewer, first, same], {"S01", "S04"})
    assert peer_lines(peers) == [
        "**Fewer Union** (1 of 3): State 01",
        "**First Union and Same Group** (2 of 4): State 01 and State 04",
    ]
    with use("fr"):
        assert peer_lines(peers)[1].startswith("**First Union et Same Group** (2 sur 4)")


def test_kenyas_african_groups_are_one_line_and_its_subregion_its_own():
    data = shipped()
    endorsed = supporters(data.matrix, data.catalogue[CALL_TO_ACTION])
    lines = peer_lines(supporting_peers("KEN", groups_of("KEN", data.groupings), endorsed))
    assert lines[0] == (
        "**Africa, African Group and African Union** (4 of 53): "
        "Morocco, Rwanda, Tunisia and Zimbabwe"
    )
    assert lines[1] == "**Sub\\-Saharan Africa** (2 of 47): Rwanda and Zimbabwe"
    assert len(lines) == len(set(lines)) == 4  # with the Non-Aligned Movement, the Commonwealth


def test_badges_tell_support_from_undecided_and_not():
    data = shipped()
    call = data.catalogue[CALL_TO_ACTION]
    blueprint = data.catalogue["reaim-2024-blueprint-for-action"]
    assert badge(call, "endorsed", True).startswith(":blue-badge[:material/check_circle: ")
    assert badge(call, "not endorsed", False) == (
        ":orange-badge[:material/radio_button_unchecked: Not endorsed]"
    )
    assert badge(blueprint, "unknown", False).startswith(":gray-badge[:material/help: ")


def test_the_outreach_sentence_gives_the_rank_among_every_non_endorser():
    data = shipped()
    names = data.table.set_index("iso3")["name"]
    ranked = priorities(data.signals, default_weights(data.terms), names, data.terms)
    said = rank_sentence("KEN", ranked)
    assert said.startswith(f"**Kenya** is ranked **{ranks(ranked)['KEN']}** of the 137 states")
    assert f"score of **{ranked.loc['KEN', 'score']:.1f}**" in said
    assert rank_sentence("NLD", ranked) == ""  # an endorser has no rank
