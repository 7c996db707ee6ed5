"""The suggested ask per state, clause by clause against the facts the test reads from the data."""

from dataclasses import replace
from datetime import date

import pandas as pd
import pytest

from i18n.translate import use
from instruments.forms import ABSTAIN, NO
from instruments.matrix import supporters
from instruments.model import CALL_TO_ACTION, Instrument
from instruments.prose import join_names
from store.groups import GroupKind
from ui.tables.ask import DIRECT, DISSENT, PEERS, QUESTION, SUPPORT, Ask, suggested_ask
from ui.tables.dataset import Dataset, on
from ui.tables.priority import best_organisation

from ui_fixtures import shipped

BLUEPRINT = "reaim-2024-blueprint-for-action"  # a partial list: the named endorsers only
# Kenya: a direct ask; India: votes yes, no and abstain; Switzerland: the Call to Action and more
# endorsed, unconfirmed on the Blueprint; China: the Call to Action endorsed, named as not
# endorsing the Blueprint.
STATES = ("KEN", "IND", "CHE", "CHN")
EACH = pytest.mark.parametrize(
    ("iso3", "language"), [(s, lang) for s in STATES for lang in ("en", "fr", "es")]
)


def dataset(language: str) -> Dataset:
    """The shipped dataset, built in a language."""
    return shipped(language)


def ask_in(language: str, iso3: str) -> tuple[Dataset, Ask | None]:
    """The dataset in a language, and the state's ask made in it."""
    data = dataset(language)
    with use(language):
        return data, suggested_ask(data, iso3)


def existing(data: Dataset) -> list[Instrument]:
    return [i for i in data.catalogue.values() if i.exists_on(data.day)]


def expected_target(data: Dataset, iso3: str) -> Instrument | None:
    """The Call to Action if not supported, else the newest joinable instrument not supported,
    those the source says it has not joined before those it leaves unknown."""
    row = data.matrix.loc[iso3]
    open_to = [i for i in existing(data) if i.form.joinable and not i.form.supports(row[i.id])]
    call = [i for i in open_to if i.id == CALL_TO_ACTION]
    newest = sorted(open_to, key=lambda i: i.opened, reverse=True)
    newest.sort(key=lambda i: i.form.undecided(row[i.id]))
    return (call or newest or [None])[0]


def cited(ask: Ask, kind: str) -> dict[str, str]:
    """The instruments the clauses of one kind rest on, with the status each gives."""
    return {f.instrument: f.status for c in ask.clauses if c.kind == kind for f in c.facts}


def positions_of(data: Dataset, iso3: str, target: Instrument) -> tuple[dict, dict]:
    """What the state supports and where it dissents (voted no, abstained, named as not
    endorsing), the target left out, read from the matrix."""
    row = data.matrix.loc[iso3]
    others = [i for i in existing(data) if i is not target]
    support = {i.id: row[i.id] for i in others if i.form.supports(row[i.id])}
    dissent = {
        i.id: row[i.id]
        for i in others
        if row[i.id] in i.form.listed and row[i.id] in (NO, ABSTAIN, "not endorsed")
    }
    return support, dissent


@EACH
def test_each_clause_rests_on_the_states_own_positions(iso3, language):
    data, ask = ask_in(language, iso3)
    target = expected_target(data, iso3)
    assert ask is not None and ask.target == target
    support, dissent = positions_of(data, iso3, target)
    assert cited(ask, SUPPORT) == support
    assert cited(ask, DISSENT) == dissent
    assert ask.on_record == (not target.form.undecided(data.matrix.loc[iso3, target.id]))
    assert ask.tone == (DIRECT if support and not dissent else QUESTION)
    mine = data.positions[data.positions["iso3"] == iso3].set_index("instrument")
    for clause in ask.clauses:
        assert clause.text in ask.text
        for fact in clause.facts:  # each dated and sourced as positions.csv gives it
            assert fact.date == (
                mine.loc[fact.instrument, "date"] or mine.loc[fact.instrument, "as_of"]
            )
            assert fact.source == mine.loc[fact.instrument, "source_url"]


