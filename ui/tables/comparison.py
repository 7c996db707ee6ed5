"""Two to four states side by side: one column per state, one row per fact, differences marked.

The rows follow the instrument catalogue and the groupings, never a named instrument: every
instrument's status, date (with how exact it is) and source, every membership, the outreach
priority score and why, and, when the caller passes them, the outreach plan's status and a
suggested ask. Columns follow the order the states were given in.
"""

from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass

import pandas as pd
from babel.numbers import format_decimal

from i18n import formats
from i18n.collation import sort_key
from i18n.translate import N_, _, ngettext
from instruments.matrix import supporters
from instruments.model import CALL_TO_ACTION, Instrument
from instruments.prose import join_names
from instruments.timeline import dated, precision_word
from store.data_text import web_addresses
from store.groups import Group, GroupKind
from ui.tables.dataset import Dataset
from ui.tables.outreach import ranks

MOST, FEWEST = 4, 2  # states a comparison shows side by side
PARAM = "iso3"  # the compare page's URL parameter: ISO3 codes, comma-separated, in column order
# Column ids of the table (the states' columns are named by the states), shown translated.
HEADERS = {"Section": N_("Section"), "Fact": N_("Fact"), "Differs": N_("Differs")}
# Row kinds, the end of each row's key (the index): a page shows a source row as links.
STATUS, DATE, SOURCE = "status", "date", "source"
SCORE, WHY, PLAN, ASK = "score", "why", "plan", "ask"
NOT_COMPARED = {SOURCE, WHY, ASK}  # rows whose cells say why or where from: never marked


@dataclass(frozen=True)
class Picked:
    """The states a request names, as a comparison takes them: the valid ones in the order given
    (each once, at most ``MOST``), and what was left out and why."""

    codes: tuple[str, ...]
    unknown: tuple[str, ...] = ()  # not a state in scope
    repeated: tuple[str, ...] = ()  # named more than once: compared once
    beyond: tuple[str, ...] = ()  # valid, after the first ``MOST``


def split_codes(text: str) -> list[str]:
    """``" ken, NGA,,gha "`` → ``["KEN", "NGA", "GHA"]``: the codes of a URL or command line."""
    return [c.strip().upper() for c in text.split(",") if c.strip()]


def pick_states(requested: Sequence[str], universe: Collection[str]) -> Picked:
    """The first ``MOST`` distinct states of ``requested`` that are in ``universe``, in order."""
    valid: list[str] = []
    unknown: list[str] = []
    repeated: list[str] = []
    for code in requested:
        if code not in universe:
            if code not in unknown:
                unknown.append(code)
        elif code in valid:
            if code not in repeated:
                repeated.append(code)
        else:
            valid.append(code)
    return Picked(tuple(valid[:MOST]), tuple(unknown), tuple(repeated), tuple(valid[MOST:]))


def problems(picked: Picked, say: Callable[[str], str] = str) -> list[str]:
    """What a request got wrong (codes unknown, repeated, beyond the fourth), one short sentence
    each, in the active language; ``say`` writes a code the request gave as the reader sees it
    (a page: as a code span). Too few states is ``too_few``."""
    said = []
    if picked.unknown:
        said.append(
            ngettext(
                "{codes} is not the ISO3 code of a state in scope: left out.",
                "{codes} are not ISO3 codes of states in scope: left out.",
                len(picked.unknown),
            ).format(codes=", ".join(say(c) for c in picked.unknown[:5]))
        )
    if picked.repeated:
        said.append(
            ngettext(
                "{codes} was named more than once: compared once.",
                "{codes} were named more than once: each compared once.",
                len(picked.repeated),
            ).format(codes=", ".join(picked.repeated))
        )
    if picked.beyond:
        said.append(
            _("At most {most} states are compared side by side: {codes} left out.").format(
                most=formats.number(MOST), codes=", ".join(picked.beyond)
            )
        )
    return said


def too_few(count: int) -> str:
    """Why ``count`` states make no comparison, in the active language; "" for enough."""
    if count >= FEWEST:
        return ""
    bounds = {"fewest": formats.number(FEWEST), "most": formats.number(MOST)}
    if count:
        return _("A comparison needs {fewest} to {most} states: choose at least one more.").format(
            **bounds
        )
    return _("A comparison needs {fewest} to {most} states: none is chosen.").format(**bounds)


def _groups_of(iso3: str, data: Dataset, kinds: Sequence[GroupKind]) -> list[Group]:
    return [g for kind in kinds for g in data.groupings[kind] if iso3 in g.codes]


