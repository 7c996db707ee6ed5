"""Write a diffable snapshot of what users see (briefing packs, pages' text, tables and figures)."""

# Usage, from the root of the checkout to snapshot (``make snapshot OUT=dir``):
#     .venv/bin/python scripts/snapshot_outputs.py OUT [--quick]
# then ``scripts/compare_snapshots.py BEFORE AFTER``. The harness imports no project module itself:
# the packs come from ``python -m briefing`` and the pages from Streamlit's AppTest on dashboard.py,
# so one copy of it can snapshot any commit (a worktree) as well as the working tree.
#
# Normalisations (all else is written as the app and the command line produce it):
# - the packs' "Prepared on" date: the command line runs with ``datetime.date.today()`` fixed to
#   PACK_TODAY, and any long date of the real today left in a text becomes "<today>";
# - a deck is a zip whose entries carry the time of writing: each entry is hashed on its own, in
#   name order, never the zip's bytes; the PDF handout is hashed whole (reportlab's invariant mode);
# - pages: widget and block ids ("$$ID-<hash>-<key>", derived from the widgets' arguments), the ids
#   of deferred downloads (random) and page links' script hashes (an internal id; the link's page
#   and query stay) are dropped; a deferred download (a pack, an Excel file) is recorded by its
#   label and help only, as its content is built on click; a component's code is hashed;
# - a table is written as CSV (its data, and for a styled table the values shown) instead of Arrow
#   bytes, and a styled table's random id ("T_62a81") becomes "T_<uuid>" in its styles;
# - a map's GeoJSON is replaced by its SHA-256 (the same 330 kB in every view; any change shows);
# - the plan page runs on an empty SQLite plan in a temporary folder; AppTest has no browser, so the
#   session is not the laptop's, as for any visitor from another machine.

import argparse
import base64
import csv
import hashlib
import io
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from concurrent.futures import ThreadPoolExecutor
from datetime import date
from pathlib import Path

import pandas as pd
from babel.dates import format_date
from google.protobuf.json_format import MessageToDict
from pptx import Presentation
from pypdf import PdfReader
from streamlit.dataframe_util import convert_arrow_bytes_to_pandas_df
from streamlit.testing.v1 import AppTest
from streamlit.testing.v1.element_tree import Block, Node

LANGUAGES = ("en", "fr", "es")
FORMATS = ("pptx", "pdf")
PACK_TODAY = date(2001, 2, 3)
DATE_LOCALES = ("en_GB", "en_US", "fr", "es")
AU = "org-african-union"
BYS = ("region", "subregion", "ungroup", "org")
COUNTRIES = ("NLD", "CRI", "PSE", "USA")
DROPPED_KEYS = frozenset({"id", "formId", "deferredFileId", "pageScriptHash"})
HASHED_KEYS = frozenset({"jsContent"})  # a component's code: 80 kB on every map's line
QUICK_FOCUSES = ("world", AU)
SNAPSHOT_FOLDERS = {"packs", "pages"}
# The command line with today fixed: the pack's "Prepared on" line is the same on any day.
FIXED_TODAY_CLI = f"""
import datetime, sys
class Today(datetime.date):
    @classmethod
    def today(cls):
        return cls({PACK_TODAY.year}, {PACK_TODAY.month}, {PACK_TODAY.day})
datetime.date = Today
from briefing.__main__ import main
sys.exit(main(sys.argv[1:]))
"""

State = tuple[str, dict[str, str]]


class PackError(Exception):
    """The command line failed: its last line of stderr."""


def page_states(instruments: list[str], quick: bool = False) -> list[State]:
    """The URL states snapshotted: each page, focus, comparison, instrument, grouping and state."""
    compare = {"compare": f"{instruments[1]},{instruments[0]}"}  # the registry's 2nd with its 1st
    states: list[State] = [("map", {}), ("map", {"focus": AU}), ("map", compare)]
    states += [("map", {"present": "1"}), ("map", {"present": "1", "focus": AU})]
    states += [("map", {"instrument": i}) for i in instruments]
    states += [("regions", {"by": by}) for by in BYS]
    states += [("regions", compare), ("regions", {"present": "1", "by": "ungroup"})]
    states += [("outreach", {}), ("sources", {}), ("plan", {}), ("country", {})]
    states += [("country", {"iso3": iso3}) for iso3 in COUNTRIES]
    states += [("compare", {"iso3": ",".join(COUNTRIES[:3])})]
    states += [("instruments", {})] + [("instruments", {"instrument": i}) for i in instruments]
    states += [("briefing", {}), ("briefing", {"focus": AU}), ("briefing", compare)]
    if not quick:
        return states
    first: dict[str, State] = {}
    for page, params in states:  # one state a page
        first.setdefault(page, (page, params))
    return list(first.values())


