"""What a map shows of each state: the Call to Action, another instrument, or two compared."""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from urllib.parse import urlsplit

import pandas as pd

from ui import mapstyle, palette, statuses
from ui.focus import WORLD, Focus
from ui.positions import Instrument, compare, supporters
from ui.provenance import long_date
from ui.text import capitalised, plotly_text

STATUS_TEXT = {"member": "UN member State", "observer": "UN non-member observer State"}
OUT_OF_SCOPE = "Not in scope: not a UN member or observer State"


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
    fade: Mapping[str, str]  # category → its fill outside the focus
    faded_swatch: str  # the fill of "Outside this focus" in the legend
    subtitle: str  # the line under the title of the printable map
    source_line: str
    file_stem: str
    credits: str = ""  # sources and licences in full, for the printable map (else source_line)
    phrase: str = "endorsed"  # what the first category did, after "have"
    detail: tuple[str, ...] = (palette.NOT_ENDORSED,)  # categories whose states a summary names
    caveat: str = ""  # what every summary must add (a partial list)

    def category_of(self, code: str) -> str:
        """The category a feature is drawn in."""
        return self.category.get(code, self.background)

    def is_faded(self, code: str, focus: Focus) -> bool:
        """States outside the focus are faded; the background always stays as it is."""
        return self.category_of(code) != self.background and not mapstyle.in_focus(code, focus)

    def fill(self, code: str, focus: Focus) -> str:
        """The fill colour of a feature or dot."""
        cat = self.category_of(code)
        return self.fade[cat] if self.is_faded(code, focus) else palette.COLOURS[cat]

    @property
    def faded_fills(self) -> list[str]:
        """The distinct fills of faded states, in category order."""
        return list(dict.fromkeys(self.fade[c] for c in self.categories if c in self.fade))


def in_category(view: MapView, category: str, focus: Focus, codes: Iterable[str]) -> list[str]:
    """Those of ``codes`` drawn in ``category`` and inside the focus."""
    return [c for c in codes if view.category_of(c) == category and mapstyle.in_focus(c, focus)]


def _place_lines(row: pd.Series) -> list[str]:
    region = " · ".join(v for v in (row["m49_region"], row["m49_subregion"]) if v)
    group = row["un_regional_group"] or "none (observer State)"
    return [
        STATUS_TEXT.get(row["un_status"], plotly_text(row["un_status"])),
        f"M49 region: {plotly_text(region)}",
        f"UN regional group: {plotly_text(group)}",
    ]


def hover_text(code: str, row: pd.Series | None, names: Mapping[str, str], as_of: str) -> str:
    """The Call to Action tooltip of one state or territory, escaped for Plotly."""
    if row is None or not row["in_universe"]:
        name = row["name"] if row is not None else names.get(code, code)
        lines = [f"<b>{plotly_text(name)}</b>", OUT_OF_SCOPE]
        if row is not None and row["endorsed"]:
            lines.append(f"Listed by the source as “{plotly_text(row['name_as_listed'])}”")
        return "<br>".join(lines)
    if row["endorsed"]:
        status = f"<b>Endorsed</b>, listed as “{plotly_text(row['name_as_listed'])}”"
    else:
        status = f"<b>Not endorsed</b> (not on the list as of {plotly_text(as_of)})"
    return "<br>".join([f"<b>{plotly_text(row['name'])}</b>", status, *_place_lines(row)])


def call_to_action_view(
    table: pd.DataFrame,
    codes: list[str],
    focus: Focus,
    names: Mapping[str, str],
    as_of: str,
    source_line: str,
) -> MapView:
    """The Call to Action map: endorsed, not endorsed, not in scope; faded states keep their hue."""
    rows = {row["iso3"]: row for _, row in table.iterrows()}
    every = list(dict.fromkeys([*codes, *rows]))
    return MapView(
        title=focus.title,
        categories=palette.CATEGORIES,
        names=palette.CATEGORIES,
        labels=tuple(mapstyle.legend_labels(table, codes, focus)),
        category={code: mapstyle.category(rows.get(code)) for code in every},
        hover={code: hover_text(code, rows.get(code), names, as_of) for code in every},
        background=palette.NOT_IN_SCOPE,
        fade={c: mapstyle.fill(c, faded=True) for c in (palette.ENDORSED, palette.NOT_ENDORSED)},
        faded_swatch=mapstyle.fill(palette.NOT_ENDORSED, faded=True),
        subtitle=f"Source as of {long_date(as_of)}.",
        source_line=source_line,
        file_stem=focus.file_stem(as_of),
    )


def _count(name: str, n: int, members: int, focus: Focus) -> str:
    return f"{name} ({n})" if focus.kind == WORLD else f"{name} ({n} of {members})"


def _outside_label(name: str, outside: int, focus: Focus) -> str:
    """The legend label of areas outside the 195 states, as on the Call to Action map."""
    if focus.kind == WORLD:
        return f"{name} ({outside} territories and areas)"
    if not outside:
        return name
    return f"{name} ({outside} {'member' if outside == 1 else 'members'})"


