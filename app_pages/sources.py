"""Sources and method page: how to cite, provenance of every dataset, the rules, the boundary
policy, the language data (UN names, the glossary and its unofficial translations), changes.

Each section says its point in plain words; file names, checksums and the research notes behind
the plain lines of other pages are in its expanders."""

from datetime import date

import pandas as pd
import streamlit as st

from i18n import formats
from i18n.languages import DEFAULT, LANGUAGES
from i18n.translate import N_, _, active, ngettext
from instruments.matrix import supporters
from instruments.model import CALL_TO_ACTION
from store import glossary
from store.data_text import in_plain_words
from store.groups import GroupKind
from ui import cache
from ui.tables.changelog import HEADERS, change_log, imported_on, last_change
from ui.tables.citation import how_to_cite
from ui.tables.corrections import HEADERS as CORRECTION_HEADERS
from ui.tables.corrections import corrections_table
from ui.tables.documentation import research_notes, section
from ui.text import code, link, md
from ui.views.map_view import DISCLAIMER
from ui.widgets.chrome import headline_counts
from ui.widgets.plan_session import plan_readers_only
from ui.widgets.table_columns import long_text
from ui.widgets.watch_admin import watch_health

meta = cache.meta()
source = cache.provenance()
attribution = meta.get("attribution") or {}
docs = cache.documentation()
# The version of hdx-python-country whose OCHA taxonomy names.csv was built from (pinned in
# requirements-dev.txt; a build-time tool, not installed with the dashboard).
NAMES_SOURCE_VERSION = "4.2.5"
KIND_LABELS = {
    "m49-region": N_("Region (UN M49)"),
    "un-group": N_("UN regional group"),
    "organisation": N_("Organisation"),
    "instrument-title": N_("Instrument title"),
    "instrument-short": N_("Instrument short title"),
    "instrument-object": N_("Instrument, after a verb"),
    "place": N_("Place, after “in”"),
}
LANGUAGE_NAMES = {"en": N_("English"), "fr": N_("French"), "es": N_("Spanish")}


def counted(key: str) -> str:
    """A count of the metadata, written in the active language ("not recorded" when absent)."""
    value = counts.get(key)
    return formats.number(value) if isinstance(value, int | float) else _("not recorded")


def listed(rows: list[tuple[str, str]]) -> None:
    """A list of facts: each its label in bold, then its value (Markdown)."""
    st.markdown(
        "\n".join(
            "- " + _("**{label}**: {value}").format(label=label, value=value)
            for label, value in rows
        )
    )


def files(lines: list[tuple[str, str]]) -> None:
    """An expander naming the data files behind a section: (what, path) each."""
    with st.expander(_("Files")):
        listed([(md(what), f"`{path}`") for what, path in lines])


def unofficial_terms(language: str) -> pd.DataFrame:
    """The glossary's terms that are our translation, not an official term, in ``language``.

    In English, which the sources give, the unofficial French and Spanish terms side by side.
    """
    translated = [lang for lang in LANGUAGES if lang != DEFAULT]
    shown = [language] if language != DEFAULT else translated
    entries = [
        e
        for e in glossary.glossary().values()
        if any(e.status.get(lang) == "unofficial" for lang in shown)
    ]
    columns = {
        _("Kind"): [_(KIND_LABELS.get(e.kind, e.kind)) for e in entries],
        _("English"): [e.names[DEFAULT] for e in entries],
    }
    for lang in shown:
        name = _(LANGUAGE_NAMES[lang])
        columns[_("{language} (unofficial translation)").format(language=name)] = [
            e.names[lang] if e.status.get(lang) == "unofficial" else "" for e in entries
        ]
    columns[_("Source")] = [e.source for e in entries]
    columns[_("Note")] = [e.note for e in entries]
    return pd.DataFrame(columns)


st.header(_("Sources and method"), anchor=False)

endorsed = supporters(cache.matrix(), cache.catalogue()[CALL_TO_ACTION])
cite = how_to_cite(source, headline_counts(cache.table(), endorsed), date.today())
with st.container(border=True):
    st.subheader(_("How to cite"), anchor=False)
    st.markdown(
        _("**{states}**, including **{members}**, on the list as of **{date}**.").format(
            states=md(cite.states), members=md(cite.members), date=md(cite.as_of)
        )
    )
    st.markdown(_("Source: {source}.").format(source=link(cite.source, source.source_page_url)))
    st.code(cite.citation, language=None, wrap_lines=True)
    st.caption(_("Point at the line: the button at its top right copies it."))

st.subheader(_("Endorsements of the REAIM 2023 Call to Action"), anchor=False)
if source.method == "transcribed":
    st.info(
        _(
            "The list shown is a **transcription** of the official list, not a copy read from "
            "it: {method}."
        ).format(method=md(source.method_phrase)),
        icon=":material/edit_note:",
    )
