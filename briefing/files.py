"""A pack as a file: the map drawn for the format, and the renderer."""

from briefing.deck import render_deck
from briefing.handout import render_handout
from briefing.pack import Pack
from briefing.template import Template
from ui.figures.print_map import render_bare_map, render_map
from ui.tables.dataset import Dataset


def pack_file(
    data: Dataset, pack: Pack, fmt: str, template: Template | None = None
) -> tuple[bytes, list[str]]:
    """The pack as PPTX (the map alone as a picture, the slide sets its legend) or PDF (the
    printable map as vector graphics), and any warnings."""
    if fmt == "pptx":
        picture = render_bare_map(pack.view, data.geometry, data.dots, pack.focus, "png")
        return render_deck(pack, picture, template)
    vector = render_map(pack.view, data.geometry, data.dots, pack.focus, "pdf")
    return render_handout(pack, vector), []
