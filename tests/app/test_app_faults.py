"""The app under faults: broken data gives an error box naming the fix; odd URLs give a notice.

Never a traceback, and text from the URL is always shown as text, never as HTML or Markdown.
"""

import shutil
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from apptest import maps, open_page
from conftest import REPO

APP = str(REPO / "dashboard.py")
PAGES = sorted(path.stem for path in (REPO / "app_pages").glob("*.py"))
MARKUP = '<img src=x onerror="alert(1)"> **bold** [link](javascript:alert(1)) :red[x] $x$'
ODD_VALUES = {
    "very long": "A" * 5000,
    "markup": MARKUP,
    "odd characters": "\u202e\u200b😀 ' \" ; -- %00 \\ `x`",
}
# The URL parameters each page reads (a value outside the allowed set must give a notice).
PARAMETERS = {
    "map": "focus",
    "regions": "by",
    "outreach": "region",
    "country": "iso3",
    "compare": "iso3",
}


def shown_as_html(at: AppTest) -> list[str]:
    """Every element body that Streamlit would render with HTML allowed."""
    return [m.value for m in at.markdown if getattr(m.proto, "allow_html", False)]


def visible_text(at: AppTest) -> list[str]:
    kinds = ("markdown", "caption", "warning", "info", "error", "subheader", "header", "title")
    return [str(e.value) for kind in kinds for e in getattr(at, kind)]


def damaged_copy(tmp_path: Path, how: str) -> Path:
    target = tmp_path / "data"
    shutil.copytree(REPO / "data", target, ignore=shutil.ignore_patterns("reference", "geo"))
    table = target / "endorsements.csv"
    if how == "directory missing":
        shutil.rmtree(target)
    elif how == "table unreadable":
        table.unlink()
        table.mkdir()  # reading it raises IsADirectoryError, even as root
    elif how == "column missing":
        lines = table.read_text(encoding="utf-8").splitlines()
        table.write_text("\n".join(line.rsplit(",", 1)[0] for line in lines) + "\n")
    elif how == "publish interrupted":
        (target / ".publish-journal.json").write_text('{"targets": [], "backups": []}')
    elif how == "positions missing":
        (target / "positions.csv").unlink()
    return target


@pytest.mark.parametrize(
    "how",
    [
        "directory missing",
        "table unreadable",
        "column missing",
        "publish interrupted",
        "positions missing",
    ],
)
@pytest.mark.parametrize("page", PAGES)
def test_damaged_data_gives_an_error_box_with_the_fix(tmp_path, monkeypatch, page, how):
    monkeypatch.setenv("REAIM_DATA_DIR", str(damaged_copy(tmp_path, how)))
    at = open_page(page)
    assert not at.exception, at.exception
    assert len(at.error) == 1
    assert "python -m etl" in at.error[0].value
    assert not at.metric and not at.get("plotly_chart") and not maps(at)


@pytest.mark.parametrize("kind", ODD_VALUES)
@pytest.mark.parametrize("page", sorted(PARAMETERS))
def test_odd_url_values_are_ignored_with_a_notice(monkeypatch, page, kind):
    monkeypatch.delenv("REAIM_DATA_DIR", raising=False)
    value = ODD_VALUES[kind]
    at = open_page(page, **{PARAMETERS[page]: value})
    assert not at.exception, at.exception
    assert at.warning, "expected a short notice about the ignored value"
    assert all(len(w.value) < 400 for w in at.warning)  # a notice, not the whole value
    assert value not in at.query_params.values()
    assert not any("<img" in body for body in shown_as_html(at))


def test_search_text_from_the_url_is_shown_as_text(monkeypatch):
    monkeypatch.delenv("REAIM_DATA_DIR", raising=False)
    at = open_page("outreach", q=MARKUP)
    assert not at.exception, at.exception
    assert not any("<img" in body for body in shown_as_html(at))
    for text in visible_text(at):
        assert "**bold**" not in text or "\\*\\*bold" in text or "``" in text


def test_a_programming_error_is_not_reported_as_bad_data(shipped_data, monkeypatch):
    """Only I/O, parsing and validation errors become the data message; a bug stays a bug."""

    def broken(meta: dict):
        raise TypeError("a bug in the code, not in the data")

    monkeypatch.setenv("REAIM_DATA_DIR", str(shipped_data))  # a fresh stamp: nothing cached
    monkeypatch.setattr("ui.tables.dataset.provenance_from_meta", broken)  # the one builder
    at = AppTest.from_file(APP, default_timeout=90).run()
    assert at.exception and "a bug in the code" in at.exception[0].message
    assert not any("etl bundle" in e.value for e in at.error)


def test_unreadable_metadata_is_reported_as_bad_data(shipped_data, monkeypatch):
    (shipped_data / "endorsements.meta.json").write_text("{not json", encoding="utf-8")
    monkeypatch.setenv("REAIM_DATA_DIR", str(shipped_data))
    at = AppTest.from_file(APP, default_timeout=90).run()
    assert not at.exception
    assert any("etl check" in e.value for e in at.error)
