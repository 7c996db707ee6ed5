"""The forms an instrument's record takes, and everything that follows from each.

A complete list of endorsers, a partial one, a recorded vote of the General Assembly, the
co-sponsors of a draft resolution, the states that joined a joint statement, and a committee
vote that names only those against and abstaining. This is the only module that knows a recorded
vote from a list of endorsers: the statuses a
source may give, how a state the source does not name reads, the map categories, the verbs, the
headline figures and caveats of a record, where a group stands, and how a position counts towards
the outreach priority score. Everything else asks the form.
"""

from abc import ABC, abstractmethod
from dataclasses import dataclass
from typing import ClassVar

from i18n import formats
from i18n.collation import sort_key
from i18n.translate import N_, _, ngettext, npgettext, pgettext
from instruments.categories import Category
from instruments.prose import join_names
from store.data_text import translated

ENDORSED = "endorsed"
UNCONFIRMED = "unconfirmed"
NOT_ENDORSED = "not endorsed"
UNKNOWN = "unknown"  # a partial list: not named is not the same as not endorsed
YES = "yes"
NO = "no"
ABSTAIN = "abstain"
NON_VOTING = "non-voting"
NO_VOTE = "no vote (not a UN member)"
CO_SPONSOR = "co-sponsor"  # on the face of a draft resolution as tabled
LATER_CO_SPONSOR = "later co-sponsor"  # named by a secondary source as co-sponsoring at the vote
NOT_ON_DRAFT = "not on the draft as tabled"  # may have joined later: never "did not co-sponsor"
PARTY = "party"  # joined a joint statement as a party to the treaty it was delivered under
OBSERVER = "observer"  # joined it as an observer State of that treaty
DID_NOT_JOIN = "did not join"
NOT_NAMED_VOTE = "not named (yes or absent)"  # a committee vote that names only no and abstain
# Only on a past day (instruments/timeline.py): a position evidenced later whose day is unknown,
# and any state's on an instrument that did not exist yet.
JOINED_LATER = "unknown on this date"
NOT_YET = "did not exist yet"
JOINED_LATER_STEM = N_("Unknown on this date (joined by a later date)")

STATUS_WORDS = {
    ENDORSED: N_("Endorsed"),
    UNCONFIRMED: N_("Unconfirmed"),
    NOT_ENDORSED: N_("Not endorsed"),
    UNKNOWN: N_("Unknown"),
    YES: N_("Yes"),
    NO: N_("No"),
    ABSTAIN: N_("Abstain"),
    NON_VOTING: N_("Non-voting"),
    NO_VOTE: N_("No vote (not a UN member)"),
    JOINED_LATER: N_("Unknown on this date"),
    NOT_YET: N_("Did not exist yet"),
    CO_SPONSOR: N_("Co-sponsor"),
    LATER_CO_SPONSOR: N_("Later co-sponsor"),
    NOT_ON_DRAFT: N_("Not on the draft as tabled"),
    PARTY: N_("Joined (party)"),
    OBSERVER: N_("Joined (observer State)"),
    DID_NOT_JOIN: N_("Did not join"),
    NOT_NAMED_VOTE: N_("Not named: voted yes or was absent"),
}
# What a state did, as its dated record says it (the country profile): each listed status.
ACTS = {
    ENDORSED: N_("Endorsed"),
    UNCONFIRMED: N_("Named as endorsing, unconfirmed"),
    NOT_ENDORSED: N_("Named as not endorsing"),
    YES: N_("Voted yes"),
    NO: N_("Voted no"),
    ABSTAIN: N_("Abstained"),
    NON_VOTING: N_("Did not vote"),
    CO_SPONSOR: N_("Co-sponsored the draft as tabled"),
    LATER_CO_SPONSOR: N_("Named as a later co-sponsor"),
    PARTY: N_("Joined, as a party"),
    OBSERVER: N_("Joined, as an observer State"),
}
# What a state did, said with the state as the subject ("it …"): the statuses that are not its
# form's positive one and that a suggested ask may cite (ui/tables/ask.py).
SAID = {
    NOT_ENDORSED: N_("was named as not endorsing {instrument}"),
    NO: N_("voted no on {instrument}"),
    ABSTAIN: N_("abstained on {instrument}"),
    LATER_CO_SPONSOR: N_("was named as a later co-sponsor of {instrument}"),
    OBSERVER: N_("joined {instrument} as an observer State"),
}
STATUS_CATEGORY = {
    ENDORSED: Category.ENDORSED,
    UNCONFIRMED: Category.UNCONFIRMED,
    NOT_ENDORSED: Category.NOT_ENDORSED,
    UNKNOWN: Category.UNKNOWN,
    YES: Category.YES,
    NO: Category.NO,
    ABSTAIN: Category.ABSTAIN,
    NON_VOTING: Category.NON_VOTING,
    NO_VOTE: Category.NO_VOTE,
    JOINED_LATER: Category.UNCONFIRMED,  # as a list draws it: a position not established
    CO_SPONSOR: Category.ENDORSED,
    LATER_CO_SPONSOR: Category.ENDORSED,
    NOT_ON_DRAFT: Category.UNKNOWN,
    PARTY: Category.ENDORSED,
    OBSERVER: Category.ENDORSED,
    DID_NOT_JOIN: Category.NOT_ENDORSED,
    NOT_NAMED_VOTE: Category.UNKNOWN,
}


