"""The Focus value: one format and one parse, as the dashboard's URL writes them."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from store.focus import WORLD_FOCUS, Focus
from store.groups import GroupKind

from ui_fixtures import shipped

GROUP_IDS = st.from_regex(r"[a-z0-9]+(-[a-z0-9]+)*", fullmatch=True)


@given(st.sampled_from(list(GroupKind)), GROUP_IDS)
def test_parse_reads_what_str_writes(kind: GroupKind, group_id: str):
    focus = Focus(kind, group_id)
    assert Focus.parse(str(focus)) == focus and str(focus) == f"{kind.value}-{group_id}"


def test_the_world_is_written_world():
    assert str(WORLD_FOCUS) == "world" and Focus.parse("world") == WORLD_FOCUS
    assert WORLD_FOCUS.is_world and not Focus.parse("org-nato").is_world


@pytest.mark.parametrize(
    "text", ["", "world-x", "org", "org-", "continent-africa", "-nato", "World", "ORG-nato"]
)
def test_not_a_focus_is_refused(text: str):
    with pytest.raises(ValueError, match="unknown focus"):
        Focus.parse(text)


def test_unknown_groups_are_refused_with_the_valid_keys():
    known = [WORLD_FOCUS, Focus("org", "nato")]
    with pytest.raises(ValueError, match="Valid focus keys: world, org-nato"):
        Focus.parse("org-au", known)
    assert Focus.parse("org-nato", known) == Focus(GroupKind.ORG, "nato")


def test_url_params_select_it_as_the_pages_read_them():
    assert Focus("org", "au").url_params() == {"focus": "org-au"}
    assert WORLD_FOCUS.url_params() == {"focus": "world"}


def test_every_preset_key_round_trips():
    frames = shipped().focus_frames
    assert next(iter(frames)) == WORLD_FOCUS and len(frames) > 40
    for focus, frame in frames.items():
        assert Focus.parse(str(focus), frames) == focus and frame.focus == focus


def test_a_user_group_is_its_sorted_codes_and_its_name():
    group = Focus.of_group(["nga", "KEN", "GHA", "KEN", " "], "  Nairobi   consultation ")
    assert str(group) == "group-GHA,KEN,NGA" and group.codes == ("GHA", "KEN", "NGA")
    assert group.name == "Nairobi consultation" and group.is_group
    assert group.url_params() == {"group": "GHA,KEN,NGA", "group_name": "Nairobi consultation"}
    assert Focus.parse("group-NGA,GHA,KEN") == Focus.of_group(["GHA", "KEN", "NGA"])
    assert Focus.of_group(["KEN"]).url_params() == {"group": "KEN"}  # no name, no parameter


@pytest.mark.parametrize(
    "codes",
    [
        [],
        ["KENYA"],
        ["KE1"],
        ["ken"] * 0,
        [f"A{chr(65 + i // 26)}{chr(65 + i % 26)}" for i in range(201)],
    ],
)
def test_a_user_group_refuses_what_is_not_a_list_of_codes(codes):
    with pytest.raises(ValueError):
        Focus.of_group(codes)
    with pytest.raises(ValueError):
        Focus("group", "KEN,GHA")  # not sorted: one group, one spelling