def closest_peers(iso3: str, data: Dataset, n: int = 3) -> list[str]:
    """The ``n`` states that share the most groups with ``iso3``, closest first.

    The groups counted are its UN regional group and its organisations (observer States, which
    belong to no regional group, share none by that); a state sharing as many is closer if it
    is also in the same M49 sub-region, then in the same intermediate region (Kenya's Eastern
    Africa before the rest of Sub-Saharan Africa), and ties go by name, accent-blind (Éthiopie
    among the E's). A state sharing none of these groups, nor the sub-region, is no peer; the
    state is never its own peer.
    """
    shared = [
        g
        for g in _groups_of(iso3, data, (GroupKind.UNGROUP, GroupKind.ORG))
        if g.kind == GroupKind.ORG or g.group_id != "none"
    ]
    region = set().union(*(g.codes for g in _groups_of(iso3, data, (GroupKind.SUBREGION,))))
    names = data.table.set_index("iso3")["name"]
    near = data.table.set_index("iso3")["m49_intermediate_region"].fillna("")
    own = near.get(iso3, "")
    counts: dict[str, int] = {}
    for group in shared:
        for code in group.codes:
            counts[code] = counts.get(code, 0) + 1
    candidates = (set(counts) | region) - {iso3}
    ranked = sorted(
        candidates,
        key=lambda c: (
            -counts.get(c, 0),
            c not in region,
            not own or near.get(c, "") != own,
            sort_key(str(names.get(c, c))),
        ),
    )
    return ranked[:n]


@dataclass(frozen=True)
class _Row:
    key: str
    section: str
    fact: str
    values: tuple[str, ...]

    @property
    def differs(self) -> bool:
        return kind(self.key) not in NOT_COMPARED and len(set(self.values)) > 1


def _positions(data: Dataset, codes: Sequence[str]) -> dict[tuple[str, str], dict]:
    """The states' rows of ``positions`` by instrument and state, as the sources name them by
    the day the dataset shows (one evidenced later is unknown that day: it has no date yet)."""
    found = data.positions[data.positions["iso3"].isin(list(codes))]
    if data.day is not None:
        found = found[found["date"] <= data.day.isoformat()]  # ISO dates compare as text
    return {
        (r["instrument"], r["iso3"]): r
        for r in found.to_dict("records")
        if data.catalogue[r["instrument"]].form.is_act(r["status"])  # not an observer's no vote
    }


def _instrument_rows(
    data: Dataset, instrument: Instrument, codes: Sequence[str], named: dict[tuple[str, str], dict]
) -> list[_Row]:
    section = _("Instruments and votes")
    statuses, days, sources = [], [], []
    for iso3 in codes:
        statuses.append(instrument.word(data.matrix.loc[iso3, instrument.id]))
        row = named.get((instrument.id, iso3))
        if row is None or not row["date"]:
            days.append(_("not named by the source"))
            sources.append(instrument.source_url)
            continue
        days.append(
            _("{date} ({how_exact})").format(
                date=dated(row["date"], row["date_precision"]),
                how_exact=precision_word(row["date_precision"]),
            )
        )
        found = web_addresses(row["date_basis"]) or [row["source_url"] or instrument.source_url]
        sources.append(" ".join(found))
    title = instrument.short_title
    return [
        _Row(f"{instrument.id}:{STATUS}", section, title, tuple(statuses)),
        _Row(
            f"{instrument.id}:{DATE}",
            section,
            _("{instrument}: date").format(instrument=title),
            tuple(days),
        ),
        _Row(
            f"{instrument.id}:{SOURCE}",
            section,
            _("{instrument}: source").format(instrument=title),
            tuple(sources),
        ),
    ]


def _membership_rows(data: Dataset, codes: Sequence[str]) -> list[_Row]:
    """The M49 region and sub-region and the UN regional group of each state, then a row for
    every organisation one of them belongs to: member (with its caveat) or not."""
    section = _("Memberships")
    rows = []
    for kind in (GroupKind.REGION, GroupKind.SUBREGION, GroupKind.UNGROUP):
        labels = tuple(
            join_names([g.label for g in _groups_of(c, data, (kind,))]) or _("none") for c in codes
        )
        rows.append(_Row(f"{kind.value}:group", section, kind.label, labels))
    for group in data.groupings[GroupKind.ORG]:
        members = {m.iso3: m for m in group.members if m.iso3 in codes}
        if not members:
            continue
        said = []
        for iso3 in codes:
            member = members.get(iso3)
            if member is None:
                said.append(_("not a member"))
            elif member.marker:
                said.append(_("member ({qualifier})").format(qualifier=member.marker))
            else:
                said.append(_("member"))
        rows.append(_Row(f"org-{group.group_id}:group", section, group.label, tuple(said)))
    return rows


def _score_rows(data: Dataset, codes: Sequence[str], ranked: pd.DataFrame) -> list[_Row]:
    """Each state's outreach priority score and rank with why; a state that supports the Call to
    Action has no score, and says so."""
    section = _("Outreach priority")
    call = data.catalogue[CALL_TO_ACTION]
    rank = ranks(ranked)
    done = supporters(data.matrix, call)
    scores, whys = [], []
    for iso3 in codes:
        if iso3 in ranked.index:
            row = ranked.loc[iso3]
            scores.append(
                _("{score} (rank {rank} of {total})").format(
                    score=format_decimal(row["score"], format="#,##0.0", locale=formats.locale()),
                    rank=formats.number(rank[iso3]),
                    total=formats.number(len(ranked)),
                )
            )
            whys.append(str(row["why"]))
        else:
            why = call.form.did(call.object) if iso3 in done else _("not among the states ranked")
            scores.append(_("no score: {why}").format(why=why))
            whys.append("")
    return [
        _Row(SCORE, section, _("Outreach priority score (default weights)"), tuple(scores)),
        _Row(WHY, section, _("Why (signals that count)"), tuple(whys)),
    ]


