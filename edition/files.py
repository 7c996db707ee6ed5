"""The site's files written byte for byte the same from the same data: workbooks, the folder, the
archive."""

import io
import re
import shutil
import zipfile
from collections.abc import Callable, Mapping
from pathlib import Path

MARKER = ".edition"  # a folder holding it was written by this package, and may be replaced
FIXED_TIME = (1980, 1, 1, 0, 0, 0)  # the zip format's first day: no build time in any file
STAMP = re.compile(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*(</dcterms:)")


def _rezipped(data: bytes, edit: Callable[[str, bytes], bytes]) -> bytes:
    """A zip archive rewritten with fixed times, entries in their order, each edited."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, FIXED_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(entry, edit(info.filename, source.read(info)))
    return out.getvalue()


def steady_workbook(data: bytes, day: str) -> bytes:
    """An .xlsx with its creation and modification times set to ``day`` (the data's as-of
    date) and its archive's times fixed, so the same table gives the same bytes."""

    def edit(name: str, content: bytes) -> bytes:
        if name != "docProps/core.xml":
            return content
        return STAMP.sub(rb"\g<1>" + f"{day}T00:00:00Z".encode() + rb"\g<2>", content)

    return _rezipped(data, edit)


def write_site(out: Path, files: Mapping[str, bytes]) -> None:
    """Write ``files`` (paths from the site's root) into ``out``, replacing a site written
    before; a folder that holds anything else is refused."""
    if out.exists() and any(out.iterdir()):
        if not (out / MARKER).exists():
            raise FileExistsError(f"{out} is not empty and was not written by python -m edition")
        shutil.rmtree(out)
    for name, content in sorted(files.items()):
        path = out / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
    (out / MARKER).write_bytes(b"")


def write_zip(path: Path, files: Mapping[str, bytes], root: str = "public") -> None:
    """The site as one archive, its entries sorted under ``root/``, with fixed times."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, content in sorted(files.items()):
            entry = zipfile.ZipInfo(f"{root}/{name}", FIXED_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(entry, content)
    path.write_bytes(out.getvalue())
