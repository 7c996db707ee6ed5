"""The docs stay true: every repository path they name exists, and every rule they say a test
checks names that test, which exists.

What counts as a path: a link's target, or an inline code span without spaces that contains a
``/`` or ends in a file extension of this repository; not a URL, an option, a site path (``/plan``)
or a placeholder (``<id>``, ``{lang}``, ``*``, ``…``), nor a call (``plan_service()``). A link
resolves from the document's folder; a code span from the repository's root or the document's
folder; a bare file name (``names.csv``) must be the name of a file somewhere in the repository.
A path outside the repository (``../shared/...``) is not checked; one that git ignores is made at
run time or by the user (``state/plan.sqlite``, ``.streamlit/secrets.toml``) and need not exist.
"""

import re
import subprocess
from pathlib import Path

import pytest

from conftest import REPO

DOCS = sorted(
    [REPO / "README.md", *(REPO / "docs").glob("*.md"), *(REPO / "data").rglob("README.md")]
)
EXTENSIONS = {
    *(".csv", ".json", ".geojson", ".toml", ".txt", ".lock", ".md", ".py", ".sh", ".js", ".css"),
    *(".html", ".pdf", ".png", ".svg", ".pptx", ".potx", ".docx", ".xlsx", ".sqlite", ".yaml"),
    *(".cfg", ".po", ".pot", ".mo", ".template"),
}
# Paths named for what is not in the repository and that git does not ignore, each with why.
ELSEWHERE = {
    "data/raw/": "made by the first live refresh (docs/data.md)",
    "work/": "the ETL's folder on the server's shared volume (docs/deploying.md)",
    "reason.txt": "written beside each document the ETL sets aside (docs/refresh.md)",
    "countries-50m.json": "the input file of npm's world-atlas package (data/geo/README.md)",
    "content/endorsements.yaml": "a file of the Machine Politics repository (data/sources/)",
}
FENCE = re.compile(r"^```.*?^```", re.M | re.S)
CODE = re.compile(r"`([^`\n]+)`")
LINK = re.compile(r"\]\(([^)\s]+)\)")
NOT_A_PATH = re.compile(r"\s|://|^mailto:|^[/~#-]|[<>{}()\[\]*?=$|…@]|\.\.\.")
# "checked by a test", "checked by a property test", "a test checks", "tests check", ...
CLAIM = re.compile(
    r"checked by (?:a |an |each |one )?(?:\w+ )?tests?\b|\b(?:a|the) (?:\w+ )?test checks\b"
    r"|\btests check\b",
    re.I,
)
TEST_PATH = re.compile(r"`(tests/[^`\s]*)`")
TEST_NAME = re.compile(r"`(?:(tests/[^`\s:]+\.py)::)?(test_\w+)`")


def prose(doc: Path) -> str:
    """The document without its fenced code blocks (commands and their example output)."""
    return FENCE.sub("", doc.read_text(encoding="utf-8"))


def names_a_path(span: str) -> bool:
    """Whether an inline code span names a file or folder (see the module's docstring)."""
    if NOT_A_PATH.search(span) or not re.search(r"[A-Za-z]", span):
        return False
    if "/" not in span:  # a bare name: a file of a known kind, not an ending such as ".meta.json"
        return not span.startswith(".") and Path(span).suffix in EXTENSIONS
    return True


def named_paths(doc: Path) -> list[tuple[str, list[Path]]]:
    """Each path the document names, with where it may be: links from the document's folder,
    code spans from the root or the document's folder."""
    text = prose(doc)
    spans = [span for span in CODE.findall(text) if names_a_path(span)]
    named = [(span, [REPO / span, doc.parent / span]) for span in spans]
    for target in LINK.findall(text):
        target = target.split("#")[0]
        if target and not NOT_A_PATH.search(target.replace("#", "")):
            named.append((target, [doc.parent / target]))
    return named


def repository_files() -> set[str]:
    """The names of the files git tracks, and of new ones it would track."""
    listed = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard"],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return {Path(line).name for line in listed.splitlines()}


def ignored(spans: list[str]) -> set[str]:
    """The spans git ignores: made at run time or by the user."""
    found = subprocess.run(
        ["git", "check-ignore", "--no-index", "--stdin"],
        cwd=REPO,
        input="\n".join(spans),
        capture_output=True,
        text=True,
    ).stdout
    return set(found.splitlines())


def inside(path: Path) -> bool:
    return path.resolve().is_relative_to(REPO)