rows = [
    (_("Source page"), link(source.source_page_url, source.source_page_url)),
    (_("Document"), link(meta.get("document_title") or _("the list"), source.document_url)),
    (
        _("Source as of"),
        f"{md(formats.long_date(source.as_of))} ({md(source.as_of_basis)})",
    ),
    (_("How it was obtained"), md(source.method_phrase)),
    (_("Retrieved or transcribed on"), md(formats.long_date(source.retrieved_at))),
    (_("Licence of the source"), md(source.licence)),
]
if source.method == "transcribed":
    rows += [
        (
            _("Transcription"),
            f"{md(source.transcribed_by)}, "
            + link(source.transcription_url, source.transcription_url),
        ),
        (_("Transcription licence"), md(source.transcription_licence)),
        (_("Verification"), md(attribution.get("verified", _("not recorded")))),
        (
            _("Archived source page"),
            link(
                attribution.get("archived_source_page", ""),
                attribution.get("archived_source_page", ""),
            ),
        ),
    ]
listed(rows)
counts = meta.get("counts", {})
observers = counts.get("endorsers_un_observers", 0)
st.caption(
    md(
        ngettext(
            "The list has {entries} entries: {endorsers} of the 195 states ({members} UN member "
            "States and {observers} observer State) and {outside} other entities.",
            "The list has {entries} entries: {endorsers} of the 195 states ({members} UN member "
            "States and {observers} observer States) and {outside} other entities.",
            observers if isinstance(observers, int) else 2,
        ).format(
            entries=counted("entries_listed"),
            endorsers=counted("endorsers_in_universe"),
            members=counted("endorsers_un_members"),
            observers=counted("endorsers_un_observers"),
            outside=counted("endorsers_outside_universe"),
        )
    )
)
with st.expander(_("Checksums, and the licence as recorded")):
    recorded = [
        (_("Document SHA-256"), code(source.document_sha256, limit=80)),
        (_("Published table SHA-256"), code(meta.get("table_sha256", ""), limit=80)),
    ]
    if in_plain_words(meta.get("licence", "")):
        recorded.append((_("Licence, as recorded with the data"), md(meta["licence"])))
    listed(recorded)

st.subheader(_("Which states count"), anchor=False)
st.markdown(
    _(
        "The dashboard counts the **193 UN member States and the 2 non-member observer States** "
        "(Holy See, State of Palestine): 195 states, one row each, so a state that has not "
        "endorsed is a row, not an absence. An entity outside them that a source lists is kept "
        "and shown as *not in scope*, never dropped. Regions follow the UN M49 standard; the UN "
        "regional groups follow the UN's own list of the regional groups of Member States, with "
        "a note wherever a membership is unclear."
    )
)

st.subheader(_("How names are resolved"), anchor=False)
st.markdown(
    _(
        'The source prints names informally ("UK", "Turkey", "The Netherlands"). Each printed '
        "name is matched **exactly, after normalisation** (Unicode forms and diacritics, case, "
        "apostrophes, punctuation, *&* as *and*, *St* as *Saint*, the article *the*) against a "
        "reviewed table of the names each state goes by. There is no fuzzy matching: a name "
        "that is not in the table stops the update with suggestions, so look-alikes (Niger and "
        "Nigeria, Dominica and the Dominican Republic, the two Congos, the Guineas, Sudan and "
        "South Sudan) can never be confused."
    )
)
files([(_("Names each state goes by"), "data/reference/aliases.csv")])

st.subheader(_("Reference data"), anchor=False)
st.markdown(_("Each organisation's members are counted as of the date of its list:"))
index = cache.group_index()
st.dataframe(
    index.drop(columns=["kind"]).rename(
        columns={
            "group_id": _("Id"),
            "label": _("Organisation"),
            "as_of": _("Members as of"),
            "members": _("Members"),
        }
    ),
    hide_index=True,
    width="stretch",
)
files(
    [
        (_("States, regions and regional groups"), "data/reference/states.csv"),
        (_("Organisation memberships, one file each"), "data/reference/groups/"),
    ]
)
for name, title in (
    ("reference", _("Reference data: how it was built")),
    ("groups", _("Group membership sources")),
):
    if name in docs:
        with st.expander(title):
            st.markdown(docs[name])
groupings = cache.groupings()
notes = research_notes([*groupings[GroupKind.UNGROUP], *groupings[GroupKind.ORG]])
if notes:
    with st.expander(_("Membership notes as the sources give them (in English)")):
        listed([(f"{md(name)}, {md(group)}", md(note)) for name, group, note in notes])
with st.expander(_("Notes on the source of each instrument (in English)")):
    noted = [i for i in cache.catalogue().values() if i.source_note]
    listed([(md(i.short_title), md(i.source_note)) for i in noted])

