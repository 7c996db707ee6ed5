"""Packs as known on a past day (``--as-of``) and with what moved since a day (``--since``): the
command line, the pack's figures recomputed from positions.csv, the "Since …" section in deck
and handout, the link that reopens the figures, and no English in French and Spanish packs."""

import io
from datetime import date, timedelta
from functools import cache

import pandas as pd
import pytest
from deck_checks import slide_texts
from handout_checks import flat
from pptx import Presentation
from test_no_english import english_in

from briefing.__main__ import main
from briefing.files import pack_file
from briefing.pack import LANGUAGE, PAGE, SINCE, Pack, build_pack
from i18n.translate import use
from instruments.view import View
from store.focus import Focus
from ui.tables.citation import AS_OF
from ui.tables.dataset import Dataset, on
from ui.widgets.language import PARAM as LANGUAGE_PARAM
from ui.widgets.pages import BRIEFING
from ui.widgets.url_controls import AS_OF as AS_OF_PARAM
from ui.widgets.url_controls import SINCE as SINCE_PARAM

from conftest import REPO
from pdf_text import pages_text
from ui_fixtures import shipped

PD = "us-political-declaration"
CTA = "reaim-2023-call-to-action"
DAY = "2024-03-20"
TODAY = date(2026, 12, 1)
UNKNOWN = "Unknown on this date (joined by a later date)"
# What the new texts say in English: none of it may reach a French or Spanish pack.
NEW_ENGLISH = (
    "Since ",
    "joined an instrument",
    "changed their vote",
    "changed its vote",
    "possibly before",
    "may have been before",
    "by then",
    "day unknown",
    "How exact",
    "Change",
    "Figures as of",
    "in the dashboard",
    "As known on",
    "unknown on this date",
    "Did not exist yet",
    "Endorsed",
    "Abstain",
    "From ",
)


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def declaration_on(day: str) -> tuple[set[str], set[str]]:
    """The Declaration's endorsers evidenced by ``day`` and those possibly joined by then (their
    date later, their earliest possible day by then), read from positions.csv alone."""
    rows = pd.read_csv(REPO / "data" / "positions.csv", dtype=str, keep_default_na=False)
    rows = rows[(rows["instrument"] == PD) & (rows["status"] == "endorsed")]
    evidenced = set(rows.loc[rows["date"] <= day, "iso3"])
    pending = set(rows.loc[(rows["date"] > day) & (rows["date_earliest"] <= day), "iso3"])
    return evidenced, pending


def test_as_of_builds_the_declaration_as_known_that_day(tmp_path, capsys, packs):
    evidenced, pending = declaration_on(DAY)
    assert (len(evidenced), len(pending)) == (48, 9) and "XKX" in evidenced  # Kosovo: outside
    out = tmp_path / "pd.pdf"
    code, said, err = run(capsys, "--instrument", PD, "--as-of", DAY, "--out", str(out))
    assert (code, err) == (0, "") and "as of 20 March 2024" in said
    (pack,) = packs
    figures = dict(pack.key_figures)
    assert figures["Endorsed: the world"] == "47 of 195 (24%)"  # 48 with Kosovo
    assert figures[UNKNOWN] == "9"
    assert any(note.startswith("Kosovo is listed as endorsed") for note in pack.notes)
    assert pack.subtitle == "As known on 20 March 2024; data as of 27 November 2024"
    assert pack.title.endswith("as of 20 March 2024")
    text = flat(" ".join(pages_text(out.read_bytes())))
    assert "47 of 195 (24%)" in text and "As known on 20 March 2024" in text
    assert pack.file_stem.endswith(f"-on-{DAY}")


def test_a_state_joined_by_a_later_day_is_never_not_endorsed_on_that_day(tmp_path, capsys, packs):
    out = tmp_path / "pd.pptx"
    assert run(capsys, "--instrument", PD, "--as-of", DAY, "--out", str(out))[0] == 0
    (pack,) = packs
    lists = {names.heading: names.names for names in pack.name_lists}
    assert "Poland" in lists[f"{UNKNOWN} (9)"]
    assert all("Poland" not in names for heading, names in lists.items() if "Not" in heading)
    not_part = pack.sentences[0].split("Not endorsed:")[1]
    assert "Poland" not in not_part and "Djibouti" not in not_part
    deck = Presentation(str(out))
    for slide in deck.slides:
        for text in slide_texts(slide):
            assert not ("Poland" in text and text.startswith("Not endorsed")), text


