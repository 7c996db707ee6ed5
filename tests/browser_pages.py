"""The pages and presentation screens the browser tests visit, shared by the browser and
accessibility tests: each URL, the header a page shows when settled, the map's shape count."""

import json

from conftest import REPO

PAGES = {
    "map-world": "/",
    "map-europe": "/?focus=region-europe",
    "map-pacific-islands-forum": "/?focus=org-pacific-islands-forum",
    "regions": "/regions?by=org",
    "outreach": "/outreach?region=Africa",
    "country-nld": "/country?iso3=NLD",
    "sources": "/sources",
    "instruments": "/instruments",
    "map-compare": "/?compare=us-political-declaration,reaim-2023-call-to-action",
    "map-blueprint": "/?instrument=reaim-2024-blueprint-for-action",
    "map-vote-african-union": "/?instrument=unga-80-57&focus=org-african-union",
    "regions-vote": "/regions?instrument=unga-80-57&by=ungroup",
    "outreach-priorities": "/outreach?weights=no_vote:4",
    "country-cri": "/country?iso3=CRI",
    "compare": "/compare?iso3=KEN,NLD,VAT",
    "briefing": "/briefing?focus=org-asean",
    "plan": "/plan?ungroup=African",
}
HEADERS = {
    "map": "Coverage map",
    "regions": "Regional breakdown",
    "outreach": "Outreach gaps",
    "country": "Country profile",
    "compare": "Compare states",
    "sources": "Sources and method",
    "instruments": "Related instruments",
    "briefing": "Briefing pack",
    "plan": "Outreach plan",
}
# Presentation mode: (width, height, path), each at a projector's size.
PRESENTATIONS = [
    (1366, 768, "/?present=1&focus=org-african-union"),
    (1920, 1080, "/?present=1&focus=org-african-union"),
    (1366, 768, "/?present=1&compare=us-political-declaration,reaim-2023-call-to-action"),
    (1366, 768, "/regions?present=1&instrument=unga-80-57"),
]


def features() -> int:
    """How many shapes the world map draws: one per feature of data/geo/world.geojson."""
    geojson = json.loads((REPO / "data" / "geo" / "world.geojson").read_text(encoding="utf-8"))
    return len(geojson["features"])
