"""A pack as a file: the map drawn for the format, the renderer, and an atomic write."""

import os
import tempfile
from pathlib import Path

from briefing.deck import render_deck
from briefing.handout import render_handout
from briefing.pack import Pack
from ui.figures.print_map import render_map
from ui.tables.dataset import Dataset


def pack_file(
    data: Dataset, pack: Pack, fmt: str, template: Path | None = None
) -> tuple[bytes, list[str]]:
    """The pack as PPTX (map as a 2667-px picture) or PDF (vector map), and any warnings."""
    if fmt == "pptx":
        picture = render_map(pack.view, data.geometry, data.dots, pack.focus, "png")
        return render_deck(pack, picture, template)
    vector = render_map(pack.view, data.geometry, data.dots, pack.focus, "pdf")
    return render_handout(pack, vector), []


def write_atomic(path: Path, content: bytes) -> None:
    """Write to a temporary file beside ``path``, then rename: never a partial file."""
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(content)
        Path(temporary).replace(path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
