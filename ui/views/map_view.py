"""What a map shows of each state, for one instrument or two compared: categories, tooltips, legend.

Every map takes one route: the status matrix → a ``MapView`` (this module) → a figure, on screen
(``map_figure``) or in print (``print_map``). The instrument's form answers every question
about its statuses; nothing here knows a vote from a list.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import date

import pandas as pd

from i18n import formats
from i18n.translate import N_, _, ngettext
from instruments.categories import Comparison
from instruments.facts import partial_caveat
from instruments.forms import JOINED_LATER
from instruments.forms import shown as translated
from instruments.matrix import compare, supporters
from instruments.model import Instrument
from instruments.prose import capitalised, long_date
from instruments.timeline import ON_OR_BEFORE, dated
from instruments.view import View
from store.groups import region_label, un_group_label
from ui.text import plotly_text
from ui.views import palette
from ui.views.focus import FocusFrame

# Module-level text is marked here and translated where it is shown (``_(FADED_LABEL)``).
STATUS_TEXT = {"member": N_("UN member State"), "observer": N_("UN non-member observer State")}
OUT_OF_SCOPE = N_("Not in scope: not a UN member or observer State")
FADED_LABEL = N_("Outside this focus (faded)")
FADED_CATEGORY = N_("{category}, outside this focus")
DISCLAIMER = N_(
    "The boundaries and names shown and the designations used on this map do not imply official "
    "endorsement or acceptance."
)
BOUNDARY_NOTE = N_(
    "Boundaries follow Natural Earth (de facto), with the exceptions listed under Sources and "
    "method."
)


@dataclass(frozen=True)
class MapView:
    """Everything a map draws but the geometry: a category and a tooltip per feature, the legend."""

    title: str
    categories: tuple[str, ...]  # palette categories, in legend order
    names: tuple[str, ...]  # what each category is called (breakdown columns, legend stems)
    labels: tuple[str, ...]  # legend labels with counts, one per category
    category: Mapping[str, str]  # feature code → category; a code not listed is ``background``
    hover: Mapping[str, str]  # feature code → tooltip, escaped for Plotly
    background: str  # the category of everything outside the question: never faded
    fade: Mapping[str, str]  # category → its fill outside the focus (none: never faded)
    faded: tuple[tuple[str, str], ...]  # the legend's swatches of faded states: (label, fill)
    subtitle: str  # the line under the title of the printable map
    source_line: str
    file_stem: str
    credits: str  # sources and licences in full, for the printable map
    phrase: str  # what the first category did, after "have"
    detail: tuple[str, ...]  # categories whose states a summary names
    caveat: str = ""  # what every summary must add (a partial list)
    # A group all drawn in the background when the background holds states in scope (a vote's
    # "no vote"): what its sentence says, with {who} and {names}, and its share in a chart.
    background_group: str = ""
    background_share: str = ""

    def category_of(self, code: str) -> str:
        """The category a feature is drawn in."""
        return self.category.get(code, self.background)

    def is_faded(self, code: str, focus: FocusFrame) -> bool:
        """States outside the focus are faded, in every category that has a faded fill."""
        return self.category_of(code) in self.fade and not focus.highlights(code)

    def fill(self, code: str, focus: FocusFrame) -> str:
        """The fill colour of a feature or dot."""
        cat = self.category_of(code)
        return self.fade[cat] if self.is_faded(code, focus) else palette.COLOURS[cat]

    @property
    def faded_fills(self) -> list[str]:
        """The distinct fills of faded states, in category order."""
        return list(dict.fromkeys(self.fade[c] for c in self.categories if c in self.fade))


def in_category(view: MapView, category: str, focus: FocusFrame, codes: Iterable[str]) -> list[str]:
    """Those of ``codes`` drawn in ``category`` and inside the focus."""
    return [c for c in codes if view.category_of(c) == category and focus.highlights(c)]


def _fading(
    categories: tuple[str, ...], names: tuple[str, ...], background: str
) -> tuple[dict[str, str], tuple[tuple[str, str], ...]]:
    """Each category's fill outside the focus, and the legend's swatches of faded states.

    Blue and ochre keep their hue, faded, each with its swatch (the background, "not in scope",
    stays as it is); on maps with more categories every state outside the focus, the background
    too, takes one fill.
    """
    shown = [c for c in categories if c != background]
    if set(shown) <= palette.DIMMABLE:
        fade = {c: palette.dimmed(palette.COLOURS[c]) for c in shown}
        called = dict(zip(categories, names, strict=True))
        swatches = tuple((_(FADED_CATEGORY).format(category=called[c]), fade[c]) for c in shown)
        return fade, swatches
    return dict.fromkeys(categories, palette.OUTSIDE_FOCUS), (
        (_(FADED_LABEL), palette.OUTSIDE_FOCUS),
    )


# Tooltips ----------------------------------------------------------------------------------


def _place_lines(row: Mapping) -> list[str]:
    region = " · ".join(region_label(v) for v in (row["m49_region"], row["m49_subregion"]) if v)
    group = un_group_label(row["un_regional_group"]) if row["un_regional_group"] else ""
    group = group or _("none (observer State)")
    status = row["un_status"]
    return [
        _(STATUS_TEXT[status]) if status in STATUS_TEXT else plotly_text(status),
        _("Region (UN M49): {region}").format(region=plotly_text(region)),
        _("UN regional group: {group}").format(group=plotly_text(group)),
    ]


def _tooltip(
    code: str,
    rows: Mapping[str, Mapping],
    names: Mapping[str, str],
    lines: list[str],
    outside: list[str],
) -> str:
    """Name, the given status lines, then where the state belongs (or that it is not in scope);
    ``rows``: the table's rows by ISO3."""
    row = rows.get(code)
    if row is not None and row["in_universe"]:
        return "<br>".join([f"<b>{plotly_text(row['name'])}</b>", *lines, *_place_lines(row)])
    name = row["name"] if row is not None else names.get(code, code)
    return "<br>".join([f"<b>{plotly_text(name)}</b>", _(OUT_OF_SCOPE), *outside])


