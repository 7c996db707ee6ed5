"""The command line for a meeting's group: ``--group-file`` (a list of participants) and
``--group`` (codes), the line-by-line report on stderr, exit status 2 for a line ambiguous or
not found unless ``--accept-unmatched``, and the pack built for exactly the states matched."""

import pytest
from handout_checks import flat
from pptx import Presentation
from test_pack_days import run

from briefing.__main__ import main
from participants.files import read_path
from participants.report import read_list
from participants.wording import report_lines, summary

from conftest import DOCUMENTS, FIXTURES
from pdf_text import pages_text

CORPUS = FIXTURES / "participants"
NAIROBI = CORPUS / "nairobi-consultation.pdf"


def test_a_list_with_lines_to_look_at_exits_2_after_saying_every_line(tmp_path, capsys, packs):
    out = tmp_path / "nairobi.pptx"
    code, stdout, err = run(capsys, "--group-file", str(NAIROBI), "--out", str(out))
    report = read_list(read_path(NAIROBI).text)
    assert code == 2 and stdout == "" and packs == [] and not out.exists()
    lines = err.splitlines()
    assert lines[:2] == [
        "set aside: Nairobi Regional Consultation – List of participants (a running header or "
        "footer)",
        "set aside: Regional Consultation on Responsible (a title or heading that names no "
        "participant)",
    ]
    said = [line for line in lines if not line.startswith("set aside: ")]
    assert said[:-2] == report_lines(report) and len(said[:-2]) == 32
    assert "25. 25. Ms. Jane Wanjiru, Rapporteur → not found, and no known name is close" in said
    assert said[-2] == summary(report)
    assert said[-1] == (
        "error: 3 lines are ambiguous or not found (above): correct the list, or pass "
        "--accept-unmatched to build the pack for the 24 states matched."
    )


def test_accept_unmatched_builds_the_pack_for_exactly_the_states_matched(tmp_path, capsys, packs):
    out = tmp_path / "nairobi.pptx"
    code, stdout, _err = run(
        capsys,
        "--group-file",
        str(NAIROBI),
        "--group-name",
        "Nairobi consultation, March 2027",
        "--accept-unmatched",
        "--top",
        "3",
        "--out",
        str(out),
    )
    assert code == 0 and stdout.startswith(f"Wrote {out}")
    [pack] = packs
    members = read_list(read_path(NAIROBI).text).members
    assert pack.focus.focus.codes == tuple(sorted(members)) and len(members) == 24
    assert pack.focus.members == frozenset(members)
    assert pack.title.endswith("in the group “Nairobi consultation, March 2027”")
    assert " of 24 (" in dict(pack.key_figures)["Endorsed: Nairobi consultation, March 2027"]
    assert Presentation(str(out)).core_properties.title == pack.title


def test_codes_make_a_group_and_the_pack_shows_its_days(tmp_path, capsys, packs):
    out = tmp_path / "three.pdf"
    code, _stdout, err = run(
        capsys,
        "--group",
        "KEN,NGA,GHA",
        "--as-of",
        "2024-03-20",
        "--since",
        "2023-06-01",
        "--top",
        "3",
        "--out",
        str(out),
    )
    assert code == 0
    assert err.splitlines() == [
        "1. KEN → Kenya (KEN), by its code",
        "2. NGA → Nigeria (NGA), by its code",
        "3. GHA → Ghana (GHA), by its code",
        "3 lines read: 3 states matched",
    ]
    [pack] = packs
    assert pack.focus.focus.codes == ("GHA", "KEN", "NGA") and pack.focus.label == "Your group"
    assert pack.since is not None
    text = flat(" ".join(pages_text(out.read_bytes())))
    assert "20 March 2024" in text and "Since 1 June 2023" in text


def test_an_unknown_code_is_a_line_not_found(tmp_path, capsys, packs):
    code, _stdout, err = run(capsys, "--group", "KEN,XYZ", "--out", str(tmp_path / "x.pptx"))
    assert code == 2 and packs == []
    assert "2. XYZ → not found" in err
    assert err.splitlines()[-1] == (
        "error: 1 line is ambiguous or not found (above): correct the list, or pass "
        "--accept-unmatched to build the pack for the 1 state matched."
    )


def test_an_empty_group_is_no_group(tmp_path, capsys, packs):
    code, _stdout, err = run(capsys, "--group", " ", "--out", str(tmp_path / "x.pptx"))
    assert code == 2 and packs == []
    assert err.splitlines() == [
        "No line to read: the list is empty.",
        "error: the list names no state in scope: there is no group to build a pack for.",
    ]


