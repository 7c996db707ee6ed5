"""A suggested ask per state: what to ask it to join, and the facts that make the case.

The rules, in order (docs/data.md, "The suggested ask"):

1. Scope. A state outside the 195 in scope gets no ask.
2. Target. The Call to Action when the state has not endorsed it; else the instrument it can
   still join (``form.joinable``, existing on the day shown) and does not support: first one whose
   source says it has not (a gap on record), then one whose position is unknown or unconfirmed,
   each time the newest first (the latest summit's text is the one gathering endorsements). A
   state that supports every joinable instrument gets no ask.
3. Evidence. Every other instrument on which the state took a position, in registry order, one
   clause per form and status, in the form's own words (``form.said``: "was named as endorsing"
   for a partial list; an unconfirmed or unknown position is no evidence either way). The
   supporting votes of a recurring form are counted against all of its votes: "all 3" or "2 of
   the 3", when the state had a vote on each; no, abstain and "named as not endorsing"
   (``form.dissents``) are always said, never left out.
4. Peers. Its UN regional group and the organisation whose other members support the target
   most (``priority.best_organisation``), each when at least one peer supports it:
   "12 of its 53 African Group peers endorsed …" (``profile_card.supporting_peers``).
5. Tone. A direct ask ("Ask X to endorse …: it …") when the state supports something and
   stands against nothing; for a recurring form only its latest vote says where it stands, an
   earlier no or abstention being said but not held against it. Otherwise a question ("Ask X
   whether it would be willing to …"), with the facts after it, or without them when there are
   none (the neutral ask). A target whose position is unknown adds "if it has not already".
"""

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from i18n import formats
from i18n.translate import N_, _
from instruments.forms import Form
from instruments.matrix import supporters
from instruments.model import CALL_TO_ACTION, Instrument
from instruments.prose import join_names
from store.groups import GroupKind
from ui.tables.dataset import Dataset
from ui.tables.priority import best_organisation
from ui.tables.profile_card import Peers, alike, supporting_peers

SUPPORT, DISSENT, PEERS = "support", "dissent", "peers"  # what a clause says
DIRECT, QUESTION = "direct", "question"  # how the ask is put
NO_GROUP = "none"  # the observer States outside the UN regional groups are no one's peers
LEADS = {  # (how it is put, the target's position is on record)
    (DIRECT, True): N_("Ask {name} to {act}"),
    (DIRECT, False): N_("Ask {name} to {act}, if it has not already"),
    (QUESTION, True): N_("Ask {name} whether it would be willing to {act}"),
    (QUESTION, False): N_("Ask {name} whether it would be willing to {act}, if it has not already"),
}


@dataclass(frozen=True)
class Fact:
    """One position an ask cites: the instrument, the state's status, its date and source."""

    instrument: str  # the instrument's id
    status: str
    date: str  # the day the source shows it, else the source's as-of date
    source: str  # the source's address


@dataclass(frozen=True)
class Clause:
    """One reason given with an ask, in words, with the facts or the peers it rests on."""

    kind: str  # SUPPORT, DISSENT or PEERS
    text: str  # in the language it was made in: "voted yes on all 3 (…)"
    facts: tuple[Fact, ...] = ()
    peers: tuple[Peers, ...] = ()


@dataclass(frozen=True)
class Ask:
    """What to ask a state to join, how to put it, and why, in the language it was made in."""

    iso3: str
    target: Instrument
    tone: str  # DIRECT or QUESTION
    on_record: bool  # the target's source says the state has not joined (else: unknown)
    clauses: tuple[Clause, ...]
    text: str  # "Ask Kenya to endorse the Call to Action (REAIM 2023): it …"

    @property
    def neutral(self) -> bool:
        """Whether it gives no reason at all: no fact of its own, no peer."""
        return not self.clauses


def suggested_ask(data: Dataset, iso3: str) -> Ask | None:
    """The ask for one state, by the rules above, in the active language; None outside scope
    or when it supports every instrument it could join."""
    state = data.table[data.table["iso3"] == iso3]
    if state.empty or not state["in_universe"].iloc[0]:
        return None
    statuses = data.matrix.loc[iso3].to_dict()
    existing = [i for i in data.catalogue.values() if i.exists_on(data.day)]
    target = _target(existing, statuses)
    if target is None:
        return None
    dated: dict[str, tuple[str, str]] = {}  # instrument → the day and source of its row
    for row in data.positions[data.positions["iso3"] == iso3].itertuples():
        dated.setdefault(row.instrument, (row.date or row.as_of, row.source_url))
    own = [
        clause
        for form, instruments in _by_form([i for i in existing if i is not target])
        for clause in _clauses(form, instruments, statuses, dated)
    ]
    peers = _peers(data, iso3, target)
    backed = any(c.kind == SUPPORT for c in own)
    tone = DIRECT if backed and not any(c.kind == DISSENT for c in own) else QUESTION
    on_record = not target.form.undecided(statuses[target.id])
    lead = _(LEADS[tone, on_record]).format(
        name=state["name"].iloc[0], act=target.form.join(target.object)
    )
    reasons = [_("it {did}").format(did=join_names([c.text for c in own]))] if own else []
    reasons += [c.text for c in peers]
    text = _("{lead}: {because}.").format(lead=lead, because=formats.clauses(reasons))
    return Ask(iso3, target, tone, on_record, (*own, *peers), text if reasons else f"{lead}.")