def _status_line(
    instrument: Instrument, status: str, listed: Mapping[str, Mapping], code: str
) -> str:
    """ "<instrument>: <b>Status</b>, listed as “…”", then the source's note or why not named;
    ``listed``: the instrument's positions by ISO3."""
    line = _("{instrument}: <b>{status}</b>").format(
        instrument=plotly_text(instrument.short_title), status=plotly_text(instrument.word(status))
    )
    position = listed.get(code)
    if position is not None and status == JOINED_LATER:  # a past day, before it is evidenced
        joined = _("joined by {date}, day unknown").format(date=long_date(position["date"]))
        return f"{line} ({plotly_text(joined)})"
    if position is not None:
        if position["name_as_listed"]:
            line = _("{line}, listed as “{name}”").format(
                line=line, name=plotly_text(position["name_as_listed"])
            )
        if position.get("date"):  # the day the source evidences it, as exact as it is
            on = dated(position["date"], position["date_precision"])
            day = (
                _("by {date}").format(date=on) if position["date_precision"] == ON_OR_BEFORE else on
            )
            line = f"{line} · {plotly_text(day)}"
        note = position["note"]
    else:
        reason = instrument.hover_note(status)
        return line + (f" ({plotly_text(reason)})" if reason else "")
    return line + (f"<br><i>{plotly_text(note)}</i>" if note else "")


# Legend labels -----------------------------------------------------------------------------


def _count(name: str, n: int, members: int, focus: FocusFrame) -> str:
    if focus.is_world:
        return f"{name} ({formats.number(n)})"
    return _("{name} ({count} of {total})").format(
        name=name, count=formats.number(n), total=formats.number(members)
    )


