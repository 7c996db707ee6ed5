"""A list's report in words, in the active language: one line per input line, and a summary."""

from babel.lists import format_list

from i18n import formats
from i18n.translate import _, active, ngettext, pgettext
from participants.match import (
    BY_CODE,
    CHOSEN,
    EITHER,
    IN_LINE,
    SEVERAL,
    WITH_ORGANISATION,
    LineResult,
    Outcome,
)
from participants.names import BY_ALIAS, BY_NAME, by_un_name, english_names, organisation_names
from participants.report import GroupReport
from store.reference import local_names


def outcome_label(outcome: Outcome) -> str:
    """The outcome's name, for a table's column or a filter: "matched", "not found"."""
    return {
        Outcome.MATCHED: pgettext("participants list", "matched"),
        Outcome.AMBIGUOUS: pgettext("participants list", "ambiguous"),
        Outcome.ORGANISATION: pgettext("participants list", "organisation"),
        Outcome.OUTSIDE: pgettext("participants list", "outside the 195"),
        Outcome.DUPLICATE: pgettext("participants list", "duplicate"),
        Outcome.NOT_FOUND: pgettext("participants list", "not found"),
    }[outcome]


def entity(iso3: str) -> str:
    """A state or entity outside scope as "name (ISO3)", its name in the active language."""
    name = local_names(active()).get(iso3) or english_names().get(iso3, iso3)
    return f"{name} ({iso3})"


def organisation(key: str) -> str:
    """An organisation's name in the active language."""
    names = organisation_names().get(key)
    return names[active()] if names else key


def how(result: LineResult) -> str:
    """How a line matched, in words: "named in the line", "by its UN name in Russian"."""
    return {
        BY_CODE: _("by its code"),
        BY_NAME: _("by its name"),
        BY_ALIAS: _("by another known name"),
        by_un_name("ar"): _("by its UN name in Arabic"),
        by_un_name("zh"): _("by its UN name in Chinese"),
        by_un_name("fr"): _("by its UN name in French"),
        by_un_name("ru"): _("by its UN name in Russian"),
        by_un_name("es"): _("by its UN name in Spanish"),
        IN_LINE: _("named in the line"),
        CHOSEN: _("as you chose"),
    }[result.how]


def _either(codes: tuple[str, ...], conjunction: str) -> str:
    """States as "A (AAA), B (BBB) or C (CCC)" in the active language."""
    names = [entity(code) for code in codes]
    if len(names) == 1:
        return names[0]
    return format_list(names, style=conjunction, locale=formats.locale())


def _ambiguous(result: LineResult) -> str:
    """What an ambiguous line asks of the user."""
    if result.how == EITHER:
        return _("ambiguous: {choices}? Choose one.").format(choices=_either(result.choices, "or"))
    if result.how == SEVERAL:
        return _("names several states: {choices}. Choose one, or give each its own line.").format(
            choices=_either(result.choices, "standard")
        )
    if result.how == WITH_ORGANISATION:
        return _(
            "names {state} and an organisation, {organisation}: choose the state, "
            "or leave the line out."
        ).format(state=entity(result.choices[0]), organisation=organisation(result.organisation))
    return _(
        "names {state} and an entity outside the 195 states in scope: choose the state, "
        "or leave the line out."
    ).format(state=entity(result.choices[0]))


def describe(result: LineResult) -> str:
    """What became of a line, in words (the report line after its arrow)."""
    if result.outcome == Outcome.MATCHED:
        return _("{state}, {how}").format(state=entity(result.iso3), how=how(result))
    if result.outcome == Outcome.DUPLICATE:
        return _("{state} again: already on line {line}, counted once").format(
            state=entity(result.iso3), line=result.duplicate_of
        )
    if result.outcome == Outcome.AMBIGUOUS:
        return _ambiguous(result)
    if result.outcome == Outcome.ORGANISATION:
        return _("an organisation, not a state: {organisation}; listed apart").format(
            organisation=organisation(result.organisation)
        )
    if result.outcome == Outcome.OUTSIDE:
        return _(
            "{entity}: outside the 195 states in scope (not a UN member or observer State); "
            "listed apart"
        ).format(entity=entity(result.iso3))
    if result.suggestions:
        return _("not found; the closest names: {names}").format(
            names=_either(result.suggestions, "standard")
        )
    return _("not found, and no known name is close")


def report_line(result: LineResult) -> str:
    """One line of the report: "3. Permanent Mission of Kenya … → Kenya (KEN), named in the
    line"."""
    return _("{number}. {text} → {outcome}").format(
        number=result.number, text=result.text, outcome=describe(result)
    )


def report_lines(report: GroupReport) -> list[str]:
    """The report, one line per non-empty input line, in order."""
    return [report_line(result) for result in report.lines]


def summary(report: GroupReport) -> str:
    """The report in one sentence: "14 lines read: 11 states matched, 1 ambiguous line, …"."""
    total = len(report.lines)
    if not total:
        return _("No line to read: the list is empty.")
    parts = [_counted(outcome, n) for outcome, n in report.counts.items() if n]
    return _("{lines}: {outcomes}").format(
        lines=ngettext("{count} line read", "{count} lines read", total).format(
            count=formats.number(total)
        ),
        outcomes=format_list(parts, style="standard", locale=formats.locale()),
    )


def _counted(outcome: Outcome, n: int) -> str:
    """A count of lines with one outcome, in words: "11 states matched"."""
    count = formats.number(n)
    if outcome == Outcome.MATCHED:
        return ngettext("{count} state matched", "{count} states matched", n).format(count=count)
    if outcome == Outcome.AMBIGUOUS:
        return ngettext("{count} ambiguous line", "{count} ambiguous lines", n).format(count=count)
    if outcome == Outcome.ORGANISATION:
        return ngettext("{count} organisation", "{count} organisations", n).format(count=count)
    if outcome == Outcome.OUTSIDE:
        return ngettext(
            "{count} entity outside the 195", "{count} entities outside the 195", n
        ).format(count=count)
    if outcome == Outcome.DUPLICATE:
        return ngettext("{count} duplicate", "{count} duplicates", n).format(count=count)
    return ngettext("{count} line not found", "{count} lines not found", n).format(count=count)
