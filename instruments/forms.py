"""The three forms an instrument's record takes, and everything that follows from each.

This is the only module that knows a recorded vote from a list of endorsers: the statuses a
source may give, how a state the source does not name reads, the map categories, the verbs, and
how a position counts towards the outreach priority score. Everything else asks the form.
"""

from dataclasses import dataclass

from i18n.translate import N_, _, npgettext, pgettext

ENDORSED = "endorsed"
UNCONFIRMED = "unconfirmed"
NOT_ENDORSED = "not endorsed"
UNKNOWN = "unknown"  # a partial list: not named is not the same as not endorsed
YES = "yes"
NO = "no"
ABSTAIN = "abstain"
NON_VOTING = "non-voting"
NO_VOTE = "no vote (not a UN member)"

# Map categories (legend stems and palette keys), by meaning. The English value is the key;
# ``category_name`` gives the name readers see.
CAT_ENDORSED = N_("Endorsed")
CAT_UNCONFIRMED = N_("Unconfirmed")
CAT_NOT_ENDORSED = N_("Not endorsed")
CAT_NOT_IN_SCOPE = N_("Not in scope")
CAT_UNKNOWN = N_("Unknown")
CAT_YES = N_("Yes")
CAT_NO = N_("No")
CAT_ABSTAIN = N_("Abstain")
CAT_NON_VOTING = N_("Non-voting")
CAT_NO_VOTE = N_("No vote")

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
}
STATUS_CATEGORY = {
    ENDORSED: CAT_ENDORSED,
    UNCONFIRMED: CAT_UNCONFIRMED,
    NOT_ENDORSED: CAT_NOT_ENDORSED,
    UNKNOWN: CAT_UNKNOWN,
    YES: CAT_YES,
    NO: CAT_NO,
    ABSTAIN: CAT_ABSTAIN,
    NON_VOTING: CAT_NON_VOTING,
    NO_VOTE: CAT_NO_VOTE,
}


def status_word(status: str) -> str:
    """A status as readers see it: "not endorsed" → "Not endorsed" (in the active language)."""
    return _(STATUS_WORDS[status]) if status in STATUS_WORDS else status


def category_name(category: str) -> str:
    """A map category as readers see it: "Not endorsed" → "Not endorsed", « N’a pas approuvé »."""
    return _(category) if category else category


def shown(text: str) -> str:
    """Marked module-level text in the active language; "" stays "" (never the catalogue header)."""
    return _(text) if text else ""


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
class Form:
    """One form of record: complete list, partial list or recorded vote, and what follows."""

    key: str  # the registry's ``form`` value
    label: str  # what the record is, for the instruments page
    badge_colour: str  # the label's colour there
    listed: tuple[str, ...]  # statuses a source file may give, in display order
    positive: str  # the status that counts as support
    missing: str  # the status of a state in scope the source does not name
    categories: tuple[str, ...]  # map categories in legend order; the last is the background
    background_covers_scope: bool  # the background holds states in scope (no vote), not only areas
    supporter_stem: str  # legend stem of the positive category
    missing_stem: str  # legend stem of the category of a state the source does not name
    noun: str  # what the map counts: "endorsements", "named endorsers", "votes"
    did_text: str  # the whole phrase of a supporter: "endorsed {instrument}"
    did_not_text: str  # its negation after "but": "did not endorse {instrument}"
    uses_article: bool  # "the Call to Action" but "UNGA 78/241"
    undecidable: str  # why a supporter of another instrument cannot be placed on this one
    summary_categories: tuple[str, ...]  # categories whose states a focus summary names
    complement_reads: str  # why a state not named has the missing status (profile)
    hover_note: str  # the same in a few words, for a map tooltip ("" when the status says it)
    reported_total_is_complete: bool  # a reported total must equal the listed endorsers
    signals: tuple[Signal, ...]

    def category(self, status: str) -> str:
        """The map category of a status."""
        return STATUS_CATEGORY[status]

    def undecided(self, status: str) -> bool:
        """Whether a state with this status cannot be counted as not supporting."""
        return status in (UNKNOWN, NO_VOTE, UNCONFIRMED)

    def did(self, instrument: str) -> str:
        """What a supporter did: "endorsed the Call to Action (REAIM 2023)", "voted yes on …".

        ``instrument`` is the instrument after a verb, in the active language (with its article).
        """
        return _(self.did_text).format(instrument=instrument)

    def did_by(self, instrument: str, count: int) -> str:
        """``did`` after a subject of ``count`` states, whose verb agrees with it in French and
        Spanish ("2 États … ont approuvé", "0 États … respaldaron")."""
        phrases = {
            "complete-list": npgettext(
                "counted subject", "endorsed {instrument}", "endorsed {instrument}", count
            ),
            "partial-list": npgettext(
                "counted subject",
                "named as endorsing {instrument}",
                "named as endorsing {instrument}",
                count,
            ),
            "recorded-vote": npgettext(
                "counted subject", "voted yes on {instrument}", "voted yes on {instrument}", count
            ),
        }
        return phrases[self.key].format(instrument=instrument)

    def did_not(self, instrument: str) -> str:
        """The negation, after a supporter's phrase and "but": "did not vote yes on …"."""
        return _(self.did_not_text).format(instrument=instrument)

    def have_done(self, instrument: str) -> str:
        """What supporters did, after "have": "endorsed the …", "been named as endorsing the …"."""
        perfect = {
            "complete-list": pgettext("after have", "endorsed {instrument}"),
            "partial-list": pgettext("after have", "been named as endorsing {instrument}"),
            "recorded-vote": pgettext("after have", "voted yes on {instrument}"),
        }
        return perfect[self.key].format(instrument=instrument)


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