def status_word(status: str) -> str:
    """A status as readers see it: "not endorsed" → "Not endorsed" (in the active language)."""
    return _(STATUS_WORDS[status]) if status in STATUS_WORDS else status


def shown(text: str) -> str:
    """Marked module-level text in the active language; "" stays "" (never the catalogue header)."""
    return _(text) if text else ""


@dataclass(frozen=True)
class Listed:
    """One row of an instrument's source: who, with what status, the source's note, in scope."""

    name: str
    status: str
    note: str
    in_scope: bool  # one of the 195 states in scope


@dataclass(frozen=True)
class Listing:
    """Everything an instrument's source lists, and the total of endorsers it reports ("")."""

    rows: tuple[Listed, ...]
    reported: str

    def count(self, status: str) -> int:
        """How many rows have the status."""
        return sum(row.status == status for row in self.rows)

    def names(self, status: str) -> list[str]:
        """The names of the rows with the status, in the source's order."""
        return [row.name for row in self.rows if row.status == status]


@dataclass(frozen=True)
class Signal:
    """How the positions on instruments of one form add a term to the outreach priority score.

    ``counts`` gives the amount each status adds (an unconfirmed endorsement counts half);
    a pooled signal adds up every instrument of the form under one weight (yes votes).
    """

    key: str  # weight key and column when pooled; else the instrument id is both
    sign: int  # +1 adds points, -1 subtracts them
    counts: tuple[tuple[str, float], ...]
    pooled: bool
    label: str  # slider label of a pooled signal
    help: str  # slider help of a pooled signal
    registry_part: str  # the key of this signal in the registry's priority_weight ("yes=1;no=2")
    title: str  # column title of a pooled signal in the outreach table ("Yes votes")
    says: str  # what a pooled signal says of a state: "voted yes {times} on {names}"
    words: tuple[str, str]  # an unpooled signal's value in words: counted, not counted

    def amount(self, status: str) -> float:
        """What one position adds before weighting."""
        return dict(self.counts).get(status, 0.0)


