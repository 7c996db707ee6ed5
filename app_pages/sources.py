"""Sources and method page: provenance of every dataset, the rules, the boundary policy, changes."""

import pandas as pd
import streamlit as st

from instruments.prose import long_date
from ui import cache
from ui.figures.map_view import DISCLAIMER
from ui.tables.documentation import section
from ui.text import code, link, md

meta = cache.meta()
source = cache.provenance()
attribution = meta.get("attribution") or {}
docs = cache.documentation()

st.header("Sources and method", anchor=False)

st.subheader("Endorsements of the REAIM 2023 Call to Action", anchor=False)
if source.method == "transcribed":
    st.info(
        "The bundled list is a **transcription** of the official list, not a live download: "
        + md(source.method_phrase)
        + ".",
        icon=":material/edit_note:",
    )
rows = [
    ("Source page", link(source.source_page_url, source.source_page_url)),
    ("Document", link(meta.get("document_title") or "the list", source.document_url)),
    ("Source as of", f"{md(long_date(source.as_of))} ({md(source.as_of_basis)})"),
    ("How it was obtained", md(source.method_phrase)),
    ("Retrieved or transcribed on", md(source.retrieved_at)),
    ("Document SHA-256", code(source.document_sha256, limit=80)),
    ("Published table SHA-256", code(meta.get("table_sha256", ""), limit=80)),
    ("Licence of the source", md(source.licence)),
]
if source.method == "transcribed":
    rows += [
        (
            "Transcription",
            f"{md(source.transcribed_by)}, "
            + link(source.transcription_url, source.transcription_url),
        ),
        ("Transcription licence", md(source.transcription_licence)),
        ("Verification", md(attribution.get("verified", "not recorded"))),
        (
            "Archived source page",
            link(
                attribution.get("archived_source_page", ""),
                attribution.get("archived_source_page", ""),
            ),
        ),
    ]
st.markdown("\n".join(f"- **{label}**: {value}" for label, value in rows))
counts = meta.get("counts", {})
st.caption(
    md(
        f"Entries on the list: {counts.get('entries_listed')}; endorsers among the 195 states: "
        f"{counts.get('endorsers_in_universe')} ({counts.get('endorsers_un_members')} UN members, "
        f"{counts.get('endorsers_un_observers')} observer States); listed entities outside the "
        f"universe: {counts.get('endorsers_outside_universe')}."
    )
)

st.subheader("Which states count", anchor=False)
st.markdown(
    "The universe is the **193 UN member States and the 2 non-member observer States** (Holy See, "
    "State of Palestine): 195 states, one row each, so a state that has not endorsed is a row, not "
    "an absence. An entity outside the universe that the source lists is kept and shown as *not in "
    "scope*, never dropped. Regions are the UN M49 standard; the UN regional groups follow the UN "
    "DGACM list, with the caveats shown wherever a group appears."
)

st.subheader("How names are resolved", anchor=False)
st.markdown(
    'The source prints names informally ("UK", "Turkey", "The Netherlands"). Each printed name '
    "is matched **exactly, after normalisation** (Unicode forms and diacritics, case, apostrophes, "
    "punctuation, *&* as *and*, *St* as *Saint*, the article *the*) against the reviewed alias "
    "table `data/reference/aliases.csv`. There is no fuzzy matching: a name that is not in the "
    "table stops the update with suggestions, so look-alikes (Niger and Nigeria, Dominica and the "
    "Dominican Republic, the two Congos, the Guineas, Sudan and South Sudan) can never be confused."
)

st.subheader("Reference data", anchor=False)
index = cache.group_index()
st.markdown(
    "States, regions and regional groups: `data/reference/states.csv`. Organisation memberships: "
    "`data/reference/groups/` (one file per organisation, with its as-of date below)."
)
st.dataframe(
    index.rename(
        columns={
            "group_id": "Id",
            "label": "Organisation",
            "kind": "Kind",
            "as_of": "Members as of",
            "members": "Members",
        }
    ),
    hide_index=True,
    width="stretch",
)
for name, title in (("reference", "Reference data README"), ("groups", "Group membership sources")):
    if name in docs:
        with st.expander(title):
            st.markdown(docs[name])

st.subheader("Map geometry and boundary policy", anchor=False)
st.markdown(
    "Shapes: Natural Earth 1:50m (public domain) via the npm package `world-atlas@2.0.2` (ISC), "
    "simplified once by `scripts/build_geometry.py` and committed as `data/geo/world.geojson`. "
    f"Small states are also drawn as dots. {DISCLAIMER}"
)
policy = section(docs.get("geometry", ""), "Boundary policy")
if policy:
    st.markdown(policy)
if "geometry" in docs:
    with st.expander("Geometry README (provenance, processing)"):
        st.markdown(docs["geometry"])

st.subheader("Change log", anchor=False)
log = cache.changelog()
st.caption("Every addition to or removal from the list, as detected by the data pipeline.")
st.dataframe(
    pd.DataFrame(
        {
            "Detected on": log["detected_on"],
            "Source as of": log["source_as_of"],
            "Change": log["change"],
            "State": log["name"],
            "ISO3": log["iso3"],
            "Name as listed": log["name_as_listed"],
            "Method": log["method"],
        }
    ),
    hide_index=True,
    width="stretch",
)
