"""Sources and method page: provenance of every dataset, the rules, the boundary policy, the
language data (UN names, the glossary and its unofficial translations), changes."""

import pandas as pd
import streamlit as st

from i18n import formats
from i18n.languages import DEFAULT, LANGUAGES
from i18n.translate import N_, _, active
from store import glossary
from ui import cache
from ui.tables.documentation import section
from ui.text import code, link, md
from ui.views.map_view import DISCLAIMER

meta = cache.meta()
source = cache.provenance()
attribution = meta.get("attribution") or {}
docs = cache.documentation()
# The version of hdx-python-country whose OCHA taxonomy names.csv was built from (pinned in
# requirements-dev.txt; a build-time tool, not installed with the dashboard).
NAMES_SOURCE_VERSION = "4.2.5"
KIND_LABELS = {
    "m49-region": N_("M49 region"),
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
    return formats.number(value) if isinstance(value, int | float) else str(value)


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

st.subheader(_("Endorsements of the REAIM 2023 Call to Action"), anchor=False)
if source.method == "transcribed":
    st.info(
        _(
            "The bundled list is a **transcription** of the official list, not a live "
            "download: {method}."
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
    (_("Retrieved or transcribed on"), md(source.retrieved_at)),
    (_("Document SHA-256"), code(source.document_sha256, limit=80)),
    (_("Published table SHA-256"), code(meta.get("table_sha256", ""), limit=80)),
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
st.markdown(
    "\n".join(
        "- " + _("**{label}**: {value}").format(label=label, value=value) for label, value in rows
    )
)
counts = meta.get("counts", {})
st.caption(
    md(
        _(
            "Entries on the list: {entries}; endorsers among the 195 states: {endorsers} "
            "({members} UN members, {observers} observer States); listed entities outside the "
            "universe: {outside}."
        ).format(
            entries=counted("entries_listed"),
            endorsers=counted("endorsers_in_universe"),
            members=counted("endorsers_un_members"),
            observers=counted("endorsers_un_observers"),
            outside=counted("endorsers_outside_universe"),
        )
    )
)

st.subheader(_("Which states count"), anchor=False)
st.markdown(
    _(
        "The universe is the **193 UN member States and the 2 non-member observer States** (Holy "
        "See, State of Palestine): 195 states, one row each, so a state that has not endorsed is "
        "a row, not an absence. An entity outside the universe that the source lists is kept and "
        "shown as *not in scope*, never dropped. Regions are the UN M49 standard; the UN regional "
        "groups follow the UN DGACM list, with the caveats shown wherever a group appears."
    )
)

st.subheader(_("How names are resolved"), anchor=False)
st.markdown(
    _(
        'The source prints names informally ("UK", "Turkey", "The Netherlands"). Each printed '
        "name is matched **exactly, after normalisation** (Unicode forms and diacritics, case, "
        "apostrophes, punctuation, *&* as *and*, *St* as *Saint*, the article *the*) against the "
        "reviewed alias table `data/reference/aliases.csv`. There is no fuzzy matching: a name "
        "that is not in the table stops the update with suggestions, so look-alikes (Niger and "
        "Nigeria, Dominica and the Dominican Republic, the two Congos, the Guineas, Sudan and "
        "South Sudan) can never be confused."
    )
)

st.subheader(_("Reference data"), anchor=False)
index = cache.group_index()
st.markdown(
    _(
        "States, regions and regional groups: `data/reference/states.csv`. Organisation "
        "memberships: `data/reference/groups/` (one file per organisation, with its as-of date "
        "below)."
    )
)
st.dataframe(
    index.rename(
        columns={
            "group_id": _("Id"),
            "label": _("Organisation"),
            "kind": _("Kind"),
            "as_of": _("Members as of"),
            "members": _("Members"),
        }
    ),
    hide_index=True,
    width="stretch",
)
for name, title in (
    ("reference", _("Reference data README")),
    ("groups", _("Group membership sources")),
):
    if name in docs:
        with st.expander(title):
            st.markdown(docs[name])

st.subheader(_("Names and terms in other languages"), anchor=False)
st.markdown(
    _(
        "Names of states: `data/reference/names.csv` holds the UN short name of each of the 195 "
        "states in the six official languages of the United Nations (Arabic, Chinese, English, "
        "French, Russian and Spanish), copied verbatim from the M49 and UNTERM columns of the UN "
        "OCHA Countries & Territories Taxonomy, as shipped in the Python package "
        "`hdx-python-country` {version}. They are never translated by hand."
    ).format(version=NAMES_SOURCE_VERSION)
)
st.markdown(
    _(
        "Names of regions, groups, organisations and instruments: `data/reference/glossary.csv` "
        "gives each term in English, French and Spanish, with its source and, for each language, "
        "a status: *official* when the body that publishes the term uses it, *unofficial* when "
        "it is our own careful translation."
    )
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
            "language; the dashboard uses our translation, flagged here:"
        )
        if active() != DEFAULT
        else _(
            "**Unofficial translations.** These terms have no official French or Spanish "
            "version; the dashboard uses our translation, flagged here:"
        )
    )
    st.dataframe(unofficial, hide_index=True, width="stretch")
else:
    st.caption(_("Every term of the glossary is official in this language."))

st.subheader(_("Map geometry and boundary policy"), anchor=False)
st.markdown(
    _(
        "Shapes: Natural Earth 1:50m (public domain) via the npm package `world-atlas@2.0.2` "
        "(ISC), simplified once by `scripts/build_geometry.py` and committed as "
        "`data/geo/world.geojson`. Small states are also drawn as dots. {disclaimer}"
    ).format(disclaimer=_(DISCLAIMER))
)
policy = section(docs.get("geometry", ""), "Boundary policy")
if policy:
    st.markdown(policy)
if "geometry" in docs:
    with st.expander(_("Geometry README (provenance, processing)")):
        st.markdown(docs["geometry"])

st.subheader(_("Change log"), anchor=False)
log = cache.changelog()
st.caption(_("Every addition to or removal from the list, as detected by the data pipeline."))
st.dataframe(
    pd.DataFrame(
        {
            _("Detected on"): log["detected_on"],
            _("Source as of"): log["source_as_of"],
            _("Change"): log["change"],
            _("State"): log["name"],
            _("ISO3"): log["iso3"],
            _("Name as listed"): log["name_as_listed"],
            _("Method"): log["method"],
        }
    ),
    hide_index=True,
    width="stretch",
)
