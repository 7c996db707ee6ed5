"""Statuses on an instrument in words and as map categories; support of an instrument in words."""

from ui import palette
from ui.positions import NO_VOTE, NOT_ENDORSED, UNKNOWN, Instrument
from ui.provenance import long_date

CATEGORY = {
    "endorsed": palette.ENDORSED,
    "unconfirmed": palette.UNCONFIRMED,
    NOT_ENDORSED: palette.NOT_ENDORSED,
    UNKNOWN: palette.UNKNOWN,
    "yes": palette.YES,
    "no": palette.NO,
    "abstain": palette.ABSTAIN,
    "non-voting": palette.NON_VOTING,
    NO_VOTE: palette.NO_VOTE,
}
WORDS = {
    "endorsed": "Endorsed",
    "unconfirmed": "Unconfirmed",
    NOT_ENDORSED: "Not endorsed",
    UNKNOWN: "Unknown",
    "yes": "Yes",
    "no": "No",
    "abstain": "Abstain",
    "non-voting": "Non-voting",
    NO_VOTE: "No vote (not a UN member)",
}


def word(status: str) -> str:
    """A status as shown to readers, e.g. "not endorsed" → "Not endorsed"."""
    return WORDS.get(status, status)


def category_set(instrument: Instrument) -> str:
    """The palette.CATEGORY_SETS key of the instrument's map."""
    if instrument.kind == "vote":
        return "vote"
    return "partial" if instrument.coverage == "partial" else "endorsement"


def _object(instrument: Instrument) -> str:
    return instrument.short_title if instrument.kind == "vote" else f"the {instrument.short_title}"


def did(instrument: Instrument) -> str:
    """What a supporter did: "endorsed the …", "voted yes on …", "named as endorsing the …"."""
    if instrument.kind == "vote":
        return f"voted yes on {_object(instrument)}"
    if instrument.coverage == "partial":
        return f"named as endorsing {_object(instrument)}"
    return f"endorsed {_object(instrument)}"


def have_done(instrument: Instrument) -> str:
    """The same after "have": "endorsed the …", "been named as endorsing the …"."""
    return f"been {did(instrument)}" if instrument.coverage == "partial" else did(instrument)


def did_not(instrument: Instrument) -> str:
    """The negation, after a supporter's phrase and "but": "did not endorse the …"."""
    if instrument.kind == "vote":
        return f"did not vote yes on {_object(instrument)}"
    if instrument.coverage == "partial":
        return f"was not named as endorsing {_object(instrument)}"
    return f"did not endorse {_object(instrument)}"


def brief(instrument: Instrument) -> str:
    """The short title without its parenthesis, for legends: "Call to Action", "UNGA 78/241"."""
    return instrument.short_title.split(" (")[0]


def complement_note(instrument: Instrument, status: str, named: int) -> str:
    """Why a state without a listed position has the status it has (for the country profile)."""
    if status == UNKNOWN:
        return (
            f"Not named: the source reports {instrument.reported_total} endorsers, of whom only "
            f"{named} are named; the others' positions are unknown."
        )
    if status == NO_VOTE:
        return "Not a UN member: it cannot vote in the General Assembly."
    if status == NOT_ENDORSED:
        return f"Not on the list of endorsers as of {long_date(instrument.as_of)}."
    return ""