@dataclass(frozen=True)
class Form(ABC):
    """One form of record: complete list, partial list or recorded vote, and what follows.

    The fields hold what is data; each form's class (``CompleteList``, ``PartialList``,
    ``RecordedVote``) says in words what its record shows.
    """

    key: str  # the registry's ``form`` value
    label: str  # what the record is, for the instruments page
    badge_colour: str  # the label's colour there
    listed: tuple[str, ...]  # statuses a source file may give, in display order
    positive: str  # the status that counts as support
    missing: str  # the status of a state in scope the source does not name
    categories: tuple[Category, ...]  # map categories in legend order; the last is the background
    background_covers_scope: bool  # the background holds states in scope (no vote), not only areas
    supporter_stem: str  # legend stem of the positive category
    missing_stem: str  # legend stem of the category of a state the source does not name
    noun: str  # what the map counts: "endorsements", "named endorsers", "votes"
    did_text: str  # the whole phrase of a supporter: "endorsed {instrument}"
    did_not_text: str  # its negation after "but": "did not endorse {instrument}"
    uses_article: bool  # "the Call to Action" but "UNGA 78/241"
    undecidable: str  # why a supporter of another instrument cannot be placed on this one
    summary_categories: tuple[Category, ...]  # categories whose states a focus summary names
    complement_reads: str  # why a state not named has the missing status (profile)
    hover_note: str  # the same in a few words, for a map tooltip ("" when the status says it)
    # What a summary says of a group none of whose members can take part (all of them drawn in
    # the background: "{who} ({names}) have no vote …"), and their share in a chart ("no vote");
    # "" where every state in scope takes a position.
    cannot_take_part: str
    cannot_take_part_share: str
    reported_total_is_complete: bool  # a reported total must equal the listed endorsers
    signals: tuple[Signal, ...]
    # Statuses drawn in another status's category (a map tells at most five colours apart).
    drawn_as: tuple[tuple[str, Category], ...] = ()
    # Other statuses that support as the positive one does (a statement's observer States).
    also_supporting: tuple[str, ...] = ()
    # What a state is asked to do to support it, after "to" (a suggested ask).
    join_text: str = N_("endorse {instrument}")
    # Put to states again each session (a resolution): the latest record says where they stand.
    recurring: ClassVar[bool] = False
    # A state can join at any time (endorse the text): an outreach plan may aim at it.
    joinable: ClassVar[bool] = True
    # A state the source does not name may have supported it (a partial list, a draft's later
    # co-sponsors): a published count may hold more than those named.
    unnamed_may_support: ClassVar[bool] = False
    # The record names those who support it, so a map and a count of supporters can be drawn
    # (a committee vote that names only no and abstain cannot).
    names_supporters: ClassVar[bool] = True

    @property
    def statuses(self) -> tuple[str, ...]:
        """Every status a state can have: those a source gives, then the one it leaves unnamed."""
        return (*self.listed, self.missing)

    @property
    def supporting(self) -> tuple[str, ...]:
        """The statuses that count as support: the positive one first."""
        return (self.positive, *self.also_supporting)

    def supports(self, status: str) -> bool:
        """Whether a state with this status supports the instrument."""
        return status in self.supporting

    @property
    def background(self) -> Category:
        """The category a map draws outside the question in, never faded (the last)."""
        return self.categories[-1]

    def category(self, status: str) -> Category:
        """The map category a status is drawn in; positions not established share one."""
        if status == NOT_YET:
            return self.background
        return dict(self.drawn_as).get(status) or STATUS_CATEGORY[status]

    def legend_stem(self, status: str) -> str:
        """What a legend calls the states of one status, in the active language."""
        stems = {
            self.positive: self.supporter_stem,
            self.missing: self.missing_stem,
            JOINED_LATER: JOINED_LATER_STEM,
        }
        return _(stems[status]) if status in stems else status_word(status)

    def category_name(self, category: Category, present: set[str]) -> str:
        """A category's legend name: the stems of the ``present`` statuses it draws ("Unconfirmed,
        or unknown on this date …"), else of the status it stands for."""
        every = (*self.statuses, JOINED_LATER)
        held = sorted(  # the status the category stands for first
            (s for s in every if s in present and self.category(s) == category),
            key=lambda s: STATUS_CATEGORY[s] != category,
        )
        if not held:
            own = [s for s in self.statuses if self.category(s) == category]
            return self.legend_stem(own[0]) if own else category.label
        name = self.legend_stem(held[0])
        for status in held[1:]:
            name = _("{first}, or {second}").format(
                first=name, second=self.legend_stem(status).lower()
            )
        return name

    def act(self, status: str) -> str:
        """What a state with a listed status did, in its dated record: "Endorsed", "Voted yes",
        "Abstained" (in the active language)."""
        return _(ACTS[status]) if status in ACTS else status_word(status)

    def counted(self, status: str) -> bool:
        """Whether a state with this status is in the count ``standing`` states: a supporter,
        or for a record that names no supporter, a state it names."""
        return self.supports(status)

    def is_act(self, status: str) -> bool:
        """Whether a listed status records something the state did: not "no vote", which a
        committee vote lists for the observer States."""
        return status != NO_VOTE

    def undecided(self, status: str) -> bool:
        """Whether a state with this status cannot be counted as not supporting."""
        return status in (
            UNKNOWN,
            NO_VOTE,
            UNCONFIRMED,
            JOINED_LATER,
            NOT_YET,
            NOT_ON_DRAFT,
            NOT_NAMED_VOTE,
        )

    def did(self, instrument: str) -> str:
        """What a supporter did: "endorsed the Call to Action (REAIM 2023)", "voted yes on …".

        ``instrument`` is the instrument after a verb, in the active language (with its article).
        """
        return _(self.did_text).format(instrument=instrument)

    @abstractmethod
    def did_by(self, instrument: str, count: int) -> str:
        """``did`` after a subject of ``count`` states, whose verb agrees with it in French and
        Spanish ("2 États … ont approuvé", "0 États … respaldaron")."""

    def did_not(self, instrument: str) -> str:
        """The negation, after a supporter's phrase and "but": "did not vote yes on …"."""
        return _(self.did_not_text).format(instrument=instrument)

    def said(self, status: str, instrument: str) -> str:
        """What a state with a status that supports or dissents did, with the state as the
        subject ("it …"): "endorsed …", "was named as endorsing …", "abstained on …"."""
        if status in SAID and status != self.positive:
            return _(SAID[status]).format(instrument=instrument)
        if not self.supports(status):
            raise ValueError(f"no words for a state whose status is {status!r}")
        return self.did(instrument)

    def dissents(self, status: str) -> bool:
        """Whether a state with this status took a position against the instrument: voted no,
        abstained, was named as not endorsing (not voting, or not being named, is not one)."""
        return status in self.listed and status in (NO, ABSTAIN, NOT_ENDORSED)

    def join(self, instrument: str) -> str:
        """What a state is asked to do to support it, after "to": "endorse the …"."""
        return _(self.join_text).format(instrument=instrument)

    @abstractmethod
    def have_done(self, instrument: str) -> str:
        """What supporters did, after "have": "endorsed the …", "been named as endorsing the …"."""

    @abstractmethod
    def figures(self, listing: Listing) -> list[tuple[str, str]]:
        """The headline figures (label, value) of a record, as its source states them."""

    @abstractmethod
    def headline(self, listing: Listing) -> str:
        """The figures in one line: "58 endorsers: 57 of the 195 states in scope and Kosovo, …"."""

    def caveats(self, listing: Listing) -> list[str]:
        """What a reader must know before using the record's figures, one sentence each."""
        found = [
            _("{state} is shown as unconfirmed, not as an endorser: {note}.").format(
                state=row.name, note=translated(row.note)
            )
            for row in listing.rows
            if row.status == UNCONFIRMED
        ]
        for row in listing.rows:
            if not row.in_scope:
                found.append(
                    _(
                        "{state} is listed as {status} but is outside the 195 states in scope "
                        "(not a UN member or observer State): shown, flagged as not in scope."
                    ).format(state=row.name, status=status_word(row.status).lower())
                )
        return found

    def unnamed_caveat(self, reported: str, named: int) -> str:
        """What every map and summary must add when the source names only some of those it
        reports; empty for a record that names every one."""
        return ""

    @abstractmethod
    def standing(self, supporters: int, members: int, reported: str) -> str:
        """Where a group stands on an instrument of this form: "20 of 27 endorsed"."""