COMPLETE_LIST = Form(
    key="complete-list",
    label=N_("Endorsements"),
    badge_colour="blue",
    listed=(ENDORSED, UNCONFIRMED),
    positive=ENDORSED,
    missing=NOT_ENDORSED,
    categories=(CAT_ENDORSED, CAT_UNCONFIRMED, CAT_NOT_ENDORSED, CAT_NOT_IN_SCOPE),
    background_covers_scope=False,
    supporter_stem=N_("Endorsed"),
    missing_stem=N_("Not endorsed"),
    noun=N_("endorsements"),
    did_text=N_("endorsed {instrument}"),
    did_not_text=N_("did not endorse {instrument}"),
    uses_article=True,
    undecidable=N_("{brief} unconfirmed"),
    summary_categories=(CAT_UNCONFIRMED, CAT_NOT_ENDORSED),
    complement_reads=N_("Not on the list of endorsers as of {as_of}."),
    hover_note=N_("not on the list as of {as_of}"),
    reported_total_is_complete=True,
    signals=(_LISTED,),
)
PARTIAL_LIST = Form(
    key="partial-list",
    label=N_("Partial list"),
    badge_colour="gray",
    listed=(ENDORSED,),
    positive=ENDORSED,
    missing=UNKNOWN,
    categories=(CAT_ENDORSED, CAT_UNKNOWN, CAT_NOT_IN_SCOPE),
    background_covers_scope=False,
    supporter_stem=N_("Named as endorsing"),
    missing_stem=N_("Unknown: not named"),
    noun=N_("named endorsers"),
    did_text=N_("named as endorsing {instrument}"),
    did_not_text=N_("was not named as endorsing {instrument}"),
    uses_article=True,
    undecidable=N_("{brief} unknown"),
    summary_categories=(CAT_ENDORSED,),
    complement_reads=N_(
        "Not named: the source reports {reported} endorsers, of whom only {named} are named; "
        "the others' positions are unknown."
    ),
    hover_note="",
    reported_total_is_complete=False,
    signals=(_NAMED,),
)
RECORDED_VOTE = Form(
    key="recorded-vote",
    label=N_("UN General Assembly vote"),
    badge_colour="violet",
    listed=(YES, NO, ABSTAIN, NON_VOTING),
    positive=YES,
    missing=NO_VOTE,
    categories=(CAT_YES, CAT_NO, CAT_ABSTAIN, CAT_NON_VOTING, CAT_NO_VOTE),
    background_covers_scope=True,
    supporter_stem=N_("Yes"),
    missing_stem=N_("No vote: not a UN member"),
    noun=N_("votes"),
    did_text=N_("voted yes on {instrument}"),
    did_not_text=N_("did not vote yes on {instrument}"),
    uses_article=False,
    undecidable=N_("cannot vote on {brief}"),
    summary_categories=(CAT_NO, CAT_ABSTAIN, CAT_NON_VOTING, CAT_NO_VOTE),
    complement_reads=N_("Not a UN member: it cannot vote in the General Assembly."),
    hover_note="",
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
FORMS = {form.key: form for form in (COMPLETE_LIST, PARTIAL_LIST, RECORDED_VOTE)}


def form_named(key: str) -> Form:
    """The form of a registry value; an unknown value is a data error."""
    try:
        return FORMS[key]
    except KeyError:
        raise ValueError(
            f"unknown instrument form {key!r}: expected one of {sorted(FORMS)}"
        ) from None