st.subheader(_("Names and terms in other languages"), anchor=False)
st.markdown(
    _(
        "Names of states: the UN short name of each of the 195 states in the six official "
        "languages of the United Nations (Arabic, Chinese, English, French, Russian and Spanish), "
        "copied verbatim from the M49 and UNTERM columns of the UN OCHA Countries & Territories "
        "Taxonomy, as published in the Python package hdx-python-country {version}. They are "
        "never translated by hand."
    ).format(version=NAMES_SOURCE_VERSION)
)
st.markdown(
    _(
        "Names of regions, groups, organisations and instruments: each term in English, French "
        "and Spanish, with its source and, for each language, a status: *official* when the body "
        "that publishes the term uses it, *unofficial* when it is our own careful translation."
    )
)
files(
    [
        (_("Names of states"), "data/reference/names.csv"),
        (_("Terms and their sources"), "data/reference/glossary.csv"),
    ]
)
try:
    unofficial = unofficial_terms(active())
except FileNotFoundError:  # the glossary is not part of this dataset yet
    unofficial = None
if unofficial is None:
    st.caption(_("The glossary is not available: terms are shown as the sources give them."))
elif len(unofficial):
    st.markdown(
        _(
            "**Unofficial translations.** These terms have no official version in this "
            "language; the dashboard uses our translation, flagged below:"
        )
        if active() != DEFAULT
        else _(
            "**Unofficial translations.** These terms have no official French or Spanish "
            "version; the dashboard uses our translation, flagged below:"
        )
    )
    with st.expander(
        ngettext(
            "{count} unofficial translation, with its source and notes",
            "{count} unofficial translations, with their sources and notes",
            len(unofficial),
        ).format(count=formats.number(len(unofficial)))
    ):
        st.dataframe(
            unofficial,
            hide_index=True,
            width="stretch",
            column_config={
                _("Source"): long_text(_("Source"), width="medium"),
                _("Note"): long_text(_("Note"), width="medium"),
            },
        )
else:
    st.caption(_("Every term of the glossary is official in this language."))

st.subheader(_("Map geometry and boundary policy"), anchor=False)
st.markdown(
    _(
        "Shapes: Natural Earth 1:50m (public domain), as published in the npm package "
        "world-atlas 2.0.2 (ISC licence), simplified once. Small states are also drawn as dots. "
        "Boundaries follow Natural Earth (de facto), except where United Nations map practice "
        "differs: each exception is listed below. {disclaimer}"
    ).format(disclaimer=_(DISCLAIMER))
)
policy = section(docs.get("geometry", ""), "Boundary policy")
if policy:
    with st.expander(_("Boundary policy: each departure from Natural Earth")):
        st.markdown(policy)
files(
    [
        (_("The shapes"), "data/geo/world.geojson"),
        (_("Built by"), "scripts/build_geometry.py"),
    ]
)
if "geometry" in docs:
    with st.expander(_("Map geometry: provenance and processing")):
        st.markdown(docs["geometry"])

st.subheader(_("Change log"), anchor=False)
log = cache.changelog()
if len(log):
    changed = last_change(log)
    st.caption(
        _(
            "Every state added to or removed from the list since it was first imported, on "
            "{imported}. The rows marked “initial import” are the list as it stood then (as of "
            "{as_of}), not states added that day. {since}"
        ).format(
            imported=md(formats.long_date(imported_on(log))),
            as_of=md(formats.long_date(source.as_of)),
            since=_("Last change detected on {date}.").format(date=md(formats.long_date(changed)))
            if changed
            else _("The list has not changed since."),
        )
    )
    st.dataframe(
        change_log(log).rename(columns={name: _(label) for name, label in HEADERS.items()}),
        hide_index=True,
        width="stretch",
    )
else:
    st.caption(_("No change to the list has been recorded yet."))

st.subheader(_("Corrections"), anchor=False)
st.caption(
    _(
        "Changes to facts, not endorsements: the change log lists those. Each correction keeps "
        "the day it was recorded, its reason and its source, as written (in English). The "
        "change log, these corrections and the date of each position (each country profile "
        "lists a state's) together explain every difference between two as-of dates."
    )
)
fixed = cache.corrections()
if len(fixed):
    states = cache.table()
    named = cache.feature_names() | dict(zip(states["iso3"], states["name"], strict=True))
    st.table(  # a static table wraps the reasons and sources; every cell escaped as Markdown
        corrections_table(fixed, cache.catalogue(), named)
        .map(md)
        .rename(columns={name: _(label) for name, label in CORRECTION_HEADERS.items()}),
        hide_index=True,
    )
else:
    st.caption(_("No correction has been recorded."))

if (opened := plan_readers_only()) is not None:  # how the watch goes: for the plan's readers
    watch_health(opened[0].engine)
