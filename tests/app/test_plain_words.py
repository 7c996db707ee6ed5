"""Plain words for readers: no page shows a file path, a build note, a spec sentence or a raw
research note; the Sources page keeps such details in its expanders and opens with a citation
a journalist can copy; the change log calls its first rows the initial import; the outreach
list's state names link to their profiles."""

import json
import re
from datetime import date
from urllib.parse import unquote

import pandas as pd
import pytest

from i18n.formats import long_date
from i18n.translate import use
from store.files import read_text_table
from store.published import table_from_csv
from store.reference import load_un_names
from ui.text import md

from apptest import open_page
from conftest import REPO
from reader_text import shown_texts

# What only a developer's note holds: file paths and names, build notes, spec sentences, the
# research notes' sources.
FORBIDDEN = (
    "data/",
    ".csv",
    ".json",
    ".py",
    "README",
    "build_",
    "build machine",
    "by the ETL",
    "must carry",
    "Wikipedia",
    "DGACM",
    "mirror",
)
# Pages as readers open them: every page, the groups whose membership notes are research notes
# (UN regional groups, the OAS), and French and Spanish where those notes are shown.
PAGES = [
    ("map", {}),
    ("regions", {}),
    ("regions", {"by": "ungroup"}),
    ("regions", {"by": "org", "lang": "fr"}),
    ("outreach", {}),
    ("outreach", {"org": "oas"}),
    ("outreach", {"ungroup": "Western European and Others", "lang": "es"}),
    ("country", {"iso3": "KEN"}),
    ("country", {"iso3": "ISR"}),
    ("instruments", {}),
    ("briefing", {"focus": "ungroup-western-european-and-others-group"}),
    ("plan", {}),
    ("sources", {}),
    ("sources", {"lang": "fr"}),
]
TABLE = table_from_csv(REPO / "data" / "endorsements.csv")
META = json.loads((REPO / "data" / "endorsements.meta.json").read_text(encoding="utf-8"))


@pytest.fixture(autouse=True)
def shipped_dataset(monkeypatch):
    monkeypatch.delenv("REAIM_DATA_DIR", raising=False)


def found(text: str) -> list[str]:
    return [fragment for fragment in FORBIDDEN if fragment in text]


@pytest.mark.parametrize(("page", "params"), PAGES)
def test_no_page_shows_a_developers_note(page, params, plan_db):
    at = open_page(page, **params)
    assert not at.exception, at.exception
    details = page == "sources"  # the Sources page's expanders hold the details
    shown = [s.text for s in shown_texts(at) if not (details and s.expanders)]
    assert len(shown) > 20
    offending = {text[:160]: found(text) for text in shown if found(text)}
    assert not offending, offending


def test_the_sources_page_keeps_the_details_in_its_expanders():
    """What the pages say in plain words is on the Sources page as written, with its sources."""
    texts = shown_texts(open_page("sources"))
    details = " ".join(s.text for s in texts if s.expanders)
    states = read_text_table(REPO / "data" / "reference" / "states.csv")
    kiribati = states.set_index("iso3").at["KIR", "regional_group_note"]
    assert "DGACM list (mirror)" in kiribati  # the research note, as the file has it
    for note in (kiribati, META["licence"], "data/reference/aliases.csv"):
        flat = " ".join(note.split())
        assert flat in details.replace("\\", ""), flat
    assert "Published by the ETL" in details  # the Call to Action's registry note


def cite_box(at) -> tuple[str, str]:
    """The How to cite box (the page's one box with a code block): its text, and the citation
    line of its code block."""
    (box,) = [
        list(block.children.values())
        for block in at.main.children.values()
        if hasattr(block, "children")
        and any(type(c).__name__ == "Code" for c in block.children.values())
    ]
    text = " ".join(c.value for c in box if type(c).__name__ in ("Markdown", "Caption"))
    (line,) = [c.proto.code_text for c in box if type(c).__name__ == "Code"]
    return text, line


def test_the_sources_page_opens_with_how_to_cite():
    at = open_page("sources")
    assert not at.exception, at.exception
    assert at.subheader[0].value == "How to cite"
    text, line = cite_box(at)
    universe = TABLE[TABLE["in_universe"]]
    members = universe[universe["un_status"] == "member"]
    done, member_done = int(universe["endorsed"].sum()), int(members["endorsed"].sum())
    share = f"{member_done / len(members):.1%}"
    assert f"**{done} of {len(universe)} states have endorsed**" in text
    assert f"**{md(f'{member_done} of {len(members)} UN member States ({share})')}**" in text
    as_of = long_date(META["source_as_of"])
    assert f"on the list as of **{as_of}**" in text
    assert META["source_page_url"] in text
    assert line.startswith("Government of the Netherlands, REAIM 2023 Call to Action")
    assert f"as of {as_of}, {META['source_page_url']}" in line
    assert META["attribution"]["transcribed_by"] in line
    assert line.endswith(f"accessed {long_date(date.today())}.")


def test_the_how_to_cite_box_speaks_the_language():
    text, line = cite_box(open_page("sources", lang="fr"))
    with use("fr"):
        as_of = long_date(META["source_as_of"])
    assert as_of in text and as_of in line and as_of == "16 février 2023"


def change_log_shown(at) -> pd.DataFrame:
    (frame,) = [d.value for d in at.dataframe if "Detected on" in d.value.columns]
    return frame


def test_the_change_log_calls_its_first_rows_the_initial_import():
    at = open_page("sources")
    log = read_text_table(REPO / "data" / "changelog.csv")
    assert set(log["change"]) == {"added"}  # as published: the first import added every state
    shown = change_log_shown(at)
    assert len(shown) == len(log)
    assert set(shown["Change"]) == {"initial import"}
    said = " ".join(c.value for c in at.caption)
    assert "initial import" in said and "The list has not changed since." in said


def links(at) -> tuple[pd.DataFrame, dict]:
    """The outreach table as sent, and its column settings."""
    frame = at.dataframe[0]
    return frame.value, json.loads(frame.proto.columns)


def test_the_outreach_state_names_link_to_their_profiles():
    at = open_page("outreach", org="african-union", lang="fr")
    assert not at.exception, at.exception
    frame, settings = links(at)
    assert "Profile" not in frame.columns
    assert settings["State"]["type_config"]["type"] == "link"
    pattern = re.compile(settings["State"]["type_config"]["display_text"])
    french = load_un_names()["fr"]
    for url, code in zip(frame["State"], frame["ISO3"], strict=True):
        assert url.startswith(f"./country?focus=org-african-union&iso3={code}&lang=fr#"), url
        assert unquote(pattern.search(url).group(1)) == french[code]  # what the cell shows
    assert french["CIV"] == "Côte d’Ivoire"


# The columns whose text a table cuts short, on each page.
CUT = {
    "outreach": {"Why", "Points", "Organisations", "Caveats"},
    "regions": {"Group", "Not yet", "Caveats"},
    "instruments": {"State"},
}


@pytest.mark.parametrize("page", CUT)
def test_a_column_whose_cells_are_cut_says_how_to_read_them(page):
    settings = json.loads(open_page(page).dataframe[0].proto.columns)
    hints = {name: settings[name].get("help", "") for name in CUT[page]}
    assert all("Double-click a cell to read all of it." in hint for hint in hints.values()), hints