def _share(supporters: int, members: int) -> str:
    """ " (74%)" after a count of members, "" when there are none."""
    return f" ({formats.percent(supporters / members)})" if members else ""


class CompleteList(Form):
    """A list of every endorser: a state it does not name has not endorsed."""

    def did_by(self, instrument: str, count: int) -> str:
        return npgettext(
            "counted subject", "endorsed {instrument}", "endorsed {instrument}", count
        ).format(instrument=instrument)

    def have_done(self, instrument: str) -> str:
        return pgettext("after have", "endorsed {instrument}").format(instrument=instrument)

    def figures(self, listing: Listing) -> list[tuple[str, str]]:
        unconfirmed = listing.count(UNCONFIRMED)
        return [(_("Endorsers"), formats.number(listing.count(self.positive)))] + (
            [(_("Unconfirmed"), formats.number(unconfirmed))] if unconfirmed else []
        )

    def headline(self, listing: Listing) -> str:
        endorsed = [row for row in listing.rows if row.status == self.positive]
        outside = [row.name for row in endorsed if not row.in_scope]
        text = ngettext(
            "{endorsers} endorser: {inside} of the 195 states in scope",
            "{endorsers} endorsers: {inside} of the 195 states in scope",
            len(endorsed),
        ).format(
            endorsers=formats.number(len(endorsed)),
            inside=formats.number(len(endorsed) - len(outside)),
        )
        if outside:
            text = _("{headline} and {names}, outside the scope").format(
                headline=text, names=join_names(outside)
            )
        unconfirmed = listing.names(UNCONFIRMED)
        if unconfirmed:
            text = _("{headline}; {names} unconfirmed").format(
                headline=text, names=join_names(unconfirmed)
            )
        return text

    def standing(self, supporters: int, members: int, reported: str) -> str:
        return _("{supporters} of {members}{share} endorsed").format(
            supporters=formats.number(supporters),
            members=formats.number(members),
            share=_share(supporters, members),
        )


class PartialList(Form):
    """Some of the endorsers a source reports, by name: a state it does not name is unknown."""

    unnamed_may_support = True

    def did_by(self, instrument: str, count: int) -> str:
        return npgettext(
            "counted subject",
            "named as endorsing {instrument}",
            "named as endorsing {instrument}",
            count,
        ).format(instrument=instrument)

    def have_done(self, instrument: str) -> str:
        return pgettext("after have", "been named as endorsing {instrument}").format(
            instrument=instrument
        )

    def act(self, status: str) -> str:
        return _(self.supporter_stem) if status == self.positive else super().act(status)

    def said(self, status: str, instrument: str) -> str:
        if status == self.positive:
            return pgettext("said of a state", "was named as endorsing {instrument}").format(
                instrument=instrument
            )
        return super().said(status, instrument)

    def figures(self, listing: Listing) -> list[tuple[str, str]]:
        named_otherwise = [
            (label, formats.number(listing.count(status)))
            for status, label in (
                (NOT_ENDORSED, _("Named as not endorsing")),
                (UNCONFIRMED, _("Unconfirmed")),
            )
            if listing.count(status)
        ]
        return [
            (_("Endorsed, as reported"), listing.reported),
            (_("Named in sources"), formats.number(listing.count(self.positive))),
            *named_otherwise,
        ]

    def headline(self, listing: Listing) -> str:
        named = listing.count(self.positive)
        return ngettext(
            "{reported} endorsed, as reported by the source; only {named} is named",
            "{reported} endorsed, as reported by the source; only {named} are named",
            named,
        ).format(reported=listing.reported, named=formats.number(named))

    def caveats(self, listing: Listing) -> list[str]:
        named = listing.names(self.positive)
        unnamed = ngettext(
            "The source reports {reported} endorsers but only {count} is named ({names}): "
            "every other state's position is unknown, never “not endorsed”.",
            "The source reports {reported} endorsers but only {count} are named ({names}): "
            "every other state's position is unknown, never “not endorsed”.",
            len(named),
        ).format(
            reported=listing.reported,
            count=formats.number(len(named)),
            names=join_names(sorted(named, key=sort_key)),
        )
        return [unnamed, *super().caveats(listing)]

    def unnamed_caveat(self, reported: str, named: int) -> str:
        return ngettext(
            "The source reports {reported} endorsers but only {named} is named: every other "
            "state is unknown, not “not endorsed”.",
            "The source reports {reported} endorsers but only {named} are named: every other "
            "state is unknown, not “not endorsed”.",
            named,
        ).format(reported=reported, named=formats.number(named))

    def standing(self, supporters: int, members: int, reported: str) -> str:
        return _(
            "named: {supporters} of the {reported} reported endorsers (the others are unknown)"
        ).format(supporters=formats.number(supporters), reported=reported)