def _in_view(universe: pd.DataFrame, codes: Iterable[str], focus: Focus) -> tuple[list, int]:
    """Universe states in the view, and how many other features (world) or members are there."""
    inside = set(universe.index)
    if focus.kind == WORLD:
        return list(universe.index), len(set(codes) - inside)
    return [c for c in universe.index if c in focus.members], len(focus.members - inside)


def _brief_source(instrument: Instrument) -> str:
    host = urlsplit(instrument.source_url).hostname or instrument.source_url
    return f"{instrument.short_title}: {host}, as of {instrument.as_of}"


def _credit(instrument: Instrument) -> str:
    return (
        f"{instrument.title}, as of {instrument.as_of}; {instrument.source_url}; "
        f"licence: {instrument.licence}; confidence: {instrument.confidence}."
    )


def _status_line(instrument: Instrument, status: str, listed: pd.DataFrame, code: str) -> str:
    line = f"{plotly_text(instrument.short_title)}: <b>{plotly_text(statuses.word(status))}</b>"
    if code in listed.index and listed.loc[code, "note"]:
        line += f"<br><i>{plotly_text(listed.loc[code, 'note'])}</i>"
    return line


def _tooltip(
    code: str, rows: pd.DataFrame, names: Mapping[str, str], lines: list[str], outside: list[str]
) -> str:
    """Name, the given status lines, then where the state belongs (or that it is not in scope)."""
    if code in rows.index and rows.loc[code, "in_universe"]:
        row = rows.loc[code]
        return "<br>".join([f"<b>{plotly_text(row['name'])}</b>", *lines, *_place_lines(row)])
    name = rows.loc[code, "name"] if code in rows.index else names.get(code, code)
    return "<br>".join([f"<b>{plotly_text(name)}</b>", OUT_OF_SCOPE, *outside])


def _uniform_fade(categories: tuple[str, ...], background: str) -> dict[str, str]:
    return {c: palette.OUTSIDE_FOCUS for c in categories if c != background}


def instrument_view(
    instrument: Instrument,
    matrix: pd.DataFrame,
    positions: pd.DataFrame,
    table: pd.DataFrame,
    codes: list[str],
    focus: Focus,
    names: Mapping[str, str],
) -> MapView:
    """One instrument's statuses; a partial list shows "unknown", never "not endorsed"."""
    kind = statuses.category_set(instrument)
    rows = table.set_index("iso3")
    universe = rows[rows["in_universe"]]
    column = matrix[instrument.id]
    listed = positions[positions["instrument"] == instrument.id].set_index("iso3")
    category = {code: statuses.CATEGORY[column[code]] for code in universe.index}
    categories = tuple(
        c for c in palette.CATEGORY_SETS[kind] if c != palette.UNCONFIRMED or c in category.values()
    )
    background = categories[-1]
    shown, outside = _in_view(universe, codes, focus)
    counts = pd.Series([category[c] for c in shown], dtype=str).value_counts()
    n = {c: int(counts.get(c, 0)) for c in categories}
    named = int((column == instrument.positive).sum())
    stems = {
        palette.ENDORSED: "Named as endorsing" if kind == "partial" else "Endorsed",
        palette.UNKNOWN: "Unknown: not named",
        palette.NO_VOTE: "No vote: not a UN member",
    }
    called = tuple(stems.get(c, c) for c in categories[:-1])
    called += (stems[background] if kind == "vote" else palette.NOT_IN_SCOPE,)
    labels = [_count(stems.get(c, c), n[c], len(shown), focus) for c in categories[:-1]]
    if kind == "partial" and focus.kind == WORLD:
        labels[0] = f"Named as endorsing ({named} of the {instrument.reported_total} reported)"
    if kind == "vote":
        observers = f"{n[background]} observer {'State' if n[background] == 1 else 'States'}"
        labels.append(
            f"{called[-1]} ({observers}, {outside} territories and areas)"
            if focus.kind == WORLD
            else f"{called[-1]} ({n[background]} of {len(shown)})"
        )
    else:
        labels.append(_outside_label(palette.NOT_IN_SCOPE, outside, focus))

    hover = {}
    for code in dict.fromkeys([*codes, *universe.index]):
        mine = [_status_line(instrument, column[code], listed, code)] if code in column else []
        hover[code] = _tooltip(code, rows, names, mine, mine)
    caveat = (
        f"The source reports {instrument.reported_total} endorsers but only {named} are named: "
        "every other state is unknown, not “not endorsed”."
        if kind == "partial"
        else ""
    )
    detail = {
        "vote": (palette.NO, palette.ABSTAIN, palette.NON_VOTING, palette.NO_VOTE),
        "partial": (palette.ENDORSED,),
    }.get(kind, (palette.UNCONFIRMED, palette.NOT_ENDORSED))
    noun = {"vote": "votes", "partial": "named endorsers"}.get(kind, "endorsements")
    return MapView(
        title=f"{instrument.short_title}: {noun} {focus.where}",
        categories=categories,
        names=called,
        labels=tuple(labels),
        category=category,
        hover=hover,
        background=background,
        fade=_uniform_fade(categories, background),
        faded_swatch=palette.OUTSIDE_FOCUS,
        subtitle=f"Source as of {long_date(instrument.as_of)}. {caveat}".strip(),
        source_line=f"Source: {_brief_source(instrument)}; {instrument.licence}.",
        credits=f"Source: {_credit(instrument)}",
        file_stem=f"{instrument.id}-{focus.key}-{instrument.as_of}",
        phrase=statuses.have_done(instrument),
        detail=tuple(c for c in detail if c in categories),
        caveat=caveat,
    )