@EACH
def test_the_peers_are_counted_in_its_un_group_and_best_organisation(iso3, language):
    data, ask = ask_in(language, iso3)
    target = ask.target
    with use(language):
        backing = supporters(data.matrix, target)
        (group,) = [g for g in data.groupings[GroupKind.UNGROUP] if iso3 in g.codes]
        _share, best = best_organisation(iso3, data.groupings[GroupKind.ORG], backing)
        counts = [
            (
                g.label,
                sum(m.iso3 in backing for m in g.members if m.iso3 != iso3),
                len(g.members) - 1,
            )
            for g in (group, best)
        ]
        counts = [c for c in counts if c[1]]
        did = target.form.did_by(target.object, sum(c[1] for c in counts))
    (peers,) = [c for c in ask.clauses if c.kind == PEERS]
    assert [(p.group.label, len(p.names), p.others) for p in peers.peers] == counts
    assert peers.text.endswith(did) and ask.text.endswith(f"{did}.")
    for label, count, others in counts:
        assert f"{count} " in peers.text and f" {others} " in peers.text and label in peers.text


def test_an_organisation_with_the_un_groups_members_is_named_with_it_once():
    """Morocco's best organisation, the African Union, has the African Group's 53 other members:
    one count for both, not the same peer counted twice."""
    (peers,) = [c for c in suggested_ask(shipped(), "MAR").clauses if c.kind == PEERS]
    assert [p.group.label for p in peers.peers] == ["African Group", "African Union"]
    assert peers.text.startswith("1 of its 53 African Group and African Union peers named ")
    assert peers.text.count(" of its ") == 1


def test_kenyas_ask_in_english_reads_as_its_facts_say():
    data = shipped()
    ask = suggested_ask(data, "KEN")
    call = data.catalogue[CALL_TO_ACTION]
    row = data.matrix.loc["KEN"]
    listed = [
        i
        for i in data.catalogue.values()
        if i.form.supports(row[i.id]) and not i.form.recurring and i.form.positive == "endorsed"
    ]
    votes = [i for i in data.catalogue.values() if i.form.recurring]
    assert all(row[v.id] == "yes" for v in votes)  # so the clause counts all of them
    assert ask.text.startswith(f"Ask Kenya to endorse {call.object}: it ")
    for instrument in listed:
        said = "was named as endorsing" if instrument.id == BLUEPRINT else "endorsed"
        assert f"{said} {instrument.object}" in ask.text
    names = join_names([v.brief for v in votes])
    assert f"voted yes on all {len(votes)} ({names})" in ask.text


@pytest.mark.parametrize("language", ["fr", "es"])
def test_the_french_and_spanish_asks_agree_and_carry_no_english(language):
    data = dataset(language)
    with use(language):
        asks = [a for c in data.table["iso3"] if (a := suggested_ask(data, c))]
        said_of = {"fr": "Cet État ", "es": "Este Estado "}[language]
    for ask in asks:
        assert not any(w in ask.text for w in (" endorse", "voted", "Ask ", " peers", " it "))
        own = [c for c in ask.clauses if c.kind != PEERS]
        assert (said_of in ask.text) == bool(own)


def test_a_state_that_supports_every_instrument_it_could_join_gets_no_ask():
    data = shipped()
    joinable = [i for i in existing(data) if i.form.joinable]
    everything = [
        c
        for c in data.table.loc[data.table["in_universe"], "iso3"]
        if all(i.form.supports(data.matrix.loc[c, i.id]) for i in joinable)
    ]
    assert everything
    assert all(suggested_ask(data, c) is None for c in everything)


def test_a_state_outside_scope_or_unknown_gets_no_ask():
    data = shipped()
    listed = set(data.matrix.index) - set(data.table.loc[data.table["in_universe"], "iso3"])
    assert "XKX" in listed  # Kosovo, listed by the US Political Declaration
    assert all(suggested_ask(data, c) is None for c in listed)
    assert suggested_ask(data, "ZZZ") is None