class RecordedVote(Form):
    """A recorded vote of the UN General Assembly: every member's vote, none for the others."""

    recurring = True
    joinable = False

    def did_by(self, instrument: str, count: int) -> str:
        return npgettext(
            "counted subject", "voted yes on {instrument}", "voted yes on {instrument}", count
        ).format(instrument=instrument)

    def have_done(self, instrument: str) -> str:
        return pgettext("after have", "voted yes on {instrument}").format(instrument=instrument)

    def figures(self, listing: Listing) -> list[tuple[str, str]]:
        return [(status_word(s), formats.number(listing.count(s))) for s in self.listed]

    def headline(self, listing: Listing) -> str:
        tally = " · ".join(
            _("{count} {status}").format(count=value, status=label.lower())
            for label, value in self.figures(listing)
        )
        return _("{tally} (recorded vote of the {members} UN member States)").format(
            tally=tally, members=formats.number(len(listing.rows))
        )

    def caveats(self, listing: Listing) -> list[str]:
        observers = _(
            "The two observer States (Holy See, State of Palestine) cannot vote in the "
            "General Assembly: shown as “no vote”."
        )
        return [*super().caveats(listing), observers]

    def standing(self, supporters: int, members: int, reported: str) -> str:
        return _("{supporters} of {members}{share} voted yes").format(
            supporters=formats.number(supporters),
            members=formats.number(members),
            share=_share(supporters, members),
        )


class SponsorList(Form):
    """The co-sponsors of a draft resolution: those printed on its face as tabled (complete for
    the draft as tabled), and those a secondary source names as joining later. A state not on
    the face may have joined after tabling: never "did not co-sponsor"."""

    joinable = False
    unnamed_may_support = True

    def did_by(self, instrument: str, count: int) -> str:
        return npgettext(
            "counted subject", "co-sponsored {instrument}", "co-sponsored {instrument}", count
        ).format(instrument=instrument)

    def have_done(self, instrument: str) -> str:
        return pgettext("after have", "co-sponsored {instrument}").format(instrument=instrument)

    def figures(self, listing: Listing) -> list[tuple[str, str]]:
        later = listing.count(LATER_CO_SPONSOR)
        return [
            (_("On the draft as tabled"), formats.number(listing.count(CO_SPONSOR))),
            *([(_("Named as joining later"), formats.number(later))] if later else []),
            *([(_("Co-sponsors, as reported"), listing.reported)] if listing.reported else []),
        ]

    def headline(self, listing: Listing) -> str:
        text = ngettext(
            "{count} co-sponsor on the draft as tabled",
            "{count} co-sponsors on the draft as tabled",
            listing.count(CO_SPONSOR),
        ).format(count=formats.number(listing.count(CO_SPONSOR)))
        later = listing.count(LATER_CO_SPONSOR)
        if later:
            text = ngettext(
                "{headline}; {count} more named as joining later",
                "{headline}; {count} more named as joining later",
                later,
            ).format(headline=text, count=formats.number(later))
        if listing.reported:
            text = _("{headline}; {reported} reported in all").format(
                headline=text, reported=listing.reported
            )
        return text

    def caveats(self, listing: Listing) -> list[str]:
        named = listing.count(CO_SPONSOR) + listing.count(LATER_CO_SPONSOR)
        return [self.unnamed_caveat(listing.reported, named), *super().caveats(listing)]

    def unnamed_caveat(self, reported: str, named: int) -> str:
        return ngettext(
            "{named} co-sponsor is named ({reported} reported in all): a state not named may have "
            "joined after the draft was tabled, so it is “not on the draft as tabled”, never "
            "“did not co-sponsor”.",
            "{named} co-sponsors are named ({reported} reported in all): a state not named may "
            "have joined after the draft was tabled, so it is “not on the draft as tabled”, never "
            "“did not co-sponsor”.",
            named,
        ).format(named=formats.number(named), reported=reported or "?")

    def standing(self, supporters: int, members: int, reported: str) -> str:
        return _("{supporters} of {members} named as co-sponsors").format(
            supporters=formats.number(supporters), members=formats.number(members)
        )


