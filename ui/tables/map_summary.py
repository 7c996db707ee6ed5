"""The text beside a comparison map: who supports X but not Y, and who cannot be placed."""

from collections.abc import Mapping
from dataclasses import dataclass

from i18n import formats
from i18n.collation import sort_key
from i18n.translate import _, ngettext
from instruments.categories import Comparison
from instruments.model import Instrument
from instruments.prose import join_names
from ui.text import md
from ui.views.focus import FocusFrame
from ui.views.map_view import MapView, comparison_phrase, in_category


@dataclass(frozen=True)
class ComparisonSummary:
    """The states of a comparison in the focus, by name, and the phrases that introduce them."""

    where: str  # "" worldwide, else "in Africa"
    phrase: str  # "endorsed the … but did not vote yes on …", agreeing with len(only)
    only: list[str]  # in scope, support X but not Y
    outside: list[str]  # outside the 195, support X but not Y
    unsure: list[str]  # support X, cannot be placed on Y
    supporter: str  # "endorsed the …", agreeing with len(unsure)
    undecidable: str  # why they cannot be placed: "cannot vote on UNGA 78/241"


def _sorted_names(codes: list[str], names: Mapping[str, str]) -> list[str]:
    return sorted((names.get(c, c) for c in codes), key=sort_key)


def comparison_summary(
    view: MapView,
    every: Mapping[str, str],
    focus: FocusFrame,
    universe: set[str],
    names: Mapping[str, str],
    x: Instrument,
    y: Instrument,
) -> ComparisonSummary:
    """The summary of a comparison view in a focus (``every``: ISO3 → comparison category)."""
    outside = [
        c
        for c, cat in every.items()
        if cat == Comparison.ONLY_FIRST and c not in universe and focus.highlights(c)
    ]
    only = _sorted_names(in_category(view, Comparison.ONLY_FIRST, focus, universe), names)
    unsure = _sorted_names(in_category(view, Comparison.UNDECIDABLE, focus, universe), names)
    return ComparisonSummary(
        where="" if focus.is_world else focus.where,
        phrase=comparison_phrase(Comparison.ONLY_FIRST, x, y, len(only) or 1),  # no state: one
        only=only,
        outside=_sorted_names(outside, names),
        unsure=unsure,
        supporter=x.form.did_by(x.object, len(unsure)),
        undecidable=y.undecidable_phrase(),
    )


def comparison_sentences(said: ComparisonSummary) -> tuple[str, str, str]:
    """The summary in Markdown: the states that support the first instrument but not the second,
    those of them outside the 195 ("" when none), and those that cannot be placed ("" when
    none)."""
    listed = {key: md(join_names(getattr(said, key))) for key in ("only", "outside", "unsure")}
    n = len(said.only)
    if said.only:
        only = ngettext(
            "**{count} state**{where} {phrase}: {names}.",
            "**{count} states**{where} {phrase}: {names}.",
            n,
        )
    else:  # never "0 states …"
        only = _("**No state**{where} {phrase}.")
    only = only.format(
        count=formats.number(n),
        where=f" {md(said.where)}" if said.where else "",  # md() would drop a leading space
        phrase=md(said.phrase),
        names=listed["only"],
    )
    outside = (
        _("Also {names}, outside the 195 states in scope (shown as not in scope).").format(
            names=listed["outside"]
        )
        if said.outside
        else ""
    )
    n = len(said.unsure)
    if said.unsure:
        unsure = ngettext(
            "**{count} more** {supporter} but cannot be placed on the second instrument "
            "({why}): {names}.",
            "**{count} more** {supporter} but cannot be placed on the second instrument "
            "({why}): {names}.",
            n,
        )
    else:
        return only, outside, ""  # none to place: nothing to say
    unsure = unsure.format(
        count=formats.number(n),
        supporter=md(said.supporter),
        why=md(said.undecidable),
        names=listed["unsure"],
    )
    return only, outside, unsure