def ask_text(data: Dataset, iso3: str) -> str:
    """The ask as one line for a table or a slide: its text, or that there is none because the
    state supports every instrument it could join."""
    asked = suggested_ask(data, iso3)
    return asked.text if asked else _("None: it supports every instrument it could join.")


def _target(existing: list[Instrument], statuses: Mapping[str, str]) -> Instrument | None:
    """Rule 2: the Call to Action if not supported; else the newest joinable instrument not
    supported, a gap on record before an unknown position."""
    open_to = [i for i in existing if i.form.joinable and not i.form.supports(statuses[i.id])]
    call = [i for i in open_to if i.id == CALL_TO_ACTION]
    ordered = call or sorted(
        open_to, key=lambda i: (i.form.undecided(statuses[i.id]), _days_before(i))
    )
    return ordered[0] if ordered else None


def _days_before(instrument: Instrument) -> int:
    """A sort key that puts the instrument opened last first."""
    return -date.fromisoformat(instrument.opened).toordinal()


def _by_form(instruments: list[Instrument]) -> list[tuple[Form, list[Instrument]]]:
    """The instruments grouped by form, each form where its first instrument is in the registry."""
    grouped: dict[Form, list[Instrument]] = {}
    for instrument in instruments:
        grouped.setdefault(instrument.form, []).append(instrument)
    return list(grouped.items())


def _clauses(
    form: Form,
    instruments: list[Instrument],
    statuses: Mapping[str, str],
    dated: Mapping[str, tuple[str, str]],
) -> list[Clause]:
    """Rule 3: what the state did on the instruments of one form, a clause per status: those
    that support first, in the form's order, then those that dissent."""
    found = []
    for status in (*form.supporting, *(s for s in form.listed if form.dissents(s))):
        on = [i for i in instruments if statuses[i.id] == status]
        if not on:
            continue
        named = join_names([i.object for i in on])
        if status == form.positive and form.recurring and _counted(form, instruments, statuses):
            every = len(on) == len(instruments)
            named = _("all {count} ({names})") if every else _("{done} of the {count} ({names})")
            named = named.format(
                done=formats.number(len(on)),
                count=formats.number(len(instruments)),
                names=join_names([i.brief for i in on]),
            )
        kind = SUPPORT if form.supports(status) else DISSENT
        facts = tuple(_fact(i, status, dated) for i in on)
        found.append(Clause(kind, form.said(status, named), facts))
    return found


def _counted(form: Form, instruments: list[Instrument], statuses: Mapping[str, str]) -> bool:
    """Whether a recurring form's supporting votes can be counted against all of them: there
    are several, and the state took a position, or could have, on each."""
    return len(instruments) > 1 and not any(form.undecided(statuses[i.id]) for i in instruments)


def _fact(instrument: Instrument, status: str, dated: Mapping[str, tuple[str, str]]) -> Fact:
    """A position with the day and source its row of positions.csv gives (a state the source
    does not name: the source's as-of date)."""
    day, source = dated.get(instrument.id, (instrument.as_of, instrument.source_url))
    return Fact(instrument.id, status, day, source or instrument.source_url)


def _peers(data: Dataset, iso3: str, target: Instrument) -> list[Clause]:
    """Rule 4: the supporters of the target among the other members of its UN regional group
    and of the organisation whose members support it most, in one clause; none without one."""
    supporting = supporters(data.matrix, target)
    region = [
        g for g in data.groupings[GroupKind.UNGROUP] if iso3 in g.codes and g.group_id != NO_GROUP
    ]
    _share, organisation = best_organisation(iso3, data.groupings[GroupKind.ORG], supporting)
    groups = [*region, *([organisation] if organisation else [])]
    found = tuple(p for p in supporting_peers(iso3, groups, supporting) if p.names)
    if not found:
        return []
    together = alike(found)  # an organisation with its UN group's members is counted with it
    counted = [
        _("{count} of its {others} {group} peers").format(
            count=formats.number(len(first.names)),
            others=formats.number(first.others),
            group=join_names([p.group.label for p in (first, *rest)]),
        )
        for first, *rest in together
    ]
    did = target.form.did_by(target.object, sum(len(first.names) for first, *_ in together))
    return [
        Clause(PEERS, _("{peers} {did}").format(peers=join_names(counted), did=did), peers=found)
    ]
