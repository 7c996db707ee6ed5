"""The instrument model: the facts of an instrument are what its form answers."""

from dataclasses import fields

import pandas as pd
import pytest

from i18n.translate import use
from instruments import facts
from instruments.categories import Category
from instruments.forms import COMPLETE_LIST, FORMS, Form, Listing
from instruments.model import Instrument

from ui_fixtures import shipped

POSITIONS = pd.DataFrame(
    {
        "instrument": ["petition"] * 3,
        "iso3": ["AAA", "BBB", "XKX"],
        "name": ["Aland", "Bland", "Kosovo"],
        "in_universe": ["true", "true", "false"],
        "status": ["endorsed", "endorsed", "endorsed"],
        "note": ["", "", ""],
    }
)


class Petition(Form):
    """A made-up form that says everything in its own words."""

    recurring = True

    def did_by(self, instrument: str, count: int) -> str:
        return f"signed {instrument}"

    def have_done(self, instrument: str) -> str:
        return f"signed {instrument}"

    def figures(self, listing: Listing) -> list[tuple[str, str]]:
        return [("Signatures", str(listing.count(self.positive)))]

    def headline(self, listing: Listing) -> str:
        return f"{len(listing.rows)} signatures, {sum(r.in_scope for r in listing.rows)} in scope"

    def caveats(self, listing: Listing) -> list[str]:
        return ["Signatures are not endorsements.", *super().caveats(listing)]

    def unnamed_caveat(self, reported: str, named: int) -> str:
        return f"{named} of {reported} signatures are public."

    def standing(self, supporters: int, members: int, reported: str) -> str:
        return f"{supporters} of {members} signed"


FIELDS = {field.name: getattr(COMPLETE_LIST, field.name) for field in fields(Form)}
INSTRUMENT = Instrument(
    id="petition",
    title="A petition",
    short_title="Petition",
    form=Petition(**FIELDS | {"key": "petition"}),
    as_of="2026-01-01",
    opened="2025-01-01",
    source_url="https://example.test",
    source_note="",
    licence="",
    confidence="",
    reported_total="9",
    priority_weight="",
    source_line="",
)


def test_the_facts_of_an_instrument_are_what_its_form_answers():
    assert facts.figures(INSTRUMENT, POSITIONS) == [("Signatures", "3")]
    assert facts.headline(INSTRUMENT, POSITIONS) == "3 signatures, 2 in scope"
    assert facts.caveats(INSTRUMENT, POSITIONS)[0] == "Signatures are not endorsements."
    assert "Kosovo is listed as endorsed but is outside" in facts.caveats(INSTRUMENT, POSITIONS)[1]
    assert facts.partial_caveat(INSTRUMENT, 3) == "3 of 9 signatures are public."
    assert facts.standing(INSTRUMENT, 2, 4) == "2 of 4 signed"
    assert facts.latest_vote([INSTRUMENT]) == INSTRUMENT


@pytest.mark.parametrize("method", ["figures", "headline", "standing", "did_by", "have_done"])
def test_a_form_cannot_be_made_without_its_words(method):
    """A new form must say its figures, headline, standing and verbs: no branch falls back."""
    words = {name: getattr(Petition, name) for name in Form.__abstractmethods__ - {method}}
    incomplete = type("Incomplete", (Form,), words)
    with pytest.raises(TypeError, match=method):
        incomplete(**FIELDS)


def test_only_recorded_votes_recur_and_only_lists_of_endorsers_can_be_joined_later():
    assert [key for key, form in FORMS.items() if form.recurring] == ["recorded-vote"]
    assert [key for key, form in FORMS.items() if form.joinable] == [
        "complete-list",
        "partial-list",
    ]  # a vote is held, a draft tabled, a statement delivered: once


def test_only_a_committee_vote_names_no_supporter():
    assert [key for key, form in FORMS.items() if not form.names_supporters] == ["committee-vote"]


def test_a_partial_lists_named_states_are_in_the_language_of_the_page_and_its_order():
    """Seen on the French pages: "seuls 10 sont cités (France, Germany, Japan…)"."""
    from i18n.translate import use
    from instruments.facts import caveats

    in_order = {
        "fr": ["Allemagne", "États-Unis", "France"],  # accent-blind: É among the E's
        "es": ["Alemania", "Estados Unidos", "Francia"],
        "en": ["France", "Germany", "Japan"],
    }
    for language, names in in_order.items():
        with use(language):
            data = shipped(language)
            partial = next(i for i in data.catalogue.values() if i.form.key == "partial-list")
            first = caveats(partial, data.positions)[0]
        where = [first.index(name) for name in names]
        assert where == sorted(where), (language, first)
        assert language == "en" or "Germany" not in first


def test_categories_have_stable_ids_apart_from_their_translated_names():
    assert [str(c) for c in FORMS["complete-list"].categories] == [
        "endorsed",
        "unconfirmed",
        "not-endorsed",
        "not-in-scope",
    ]
    assert Category.NOT_ENDORSED.label == "Not endorsed"
    with use("fr"):
        assert Category.NOT_ENDORSED.label not in ("Not endorsed", "not-endorsed")