def outside(span: str, places: list[Path]) -> bool:
    """Whether a span names something outside the repository: a code span that leaves the root
    (``../shared/reference/``, a sibling checkout), or a link that leaves it."""
    return span.startswith("../") if len(places) > 1 else not inside(places[0])


def blocks(text: str) -> list[str]:
    """Paragraphs, list items, table rows and headings: the unit a claim and its test share."""
    found: list[str] = []
    for line in text.splitlines():
        starts = re.match(r"\s*(?:[-*] |\d+\. |#|\|)", line) or not found or not found[-1].strip()
        if starts or not line.strip():
            found.append(line)
        else:
            found[-1] += "\n" + line
    return [block for block in found if block.strip()]


def claims_without_a_test(doc: Path) -> list[str]:
    """Blocks that say a test checks something without naming one under tests/; under a heading
    that says its rules are checked by tests, each list item must name its test, unless the
    paragraph that introduces the list does."""
    missing: list[str] = []
    heading_claims = lead_names_test = False
    for block in blocks(prose(doc)):
        if block.startswith("#"):
            heading_claims = bool(CLAIM.search(block)) and not TEST_PATH.search(block)
            lead_names_test = False
            continue
        item = re.match(r"\s*(?:[-*] |\d+\. )", block)
        if not item:  # a paragraph that names the test its list below describes
            lead_names_test = bool(TEST_PATH.search(block))
        claims = CLAIM.search(block) or (heading_claims and item and not lead_names_test)
        if claims and not TEST_PATH.search(block):
            missing.append(" ".join(block.split())[:160])
    return missing


def defined_tests() -> dict[str, set[str]]:
    """The test functions of each test module, by its path from the root."""
    return {
        str(path.relative_to(REPO)): set(
            re.findall(r"^def (test_\w+)", path.read_text(encoding="utf-8"), re.M)
        )
        for path in (REPO / "tests").rglob("test_*.py")
    }


def relative(doc: Path) -> str:
    return str(doc.relative_to(REPO))


@pytest.mark.parametrize("doc", DOCS, ids=relative)
def test_every_path_a_doc_names_exists(doc: Path):
    named = [
        (span, places)
        for span, places in named_paths(doc)
        if span not in ELSEWHERE and not outside(span, places)
    ]
    files = repository_files()
    missing = [
        span
        for span, places in named
        if not any(inside(place) and place.exists() for place in places)
        and not ("/" not in span.rstrip("/") and span in files)
    ]
    missing = [span for span in missing if span not in ignored(missing)]
    assert not missing, f"{relative(doc)} names what is not in the repository: {missing}"


@pytest.mark.parametrize("doc", DOCS, ids=relative)
def test_every_rule_said_to_be_checked_by_a_test_names_it(doc: Path):
    unnamed = claims_without_a_test(doc)
    assert not unnamed, f"{relative(doc)}: which test checks this?\n" + "\n".join(unnamed)


@pytest.mark.parametrize("doc", DOCS, ids=relative)
def test_every_test_function_a_doc_names_exists(doc: Path):
    tests = defined_tests()
    everywhere = set().union(*tests.values())
    missing = [
        f"{module}::{name}" if module else name
        for module, name in TEST_NAME.findall(prose(doc))
        if name not in (tests.get(module, set()) if module else everywhere)
    ]
    assert not missing, f"{relative(doc)} names tests that do not exist: {missing}"


@pytest.mark.parametrize(
    ("span", "is_path"),
    [
        ("data/reference/glossary.csv", True),
        ("tests/i18n", True),
        ("names.csv", True),
        ("data/", True),
        ("https://www.government.nl/copyright", False),
        ("python -m etl check", False),
        ("/plan", False),
        ("--from-file", False),
        ("data/raw/<date>_<sha8>.pdf", False),
        ("ui.cache.plan_service()", False),
        ("127.0.0.0/8", False),
        (".meta.json", False),
        ("REAIM_DATA_DIR", False),
        ("ui.text", False),
    ],
)
def test_what_counts_as_a_path(span: str, is_path: bool):
    assert names_a_path(span) is is_path


def test_a_claim_without_its_test_is_found(tmp_path: Path):
    doc = tmp_path / "rules.md"
    doc.write_text(
        "## Rules (each checked by a test)\n\n- one (`tests/test_docs.py`)\n- two, unchecked\n\n"
        "A sentence checked by a property test.\n\nOne checked by `tests/test_docs.py`.\n\n"
        "## What the tests check\n\n`tests/test_docs.py` checks:\n\n- this\n- and that\n",
        encoding="utf-8",
    )
    assert claims_without_a_test(doc) == [
        "- two, unchecked",
        "A sentence checked by a property test.",
    ]