def test_a_list_of_no_state_is_refused_even_when_unmatched_lines_are_accepted(
    tmp_path, capsys, packs
):
    code, _stdout, err = run(
        capsys, "--group", "ICRC; Kosovo", "--accept-unmatched", "--out", str(tmp_path / "x.pptx")
    )
    assert code == 2 and packs == []
    assert err.splitlines()[-1] == (
        "error: the list names no state in scope: there is no group to build a pack for."
    )


def test_a_spreadsheet_reads_the_likely_column_or_the_one_asked_for(tmp_path, capsys, packs):
    sheet = CORPUS / "santiago-participantes.xlsx"
    out = str(tmp_path / "santiago.pptx")
    code, _stdout, err = run(capsys, "--group-file", str(sheet), "--out", out)
    assert code == 2 and packs == []
    assert err.splitlines()[0] == (
        f"reading column D: Delegación of {sheet}, sheet Participantes (the one naming the most "
        "states; --group-column chooses; columns: A: N.º, B: Nombre, C: Cargo, D: Delegación, "
        "E: Correo electrónico)"
    )
    code, _stdout, err = run(
        capsys, "--group-file", str(sheet), "--group-column", "Z", "--out", out
    )
    assert code == 2 and err == (
        f"error: --group-column Z: {sheet} has the columns A: N.º, B: Nombre, C: Cargo, "
        "D: Delegación, E: Correo electrónico.\n"
    )
    code, _stdout, err = run(
        capsys,
        *("--group-file", str(sheet), "--group-column", "delegación", "--accept-unmatched"),
        *("--top", "3", "--out", out),
    )
    assert code == 0 and "(as asked; columns:" in err.splitlines()[0]
    assert len(packs[0].focus.members) == 24


@pytest.mark.parametrize(
    ("name", "says"),
    [
        ("encrypted.pdf", "is encrypted: it opens only with a password; save a copy without"),
        ("scanned.pdf", "has no text to read: it looks like a scanned image"),
        ("missing.pdf", "cannot read"),
    ],
)
def test_a_list_that_cannot_be_read_exits_2_in_one_line(tmp_path, capsys, packs, name, says):
    out = tmp_path / "x.pptx"
    code, _stdout, err = run(capsys, "--group-file", str(DOCUMENTS / name), "--out", str(out))
    assert code == 2 and err.startswith("error: ") and says in err and err.count("\n") == 1
    assert packs == [] and not out.exists()


def test_a_list_over_10_mb_is_refused_before_it_is_read(tmp_path, capsys, packs):
    big = tmp_path / "big.csv"
    big.write_bytes(b"Kenya\n" * (2 * 1024 * 1024))
    code, _stdout, err = run(capsys, "--group-file", str(big), "--out", str(tmp_path / "x.pptx"))
    assert (code, err) == (
        2,
        f"error: {big} is larger than the 10 MB limit; make the file smaller and try again.\n",
    )


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["--all", "--group", "KEN"], "--all builds the presets' packs"),
        (["--group-name", "Nairobi"], "--group-name needs --group or --group-file."),
        (["--accept-unmatched"], "--accept-unmatched needs --group or --group-file."),
        (["--group", "KEN", "--group-column", "B"], "--group-column reads a CSV or Excel list"),
        (
            ["--group-file", str(NAIROBI), "--group-column", "B"],
            "is not a CSV or Excel list",
        ),
    ],
)
def test_options_that_do_not_go_together_exit_2(tmp_path, capsys, packs, args, says):
    code, _stdout, err = run(capsys, *args, "--out", str(tmp_path / "x"))
    assert code == 2 and says in err.splitlines()[-1] and packs == []


def test_a_focus_and_a_group_are_one_choice(tmp_path, capsys):
    with pytest.raises(SystemExit) as caught:
        main(["--focus", "org-au", "--group", "KEN", "--out", str(tmp_path / "x.pptx")])
    assert caught.value.code == 2
    assert "not allowed with argument --focus" in capsys.readouterr().err


def test_the_report_is_in_english_whatever_the_language_of_the_pack(tmp_path, capsys, packs):
    code, _stdout, err = run(
        capsys, "--group", "Kenya; Corée", "--lang", "fr", "--out", str(tmp_path / "x.pptx")
    )
    assert code == 2 and err.splitlines()[:2] == [
        "1. Kenya → Kenya (KEN), by its name",
        "2. Corée → ambiguous: Republic of Korea (KOR) or Democratic People's Republic of Korea "
        "(PRK)? Choose one.",
    ]
