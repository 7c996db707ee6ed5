"""The unsimplified Natural Earth 1:50m world (world-atlas@2.0.2) as GeoJSON, for the naive map."""

import subprocess
import tarfile
from pathlib import Path

import geopandas

from harness.server import REPO

CACHE = REPO / ".bench-cache"
GEOJSON = CACHE / "countries-50m.geojson"


def naive_geometry() -> Path:
    """Fetch world-atlas from the npm registry once (``npm pack``) and convert it to GeoJSON."""
    if GEOJSON.exists():
        return GEOJSON
    CACHE.mkdir(exist_ok=True)
    subprocess.run(["npm", "pack", "world-atlas@2.0.2"], cwd=CACHE, check=True, capture_output=True)
    with tarfile.open(CACHE / "world-atlas-2.0.2.tgz") as archive:
        archive.extract("package/countries-50m.json", CACHE, filter="data")
    world = geopandas.read_file(CACHE / "package" / "countries-50m.json", layer="countries")
    world = world.set_crs("EPSG:4326", allow_override=True)
    world["id"] = world["id"].astype(str)
    world[["id", "name", "geometry"]].to_file(GEOJSON, driver="GeoJSON")
    return GEOJSON