def comparison(matrix: pd.DataFrame, x: Instrument, y: Instrument) -> dict[str, str]:
    """ISO3 → comparison category of every state supporting X (the others are background)."""
    only, _ = compare(matrix, x, y)
    on_x, on_y = supporters(matrix, x), supporters(matrix, y)
    category = dict.fromkeys(on_x, palette.UNDECIDABLE)
    category.update(dict.fromkeys(on_x & on_y, palette.BOTH))
    category.update(dict.fromkeys(only, palette.ONLY_X))
    return category


def undecidable_phrase(y: Instrument) -> str:
    """Why a supporter of X may have no decidable status on Y."""
    if y.kind == "vote":
        return f"cannot vote on {statuses.brief(y)}"
    if y.coverage == "partial":
        return f"{statuses.brief(y)} unknown"
    return f"{statuses.brief(y)} unconfirmed"


def comparison_view(
    x: Instrument,
    y: Instrument,
    matrix: pd.DataFrame,
    table: pd.DataFrame,
    codes: list[str],
    focus: Focus,
    names: Mapping[str, str],
) -> MapView:
    """States that support X but not Y highlighted, with those that support both and the unsure."""
    rows = table.set_index("iso3")
    universe = rows[rows["in_universe"]]
    every = comparison(matrix, x, y)
    category = {code: cat for code, cat in every.items() if code in universe.index}
    names_of = {
        palette.ONLY_X: f"{statuses.brief(x)}, not {statuses.brief(y)}",
        palette.BOTH: "Both",
        palette.UNDECIDABLE: f"{statuses.brief(x)}; {undecidable_phrase(y)}",
        palette.OTHERS: "Others",
    }
    categories = tuple(  # "undecidable" only where some supporter of X is
        c
        for c in palette.CATEGORY_SETS["comparison"]
        if c != palette.UNDECIDABLE or c in category.values()
    )
    called = tuple(names_of[c] for c in categories)
    shown, outside = _in_view(universe, codes, focus)
    n = {c: sum(category.get(s, palette.OTHERS) == c for s in shown) for c in categories}
    labels = tuple(
        _count(name, n[c], len(shown), focus) for c, name in zip(categories, called, strict=True)
    )
    if focus.kind == WORLD or outside:
        labels = (*labels[:-1], f"{labels[-1]} and areas not in scope")
    hover = {}
    for code in dict.fromkeys([*codes, *universe.index]):
        lines = [
            f"{plotly_text(i.short_title)}: {plotly_text(statuses.word(matrix.loc[code, i.id]))}"
            for i in (x, y)
            if code in matrix.index
        ]
        headline = _headline(every.get(code), x, y)
        hover[code] = _tooltip(code, rows, names, [headline, *lines] if headline else lines, lines)
    return MapView(
        title=capitalised(f"{statuses.did(x)} but {statuses.did_not(y)}, {focus.where}"),
        categories=categories,
        names=called,
        labels=labels,
        category=category,
        hover=hover,
        background=palette.OTHERS,
        fade=_uniform_fade(categories, palette.OTHERS),
        faded_swatch=palette.OUTSIDE_FOCUS,
        subtitle=f"Sources as of {long_date(x.as_of)} and {long_date(y.as_of)}.",
        source_line=f"Sources: {_brief_source(x)}; {_brief_source(y)}.",
        credits=f"Sources: {_credit(x)} {_credit(y)}",
        file_stem=f"{x.id}-not-{y.id}-{focus.key}",
        phrase=f"{statuses.have_done(x)} but {statuses.did_not(y)}",
        detail=tuple(c for c in (palette.ONLY_X, palette.UNDECIDABLE) if c in categories),
    )


def _headline(cat: str | None, x: Instrument, y: Instrument) -> str:
    text = {
        palette.ONLY_X: f"{statuses.did(x)} but {statuses.did_not(y)}",
        palette.BOTH: f"{statuses.did(x)} and {statuses.did(y)}",
        palette.UNDECIDABLE: f"{statuses.did(x)}; {undecidable_phrase(y)}",
    }.get(cat or "", "")
    return f"<b>{plotly_text(capitalised(text))}</b>" if text else ""
