"""The pack model: every section, sentence, table and figure of one briefing pack, format-free.

A pack is built from the same functions the pages use (map views, coverage sentences, the
priority score, instrument facts), so a number or a sentence is computed once; the PPTX and PDF
renderers only lay it out.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from functools import partial

import pandas as pd
from babel.numbers import format_decimal

from i18n import formats
from i18n.languages import DEFAULT
from i18n.translate import N_, _, active, ngettext
from instruments.facts import caveats, latest_vote, standing
from instruments.forms import JOINED_LATER, NOT_YET, status_word
from instruments.model import CALL_TO_ACTION, Instrument
from instruments.prose import join_names
from instruments.view import View
from store.focus import WORLD_FOCUS, Focus
from store.groups import Group
from ui.tables import comparison
from ui.tables.ask import ask_text, suggested_ask
from ui.tables.citation import reopen_line
from ui.tables.coverage import view_sentence
from ui.tables.dataset import Dataset
from ui.tables.headline import focus_group, key_figures, lead_sentence
from ui.tables.movers import in_focus, movers
from ui.tables.outreach import formula, points, ranks
from ui.tables.priority import default_weights
from ui.views.focus import FocusFrame
from ui.views.map_view import (
    BOUNDARY_NOTE,
    DISCLAIMER,
    MapView,
    on_day,
    view_of,
)

DEFAULT_TOP = 10
# The briefing page's address and the URL parameters of the day a pack starts "since" and of
# its language (ui/widgets/pages.BRIEFING, url_controls.SINCE, language.PARAM; a test checks)
PAGE, SINCE, LANGUAGE = "briefing", "since", "lang"
AUTHOR = N_("REAIM coverage dashboard")  # the files' author: translated where it is written
# Each language's tag for the text of a deck (spelling checks) and a handout (/Lang); English
# files keep the template's own, as they always have.
LANGUAGE_TAGS = {"fr": "fr-FR", "es": "es-ES"}


@dataclass(frozen=True)
class NameList:
    """The members of the focus in one map category: "Endorsed (12)" and their names."""

    heading: str
    names: tuple[str, ...]


@dataclass(frozen=True)
class Priority:
    """One state of the outreach priorities: its rank in the focus, score, why, points, its
    rank among all non-endorsers, and the ask to put to it."""

    rank: int  # among the focus's states that have not endorsed (the world's, on the world)
    name: str
    score: float
    why: str
    points: str
    world_rank: int
    ask: str  # the suggested ask (ui.tables.ask): "Ask Kenya to endorse …"


@dataclass(frozen=True)
class Since:
    """What moved in the focus since a day: the sentence to say and the movers, newest first."""

    heading: str  # "Since 22 December 2023"
    sentence: str  # ready to say: who joined which instrument, whose vote changed
    header: tuple[str, ...]  # State, Instrument, Change, Date, How exact
    rows: tuple[tuple[str, ...], ...]
    note: str  # the interval, and what a date "by then; day unknown" means


@dataclass(frozen=True)
class SideBySide:
    """Two to four states compared fact by fact (ui.tables.comparison, in brief): the table to
    lay out, the sentence to say, and the sources of every fact for the notes."""

    heading: str  # "Side by side: Kenya, Nigeria and Ghana"
    sentence: str  # on how many facts they differ
    header: tuple[str, ...]  # Fact, each state, Differs
    rows: tuple[tuple[str, ...], ...]
    sources: tuple[str, ...]  # "Kenya, UNGA 78/241 (2023): https://…"
    note: str  # how to read the dates and the marks


@dataclass(frozen=True)
class Pack:
    """One briefing pack: a focus and an instrument (or two compared), ready to lay out."""

    title: str
    subtitle: str  # the instrument(s) and the data's as-of date
    prepared: str  # "Prepared on 1 December 2026 from official sources"
    footer: str  # source and as-of date, on every slide and page
    focus: FocusFrame
    selected: View  # the instrument or comparison, as the dashboard's URL selects it
    view: MapView
    key_figures: tuple[tuple[str, str], ...]  # (label, value)
    lead: str  # the focus's tally in one short sentence, for a slide title or a projector
    sentences: tuple[str, ...]  # ready to say
    name_lists: tuple[NameList, ...]
    notes: tuple[str, ...]  # caveats: suspended members, unverified memberships, outside the 195
    priorities: tuple[Priority, ...]
    weights: str  # the score's formula with the weights used
    related: tuple[tuple[str, str], ...]  # (instrument, where the focus stands on it)
    sources: tuple[str, ...]  # in full: licences, confidence, the files' SHA-256, boundaries
    citations: tuple[str, ...]  # one line per instrument shown, to cite it by
    link: str  # the dashboard's address that reopens these figures, as of the pack's day
    file_stem: str
    since: Since | None = None  # what moved since a day, when asked
    side_by_side: SideBySide | None = None  # two to four states compared, when asked


def file_stem(view: MapView, since: date | None = None) -> str:
    """The file name of a view's pack, without the extension; "-fr", "-es" when not in English.

    English names stay as they were: ``briefing-<view>``; ``briefing-<view>-fr`` in French;
    a pack with what moved since a day adds ``-since-<day>`` before the language.
    """
    language = active()
    moved = f"-since-{since.isoformat()}" if since else ""
    return f"briefing-{view.file_stem}{moved}" + ("" if language == DEFAULT else f"-{language}")


def score_text(score: float) -> str:
    """A priority score with one decimal: "5.3", "5,3"; rounded as Python rounds "{:.1f}"."""
    return format_decimal(Decimal(f"{score:.1f}"), format="0.0", locale=formats.locale())


def map_of(data: Dataset, shown: View, focus: FocusFrame) -> MapView:
    """The map view the dashboard draws for this instrument (or comparison) and focus."""
    codes = data.geometry.codes
    view = view_of(
        shown, data.catalogue, data.matrix, data.positions, data.table, codes, focus, data.names
    )
    return on_day(view, data.day) if data.day else view


def _name_lists(view: MapView, group: Group) -> list[NameList]:
    lists = []
    for category, name in zip(view.categories, view.names, strict=True):
        members = [m for m in group.members if view.category_of(m.iso3) == category]
        if members:
            shown = tuple(f"{m.name} ({m.marker})" if m.marker else m.name for m in members)
            heading = _("{category} ({count})").format(
                category=name, count=formats.number(len(members))
            )
            lists.append(NameList(heading, shown))
    return lists


def _notes(data: Dataset, group: Group, instruments: list[Instrument]) -> list[str]:
    """Membership caveats, members outside the 195, and each instrument's own caveats."""
    notes = [
        _("{state}: {caveat}").format(state=m.name, caveat=m.caveat)
        for m in group.members
        if m.caveat
    ]
    notes += [
        _("{state} is also a member, outside the 195 states in scope ({caveat})").format(
            state=m.name, caveat=m.caveat
        )
        if m.caveat
        else _("{state} is also a member, outside the 195 states in scope").format(state=m.name)
        for m in group.outside
    ]
    for instrument in instruments:
        notes += caveats(instrument, data.positions)
    return notes