def _outside_label(name: str, outside: int, focus: FocusFrame) -> str:
    """The legend label of areas outside the 195 states."""
    if focus.is_world:
        return _("{name} ({count} territories and areas)").format(
            name=name, count=formats.number(outside)
        )
    if not outside:
        return name
    return ngettext("{name} ({count} member)", "{name} ({count} members)", outside).format(
        name=name, count=formats.number(outside)
    )


def in_view(universe: Iterable[str], codes: Iterable[str], focus: FocusFrame) -> tuple[list, list]:
    """The states in scope a view counts, and the areas outside the 195 it counts with them:
    every other feature on the world view, else the focus's members outside the 195."""
    states = list(universe)
    inside = set(states)
    if focus.is_world:
        return states, sorted(set(codes) - inside)
    return [c for c in states if c in focus.members], sorted(focus.members - inside)


def _in_view(universe: pd.DataFrame, codes: Iterable[str], focus: FocusFrame) -> tuple[list, int]:
    """Universe states in the view, and how many other features (world) or members are there."""
    shown, others = in_view(universe.index, codes, focus)
    return shown, len(others)


def _names_and_labels(
    instrument: Instrument,
    categories: tuple[str, ...],
    category: Mapping[str, str],
    statuses: Mapping[str, str],
    shown: list[str],
    outside: int,
    focus: FocusFrame,
    named: int,
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """What each category is called, and its legend label with counts."""
    form = instrument.form
    background = categories[-1]
    present = {statuses[code] for code in shown}
    called = tuple(form.category_name(c, present) for c in categories)
    counts = pd.Series([category[c] for c in shown], dtype=str).value_counts()
    n = {c: int(counts.get(c, 0)) for c in categories}
    labels = [_count(called[i], n[c], len(shown), focus) for i, c in enumerate(categories[:-1])]
    if instrument.reported_total and not form.reported_total_is_complete and focus.is_world:
        labels[0] = _("{name} ({named} of the {reported} reported)").format(
            name=called[0], named=formats.number(named), reported=instrument.reported_total
        )
    if form.background_covers_scope and not focus.is_world:
        label = _count(called[-1], n[background], len(shown), focus)
        if outside:  # members outside the 195 are drawn in the background too
            label = _("{label} and areas not in scope").format(label=label)
        labels.append(label)
    elif form.background_covers_scope:
        labels.append(
            ngettext(
                "{name} ({observers} observer State, {outside} territories and areas)",
                "{name} ({observers} observer States, {outside} territories and areas)",
                n[background],
            ).format(
                name=called[-1],
                observers=formats.number(n[background]),
                outside=formats.number(outside),
            )
        )
    else:
        labels.append(_outside_label(called[-1], outside, focus))
    return called, tuple(labels)


# Views -------------------------------------------------------------------------------------


def _credit(instrument: Instrument) -> str:
    return _("{title}, as of {as_of}; {url}; licence: {licence}; confidence: {confidence}.").format(
        title=instrument.title,
        as_of=instrument.as_of,
        url=instrument.source_url,
        licence=instrument.licence,
        confidence=instrument.confidence,
    )


def _source(line: str) -> str:
    """A source line without its "Source: " (English or translated), to list two in one line."""
    translated = _("Source: {source}").format(source="")
    for prefix in (translated, "Source: "):
        if prefix and line.startswith(prefix):
            return line.removeprefix(prefix)
    return line


def instrument_view(
    instrument: Instrument,
    matrix: pd.DataFrame,
    positions: pd.DataFrame,
    table: pd.DataFrame,
    codes: list[str],
    focus: FocusFrame,
    names: Mapping[str, str],
) -> MapView:
    """One instrument's statuses; a partial list shows "unknown", never "not endorsed"."""
    form = instrument.form
    rows = table.set_index("iso3")
    universe = rows[rows["in_universe"]]
    column = matrix[instrument.id]
    statuses = column.to_dict()
    listed = positions[positions["instrument"] == instrument.id].set_index("iso3").to_dict("index")
    category = {code: form.category(statuses[code]) for code in universe.index}
    present = set(category.values())
    background = form.background
    categories = tuple(  # the statuses some state in scope has, and always the background
        c for c in form.categories if c in present or c == background
    )
    shown, outside = _in_view(universe, codes, focus)
    named = int(column.isin(instrument.supporting).sum())
    called, labels = _names_and_labels(
        instrument, categories, category, column, shown, outside, focus, named
    )
    hover = {}
    records = rows.to_dict("index")
    for code in dict.fromkeys([*codes, *universe.index]):
        mine = [_status_line(instrument, statuses[code], listed, code)] if code in statuses else []
        hover[code] = _tooltip(code, records, names, mine, mine if code in listed else [])
    caveat = partial_caveat(instrument, named)
    fade, faded = _fading(categories, called, background)
    return MapView(
        title=_("{instrument}: {noun} {where}").format(
            instrument=instrument.short_title, noun=_(form.noun), where=focus.where
        ),
        categories=categories,
        names=called,
        labels=labels,
        category=category,
        hover=hover,
        background=background,
        fade=fade,
        faded=faded,
        subtitle=(
            _("Source as of {date}.").format(date=long_date(instrument.as_of)) + f" {caveat}"
        ).strip(),
        source_line=instrument.source_line,
        credits=f"{instrument.source_line} {_credit(instrument)}",
        file_stem=f"{instrument.id}-{focus.key}-{instrument.as_of}",
        phrase=form.have_done(instrument.object),
        detail=tuple(c for c in form.summary_categories if c in categories),
        caveat=caveat,
        background_group=translated(form.cannot_take_part),
        background_share=translated(form.cannot_take_part_share),
    )


def comparison(matrix: pd.DataFrame, x: Instrument, y: Instrument) -> dict[str, str]:
    """ISO3 → comparison category of every state supporting X, and of those supporting Y but
    not X where X's record says so (the others are background)."""
    only, _unsure = compare(matrix, x, y)
    second_only, _undecided = compare(matrix, y, x)
    on_x, on_y = supporters(matrix, x), supporters(matrix, y)
    category = dict.fromkeys(second_only, Comparison.ONLY_SECOND)
    category.update(dict.fromkeys(on_x, Comparison.UNDECIDABLE))
    category.update(dict.fromkeys(on_x & on_y, Comparison.BOTH))
    category.update(dict.fromkeys(only, Comparison.ONLY_FIRST))
    return category


def comparison_phrase(
    category: str | None, x: Instrument, y: Instrument, count: int | None = None
) -> str:
    """What a state of a comparison category did: "endorsed the … but did not vote yes on …".

    With ``count``, the phrase follows a subject of that many states (its verb agrees with it).
    """
    did = x.form.did(x.object) if count is None else x.form.did_by(x.object, count)
    if category == Comparison.ONLY_FIRST:
        return _("{did} but {did_not}").format(did=did, did_not=y.form.did_not(y.object))
    if category == Comparison.BOTH:
        return _("{did} and {also_did}").format(did=did, also_did=y.form.did(y.object))
    if category == Comparison.UNDECIDABLE:
        return _("{did}; {undecidable}").format(did=did, undecidable=y.undecidable_phrase())
    if category == Comparison.ONLY_SECOND:
        return _("{did} but {did_not}").format(
            did=y.form.did(y.object), did_not=x.form.did_not(x.object)
        )
    return ""


def comparison_view(
    x: Instrument,
    y: Instrument,
    matrix: pd.DataFrame,
    table: pd.DataFrame,
    codes: list[str],
    focus: FocusFrame,
    names: Mapping[str, str],
) -> MapView:
    """States that support X but not Y highlighted, with those that support both and the unsure."""
    rows = table.set_index("iso3")
    universe = rows[rows["in_universe"]]
    every = comparison(matrix, x, y)
    category = {code: cat for code, cat in every.items() if code in universe.index}
    names_of = {
        Comparison.ONLY_FIRST: _("{x}, not {y}").format(x=x.brief, y=y.brief),
        Comparison.BOTH: _("Both"),
        Comparison.UNDECIDABLE: _("{x}; {undecidable}").format(
            x=x.brief, undecidable=y.undecidable_phrase()
        ),
        Comparison.ONLY_SECOND: _("{y}, not {x}").format(x=x.brief, y=y.brief),
        Comparison.OTHERS: _("Others"),
    }
    categories = tuple(  # "undecidable" only where some supporter of X is
        c
        for c in palette.CATEGORY_SETS["comparison"]
        if c != Comparison.UNDECIDABLE or c in category.values()
    )
    called = tuple(names_of[c] for c in categories)
    shown, outside = _in_view(universe, codes, focus)
    n = {c: sum(category.get(s, Comparison.OTHERS) == c for s in shown) for c in categories}
    labels = tuple(
        _count(name, n[c], len(shown), focus) for c, name in zip(categories, called, strict=True)
    )
    if focus.is_world or outside:
        labels = (*labels[:-1], _("{label} and areas not in scope").format(label=labels[-1]))
    hover = {}
    records = rows.to_dict("index")
    statuses = matrix[[x.id, y.id]].to_dict("index")
    for code in dict.fromkeys([*codes, *universe.index]):
        lines = [
            _("{instrument}: {status}").format(
                instrument=plotly_text(i.short_title),
                status=plotly_text(i.word(statuses[code][i.id])),
            )
            for i in (x, y)
            if code in statuses
        ]
        # The second only: its two status lines say it (a vote would add the phrase ~120 times).
        said = (
            ""
            if every.get(code) == Comparison.ONLY_SECOND
            else comparison_phrase(every.get(code), x, y)
        )
        headline = f"<b>{plotly_text(capitalised(said))}</b>" if said else ""
        hover[code] = _tooltip(
            code, records, names, [headline, *lines] if headline else lines, lines
        )
    fade, faded = _fading(categories, called, Comparison.OTHERS)
    return MapView(
        title=capitalised(
            _("{phrase}, {where}").format(
                phrase=comparison_phrase(Comparison.ONLY_FIRST, x, y), where=focus.where
            )
        ),
        categories=categories,
        names=called,
        labels=labels,
        category=category,
        hover=hover,
        background=Comparison.OTHERS,
        fade=fade,
        faded=faded,
        subtitle=_("Sources as of {first} and {second}.").format(
            first=long_date(x.as_of), second=long_date(y.as_of)
        ),
        source_line=_("Sources: {first} {second}").format(
            first=_source(x.source_line), second=_source(y.source_line)
        ),
        credits=_("Sources: {first} {second}").format(first=_credit(x), second=_credit(y)),
        file_stem=f"{x.id}-not-{y.id}-{focus.key}",
        phrase=_("{have_done} but {did_not}").format(
            have_done=x.form.have_done(x.object), did_not=y.form.did_not(y.object)
        ),
        detail=tuple(c for c in (Comparison.ONLY_FIRST, Comparison.UNDECIDABLE) if c in categories),
    )


def view_of(
    shown: View,
    catalogue: Mapping[str, Instrument],
    matrix: pd.DataFrame,
    positions: pd.DataFrame,
    table: pd.DataFrame,
    codes: list[str],
    focus: FocusFrame,
    names: Mapping[str, str],
) -> MapView:
    """The map of ``shown`` (an instrument, or a comparison) in ``focus``: the one dispatch."""
    if shown.is_comparison:
        first, second = catalogue[shown.first], catalogue[shown.second]
        return comparison_view(first, second, matrix, table, codes, focus, names)
    return instrument_view(catalogue[shown.first], matrix, positions, table, codes, focus, names)


def on_day(view: MapView, day: date) -> MapView:
    """``view`` as known on a past day: its title, subtitle and file names carry the day."""
    when = long_date(day.isoformat())
    return replace(
        view,
        title=_("{title}, as of {day}").format(title=view.title, day=when),
        subtitle=_("As known on {day}. {subtitle}").format(day=when, subtitle=view.subtitle),
        file_stem=f"{view.file_stem}-on-{day.isoformat()}",
    )