class JointStatement(Form):
    """The states on whose behalf a joint statement was delivered, complete: parties to the
    treaty it was delivered under and observer States, both of whom joined it."""

    joinable = False

    def did_by(self, instrument: str, count: int) -> str:
        return npgettext(
            "counted subject", "joined {instrument}", "joined {instrument}", count
        ).format(instrument=instrument)

    def have_done(self, instrument: str) -> str:
        return pgettext("after have", "joined {instrument}").format(instrument=instrument)

    def figures(self, listing: Listing) -> list[tuple[str, str]]:
        return [
            (_("Parties"), formats.number(listing.count(PARTY))),
            (_("Observer States"), formats.number(listing.count(OBSERVER))),
        ]

    def headline(self, listing: Listing) -> str:
        return ngettext(
            "{parties} party and {observers} observer States joined",
            "{parties} parties and {observers} observer States joined",
            listing.count(PARTY),
        ).format(
            parties=formats.number(listing.count(PARTY)),
            observers=formats.number(listing.count(OBSERVER)),
        )

    def standing(self, supporters: int, members: int, reported: str) -> str:
        return _("{supporters} of {members}{share} joined").format(
            supporters=formats.number(supporters),
            members=formats.number(members),
            share=_share(supporters, members),
        )


class CommitteeVote(Form):
    """A vote in a Main Committee of the General Assembly whose source names only the states
    that voted no or abstained: every other member voted yes or was absent, which the source
    does not tell apart. Never the plenary vote."""

    joinable = False
    names_supporters = False

    def did_by(self, instrument: str, count: int) -> str:
        return npgettext(
            "counted subject", "voted yes on {instrument}", "voted yes on {instrument}", count
        ).format(instrument=instrument)

    def have_done(self, instrument: str) -> str:
        return pgettext("after have", "voted yes on {instrument}").format(instrument=instrument)

    def act(self, status: str) -> str:
        if status == NO:
            return _("Voted no in the First Committee")
        if status == ABSTAIN:
            return _("Abstained in the First Committee")
        return super().act(status)

    def said(self, status: str, instrument: str) -> str:
        if status == NO:
            return _("voted no in the First Committee on {instrument}").format(
                instrument=instrument
            )
        if status == ABSTAIN:
            return _("abstained in the First Committee on {instrument}").format(
                instrument=instrument
            )
        return super().said(status, instrument)

    def figures(self, listing: Listing) -> list[tuple[str, str]]:
        return [
            (_("Voted no"), formats.number(listing.count(NO))),
            (_("Abstained"), formats.number(listing.count(ABSTAIN))),
            (_("Tally in committee"), listing.reported),
        ]

    def headline(self, listing: Listing) -> str:
        return _(
            "{tally} in the First Committee; only the {no} no votes and {abstain} abstentions "
            "are named"
        ).format(
            tally=listing.reported,
            no=formats.number(listing.count(NO)),
            abstain=formats.number(listing.count(ABSTAIN)),
        )

    def caveats(self, listing: Listing) -> list[str]:
        said = _(
            "A First Committee vote, not the plenary vote: the source names only the states "
            "that voted no or abstained; every other member voted yes or was absent, which it "
            "does not tell apart."
        )
        return [said, *super().caveats(listing)]

    def counted(self, status: str) -> bool:
        return status in (NO, ABSTAIN)

    def standing(self, supporters: int, members: int, reported: str) -> str:
        return _(
            "{named} of {members} voted no or abstained in the First Committee; the others are "
            "not named (yes or absent)"
        ).format(named=formats.number(supporters), members=formats.number(members))


_LISTED = Signal(
    key="",
    sign=1,
    counts=((ENDORSED, 1.0), (UNCONFIRMED, 0.5)),
    pooled=False,
    label="",
    help="",
    registry_part="",
    title="",
    says="",
    words=(N_("yes"), N_("no")),
)
_NAMED = Signal(
    key="",
    sign=1,
    counts=((ENDORSED, 1.0),),
    pooled=False,
    label="",
    help="",
    registry_part="",
    title="",
    says="",
    words=(N_("named"), N_("not named (unknown)")),
)