def state_name(page: str, params: dict[str, str]) -> str:
    """A folder name for a URL state: ``map``, ``map__focus=org-african-union``."""
    query = "&".join(f"{k}={v}" for k, v in sorted(params.items()))
    return page + (f"__{re.sub(r'[^A-Za-z0-9=&.-]+', '_', query)}" if query else "")


def today_dates(days: list[date]) -> list[str]:
    """The long dates of ``days`` in every interface language, the longest first."""
    found = {format_date(day, format="long", locale=loc) for day in days for loc in DATE_LOCALES}
    return sorted(found, key=len, reverse=True)


def normalised(text: str, dates: list[str]) -> str:
    """``text`` with every long date of the real today replaced by ``<today>``."""
    for day in dates:
        text = text.replace(day, "<today>")
    return text


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def pruned(value: object) -> object:
    """A proto's dict without the ids that vary with a widget's arguments or between runs."""
    if isinstance(value, dict):
        return {
            k: f"sha256:{sha256(v.encode())}" if k in HASHED_KEYS else pruned(v)
            for k, v in value.items()
            if k not in DROPPED_KEYS
        }
    if isinstance(value, list):
        return [pruned(v) for v in value]
    return value


def hashed_geojson(figure: dict) -> dict:
    """The figure with each trace's GeoJSON replaced by its SHA-256."""
    data = []
    for trace in figure.get("data", []):
        if "geojson" in trace:
            raw = json.dumps(trace["geojson"], sort_keys=True).encode()
            trace = {**trace, "geojson": f"sha256:{sha256(raw)}"}
        data.append(trace)
    return {**figure, "data": data}


def as_csv(frame: pd.DataFrame) -> str:
    """A table as CSV, with its index unless that is the default 0, 1, 2…"""
    return frame.to_csv(index=not isinstance(frame.index, pd.RangeIndex))


def dumped(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, indent=1) + "\n"


# Packs -------------------------------------------------------------------------------------------


def deck_text(content: bytes, dates: list[str]) -> str:
    """A deck as text: each slide's shapes in order (box, text, table, picture hash), its notes,
    then every zip entry's hash."""
    deck = Presentation(io.BytesIO(content))
    props = deck.core_properties
    lines = [f"title: {props.title}", f"subject: {props.subject}", f"author: {props.author}"]
    for number, slide in enumerate(deck.slides, 1):
        lines.append(f"== slide {number} (layout {slide.slide_layout.name})")
        for shape in slide.shapes:
            box = f"{shape.left},{shape.top},{shape.width},{shape.height}"
            lines.append(f"-- {shape.shape_type} {shape.name!r} at {box}")
            if shape.has_text_frame:
                lines += [f"   {p.text}" for p in shape.text_frame.paragraphs]
            if getattr(shape, "has_table", False):
                lines += ["   " + " | ".join(c.text for c in row.cells) for row in shape.table.rows]
            if hasattr(shape, "image"):
                lines.append(f"   picture {shape.image.content_type} {sha256(shape.image.blob)}")
        if slide.has_notes_slide:
            notes = slide.notes_slide.notes_text_frame.text
            lines += [f"   notes: {line}" for line in notes.split("\n")]
    lines.append("== zip entries")
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        for name in sorted(archive.namelist()):
            part = archive.read(name)
            if name.endswith((".xml", ".rels")):
                part = normalised(part.decode("utf-8"), dates).encode("utf-8")
            lines.append(f"{name} {sha256(part)}")
    return normalised("\n".join(lines), dates) + "\n"


