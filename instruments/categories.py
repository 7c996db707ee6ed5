"""Map categories: a stable id for each, apart from the name readers see."""

from enum import StrEnum

from i18n.translate import N_, _


class Category(StrEnum):
    """A map category (a legend entry, a palette key); ``label`` is its name in the language.

    The ids never change when a name is reworded: palettes, tests and URLs use the ids; the names
    are interface text, translated in the catalogues.
    """

    ENDORSED = "endorsed"
    UNCONFIRMED = "unconfirmed"
    NOT_ENDORSED = "not-endorsed"
    NOT_IN_SCOPE = "not-in-scope"
    UNKNOWN = "unknown"
    YES = "yes"
    NO = "no"
    ABSTAIN = "abstain"
    NON_VOTING = "non-voting"
    NO_VOTE = "no-vote"

    @property
    def label(self) -> str:
        """Its name in the active language: "Not endorsed", « Non approuvé »…"""
        return _(NAMES[self])


class Comparison(StrEnum):
    """A category of a comparison of two instruments; the comparison names it, with the two."""

    ONLY_FIRST = "only-first"  # supported the first, not the second
    BOTH = "both"
    UNDECIDABLE = "undecidable"  # supported the first; the second cannot be decided
    ONLY_SECOND = "only-second"  # supported the second, not the first
    OTHERS = "others"  # everyone else: neither, or not decided on the first


NAMES = {  # translated where shown (Category.label)
    Category.ENDORSED: N_("Endorsed"),
    Category.UNCONFIRMED: N_("Unconfirmed"),
    Category.NOT_ENDORSED: N_("Not endorsed"),
    Category.NOT_IN_SCOPE: N_("Not in scope"),
    Category.UNKNOWN: N_("Unknown"),
    Category.YES: N_("Yes"),
    Category.NO: N_("No"),
    Category.ABSTAIN: N_("Abstain"),
    Category.NON_VOTING: N_("Non-voting"),
    Category.NO_VOTE: N_("No vote"),
}
