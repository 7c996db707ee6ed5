"""The briefing packs in the site: each focus preset's deck and handout on the Call to Action, as
``python -m briefing --all`` builds them, dated by the data so the same data gives the same
bytes."""

from collections.abc import Iterable
from dataclasses import replace
from datetime import date

from briefing.files import pack_file
from briefing.pack import build_pack
from edition.files import steady_workbook
from edition.html import esc
from edition.layout import link, prefix
from i18n import formats
from i18n.translate import _
from instruments.view import DEFAULT_VIEW
from store.focus import Focus
from ui.tables.dataset import Dataset

FORMATS = ("pptx", "pdf")


def pack_path(language: str, stem: str, fmt: str) -> str:
    """A pack's file in the site, by path from its root."""
    return f"{prefix(language)}packs/{stem}.{fmt}"


def site_packs(
    data: Dataset, foci: Iterable[Focus], language: str, day: date
) -> dict[Focus, dict[str, bytes]]:
    """Per focus, its pack's files by path from the site's root (a deck and a handout), in the
    active ``language``; "prepared" is ``day`` (the data's as-of date), never the build's."""
    out = {}
    for focus in foci:
        pack = build_pack(data, focus, DEFAULT_VIEW, today=day)
        pack = replace(
            pack,
            prepared=_("From official sources, data as of {date}").format(
                date=formats.long_date(day)
            ),
        )
        files = {}
        for fmt in FORMATS:
            content, _warnings = pack_file(data, pack, fmt)
            steady = steady_workbook(content, day.isoformat()) if fmt == "pptx" else content
            files[pack_path(language, pack.file_stem, fmt)] = steady
        out[focus] = files
    return out


def kilobytes(size: int) -> str:
    """A file's size as a reader reads it: "503 kB", "503 ko"."""
    return _("{number} kB").format(number=formats.number(round(size / 1000)))


def pack_links(page: str, files: dict[str, bytes]) -> str:
    """The paragraph linking a map page to its focus's pack: the deck and the handout, each with
    its size; "" without one."""
    if not files:
        return ""
    words = {"pptx": _("deck (PowerPoint, {size})"), "pdf": _("handout (PDF, {size})")}
    links = [
        f'<a href="{esc(link(page, path))}" download>'
        f"{esc(words[path.rsplit('.', 1)[1]].format(size=kilobytes(len(content))))}</a>"
        for path, content in sorted(files.items(), key=lambda item: item[0].endswith(".pdf"))
    ]
    said = esc(_("Briefing pack:"))
    return f'<p class="packs">{said} {" · ".join(links)}</p>'
