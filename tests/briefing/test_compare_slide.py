"""Two to four states side by side in a briefing pack: ``python -m briefing --compare-states``,
the deck's slides (python-pptx) and the handout's section, in three languages; bad lists exit 2."""

import io

import pytest
from deck_checks import slide_texts
from pptx import Presentation

from briefing.__main__ import main
from briefing.files import pack_file
from briefing.pack import build_pack
from i18n.translate import _, use
from instruments.view import View
from store.focus import Focus
from ui.tables.ask import ask_text
from ui.tables.comparison import brief, compare, shown, sources, summary

from pdf_text import pages_text
from ui_fixtures import shipped

STATES = ["KEN", "NGA", "GHA"]
CTA = "reaim-2023-call-to-action"


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def side_by_side(deck: Presentation, heading: str) -> tuple[list[list[str]], str]:
    """The rows of the side-by-side table over its slides (each slide's header once) and the
    notes of its first slide."""
    slides = [s for s in deck.slides if s.shapes.title.text.startswith(heading)]
    assert slides, [s.shapes.title.text for s in deck.slides]
    rows: list[list[str]] = []
    for number, slide in enumerate(slides):
        (table,) = [shape.table for shape in slide.shapes if shape.has_table]
        cells = [[cell.text for cell in row.cells] for row in table.rows]
        rows += cells if not number else cells[1:]
    return rows, slides[0].notes_slide.notes_text_frame.text


def test_the_deck_has_the_states_side_by_side_fact_by_fact(tmp_path, capsys):
    out = tmp_path / "three.pptx"
    code, said, err = run(capsys, "--compare-states", ",".join(STATES), "--out", str(out))
    assert code == 0 and "Wrote" in said, err
    data = shipped()
    table = compare(STATES, data, asks={c: ask_text(data, c) for c in STATES})
    expected = shown(brief(table))
    deck = Presentation(str(out))
    rows, notes = side_by_side(deck, "Side by side: Kenya, Nigeria and Ghana")
    assert rows[0] == list(expected.columns) == ["Fact", "Kenya", "Nigeria", "Ghana", "Differs"]
    assert rows[1:] == expected.values.tolist()
    assert summary(table, ["Kenya", "Nigeria", "Ghana"]) in notes
    assert all(line in notes for line in sources(table))  # every fact's source, in the notes
    assert "Plan status" not in notes and all("Plan status" not in r for r in rows)
    (ask,) = [r for r in rows if r[0] == "Suggested ask"]
    assert ask[1].startswith("Ask Kenya to endorse the Call to Action")
    # without a focus, the pack is for the states compared
    assert deck.slides[0].shapes.title.text.endswith("in the group “Kenya, Nigeria and Ghana”")


def test_a_focus_keeps_its_pack_and_adds_the_comparison(tmp_path, capsys):
    out = tmp_path / "au.pdf"
    code, said, err = run(
        capsys, "--focus", "org-african-union", "--compare-states", "KEN,NLD", "--out", str(out)
    )
    assert code == 0, err
    text = " ".join(pages_text(out.read_bytes()))
    assert "African Union" in said
    assert "Side by side: Kenya and Netherlands (Kingdom of the)" in text
    table = compare(
        ["KEN", "NLD"], shipped(), asks={c: ask_text(shipped(), c) for c in ("KEN", "NLD")}
    )
    assert summary(table, ["Kenya", "Netherlands (Kingdom of the)"]) in text


@pytest.mark.parametrize(
    ("codes", "says"),
    [
        ("KEN,NGA,GHA,SEN,ZAF", "At most 4 states"),
        ("KEN,ZZZ,NGA", "ZZZ is not the ISO3 code"),
        ("KEN,NGA,KEN", "KEN was named more than once"),
        ("KEN", "needs 2 to 4 states"),
        (",", "none is chosen"),
    ],
    ids=["five", "unknown", "twice", "one", "none"],
)
def test_a_bad_list_exits_2_with_one_line_and_writes_nothing(tmp_path, capsys, codes, says):
    code, _out, err = run(capsys, "--compare-states", codes, "--out", str(tmp_path / "x.pptx"))
    assert code == 2 and says in err and err.count("\n") == 1 and err.startswith("error: ")
    assert not list(tmp_path.iterdir())


def test_compare_states_builds_one_pack_not_all(tmp_path, capsys):
    code, _out, err = run(capsys, "--all", "--compare-states", "KEN,NGA", "--out", str(tmp_path))
    assert code == 2 and "leave out --all" in err and not list(tmp_path.iterdir())


@pytest.mark.parametrize("language", ["fr", "es"])
def test_the_comparison_is_in_the_packs_language(language):
    with use(language):
        data = shipped(language)
        pack = build_pack(data, Focus.of_group(STATES), View.parse(CTA), compared=STATES)
        words = [_("Side by side: {states}").split(":")[0], _("Fact"), _("Differs"), _("member")]
        english = {"Side by side", "Fact", "Differs", "differs", "not named by the source"}
    compared = pack.side_by_side
    assert compared is not None and compared.heading.startswith(words[0])
    assert compared.header[0] == words[1] and compared.header[-1] == words[2]
    text = " ".join([compared.heading, compared.sentence, compared.note, *compared.header])
    text += " ".join(cell for row in compared.rows for cell in row)
    assert not [e for e in english if e in text], text[:500]
    assert any(words[3] in cell for row in compared.rows for cell in row)


def test_the_deck_without_a_comparison_has_no_such_slide():
    with use("en"):
        pack = build_pack(shipped(), Focus.of_group(STATES), View.parse(CTA))
    assert pack.side_by_side is None
    deck = Presentation(io.BytesIO(pack_file(shipped(), pack, "pptx")[0]))
    assert not [s for s in deck.slides if "Side by side" in " ".join(slide_texts(s))]