def _priorities(data: Dataset, group: Group, top: int) -> tuple[list[Priority], str]:
    """The top states of the group that have not endorsed the Call to Action, as outreach ranks."""
    weights = default_weights(data.terms)
    ranked = data.ranking()
    world = ranks(ranked)
    in_group = ranked[ranked.index.isin(group.codes)]
    position = ranks(in_group)
    chosen = [
        Priority(
            int(position[code]),
            str(row["name"]),
            float(row["score"]),
            str(row["why"]),
            points(row, weights, data.terms),
            int(world[code]),
            _ask_text(data, code),
        )
        for code, row in in_group.head(top).iterrows()
    ]
    return chosen, formula(weights, data.terms)


def _ask_text(data: Dataset, code: str) -> str:
    """A state's suggested ask, "" without one: made once, whichever packs list the state."""
    asked = data.once(("ask", code), partial(suggested_ask, data, code))
    return asked.text if asked else ""


def _related(data: Dataset, group: Group, shown: list[Instrument]) -> list[tuple[str, str]]:
    """Where the group stands on each other instrument; on a past day, one that did not exist
    yet says so."""
    rows = []
    for instrument in data.catalogue.values():
        if instrument in shown:
            continue
        if not instrument.exists_on(data.day):
            rows.append((instrument.short_title, status_word(NOT_YET)))
            continue
        statuses = data.matrix.loc[data.matrix.index.isin(group.codes), instrument.id]
        count = int(statuses.map(instrument.form.counted).sum())
        said = standing(instrument, count, len(group.members))
        unknown = int((statuses == JOINED_LATER).sum())  # joined by a later date: never "not"
        if unknown:
            said = ngettext(
                "{standing}; {count} unknown on this date",
                "{standing}; {count} unknown on this date",
                unknown,
            ).format(standing=said, count=formats.number(unknown))
        rows.append((instrument.short_title, said))
    return rows


