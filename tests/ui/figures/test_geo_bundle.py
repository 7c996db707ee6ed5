"""The vendored plotly.js geo bundle that draws the maps matches the installed plotly.py."""

import re
from importlib.resources import files

from conftest import REPO

BUNDLE = REPO / "static" / "plotly-geo.min.js"


def plotly_js_version(code: str) -> str:
    """The version in a plotly.js bundle's licence header ("plotly.js (geo - minified) v4.1.1")."""
    found = re.search(r"\* plotly\.js[^\n]* v(\d+\.\d+\.\d+)\n", code[:400])
    assert found, "no plotly.js version in the bundle's header"
    return found[1]


def test_the_geo_bundle_is_the_plotly_js_of_the_installed_plotly():
    """Figures are written by plotly.py for the plotly.js it ships; the page draws them with the
    geo-only build of that same version. After a plotly upgrade, replace static/plotly-geo.min.js
    with `npm pack plotly.js-geo-dist-min@<version>` (see docs/architecture.md)."""
    shipped = files("plotly") / "package_data" / "plotly.min.js"
    assert plotly_js_version(BUNDLE.read_text(encoding="utf-8")) == plotly_js_version(
        shipped.read_text(encoding="utf-8")
    )


def test_the_geo_bundle_keeps_its_licence_and_holds_the_map_traces():
    code = BUNDLE.read_text(encoding="utf-8")
    assert "Licensed under the MIT license" in code[:400]
    assert "MIT License" in (REPO / "static" / "plotly-geo.LICENSE.txt").read_text()
    for trace in ("choropleth", "scattergeo"):
        assert f'moduleType:"trace",name:"{trace}"' in code, trace
