"""A ministry template, checked and rebuilt by safeio.uploads before python-pptx reads it."""

from dataclasses import dataclass
from pathlib import Path

from i18n.translate import _, ngettext
from safeio.uploads import LIMITS, office_package, read_local

KINDS = ("pptx", "potx")


@dataclass(frozen=True)
class Template:
    """A template's name as the user gave it, its checked package, and what was changed in it."""

    name: str
    package: bytes
    warnings: tuple[str, ...] = ()


def load_template(name: str, data: bytes) -> Template:
    """An uploaded template, checked and without links to outside resources.

    UploadError (a ValueError; one line naming ``name``) when it is too large, not a
    PowerPoint file, damaged, a decompression bomb or holds macros.
    """
    expected = _("a PowerPoint file (.pptx, .potx)")
    package = office_package(name, data, KINDS, expected)
    if not package.stripped:
        return Template(name, package.data)
    warning = ngettext(
        "The template linked to {count} outside resource (a web address or a file): the deck "
        "leaves it out, so that it never calls out when opened.",
        "The template linked to {count} outside resources (web addresses or files): the deck "
        "leaves them out, so that it never calls out when opened.",
        package.stripped,
    ).format(count=package.stripped)
    return Template(name, package.data, (warning,))


def read_template(path: Path) -> Template:
    """A template file given on the command line: a regular file within the upload limit."""
    return load_template(str(path), read_local(path, LIMITS.size))