def _sentences(data: Dataset, view: MapView, group: Group, shown: list[Instrument]) -> list[str]:
    """The focus's sentence, how it voted on the latest UNGA resolution (held by the day shown),
    the related instruments."""
    said = [view_sentence(group, view)]
    vote = latest_vote([i for i in data.catalogue.values() if i.exists_on(data.day)])
    if vote is not None and vote not in shown:
        world = data.focus_frames[WORLD_FOCUS]  # the same map for every focus: made once
        voted = data.once(("world map", vote.id), lambda: map_of(data, View(vote.id), world))
        said.append(view_sentence(group, voted))
    return said


def _sources(data: Dataset, shown: list[Instrument]) -> list[str]:
    lines = []
    for instrument in shown:
        method = data.provenance.method_phrase if instrument.id == CALL_TO_ACTION else ""
        fields = {
            "title": instrument.title,
            "date": formats.long_date(instrument.as_of),
            "url": instrument.source_url,
            "licence": instrument.licence,
            "confidence": instrument.confidence,
            "method": method,
        }
        if method:
            line = _(
                "{title}: as of {date}; {url}; licence: {licence}; confidence: {confidence}; "
                "{method}."
            )
        else:
            line = _("{title}: as of {date}; {url}; licence: {licence}; confidence: {confidence}.")
        lines.append(line.format(**fields))
    lines.append(
        _(
            "Dataset: endorsements table SHA-256 {table}; source document SHA-256 {document}."
        ).format(table=data.meta.get("table_sha256", ""), document=data.provenance.document_sha256)
    )
    lines.append(f"{_(DISCLAIMER)} {_(BOUNDARY_NOTE)}")  # two sentences, translated with the map
    return lines


def _citations(data: Dataset, shown: list[Instrument]) -> list[str]:
    """A line to cite each instrument by: the ETL's citation for the Call to Action."""
    return [
        data.provenance.citation
        if instrument.id == CALL_TO_ACTION
        else _("{title} (as of {date}). {url}.").format(
            title=instrument.title,
            date=formats.long_date(instrument.as_of),
            url=instrument.source_url,
        )
        for instrument in shown
    ]


def _link(focus: Focus, selected: View, day: date, since: date | None) -> str:
    """The sentence ending the citations: the briefing page that reopens this pack as of its
    day, with its focus, view, "since" day and language."""
    params = focus.url_params() | selected.url_params()
    if since is not None:
        params[SINCE] = since.isoformat()
    if active() != DEFAULT:
        params[LANGUAGE] = active()
    return reopen_line(PAGE, params, day)


def _as_of(shown: list[Instrument]) -> str:
    """The as-of date of the instrument, or of the two compared when they differ."""
    dates = list(dict.fromkeys(formats.long_date(i.as_of) for i in shown))
    if len(dates) == 1:
        return dates[0]
    return _("{first} and {second}").format(first=dates[0], second=dates[1])


def _subtitle(data: Dataset, shown: list[Instrument]) -> str:
    """ "Data as of 27 November 2024"; on a past day, the day first."""
    if data.day is None:
        return _("Data as of {date}").format(date=_as_of(shown))
    return _("As known on {day}; data as of {date}").format(
        day=formats.long_date(data.day), date=_as_of(shown)
    )


