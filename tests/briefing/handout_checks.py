"""Independent expectations and PDF inspection for the handout tests (pandas and pypdf only)."""

import io
import json
from dataclasses import dataclass
from datetime import date
from functools import cache

import pandas as pd
from pypdf import PdfReader
from pypdf.generic import ContentStream

from conftest import REPO

DATA = REPO / "data"
GROUPS = DATA / "reference" / "groups"
CTA = "reaim-2023-call-to-action"
PD = "us-political-declaration"
A4_LANDSCAPE = (841.89, 595.28)
BASE_14 = {
    "Courier",
    "Courier-Bold",
    "Courier-BoldOblique",
    "Courier-Oblique",
    "Helvetica",
    "Helvetica-Bold",
    "Helvetica-BoldOblique",
    "Helvetica-Oblique",
    "Symbol",
    "Times-Bold",
    "Times-BoldItalic",
    "Times-Italic",
    "Times-Roman",
    "ZapfDingbats",
}
PATH_OPERATORS = {b"m", b"l", b"c", b"v", b"y", b"re", b"h", b"f", b"f*", b"S", b"B", b"b"}


@dataclass(frozen=True)
class Expected:
    """What a handout must say, computed from the CSV files without the code under test."""

    label: str  # the group's label in the key figures
    members: tuple[str, ...]
    counts: dict[str, int]  # category → members in it, every category in legend order
    lists: dict[str, tuple[str, ...]]  # category → names, the non-empty categories
    lead: str  # "7 of 7 (100%)": the first category in the group
    world: str  # the same over the 195 states
    as_of: str


def _text(path) -> pd.DataFrame:
    return pd.read_csv(path, dtype=str, keep_default_na=False)


@cache
def universe() -> pd.DataFrame:
    table = _text(DATA / "endorsements.csv")
    return table[table["in_universe"] == "true"].sort_values("name", key=lambda s: s.str.casefold())


def _members(focus_key: str) -> tuple[pd.DataFrame, str]:
    states = universe()
    if focus_key == "world":
        return states, "the world"
    kind, _, group = focus_key.partition("-")
    if kind == "region":
        (region,) = {r for r in states["m49_region"] if r.casefold().replace(" ", "-") == group}
        return states[states["m49_region"] == region], region
    labels = _text(GROUPS / "index.csv").set_index("group_id")["label"]
    codes = set(_text(GROUPS / f"{group}.csv")["iso3"])
    return states[states["iso3"].isin(codes)], labels[group]


def _share(count: int, total: int) -> str:
    return f"{count} of {total} ({count / total:.0%})"


def expected(focus_key: str, view_key: str) -> Expected:
    """The categories, names and shares of a Call to Action view or the PD-versus-CtA comparison."""
    members, label = _members(focus_key)
    cta = members["endorsed"] == "true"
    if view_key == CTA:
        categories = {"Endorsed": cta, "Not endorsed": ~cta}
        world = (universe()["endorsed"] == "true").sum()
    else:
        assert view_key == f"{PD},{CTA}"
        pd_rows = _text(DATA / "instruments" / f"{PD}.csv")
        pd_codes = set(pd_rows.loc[pd_rows["status"] == "endorsed", "iso3"])
        signed = members["iso3"].isin(pd_codes)
        categories = {  # the Call to Action's list is complete: not listed is not endorsed
            "US Political Declaration, not Call to Action": signed & ~cta,
            "Both": signed & cta,
            "Call to Action, not US Political Declaration": ~signed & cta,
            "Others": ~signed & ~cta,
        }
        everyone = universe()
        world = (everyone["iso3"].isin(pd_codes) & (everyone["endorsed"] != "true")).sum()
    lists = {
        name: tuple(members.loc[mask, "name"]) for name, mask in categories.items() if mask.any()
    }
    lead = next(iter(categories.values())).sum()
    as_of = json.loads((DATA / "endorsements.meta.json").read_text(encoding="utf-8"))
    return Expected(
        label,
        tuple(members["name"]),
        {name: int(mask.sum()) for name, mask in categories.items()},
        lists,
        _share(int(lead), len(members)),
        _share(int(world), len(universe())),
        date.fromisoformat(as_of["source_as_of"]).strftime("%-d %B %Y"),  # "16 February 2023"
    )


def flat(text: str) -> str:
    """Whitespace collapsed, so that wrapped lines read as one."""
    return " ".join(text.split())


def _resources(obj) -> list:
    """A resource dictionary and those of the form XObjects it holds, recursively."""
    found = [obj]
    for xobject in obj.get("/XObject", {}).values():
        xobject = xobject.get_object()
        if xobject.get("/Subtype") == "/Form" and "/Resources" in xobject:
            found += _resources(xobject["/Resources"].get_object())
    return found


def fonts(pdf: bytes) -> list[dict]:
    """Every font dictionary used by any page, forms included."""
    found = []
    for page in PdfReader(io.BytesIO(pdf)).pages:
        for resources in _resources(page["/Resources"].get_object()):
            found += [f.get_object() for f in resources.get("/Font", {}).values()]
    return found


def fonts_of(page) -> set[str]:
    """The subtypes of the fonts a page draws with, its forms included: /TrueType, /Type3…"""
    return {
        f.get_object()["/Subtype"]
        for resources in _resources(page["/Resources"].get_object())
        for f in resources.get("/Font", {}).values()
    }


def images(page) -> list[tuple[int, int]]:
    """Width and height of every image XObject of a page, forms included."""
    return [
        (int(x.get_object()["/Width"]), int(x.get_object()["/Height"]))
        for resources in _resources(page["/Resources"].get_object())
        for x in resources.get("/XObject", {}).values()
        if x.get_object().get("/Subtype") == "/Image"
    ]


def path_operators(page, reader: PdfReader) -> int:
    """How many path construction and painting operators a page draws, its forms included."""
    streams = [page.get_contents()] + [
        x.get_object()
        for resources in _resources(page["/Resources"].get_object())
        for x in resources.get("/XObject", {}).values()
        if x.get_object().get("/Subtype") == "/Form"
    ]
    return sum(
        operator in PATH_OPERATORS
        for stream in streams
        for _, operator in ContentStream(stream, reader).operations
    )
