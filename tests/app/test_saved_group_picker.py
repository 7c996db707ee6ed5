"""Saved groups in the app: an editor saves the group in view, every session with a role finds it
in the focus picker, editors rename and delete it; a session without a role never sees one."""

import pytest

from plan.access import LAPTOP_USER
from ui import cache
from ui.text import inert

from apptest import maps, open_page

ROOM = {"group": "KEN,NGA,GHA,SEN,ZAF,MAR,RWA", "group_name": "Nairobi consultation"}
CODES = ["GHA", "KEN", "MAR", "NGA", "RWA", "SEN", "ZAF"]
SECRET = "Talks with the G77 hawks, March 2027"  # a name that tells too much


def signed_in(monkeypatch, email: str | None) -> None:
    """Sign-in configured; ``email`` signed in with a verified address (None: nobody is)."""
    monkeypatch.setattr("ui.widgets.plan_session.login_configured", lambda: True)
    claims = {"email": email, "email_verified": True} if email else None
    monkeypatch.setattr("ui.widgets.plan_session.signed_in_user", lambda: claims)


def texts(at) -> str:
    kinds = ("markdown", "caption", "info", "error", "warning", "success", "subheader")
    return "\n".join(str(e.value) for kind in kinds for e in getattr(at, kind))


def picker(at):
    return at.selectbox(key="url-focus")


def labels(at) -> list[str]:
    return list(picker(at).options)


def controls(at) -> list[str]:
    """The keys of the widgets that save, rename or delete a saved group."""
    widgets = [*at.text_input, *at.button]
    return [w.key for w in widgets if w.key and w.key.startswith("saved-group")]


@pytest.fixture
def team(plan_db):
    """The plan with a viewer, an editor and one group the editor saved."""
    service = cache.plan_service()
    service.add_user("viewer@example.org", "viewer")
    service.add_user("editor@example.org", "editor")
    return service, service.save_group(SECRET, CODES, "editor@example.org")


def test_an_editor_saves_the_group_in_view_for_the_team(plan_db):
    at = open_page("map", **ROOM)  # laptop mode: the local user has every role
    assert not at.exception
    assert picker(at).value == "group-GHA,KEN,MAR,NGA,RWA,SEN,ZAF"
    name = at.text_input(key="saved-group-new-GHA,KEN,MAR,NGA,RWA,SEN,ZAF")
    assert name.value == "Nairobi consultation"  # the group's own name, offered
    name.input("Nairobi consultation, March 2027").run()
    at.button(key="saved-group-new-GHA,KEN,MAR,NGA,RWA,SEN,ZAF-button").click().run()
    assert not at.exception and not at.error
    (saved,) = cache.plan_service().groups()
    assert (saved.name, list(saved.codes), saved.created_by) == (
        "Nairobi consultation, March 2027",
        CODES,
        LAPTOP_USER,
    )
    assert [(e.field, e.new) for e in reversed(cache.plan_service().group_events())] == [
        ("name", "Nairobi consultation, March 2027"),
        ("codes", ",".join(CODES)),
    ]
    assert any("Saved" in s.value and "7 states" in s.value for s in at.success)
    assert picker(at).value == f"saved-{saved.id}"  # the picker shows the saved group at once
    assert "Saved group · Nairobi consultation, March 2027" in labels(at)
    assert not any(label.startswith("Your group") for label in labels(at))
    assert dict(at.query_params) == {  # the URL still carries codes and name only
        "group": ",".join(CODES),
        "group_name": "Nairobi consultation, March 2027",
    }
    assert "saved by" in texts(at)


@pytest.mark.parametrize("page", ["regions", "outreach"])
def test_the_group_in_view_is_saved_from_the_regions_and_outreach_pages_too(plan_db, page):
    at = open_page(page, **ROOM)
    assert not at.exception
    at.button(key="saved-group-new-GHA,KEN,MAR,NGA,RWA,SEN,ZAF-button").click().run()
    assert not at.exception and not at.error
    (saved,) = cache.plan_service().groups()
    assert (saved.name, list(saved.codes)) == ("Nairobi consultation", CODES)
    assert any("Saved" in s.value and "7 states" in s.value for s in at.success)
    assert "saved by" in texts(at) and controls(at) != []  # the editor may rename it now


def test_a_second_session_with_a_role_picks_the_saved_group(team, monkeypatch):
    _service, saved = team
    signed_in(monkeypatch, "viewer@example.org")
    at = open_page("map")
    assert not at.exception
    assert labels(at)[:2] == ["World", f"Saved group · {SECRET}"]  # first after the world
    picker(at).set_value(f"saved-{saved.id}").run()
    assert not at.exception
    assert dict(at.query_params) == {"group": ",".join(CODES), "group_name": SECRET}
    assert maps(at)[0]["figure"]["layout"]["title"]["text"].endswith(f"in the group “{SECRET}”")
    assert "saved by" in texts(at) and inert("editor@example.org") in texts(at)
    assert controls(at) == []  # a viewer reads; only editors rename and delete
    briefing = open_page("briefing", focus=f"saved-{saved.id}")  # chosen by its id
    assert not briefing.exception and not briefing.warning
    assert picker(briefing).value == f"saved-{saved.id}"
    assert briefing.query_params["group_name"] == SECRET and "focus" not in briefing.query_params
    regions = open_page("regions", focus=f"saved-{saved.id}")  # a page without a picker
    assert not regions.exception and not regions.warning
    assert regions.query_params["group"] == ",".join(CODES)