@pytest.mark.parametrize("language", ["en", "fr", "es"])
def test_a_state_with_no_evidence_gets_the_neutral_ask(language):
    data = dataset(language)
    nothing = pd.DataFrame(  # no state takes any position: no fact of its own, no peer
        {i.id: i.missing for i in data.catalogue.values()}, index=data.matrix.index
    )
    with use(language):
        ask = suggested_ask(replace(data, matrix=nothing), "KEN")
        call = data.catalogue[CALL_TO_ACTION]
        act = call.form.join(call.object)
    assert ask.neutral and ask.tone == QUESTION and ask.on_record
    lead = {
        "en": f"Ask Kenya whether it would be willing to {act}.",
        "fr": f"Kenya : sonder sa disposition à {act}.",
        "es": f"Kenya: sondear su disposición a {act}.",
    }
    assert ask.text == lead[language]


def test_a_state_named_on_a_partial_list_is_never_said_to_have_endorsed_it():
    data = shipped()
    blueprint = data.catalogue[BLUEPRINT]
    named = [c for c in data.matrix.index if data.matrix.loc[c, BLUEPRINT] == "endorsed"]
    asks = [a for c in data.table["iso3"] if (a := suggested_ask(data, c))]
    assert any(BLUEPRINT in cited(a, SUPPORT) for a in asks)
    for ask in asks:
        assert f"endorsed {blueprint.object}" not in ask.text.replace("named as endorsing", "")
        if ask.iso3 in named and ask.target != blueprint:
            assert f"was named as endorsing {blueprint.object}" in ask.text


def test_an_unconfirmed_position_is_never_counted_as_support():
    data = shipped()
    unconfirmed = [
        (c, i)
        for i in data.catalogue.values()
        for c in data.matrix.index[data.matrix[i.id] == "unconfirmed"]
        if c in set(data.table.loc[data.table["in_universe"], "iso3"])
    ]
    assert unconfirmed
    for iso3, instrument in unconfirmed:
        ask = suggested_ask(data, iso3)
        assert instrument.id not in cited(ask, SUPPORT) | cited(ask, DISSENT)
        if ask.target == instrument:
            assert not ask.on_record and ", if it has not already" in ask.text


def test_a_state_that_voted_no_or_abstained_is_asked_whether_it_would_be_willing():
    data = shipped()
    dissenting = [
        c
        for c in data.table.loc[data.table["in_universe"], "iso3"]
        if any(data.matrix.loc[c, i.id] in (NO, ABSTAIN) for i in data.catalogue.values())
    ]
    assert dissenting
    for iso3 in dissenting:
        ask = suggested_ask(data, iso3)
        if ask is None:
            continue
        name = data.table.set_index("iso3").loc[iso3, "name"]
        assert ask.tone == QUESTION
        assert ask.text.startswith(f"Ask {name} whether it would be willing to ")
        assert any(c.kind == DISSENT for c in ask.clauses)  # said, never left out


def test_a_later_co_sponsor_or_an_observer_is_said_as_the_source_names_it():
    data = shipped()
    said = {"later co-sponsor": "was named as a later co-sponsor of ", "observer": "joined "}
    named = [
        (c, i, status)
        for i in data.catalogue.values()
        for status in said
        for c in data.matrix.index[data.matrix[i.id] == status]
        if suggested_ask(data, c) is not None
    ]
    assert {status for _c, _i, status in named} == set(said)
    for iso3, instrument, status in named:
        (clause,) = [
            c
            for c in suggested_ask(data, iso3).clauses
            if any(f.instrument == instrument.id for f in c.facts)
        ]
        assert clause.kind == SUPPORT and clause.text.startswith(said[status])
        assert instrument.object in clause.text
        if status == "observer":
            assert clause.text.endswith(" as an observer State")


def test_on_a_past_day_the_ask_rests_on_what_was_on_record_that_day():
    data = shipped()
    day = date(2024, 6, 1)  # after the first vote, before the Blueprint and the later votes
    then = on(data, day)
    ask = suggested_ask(then, "KEN")
    later = {i.id for i in data.catalogue.values() if not i.exists_on(day)}
    assert later and not later & {f.instrument for c in ask.clauses for f in c.facts}
    assert ask.target.id == CALL_TO_ACTION
    support, dissent = positions_of(then, "KEN", ask.target)
    assert support and cited(ask, SUPPORT) == support and cited(ask, DISSENT) == dissent