def test_on_a_past_day_later_instruments_and_votes_did_not_exist_yet(capsys, tmp_path, packs):
    args = ("--focus", "org-african-union", "--as-of", DAY)
    assert run(capsys, *args, "--out", str(tmp_path / "au.pptx"))[0] == 0
    (pack,) = packs
    related = dict(pack.related)
    # Djibouti and Ethiopia joined by 27 November 2024, day unknown: never counted as "not"
    assert related["US Political Declaration"] == ("4 of 54 (7%) endorsed; 2 unknown on this date")
    assert related["UNGA 79/62 (2024)"] == "Did not exist yet"
    assert related["Pathways to Action (REAIM 2026)"] == "Did not exist yet"
    assert related["UNGA 78/241 (2023)"] == "39 of 54 (72%) voted yes"
    # the latest vote held by then is the one briefed, never a later one drawn empty
    assert "UNGA 78/241" in pack.sentences[1] and "80/57" not in " ".join(pack.sentences)


def test_a_day_before_the_instrument_existed_exits_2_with_the_reason(tmp_path, capsys, packs):
    out = tmp_path / "pd.pptx"
    code, said, err = run(capsys, "--instrument", PD, "--as-of", "2023-01-15", "--out", str(out))
    assert (code, said) == (2, "") and packs == []
    assert err == (
        "error: US Political Declaration did not exist yet on 15 January 2023: "
        "it dates from 16 February 2023.\n"
    )
    assert not out.exists()


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["--as-of", "2024-02-30"], "--as-of 2024-02-30: not a date"),
        (["--as-of", "20-03-2024"], "--as-of 20-03-2024: not a date"),
        (["--as-of", "tomorrow"], "that day is in the future"),
        (["--as-of", "2022-12-31"], "the data starts in 2023"),
        (["--since", "2024-03-20", "--as-of", "2024-03-20"], "must be before --as-of 2024-03-20"),
        (["--since", "2024-06-01", "--as-of", "2024-03-20"], "must be before --as-of 2024-03-20"),
        (["--since", "today"], "must be before today"),
        (["--since", "2023-13-01"], "--since 2023-13-01: not a date"),
    ],
)
def test_bad_days_exit_2_with_the_reason_in_one_line(tmp_path, capsys, packs, args, says):
    named = {"today": date.today(), "tomorrow": date.today() + timedelta(days=1)}
    args = [named[a].isoformat() if a in named else a for a in args]
    code, said, err = run(capsys, *args, "--out", str(tmp_path / "x.pdf"))
    assert (code, said) == (2, "") and packs == []
    assert err.startswith("error: ") and says in err and err.count("\n") == 1, err
    assert not list(tmp_path.iterdir())


# Since a day: the section in deck and handout --------------------------------------------------


@cache
def african_union_since(fmt: str) -> tuple[Pack, bytes]:
    """The African Union's pack since 22 December 2023 (written by the command line)."""
    built: list[Pack] = []

    def keep(*args, **kwargs) -> Pack:
        built.append(build_pack(*args, **kwargs))
        return built[-1]

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("briefing.__main__.build_pack", keep)
        patch.setattr("briefing.__main__.load_dataset", lambda _directory: shipped())
        path = REPO / "test-artifacts" / "briefing" / f"au-since-2023-12-22.{fmt}"
        path.parent.mkdir(parents=True, exist_ok=True)
        args = ["--focus", "org-african-union", "--since", "2023-12-22", "--out", str(path)]
        assert main(args) == 0
    return built[0], path.read_bytes()


def test_since_names_who_joined_and_whose_vote_moved():
    pack, _ = african_union_since("pdf")
    since = pack.since
    assert since is not None and since.heading == "Since 22 December 2023"
    assert since.sentence.startswith("Since 22 December 2023, among African Union members:")
    assert "(Djibouti and Ethiopia), 2 of them possibly before that day" in since.sentence
    assert (
        "2 states changed their vote on UNGA 79/62 (2024) from “abstain” to “yes” "
        "(Madagascar and Niger)" in since.sentence
    )
    assert since.header == ("State", "Instrument", "Change", "Date", "How exact")
    rows = {(r[0], r[1]): r for r in since.rows}
    assert rows["Madagascar", "UNGA 79/62 (2024)"][2:4] == ("Abstain → Yes", "2 December 2024")
    assert rows["Niger", "UNGA 79/62 (2024)"][2] == "Abstain → Yes"
    djibouti = rows["Djibouti", "US Political Declaration"]
    assert djibouti[2:] == (
        "Endorsed (may have been before)",
        "27 November 2024",
        "by then; day unknown",
    )
    days = [date.fromisoformat(d) for d in since_days(pack)]
    assert days == sorted(days, reverse=True)  # newest first
    assert pack.file_stem.endswith("-since-2023-12-22")


def since_days(pack: Pack) -> list[str]:
    """The movers' dates as ISO days, read back from the written-out dates."""
    months = ["January", "February", "March", "April", "May", "June", "July", "August"]
    months += ["September", "October", "November", "December"]
    found = []
    for row in pack.since.rows:
        day, month, year = row[3].split()
        found.append(f"{year}-{months.index(month) + 1:02d}-{int(day):02d}")
    return found


