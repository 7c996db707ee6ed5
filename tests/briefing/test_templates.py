"""Templates on the command line: a bomb refused with memory bounded, macros refused, a deck made
from a template that links outside holds no such link."""

import io

from memory_probe import probe
from office_files import MB, bomb, linked_template, macro_template, outside_links
from pptx import Presentation

from briefing.__main__ import main


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_a_bomb_is_refused_with_the_memory_of_the_command_bounded(tmp_path):
    template = tmp_path / "ministry.pptx"
    template.write_bytes(bomb(512 * MB))
    out = tmp_path / "deck.pptx"
    run = probe("briefing", "--template", str(template), "--out", str(out))
    assert run.grew_mb < 100, run
    assert run.code == 1 and not out.exists()
    assert run.err.startswith("error: ") and run.err.count("\n") == 0
    assert "ministry.pptx holds a part that unpacks to more than 100 times" in run.err
    assert run.err.endswith("Nothing was written.")


def test_a_template_with_macros_is_refused(tmp_path, capsys):
    template = tmp_path / "ministry.pptx"
    template.write_bytes(macro_template("vba"))
    out = tmp_path / "deck.pptx"
    code, _, err = run(capsys, "--template", str(template), "--out", str(out))
    assert code == 1 and err.count("\n") == 1 and not out.exists()
    assert "contains macros, ActiveX controls or add-ins, which are not accepted" in err


def test_a_deck_from_a_template_that_links_outside_never_calls_out(tmp_path, capsys):
    template = linked_template(tmp_path / "ministry.pptx")
    assert outside_links(template.read_bytes())
    out = tmp_path / "deck.pptx"
    code, _, err = run(capsys, "--focus", "org-g7", "--template", str(template), "--out", str(out))
    assert code == 0, err
    deck = out.read_bytes()
    assert outside_links(deck) == []
    assert "linked to 3 outside resources (web addresses or files): the deck leaves them" in err
    master = Presentation(io.BytesIO(deck)).slide_master
    texts = [s.text_frame.text for s in master.shapes if s.has_text_frame]
    assert "Ministry guidance on briefings" in texts