COMPLETE_LIST = CompleteList(
    key="complete-list",
    label=N_("Endorsements"),
    badge_colour="blue",
    listed=(ENDORSED, UNCONFIRMED),
    positive=ENDORSED,
    missing=NOT_ENDORSED,
    categories=(
        Category.ENDORSED,
        Category.UNCONFIRMED,
        Category.NOT_ENDORSED,
        Category.NOT_IN_SCOPE,
    ),
    background_covers_scope=False,
    supporter_stem=N_("Endorsed"),
    missing_stem=N_("Not endorsed"),
    noun=N_("endorsements"),
    did_text=N_("endorsed {instrument}"),
    did_not_text=N_("did not endorse {instrument}"),
    uses_article=True,
    undecidable=N_("{brief} unconfirmed"),
    summary_categories=(Category.UNCONFIRMED, Category.NOT_ENDORSED),
    complement_reads=N_("Not on the list of endorsers as of {as_of}."),
    hover_note=N_("not on the list as of {as_of}"),
    cannot_take_part="",
    cannot_take_part_share="",
    reported_total_is_complete=True,
    signals=(_LISTED,),
)
PARTIAL_LIST = PartialList(
    key="partial-list",
    label=N_("Partial list"),
    badge_colour="gray",
    listed=(ENDORSED, UNCONFIRMED, NOT_ENDORSED),
    positive=ENDORSED,
    missing=UNKNOWN,
    categories=(
        Category.ENDORSED,
        Category.NOT_ENDORSED,
        Category.UNKNOWN,
        Category.NOT_IN_SCOPE,
    ),
    background_covers_scope=False,
    supporter_stem=N_("Named as endorsing"),
    missing_stem=N_("Unknown: not named"),
    noun=N_("named endorsers"),
    did_text=N_("named as endorsing {instrument}"),
    did_not_text=N_("was not named as endorsing {instrument}"),
    uses_article=True,
    undecidable=N_("{brief} unknown"),
    summary_categories=(Category.ENDORSED, Category.NOT_ENDORSED),
    complement_reads=N_(
        "Not named: the source reports {reported} endorsers, of whom only {named} are named; "
        "the others' positions are unknown."
    ),
    hover_note="",
    cannot_take_part="",
    cannot_take_part_share="",
    reported_total_is_complete=False,
    signals=(_NAMED,),
    drawn_as=((UNCONFIRMED, Category.UNKNOWN), (JOINED_LATER, Category.UNKNOWN)),
)
RECORDED_VOTE = RecordedVote(
    key="recorded-vote",
    label=N_("UN General Assembly vote"),
    badge_colour="violet",
    listed=(YES, NO, ABSTAIN, NON_VOTING),
    positive=YES,
    missing=NO_VOTE,
    categories=(Category.YES, Category.NO, Category.ABSTAIN, Category.NON_VOTING, Category.NO_VOTE),
    background_covers_scope=True,
    supporter_stem=N_("Yes"),
    missing_stem=N_("No vote: not a UN member"),
    noun=N_("votes"),
    did_text=N_("voted yes on {instrument}"),
    did_not_text=N_("did not vote yes on {instrument}"),
    uses_article=False,
    undecidable=N_("cannot vote on {brief}"),
    summary_categories=(Category.NO, Category.ABSTAIN, Category.NON_VOTING, Category.NO_VOTE),
    complement_reads=N_("Not a UN member: it cannot vote in the General Assembly."),
    hover_note="",
    cannot_take_part=N_(
        "{who} ({names}) have no vote in the General Assembly: they are not UN members."
    ),
    cannot_take_part_share=N_("no vote"),
    reported_total_is_complete=False,
    signals=(
        Signal(
            key="yes_vote",
            sign=1,
            counts=((YES, 1.0),),
            pooled=True,
            label=N_("Each yes vote"),
            help=N_("Points per yes vote on {names}."),
            registry_part="yes",
            title=N_("Yes votes"),
            says=N_("voted yes {times} on {names}"),
            words=("", ""),
        ),
        Signal(
            key="no_vote",
            sign=-1,
            counts=((NO, 1.0),),
            pooled=True,
            label=N_("Each no vote (subtracted)"),
            help=N_("Subtracted per no vote on those resolutions."),
            registry_part="no",
            title=N_("No votes"),
            says=N_("voted no {times}"),
            words=("", ""),
        ),
    ),
)
SPONSOR_LIST = SponsorList(
    key="sponsor-list",
    label=N_("Co-sponsors of a draft resolution"),
    badge_colour="green",
    listed=(CO_SPONSOR, LATER_CO_SPONSOR),
    positive=CO_SPONSOR,
    missing=NOT_ON_DRAFT,
    categories=(Category.ENDORSED, Category.UNKNOWN, Category.NOT_IN_SCOPE),
    background_covers_scope=False,
    supporter_stem=N_("Co-sponsor"),
    missing_stem=N_("Not on the draft as tabled (may have joined later)"),
    noun=N_("co-sponsors"),
    did_text=N_("co-sponsored {instrument}"),
    did_not_text=N_("is not named as co-sponsoring {instrument}"),
    uses_article=True,
    undecidable=N_("{brief}: not named"),
    summary_categories=(Category.ENDORSED,),
    complement_reads=N_(
        "Not on the draft as tabled, nor among the later co-sponsors named; {reported} are "
        "reported in all, so it may have joined later: unknown, not “did not co-sponsor”."
    ),
    hover_note="",  # the status says it; the legend adds that it may have joined later
    cannot_take_part="",
    cannot_take_part_share="",
    reported_total_is_complete=False,
    signals=(
        Signal(
            key="co_sponsor",
            sign=1,
            counts=((CO_SPONSOR, 1.0), (LATER_CO_SPONSOR, 1.0)),
            pooled=True,
            label=N_("Each co-sponsorship"),
            help=N_("Points per co-sponsorship of {names}."),
            registry_part="co-sponsor",
            title=N_("Co-sponsorships"),
            says=N_("co-sponsored {names}"),
            words=("", ""),
        ),
    ),
    drawn_as=((JOINED_LATER, Category.UNKNOWN),),
    also_supporting=(LATER_CO_SPONSOR,),
)
JOINT_STATEMENT = JointStatement(
    key="joint-statement",
    label=N_("Joint statement"),
    badge_colour="orange",
    listed=(PARTY, OBSERVER),
    positive=PARTY,
    missing=DID_NOT_JOIN,
    categories=(Category.ENDORSED, Category.NOT_ENDORSED, Category.NOT_IN_SCOPE),
    background_covers_scope=False,
    supporter_stem=N_("Joined, as a party"),
    missing_stem=N_("Did not join"),
    noun=N_("states that joined"),
    did_text=N_("joined {instrument}"),
    did_not_text=N_("did not join {instrument}"),
    uses_article=True,
    undecidable=N_("{brief} unconfirmed"),
    summary_categories=(Category.NOT_ENDORSED,),
    complement_reads=N_("Not among the states on whose behalf it was delivered."),
    hover_note=N_("not among the states that joined"),
    cannot_take_part="",
    cannot_take_part_share="",
    reported_total_is_complete=False,
    signals=(
        Signal(
            key="",
            sign=1,
            counts=((PARTY, 1.0), (OBSERVER, 1.0)),
            pooled=False,
            label="",
            help="",
            registry_part="",
            title="",
            says="",
            words=(N_("joined"), N_("did not join")),
        ),
    ),
    also_supporting=(OBSERVER,),
)
COMMITTEE_VOTE = CommitteeVote(
    key="committee-vote",
    label=N_("First Committee vote"),
    badge_colour="violet",
    listed=(NO, ABSTAIN, NO_VOTE),
    positive=YES,
    missing=NOT_NAMED_VOTE,
    categories=(Category.NO, Category.ABSTAIN, Category.UNKNOWN, Category.NO_VOTE),
    background_covers_scope=True,
    supporter_stem=N_("Yes"),
    missing_stem=N_("Not named: voted yes or was absent"),
    noun=N_("votes"),
    did_text=N_("voted yes on {instrument}"),
    did_not_text=N_("did not vote yes on {instrument}"),
    uses_article=False,
    undecidable=N_("{brief}: not named"),
    summary_categories=(Category.NO, Category.ABSTAIN),
    complement_reads=N_(
        "Not named among the states that voted no or abstained: it voted yes or was absent "
        "(the source does not tell them apart)."
    ),
    hover_note="",
    cannot_take_part="",
    cannot_take_part_share="",
    reported_total_is_complete=False,
    signals=(
        Signal(
            key="committee_no",
            sign=-1,
            counts=((NO, 1.0),),
            pooled=True,
            label=N_("First Committee: each no vote (subtracted)"),
            help=N_("Subtracted per no vote in the First Committee on {names}."),
            registry_part="no",
            title=N_("No votes in committee"),
            says=N_("voted no in the First Committee on {names}"),
            words=("", ""),
        ),
        Signal(
            key="committee_abstain",
            sign=-1,
            counts=((ABSTAIN, 1.0),),
            pooled=True,
            label=N_("First Committee: each abstention (subtracted)"),
            help=N_("Subtracted per abstention in the First Committee on {names}."),
            registry_part="abstain",
            title=N_("Abstentions in committee"),
            says=N_("abstained in the First Committee on {names}"),
            words=("", ""),
        ),
    ),
)
FORMS = {
    form.key: form
    for form in (
        COMPLETE_LIST,
        PARTIAL_LIST,
        RECORDED_VOTE,
        SPONSOR_LIST,
        JOINT_STATEMENT,
        COMMITTEE_VOTE,
    )
}


def form_named(key: str) -> Form:
    """The form of a registry value; an unknown value is a data error."""
    try:
        return FORMS[key]
    except KeyError:
        raise ValueError(
            f"unknown instrument form {key!r}: expected one of {sorted(FORMS)}"
        ) from None