def handout_text(content: bytes, dates: list[str]) -> str:
    """A handout as text: the document's metadata, each page's size and text, the file's hash."""
    reader = PdfReader(io.BytesIO(content))
    metadata = {k: str(v) for k, v in (reader.metadata or {}).items()}
    lines = [f"metadata: {json.dumps(metadata, ensure_ascii=False, sort_keys=True)}"]
    for number, page in enumerate(reader.pages, 1):
        box = page.mediabox
        lines.append(f"== page {number} ({float(box.width):g} x {float(box.height):g} pt)")
        lines += page.extract_text().split("\n")
    lines.append(f"== file sha256 {sha256(content)}")
    return normalised("\n".join(lines), dates) + "\n"


def pack_arguments(language: str, fmt: str, folder: Path, quick: bool) -> list[list[str]]:
    """The command lines of one language and format: ``--all``, or two focuses with --quick."""
    common = ["--lang", language, "--format", fmt]
    if not quick:
        return [["--all", *common, "--out", str(folder)]]
    return [[*common, "--focus", f, "--out", str(folder / f"{f}.{fmt}")] for f in QUICK_FOCUSES]


def write_packs(
    repo: Path, out: Path, language: str, fmt: str, quick: bool, dates: list[str]
) -> None:
    """Run ``python -m briefing`` for one language and format and write each pack as text."""
    env = environment(repo)
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        for arguments in pack_arguments(language, fmt, folder, quick):
            command = [sys.executable, "-c", FIXED_TODAY_CLI, *arguments]
            done = subprocess.run(command, cwd=repo, env=env, capture_output=True, text=True)
            if done.returncode:
                last = (done.stderr.strip().splitlines() or ["no message"])[-1]
                raise PackError(f"python -m briefing {' '.join(arguments)} failed: {last}")
        target = out / "packs" / language
        target.mkdir(parents=True, exist_ok=True)
        reduce = deck_text if fmt == "pptx" else handout_text
        for path in sorted(folder.glob(f"*.{fmt}")):
            text = reduce(path.read_bytes(), dates)
            (target / f"{path.name}.txt").write_text(text, encoding="utf-8")


# Pages -------------------------------------------------------------------------------------------


class PageWriter:
    """Writes one page state: its elements in order as text, its tables, maps and charts apart."""

    def __init__(self, folder: Path, dates: list[str]) -> None:
        self.folder = folder
        self.dates = dates
        self.lines: list[str] = []
        self.counts: dict[str, int] = {}

    def _file(self, kind: str, suffix: str, text: str) -> str:
        self.counts[kind] = self.counts.get(kind, 0) + 1
        name = f"{kind}-{self.counts[kind]:02d}.{suffix}"
        (self.folder / name).write_text(normalised(text, self.dates), encoding="utf-8")
        return name

    def _table(self, node: Node, fields: dict) -> None:
        """A table's data as CSV; a styled table's shown values too, and its styles."""
        styler = fields.pop("arrowData").get("styler", {})
        fields["data"] = self._file("table", "csv", as_csv(node.value))
        uuid = styler.pop("uuid", "")
        if "displayValues" in styler:
            shown = convert_arrow_bytes_to_pandas_df(base64.b64decode(styler["displayValues"]))
            styler["displayValues"] = self._file("table", "csv", as_csv(shown))
        if styler:
            styles = json.dumps(styler, ensure_ascii=False).replace(f"T_{uuid}", "T_<uuid>")
            fields["styler"] = json.loads(styles)

    def element(self, node: Node, depth: int) -> None:
        fields = pruned(MessageToDict(node.proto)) if node.proto is not None else {}
        if "arrowData" in fields:
            self._table(node, fields)
        elif node.type == "plotly_chart":
            spec = json.loads(fields.pop("spec", "{}"))
            fields["spec"] = self._file("chart", "json", dumped(spec))
        elif node.type == "bidi_component" and "figure" in json.loads(fields.get("json", "{}")):
            drawn = json.loads(fields.pop("json"))
            drawn["figure"] = hashed_geojson(json.loads(drawn["figure"]))
            fields["json"] = self._file("map", "json", dumped(drawn))
        line = json.dumps(fields, ensure_ascii=False, sort_keys=True)
        self.lines.append(f"{'  ' * depth}{node.type}: {line}")

    def walk(self, node: Node, depth: int = 0) -> None:
        if isinstance(node, Block):
            if node.proto is not None:
                self.element(node, depth)
            for child in node.children.values():
                self.walk(child, depth + 1)
        else:
            self.element(node, depth)

    def write(self, at: AppTest) -> None:
        url = "&".join(f"{k}={v}" for k, v in sorted(at.query_params.items()))
        self.lines.insert(0, f"url: ?{url}")
        self.walk(at.main)
        self.walk(at.sidebar)
        text = "\n".join(self.lines) + "\n"
        (self.folder / "elements.txt").write_text(normalised(text, self.dates), encoding="utf-8")


