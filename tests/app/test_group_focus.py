"""A group the user made (?group=…&group_name=…) is a focus like any other on every page."""

import re

from apptest import maps, open_page

ROOM = {"group": "KEN,NGA,GHA,SEN,ZAF,MAR,RWA", "group_name": "Nairobi consultation"}


def plain(text: str) -> str:
    """Markdown as read: without its escapes."""
    return re.sub(r"\\(.)", r"\1", text)


def legend(at) -> list[str]:
    return [t["name"] for t in maps(at)[0]["figure"]["data"] if t.get("showlegend")]


def test_the_map_zooms_to_the_group_and_counts_its_members():
    at = open_page("map", **ROOM)
    assert not at.exception
    figure = maps(at)[0]["figure"]
    assert figure["layout"]["title"]["text"].endswith("in the group “Nairobi consultation”")
    assert legend(at)[:2] == ["Endorsed (2 of 7)", "Not endorsed (5 of 7)"]  # Morocco, Rwanda
    assert ("Endorsed: Nairobi consultation", "2 of 7 (29%)") in [
        (m.label, m.value) for m in at.metric
    ]
    said = "\n".join(plain(m.value) for m in at.markdown)
    assert "Morocco and Rwanda" in said
    assert (  # the sentence to read out names the room, not "Nairobi consultation members"
        "2 of 7 (29%) states in the group “Nairobi consultation” have endorsed the Call to "
        "Action (REAIM 2023)" in said
    )
    assert dict(at.query_params) == {
        "group": "GHA,KEN,MAR,NGA,RWA,SEN,ZAF",
        "group_name": "Nairobi consultation",
    }
    assert at.selectbox(key="url-focus").value == "group-GHA,KEN,MAR,NGA,RWA,SEN,ZAF"


def test_choosing_a_preset_leaves_the_group_out_of_the_url():
    at = open_page("map", **ROOM)
    at.selectbox(key="url-focus").set_value("org-nato").run()
    assert "group" not in at.query_params and at.query_params["focus"] == "org-nato"


def test_unknown_codes_are_dropped_with_a_notice_and_none_left_is_the_world():
    at = open_page("map", group="KEN,XYZ,gha")
    (warning,) = [w.value for w in at.warning]
    assert "XYZ" in warning and "keeps the others" in warning
    assert at.query_params["group"] == "GHA,KEN"
    at = open_page("map", group="XYZ,QQQ")
    (warning,) = [w.value for w in at.warning]
    assert "none of these codes is a state in scope" in warning
    assert "group" not in at.query_params and legend(at)[0] == "Endorsed (58)"


def test_the_briefing_page_presentation_and_since_work_for_the_group():
    at = open_page("briefing", **ROOM)
    assert not at.exception
    assert ("Endorsed: Nairobi consultation", "2 of 7 (29%)") in [
        (m.label, m.value) for m in at.metric
    ]
    at = open_page("map", present="1", **ROOM)
    assert not at.exception and maps(at)
    at = open_page("map", since="2023-12-22", **ROOM)
    (said,) = [m.value for m in at.markdown if m.value.startswith("Since")]
    assert "Nairobi consultation" in said and "Kenya" in said


def test_an_unnamed_group_is_said_to_be_yours_in_every_language():
    said = {
        lang: "\n".join(
            plain(m.value) for m in open_page("map", group="KEN,NLD", lang=lang).markdown
        )
        for lang in ("en", "fr", "es")
    }
    assert "1 of 2 (50%) states in your group has endorsed" in said["en"]
    assert "États de votre groupe" in said["fr"] and "Estados de su grupo" in said["es"]
