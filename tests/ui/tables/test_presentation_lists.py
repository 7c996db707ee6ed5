"""The lists presentation mode shows beside the map: the focus's endorsers by name, in
alphabetical order and the interface language; the focus's first outreach priorities."""

from briefing.pack import build_pack, map_of
from i18n.collation import sort_key
from i18n.translate import use
from instruments.view import View
from store.focus import Focus
from store.groups import Group, Member
from ui.tables.dataset import load_dataset
from ui.tables.headline import focus_group
from ui.tables.presentation_lists import leading_names
from ui.tables.priority import default_weights, priorities

from conftest import REPO
from ui_fixtures import shipped

AU = Focus.parse("org-african-union")
SUSPENDED = "SUSPENDED since 31 Jan 2022 (coup)"  # a membership note, as the AU's file has it


class Tally:
    """The two things leading_names asks of a MapView: the categories and each state's."""

    categories = ("endorsed", "not-endorsed", "outside")

    def __init__(self, endorsed: set[str]) -> None:
        self.endorsed = endorsed

    def category_of(self, code: str) -> str:
        return "endorsed" if code in self.endorsed else "not-endorsed"


def au_view(data):
    frame = data.focus_frames[AU]
    return map_of(data, View("reaim-2023-call-to-action"), frame), focus_group(data, frame)


def test_the_african_unions_endorsers_are_named():
    view, group = au_view(shipped())
    assert leading_names(view, group) == ("Morocco", "Rwanda", "Tunisia", "Zimbabwe")


def test_the_names_are_in_the_interface_language():
    with use("fr"):
        view, group = au_view(load_dataset(REPO / "data"))
        assert leading_names(view, group) == ("Maroc", "Rwanda", "Tunisie", "Zimbabwe")


def test_names_sort_without_regard_to_accents_and_carry_their_marker():
    group = Group(
        "g",
        "G",
        "organisation",
        (
            Member("ZMB", "Zambie"),
            Member("ARE", "Émirats arabes unis"),
            Member("BFA", "Burkina Faso", SUSPENDED, SUSPENDED),
            Member("EST", "Estonie"),
            Member("FIN", "Finlande"),
        ),
    )
    named = leading_names(Tally({"ZMB", "ARE", "BFA", "EST"}), group)
    assert named == ("Burkina Faso (suspended)", "Émirats arabes unis", "Estonie", "Zambie")
    assert list(named) == sorted(named, key=sort_key)


def test_the_first_priorities_are_the_outreach_lists_first_members():
    """Presentation mode names the pack's priorities: the outreach list's first members."""
    data = shipped()
    _view, group = au_view(data)
    names = data.table.set_index("iso3")["name"]
    ranked = priorities(data.signals, default_weights(data.terms), names, data.terms)
    members = ranked[ranked.index.isin(group.codes)]
    expected = tuple(members["name"].head(5))
    pack = build_pack(
        data, Focus.parse("org-african-union"), View("reaim-2023-call-to-action"), top=5
    )
    assert tuple(p.name for p in pack.priorities) == expected
    assert len(expected) == 5 and "Morocco" not in expected  # none has endorsed


def test_a_group_whose_members_all_endorsed_has_no_priorities():
    pack = build_pack(shipped(), Focus.parse("org-g7"), View("reaim-2023-call-to-action"), top=5)
    assert pack.priorities == ()