def run_page(repo: Path, page: str, params: dict[str, str]) -> AppTest:
    """The page run with ``params`` in its URL, as the app tests open it (after the map, but for
    the map itself)."""
    at = AppTest.from_file(str(repo / "dashboard.py"), default_timeout=120)
    if page != "map":
        at.run()
        at.switch_page(f"app_pages/{page}.py")
    at.query_params.update(params)
    return at.run()


def write_pages(
    repo: Path, out: Path, states: list[State], languages: tuple[str, ...], dates: list[str]
) -> None:
    """Every state in every language, each in ``pages/<lang>/<state>/``."""
    for language in languages:
        for page, params in states:
            folder = out / "pages" / language / state_name(page, params)
            folder.mkdir(parents=True, exist_ok=True)
            wanted = params | ({"lang": language} if language != "en" else {})
            PageWriter(folder, dates).write(run_page(repo, page, wanted))


# The run -----------------------------------------------------------------------------------------


def environment(repo: Path) -> dict[str, str]:
    """The environment of the command line: the checkout's code and its shipped data."""
    env = {k: v for k, v in os.environ.items() if k != "REAIM_DATA_DIR"}
    return env | {"PYTHONPATH": str(repo)}


def instrument_ids(repo: Path) -> list[str]:
    with (repo / "data" / "instruments" / "instruments.csv").open(encoding="utf-8") as file:
        return [row["id"] for row in csv.DictReader(file)]


def problem(repo: Path, out: Path) -> str:
    """What stops a snapshot of ``repo`` into ``out``, in one line; "" if nothing."""
    if not (repo / "dashboard.py").is_file():
        return f"{repo} is not a checkout of the dashboard; run from its root or pass --repo"
    if out.exists() and not {p.name for p in out.iterdir()} <= SNAPSHOT_FOLDERS:
        return f"{out} holds more than a snapshot; choose another folder"
    return ""


def snapshot(repo: Path, out: Path, quick: bool) -> float:
    """Write the snapshot (an earlier one in ``out`` replaced); the seconds the pages took."""
    shutil.rmtree(out, ignore_errors=True)
    started = time.monotonic()
    languages = ("en",) if quick else LANGUAGES
    dates = today_dates([date.today()])
    os.environ.pop("REAIM_DATA_DIR", None)
    sys.path.insert(0, str(repo))  # the pages import the checkout's code, first
    with tempfile.TemporaryDirectory() as plan, ThreadPoolExecutor(max_workers=2) as pool:
        os.environ["REAIM_DATABASE_URL"] = f"sqlite:///{Path(plan) / 'plan.sqlite'}"
        packs = [
            pool.submit(write_packs, repo, out, language, fmt, quick, dates)
            for language in languages
            for fmt in FORMATS
        ]  # two pack processes beside the pages, then beside each other
        write_pages(repo, out, page_states(instrument_ids(repo), quick), languages, dates)
        pages = time.monotonic() - started
        for done in packs:
            done.result()
    return pages


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out", type=Path, help="the folder to write (an earlier snapshot replaced)")
    parser.add_argument("--repo", type=Path, default=Path.cwd(), help="the checkout (default: .)")
    parser.add_argument("--quick", action="store_true", help="English, one state a page, 2 packs")
    args = parser.parse_args(argv)
    repo, out = args.repo.resolve(), args.out.resolve()
    found = problem(repo, out)
    if found:
        print(f"error: {found}", file=sys.stderr)
        return 2
    started = time.monotonic()
    try:
        pages = snapshot(repo, out, args.quick)
    except PackError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(f"Wrote {out} in {time.monotonic() - started:.0f} s (pages: {pages:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