def test_the_handout_and_the_deck_carry_the_same_since_section():
    pack, pdf = african_union_since("pdf")
    _, pptx = african_union_since("pptx")
    handout = flat(" ".join(pages_text(pdf)))
    deck = Presentation(io.BytesIO(pptx))
    titles = [s.shapes.title.text if s.shapes.title else "" for s in deck.slides]
    at = titles.index("Since 22 December 2023")
    assert titles[at + 1] == "Since 22 December 2023 (continued)"  # the movers, after the sentence
    assert at == 3  # after the title, the map and the key figures
    slides = flat(" ".join(t for s in list(deck.slides)[at:] for t in slide_texts(s)))
    for text in (pack.since.sentence, pack.since.note):
        assert flat(text) in slides
        assert flat(text) in handout
    for row in pack.since.rows:
        for cell in row[:4]:  # state, instrument, change, date
            assert cell in slides and cell in handout
    assert handout.index("Since 22 December 2023") < handout.index("Who has endorsed")


def test_without_since_there_is_no_since_section(tmp_path, capsys, packs):
    assert run(capsys, "--focus", "org-g7", "--out", str(tmp_path / "g7.pptx"))[0] == 0
    (pack,) = packs
    assert pack.since is None
    titles = [s.shapes.title.text for s in Presentation(str(tmp_path / "g7.pptx")).slides]
    assert not [t for t in titles if t.startswith("Since")]


# The link that reopens the figures -------------------------------------------------------------


def test_the_pack_cites_the_page_that_reopens_it_as_of_its_day():
    pack, pdf = african_union_since("pdf")
    today = date.today().isoformat()
    link = (
        "/briefing?focus=org-african-union&instrument=reaim-2023-call-to-action"
        f"&since=2023-12-22&as_of={today}"
    )
    assert pack.link.endswith(f"in the dashboard: {link}")
    assert link in flat(" ".join(pages_text(pdf)))
    _, pptx = african_union_since("pptx")
    last = list(Presentation(io.BytesIO(pptx)).slides)[-1]
    assert any(link in text for text in slide_texts(last))  # under "How to cite"
    past = build_pack(on(shipped(), date(2024, 3, 20)), Focus.parse("world"), View(PD), 3, TODAY)
    assert past.link.endswith(f"/briefing?focus=world&instrument={PD}&as_of=2024-03-20")


def test_the_link_spells_the_parameters_as_the_pages_read_them():
    pages = (BRIEFING.url_path, SINCE_PARAM, LANGUAGE_PARAM, AS_OF_PARAM)
    assert pages == (PAGE, SINCE, LANGUAGE, AS_OF)


# French and Spanish ----------------------------------------------------------------------------


def dataset(language: str) -> Dataset:
    return shipped(language)


@cache
def localised(language: str) -> tuple[Pack, Pack, str]:
    """A pack since 22 December 2023 and one as of 20 March 2024, and their files' text."""
    data = dataset(language)
    with use(language):
        focus = Focus.parse("org-african-union")
        since = build_pack(data, focus, View(PD), 3, TODAY, on(data, date(2023, 12, 22)))
        past = build_pack(on(data, date(2024, 3, 20)), focus, View(CTA), 3, TODAY)
        texts = []
        for pack in (since, past):
            deck = Presentation(io.BytesIO(pack_file(data, pack, "pptx")[0]))
            texts += [t for s in deck.slides for t in slide_texts(s)]
            texts += [s.notes_slide.notes_text_frame.text for s in deck.slides]
            texts += pages_text(pack_file(data, pack, "pdf")[0])
    return since, past, flat(" ".join(texts))


@pytest.mark.parametrize("language", ["fr", "es"])
def test_the_new_sections_carry_no_english(language):
    since, past, files = localised(language)
    section = since.since
    assert section is not None and len(section.rows) >= 20
    new = [section.heading, section.sentence, *section.header, section.note, since.link]
    new += [cell for row in section.rows for cell in row]
    new += [past.subtitle, past.link, *(standing for _, standing in past.related)]
    found = [p for p in NEW_ENGLISH if any(p in text for text in new)]
    assert found == []
    assert [p for p in NEW_ENGLISH if p in files] == []
    assert english_in(files) == []  # and none of the English the older packs once carried
    assert flat(section.sentence) in files and flat(section.heading) in files


@pytest.mark.parametrize(
    ("language", "heading", "unknown"),
    [
        ("fr", "Depuis le 22 décembre 2023", "inconnus à cette date"),
        ("es", "Desde el 22 de diciembre de 2023", "desconocidos en esta fecha"),
    ],
)
def test_the_new_sections_read_in_the_language(language, heading, unknown):
    since, past, _ = localised(language)
    assert since.since.heading == heading
    assert since.since.sentence.startswith(heading)
    assert f"&{LANGUAGE}={language}&" in since.link
    assert any(unknown in standing for _, standing in past.related)  # Djibouti and Ethiopia
