"""The command line: packs written atomically, bad input refused with the valid keys, --all."""

import dataclasses

import pytest
from pptx import Presentation

from briefing.__main__ import main

from ui_fixtures import shipped


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_a_deck_and_a_handout_for_a_focus(tmp_path, capsys):
    code, out, _ = run(
        capsys, "--focus", "org-g7", "--top", "3", "--out", str(tmp_path / "g7.pptx")
    )
    assert code == 0 and "Wrote" in out
    deck = Presentation(str(tmp_path / "g7.pptx"))
    assert "G7" in deck.core_properties.title
    code, _, _ = run(
        capsys,
        "--focus",
        "org-g7",
        "--compare",
        "us-political-declaration,reaim-2023-call-to-action",
        "--format",
        "pdf",
        "--out",
        str(tmp_path / "g7-handout"),
    )
    assert code == 0 and (tmp_path / "g7-handout").read_bytes().startswith(b"%PDF")
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["--focus", "org-nowhere"], "Valid focus keys: world, region-africa"),
        (["--instrument", "no-such-thing"], "Valid instrument ids: reaim-2023-call-to-action"),
        (["--compare", "unga-80-57,unga-80-57"], "two different ones"),
    ],
)
def test_unknown_keys_exit_2_with_the_valid_ones(tmp_path, capsys, args, says):
    code, _, err = run(capsys, *args, "--out", str(tmp_path / "x.pptx"))
    assert code == 2 and says in err and err.count("\n") == 1
    assert not list(tmp_path.iterdir())


def test_a_template_that_is_not_a_deck_writes_nothing(tmp_path, capsys):
    template = tmp_path / "ministry.pptx"
    template.write_text("not a presentation")
    out = tmp_path / "deck.pptx"
    code, _, err = run(capsys, "--template", str(template), "--out", str(out))
    assert code == 1 and err.startswith("error: ") and "Nothing was written" in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ministry.pptx"]


def test_an_unwritable_output_says_so_and_leaves_nothing(tmp_path, capsys):
    target = tmp_path / "missing-folder" / "deck.pdf"
    code, _, err = run(capsys, "--out", str(target))
    assert code == 1 and f"cannot write {target}" in err
    assert not (tmp_path / "missing-folder").exists()


def test_all_writes_one_pack_per_focus_preset(tmp_path, capsys, monkeypatch):
    few = dict(list(shipped().focus_frames.items())[:3])
    smaller = dataclasses.replace(shipped(), focus_frames=few)
    monkeypatch.setattr("briefing.__main__.load_dataset", lambda _directory: smaller)
    code, out, _ = run(capsys, "--all", "--format", "pdf", "--top", "3", "--out", str(tmp_path))
    assert code == 0
    written = sorted(p.name for p in tmp_path.iterdir())
    assert len(written) == 3 and all(name.endswith(".pdf") for name in written)
    assert out.count("Wrote") == 3 and any("-world-" in name for name in written)


def test_a_link_planted_at_the_output_is_not_written_through(tmp_path, capsys):
    victim = tmp_path / "victim.txt"
    victim.write_text("untouched")
    out = tmp_path / "deck.pdf"
    out.symlink_to(victim)
    code, _, err = run(capsys, "--top", "3", "--out", str(out))
    assert (code, err) == (
        1,
        f"error: cannot write {out}: it is a symbolic link, not written through. "
        "Choose another --out.\n",
    )
    assert victim.read_text() == "untouched" and out.is_symlink()