def compare(
    codes: Sequence[str],
    data: Dataset,
    ranked: pd.DataFrame | None = None,
    plan: Mapping[str, str] | None = None,
    asks: Mapping[str, str] | None = None,
) -> pd.DataFrame:
    """The comparison of ``codes`` (states in scope, in column order): columns Section, Fact,
    one per state (named by the state) and Differs ("differs" where the states' cells are not
    all the same, "" otherwise and on rows of sources and explanations); the index holds each
    row's key, ``<instrument id>:status|date|source``, ``<group kind>:group``, ``score``...

    ``ranked``: the outreach ranking (``priorities`` at the default weights when None).
    ``plan``: each state's outreach plan status in words, for a session that may read the plan
    only (None: no plan row). ``asks``: a suggested ask per state (None: no ask row).
    """
    if ranked is None:
        ranked = data.ranking()
    named = _positions(data, codes)
    rows = [r for i in data.catalogue.values() for r in _instrument_rows(data, i, codes, named)]
    rows += _membership_rows(data, codes)
    rows += _score_rows(data, codes, ranked)
    if plan is not None:
        said = tuple(plan.get(c, "") for c in codes)
        rows.append(_Row(PLAN, _("Outreach plan (internal)"), _("Plan status"), said))
    if asks is not None:
        said = tuple(asks.get(c, "") for c in codes)
        rows.append(_Row(ASK, _("Outreach priority"), _("Suggested ask"), said))
    names = data.table.set_index("iso3").loc[list(codes), "name"]
    marker = _("differs")
    return pd.DataFrame(
        [(r.section, r.fact, *r.values, marker if r.differs else "") for r in rows],
        columns=["Section", "Fact", *names, "Differs"],
        index=pd.Index([r.key for r in rows], name="key"),
    )


def kind(key: str) -> str:
    """The kind of a row by its key: ``status``, ``date``, ``source``, ``group``, ``score``…"""
    return key.rsplit(":", 1)[-1]


def differing(table: pd.DataFrame) -> int:
    """How many rows of a comparison are marked as differing."""
    return int((table["Differs"] != "").sum())


def shown(table: pd.DataFrame) -> pd.DataFrame:
    """The comparison with its Section, Fact and Differs headers in the active language."""
    return table.rename(columns={k: _(v) for k, v in HEADERS.items()})


def summary(table: pd.DataFrame, names: Sequence[str]) -> str:
    """ "Kenya, Nigeria and Ghana differ on 12 of the 40 facts compared." in the active
    language."""
    compared = sum(kind(k) not in NOT_COMPARED for k in table.index)
    count = differing(table)
    if not count:
        return _("{names} agree on every fact compared.").format(names=join_names(list(names)))
    return _("{names} differ on {count} of the {total} facts compared.").format(
        names=join_names(list(names)),
        count=formats.number(count),
        total=formats.number(compared),
    )


def brief(table: pd.DataFrame) -> pd.DataFrame:
    """The comparison for a slide or a page of print: each instrument's status and date in one
    row ("Endorsed, 16 February 2023 (exact)"; the status alone where the source names no date),
    no rows of sources (they go to the notes), the other rows as they are; Section dropped, and a
    row marked when either of its parts was."""
    states = [c for c in table.columns if c not in ("Section", "Fact", "Differs")]
    undated = _("not named by the source")
    rows = []
    for key, row in table.iterrows():
        if kind(key) in (DATE, SOURCE):
            continue
        if kind(key) == STATUS:
            day = table.loc[key.replace(f":{STATUS}", f":{DATE}")]
            cells = [
                row[s]
                if day[s] == undated
                else _("{status}, {date}").format(status=row[s], date=day[s])
                for s in states
            ]
            marked = row["Differs"] or day["Differs"]
            rows.append((row["Fact"], *cells, marked))
        else:
            rows.append((row["Fact"], *row[states], row["Differs"]))
    return pd.DataFrame(rows, columns=["Fact", *states, "Differs"])


def sources(table: pd.DataFrame) -> list[str]:
    """The comparison's sources, one line per instrument and state: "Kenya, UNGA 78/241 (2023):
    https://…", for a pack's notes; each address once per line."""
    states = [c for c in table.columns if c not in ("Section", "Fact", "Differs")]
    lines = []
    for key, row in table.iterrows():
        if kind(key) != SOURCE:
            continue
        title = table.loc[key.replace(f":{SOURCE}", f":{STATUS}"), "Fact"]
        lines += [
            _("{state}, {instrument}: {addresses}").format(
                state=state, instrument=title, addresses=", ".join(row[state].split())
            )
            for state in states
        ]
    return lines