@pytest.mark.parametrize("who", [None, "nobody@example.org"], ids=["anonymous", "no role"])
def test_a_session_without_a_role_never_sees_a_saved_group(team, monkeypatch, who):
    _service, saved = team
    signed_in(monkeypatch, who)
    at = open_page("map")
    assert not at.exception
    assert not any(SECRET in label or "Saved group" in label for label in labels(at))
    at = open_page("map", focus=f"saved-{saved.id}")  # its id tells nothing either
    (warning,) = [w.value for w in at.warning]
    assert f"saved-{saved.id}" in warning and "not a known value" in warning
    assert SECRET not in texts(at) and picker(at).value == "world"
    regions = open_page("regions", focus=f"saved-{saved.id}")
    assert SECRET not in texts(regions) and "group" not in regions.query_params
    shared = open_page("map", group=",".join(CODES), group_name="Shared link")  # codes only
    assert picker(shared).value == "group-" + ",".join(CODES)
    assert not any(SECRET in label for label in labels(shared))
    assert SECRET not in texts(shared) and controls(shared) == []
    assert "saved by" not in texts(shared)
    for page in ("regions", "outreach"):
        shared = open_page(page, group=",".join(CODES), group_name="Shared link")
        assert not shared.exception and controls(shared) == []
        assert SECRET not in texts(shared) and "saved by" not in texts(shared)


def test_an_editor_renames_then_deletes_and_each_change_is_an_event(team, monkeypatch):
    service, saved = team
    signed_in(monkeypatch, "editor@example.org")
    at = open_page("map", group=",".join(CODES), group_name=SECRET)
    assert picker(at).value == f"saved-{saved.id}"
    key = f"saved-group-rename-{saved.id}-1"
    at.text_input(key=key).input("Nairobi, 12 March").run()
    at.button(key=f"{key}-button").click().run()
    assert not at.exception and not at.error
    assert service.group(saved.id).name == "Nairobi, 12 March"
    assert at.query_params["group_name"] == "Nairobi, 12 March"
    assert picker(at).value == f"saved-{saved.id}"
    assert "Saved group · Nairobi, 12 March" in labels(at)
    at.button(key=f"saved-group-rename-{saved.id}-2-delete").click().run()
    assert not at.exception and not at.error
    assert service.groups() == [] and service.group(saved.id).deleted
    assert picker(at).value == "group-" + ",".join(CODES)  # the states stay in view, unsaved
    assert at.query_params["group_name"] == "Nairobi, 12 March"
    assert [(e.who, e.field, e.old, e.new) for e in reversed(service.group_events(saved.id))][
        2:
    ] == [
        ("editor@example.org", "name", SECRET, "Nairobi, 12 March"),
        ("editor@example.org", "name", "Nairobi, 12 March", ""),
        ("editor@example.org", "codes", ",".join(CODES), ""),
    ]


def test_a_colleagues_change_meanwhile_is_refused_and_said(team, monkeypatch):
    service, saved = team
    signed_in(monkeypatch, "editor@example.org")
    at = open_page("map", group=",".join(CODES), group_name=SECRET)
    key = f"saved-group-rename-{saved.id}-1"
    at.text_input(key=key).input("Mine").run()
    service.rename_group(saved.id, "Theirs", 1, "other@example.org")  # after the page showed it
    at.button(key=f"{key}-button").click().run()
    assert not at.exception
    (error,) = [e.value for e in at.error]
    assert inert("other@example.org") in error and "nothing was changed" in error
    assert service.group(saved.id).name == "Theirs" and service.group(saved.id).version == 2


def test_a_name_taken_is_refused_and_said(team, monkeypatch):
    signed_in(monkeypatch, "editor@example.org")
    at = open_page("map", **ROOM)
    key = "saved-group-new-GHA,KEN,MAR,NGA,RWA,SEN,ZAF"
    at.text_input(key=key).input(SECRET.upper()).run()
    at.button(key=f"{key}-button").click().run()
    assert not at.exception
    assert any("already named" in e.value for e in at.error)
    assert len(cache.plan_service().groups()) == 1


def test_a_broken_plan_database_leaves_the_picker_with_the_presets(plan_db, monkeypatch):
    monkeypatch.setenv("REAIM_DATABASE_URL", "postgresql+psycopg://x@127.0.0.1:9/none")
    cache.plan_service.clear()
    at = open_page("map", **ROOM)
    assert not at.exception and not at.error
    assert picker(at).value == "group-GHA,KEN,MAR,NGA,RWA,SEN,ZAF"
    assert not any("Saved group" in label for label in labels(at))


def test_a_group_without_a_name_is_not_saved(plan_db):
    at = open_page("map", group="KEN,NGA")
    key = "saved-group-new-KEN,NGA"
    assert at.text_input(key=key).value == ""
    at.button(key=f"{key}-button").click().run()
    assert not at.exception
    assert any("Give the group a name first" in e.value for e in at.error)
    assert cache.plan_service().groups() == []


def test_a_visitor_who_is_not_signed_in_costs_the_plan_database_nothing(monkeypatch):
    signed_in(monkeypatch, None)
    opened = []
    monkeypatch.setattr(cache, "plan_service", lambda: opened.append(1))
    at = open_page("map", **ROOM)
    assert not at.exception and opened == []
    assert picker(at).value == "group-GHA,KEN,MAR,NGA,RWA,SEN,ZAF"