def _since(data: Dataset, then: Dataset, frame: FocusFrame, today: date) -> Since:
    """Who moved in the focus between ``then`` (the dataset on its day) and ``data``, as the
    pages' "since" section says it."""
    day = then.day or today
    said, table = in_focus(movers(then, data, day), data, frame, day)
    table = table.drop(columns=["ISO3"])
    when = table.columns.get_loc(_("Date"))
    rows = tuple(
        tuple(formats.long_date(v) if i == when else str(v) for i, v in enumerate(row))
        for row in table.itertuples(index=False)
    )
    return Since(
        heading=_("Since {day}").format(day=formats.long_date(day)),
        sentence=said,
        header=tuple(str(c) for c in table.columns),
        rows=rows,
        note=_(
            "From {since} to {until}. A date “by then; day unknown” is the day a source "
            "first shows the state had joined: it may have joined earlier."
        ).format(since=formats.long_date(day), until=formats.long_date(data.day or today)),
    )


def _side_by_side(data: Dataset, codes: Sequence[str]) -> SideBySide:
    """The states compared as the compare page shows them, in brief, for the public: never a
    plan's status."""
    asks = {c: ask_text(data, c) for c in codes}
    table = comparison.compare(codes, data, asks=asks)
    shown = comparison.shown(comparison.brief(table))
    names = [str(data.table.set_index("iso3").loc[c, "name"]) for c in codes]
    return SideBySide(
        heading=_("Side by side: {states}").format(states=join_names(names)),
        sentence=comparison.summary(table, names),
        header=tuple(str(c) for c in shown.columns),
        rows=tuple(tuple(str(v) for v in row) for row in shown.itertuples(index=False)),
        sources=tuple(comparison.sources(table)),
        note=_(
            "A date is as exact as its source: a day, a month, or the day by which the state "
            "had joined. “differs”: the states’ entries are not all the same. The source of "
            "each entry is in the notes."
        ),
    )


def build_pack(
    data: Dataset,
    focus: Focus,
    selected: View,
    top: int = DEFAULT_TOP,
    today: date | None = None,
    then: Dataset | None = None,
    compared: Sequence[str] = (),
) -> Pack:
    """The pack of a focus and a view (an instrument, or a comparison); with ``then`` (the
    dataset as known on an earlier day, ``on``), what moved in the focus since that day; with
    ``compared`` (two to four states in scope), those states side by side."""
    frame = data.frame(focus)
    shown = [data.catalogue[i] for i in selected.ids]
    view = map_of(data, selected, frame)
    group = focus_group(data, frame)
    chosen, weights = _priorities(data, group, top)
    footer = view.source_line
    today = today or date.today()
    since = then.day if then is not None else None
    prepared = _("Prepared on {date} from official sources").format(date=formats.long_date(today))
    return Pack(
        title=view.title,
        subtitle=_subtitle(data, shown),
        prepared=prepared,
        footer=footer,
        focus=frame,
        selected=selected,
        view=view,
        key_figures=key_figures(data, view, group),
        lead=lead_sentence(group, view),
        sentences=tuple(_sentences(data, view, group, shown)),
        name_lists=tuple(_name_lists(view, group)),
        notes=tuple(_notes(data, group, shown)),
        priorities=tuple(chosen),
        weights=weights,
        related=tuple(_related(data, group, shown)),
        sources=tuple(_sources(data, shown)),
        citations=tuple(_citations(data, shown)),
        link=_link(focus, selected, data.day or today, since),
        file_stem=file_stem(view, since),
        since=_since(data, then, frame, today) if then is not None else None,
        side_by_side=_side_by_side(data, compared) if compared else None,
    )


def priorities_frame(pack: Pack) -> pd.DataFrame:
    """The priorities as a table: Rank, State, Score, Why, and the World rank in a focus
    (internal names: a page renames them)."""
    frame = pd.DataFrame(
        [(p.rank, p.name, p.score, p.why, p.world_rank) for p in pack.priorities],
        columns=["Rank", "State", "Score", "Why", "World rank"],
    )
    return frame.drop(columns=["World rank"]) if pack.focus.is_world else frame
