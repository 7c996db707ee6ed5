"""Checks an upload before anything parses it: its size and type, and for an Office file (a ZIP
package) its parts, their unpacked size and compression, active content and outside links.

An Office file is rebuilt in memory from the parts that passed, without its links to outside
resources (remote pictures, ``file://`` and network paths, linked objects, web links), so that a
file made from it never calls out when opened. Every refusal is one line that names the file as the
user gave it (never a folder of the server), says what is wrong and what to do.
"""

import io
import os
import re
import stat
import struct
import zipfile
import zlib
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from lxml import etree

from i18n.translate import N_, _

MB = 1024 * 1024  # Streamlit's megabyte: server.maxUploadSize counts in these
MAX_UPLOAD_MB = 10  # = server.maxUploadSize in .streamlit/config.toml (a test checks they agree)
CHUNK = 64 * 1024
ZIP_MAGIC = b"PK\x03\x04"
CFB_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # old Office formats and encrypted OOXML
END_OF_DIRECTORY = b"PK\x05\x06"
CONTENT_TYPES = "[Content_Types].xml"
_OOXML = "application/vnd.openxmlformats-officedocument."
MAIN_TYPES = {
    "pptx": _OOXML + "presentationml.presentation.main+xml",
    "potx": _OOXML + "presentationml.template.main+xml",
    "docx": _OOXML + "wordprocessingml.document.main+xml",
    "xlsx": _OOXML + "spreadsheetml.sheet.main+xml",
}
DOCUMENT_OF_TEMPLATE = {"potx": "pptx"}  # what a template is rebuilt as, for the parsers
# Macros (in the main part's type, vbaProject.bin, vbaData.xml), ActiveX controls, Office add-ins
# (which load from the web when the file opens) and Word's toolbar customisations, by part name
# or content type.
ACTIVE = re.compile(r"macroenabled|vbaproject|vbadata|activex|webextension|attachedtoolbars", re.I)
RELATIONSHIPS = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
TYPES_NS = "{http://schemas.openxmlformats.org/package/2006/content-types}"
# Attributes that name a relationship: r:id, r:embed, r:link, r:pict … and VML's o:relid.
RELATIONSHIP_ATTRIBUTES = re.compile(
    r"^\{(http://schemas\.openxmlformats\.org/officeDocument/2006/relationships\}.*"
    r"|urn:schemas-microsoft-com:office:office\}relid)$"
)
# Elements that are nothing but a link (hyperlinks of DrawingML, linked media): dropped with it.
LINK_ELEMENTS = {
    "hlinkClick",
    "hlinkHover",
    "hlinkMouseOver",
    "videoFile",
    "audioFile",
    "quickTimeFile",
    "wavAudioFile",
}
# An absolute target: a URI scheme (http:, file:, a drive letter) or a network path.
ABSOLUTE = re.compile(r"^([a-z][a-z0-9+.-]*:|//|\\\\)", re.I)
# What reading a broken ZIP or XML raises (zipfile has no single error type).
UNREADABLE = (
    zipfile.BadZipFile,
    zlib.error,
    etree.XMLSyntaxError,
    EOFError,
    OSError,
    ValueError,
    NotImplementedError,
    RuntimeError,
)
FILE_KINDS = {
    stat.S_IFDIR: N_("a folder"),
    stat.S_IFIFO: N_("a named pipe"),
    stat.S_IFSOCK: N_("a socket"),
    stat.S_IFCHR: N_("a device"),
    stat.S_IFBLK: N_("a device"),
}
OTHER_KIND = N_("a special file")


@dataclass(frozen=True)
class Limits:
    """What an upload may be: its size and, as an Office package, its parts and their unpacking."""

    size: int = MAX_UPLOAD_MB * MB
    members: int = 1000
    unpacked: int = 5 * MAX_UPLOAD_MB * MB
    ratio: int = 100  # a part may unpack to at most this many times its stored size …
    ratio_floor: int = MB  # … once it unpacks to more than this (small parts compress freely)


LIMITS = Limits()


class UploadError(ValueError):
    """An upload refused before parsing: what is wrong, then what to do, in one line."""

    def __init__(self, problem: str, action: str) -> None:
        self.problem, self.action = problem, action
        super().__init__(f"{problem}; {action}")


@dataclass(frozen=True)
class Package:
    """An Office file rebuilt from its checked parts, and how many outside links it lost."""

    data: bytes
    stripped: int


def read_local(path: Path, limit: int = LIMITS.size) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes, for a command line.

    A folder, a pipe, a socket or a device (which may never end, like /dev/zero or a FIFO) is
    refused before it is opened, a larger file before it is read; the file is then opened without
    waiting and checked again, and at most ``limit`` + 1 bytes are read. Messages name ``path`` as
    given.
    """
    try:
        _check_regular(path, path.stat(), limit)
        descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK)  # a pipe swapped in: no wait
        with os.fdopen(descriptor, "rb") as handle:
            _check_regular(path, os.fstat(handle.fileno()), limit)
            data = handle.read(limit + 1)
    except OSError as error:
        raise UploadError(
            _("cannot read {name}: {reason}").format(name=path, reason=error.strerror),
            _("check the path"),
        ) from error
    check_size(str(path), data, limit)
    return data


def _check_regular(path: Path, status: os.stat_result, limit: int) -> None:
    kind = stat.S_IFMT(status.st_mode)
    if kind != stat.S_IFREG:
        what = _(FILE_KINDS.get(kind, OTHER_KIND))
        raise UploadError(
            _("{name} is not a regular file but {what}").format(name=path, what=what),
            _("pass a saved file"),
        )
    if status.st_size > limit:
        raise _too_large(str(path), limit)


def check_size(name: str, data: bytes, limit: int = LIMITS.size) -> None:
    """Refuse more than ``limit`` bytes."""
    if len(data) > limit:
        raise _too_large(name, limit)


def _too_large(name: str, limit: int) -> UploadError:
    return UploadError(
        _("{name} is larger than the {limit} MB limit").format(name=name, limit=f"{limit / MB:g}"),
        _("make the file smaller and try again"),
    )


def office_package(
    name: str, data: bytes, kinds: Collection[str], expected: str, limits: Limits = LIMITS
) -> Package:
    """Check an Office file before any parser reads it; rebuild it without outside links.

    ``kinds`` (keys of ``MAIN_TYPES``) are the kinds accepted, told by the content (the main
    part's type in ``[Content_Types].xml``), never by the file name; ``expected`` names them for
    the user ("a PowerPoint file (.pptx, .potx)"). The ZIP directory is checked before any part
    is unpacked: the number of parts, their declared unpacked size in all and each part's
    compression ratio; the unpacked bytes are counted again while reading. Macros, ActiveX
    controls and add-ins are refused. A template (.potx) comes back as the document it makes
    (.pptx), which is what the parsers open.
    """
    check_size(name, data, limits.size)
    if data.startswith(CFB_MAGIC):
        raise UploadError(
            _(
                "{name} is an old-format (.ppt, .doc, .xls) or password-protected Office file"
            ).format(name=name),
            _("save it without a password as {expected} and try again").format(expected=expected),
        )
    if not data.startswith(ZIP_MAGIC):
        raise _not_expected(name, expected)
    declared = _declared_members(data)
    if declared is None:
        raise _damaged(name)
    if declared > limits.members:
        raise _too_many(name, limits)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = _checked_directory(name, archive.infolist(), limits)
            parts = _read_parts(name, archive, infos, limits)
        if CONTENT_TYPES not in parts:
            raise _not_expected(name, expected)
        types = _content_types(parts)
    except UploadError:
        raise
    except UNREADABLE as error:
        raise _damaged(name) from error
    if any(ACTIVE.search(f"{part} {types.get(part, '')}") for part in parts):
        raise UploadError(
            _("{name} contains macros, ActiveX controls or add-ins, which are not accepted").format(
                name=name
            ),
            _("save a copy without them as {expected} and try again").format(expected=expected),
        )
    found = [kind for kind, main in MAIN_TYPES.items() if main in types.values()]
    if len(found) != 1 or found[0] not in kinds:
        raise _not_expected(name, expected)
    try:
        stripped = _strip_outside_links(parts)
    except etree.XMLSyntaxError as error:
        raise _damaged(name) from error
    if found[0] in DOCUMENT_OF_TEMPLATE:
        parts[CONTENT_TYPES] = _as_document(parts[CONTENT_TYPES], found[0])
    return Package(_zip(parts), stripped)


def _declared_members(data: bytes) -> int | None:
    """The number of parts the end of a ZIP file declares, or None if it has no such end.

    Read before Python lists the directory, so that a forged one of a million entries is refused
    first; a ZIP64 count (0xFFFF here) is more than any limit.
    """
    at = data.rfind(END_OF_DIRECTORY, max(0, len(data) - 22 - 0xFFFF))
    if at < 0 or len(data) < at + 22:
        return None
    return struct.unpack_from("<H", data, at + 10)[0]


def _checked_directory(
    name: str, infos: list[zipfile.ZipInfo], limits: Limits
) -> list[zipfile.ZipInfo]:
    """The parts to read, once the directory passed: count, names, methods, sizes, ratios."""
    if len(infos) > limits.members:
        raise _too_many(name, limits)
    seen: set[str] = set()
    for info in infos:
        path = PurePosixPath(info.filename)
        if (
            info.filename.lower() in seen
            or path.is_absolute()
            or ".." in path.parts
            or info.flag_bits & 0x1  # encrypted: Office never encrypts inside the ZIP
            or info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED)
        ):
            raise _damaged(name)
        seen.add(info.filename.lower())
        if info.file_size > max(limits.ratio_floor, limits.ratio * info.compress_size):
            raise UploadError(
                _(
                    "{name} holds a part that unpacks to more than {ratio} times its stored "
                    "size, as a decompression bomb does"
                ).format(name=name, ratio=limits.ratio),
                _("save the file again from the office suite and try again"),
            )
    if sum(info.file_size for info in infos) > limits.unpacked:
        raise _too_big(name, limits)
    return [info for info in infos if not info.is_dir()]


def _read_parts(
    name: str, archive: zipfile.ZipFile, infos: list[zipfile.ZipInfo], limits: Limits
) -> dict[str, bytes]:
    """Every part unpacked, counting the bytes as they come: the declared sizes may lie."""
    parts: dict[str, bytes] = {}
    total = 0
    for info in infos:
        chunks = []
        with archive.open(info) as member:
            while chunk := member.read(CHUNK):
                total += len(chunk)
                if total > limits.unpacked:
                    raise _too_big(name, limits)
                chunks.append(chunk)
        parts[info.filename] = b"".join(chunks)
    return parts


def _parse(xml: bytes) -> etree._Element:
    """An XML part parsed without entities, a DTD or the network (a parser per call: threads)."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    return etree.fromstring(xml, parser)


def _serialise(root: etree._Element) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _content_types(parts: dict[str, bytes]) -> dict[str, str]:
    """The content type of each part, from ``[Content_Types].xml`` (overrides, then defaults)."""
    root = _parse(parts[CONTENT_TYPES])
    defaults = {
        e.get("Extension", "").lower(): e.get("ContentType", "")
        for e in root.iter(f"{TYPES_NS}Default")
    }
    overrides = {
        e.get("PartName", "").lower(): e.get("ContentType", "")
        for e in root.iter(f"{TYPES_NS}Override")
    }
    return {
        part: overrides.get(f"/{part.lower()}")
        or defaults.get(PurePosixPath(part).suffix.lstrip(".").lower(), "")
        for part in parts
    }


def _is_outside(relationship: etree._Element) -> bool:
    external = relationship.get("TargetMode", "").lower() == "external"
    return external or bool(ABSOLUTE.match(relationship.get("Target", "").strip()))


def _strip_outside_links(parts: dict[str, bytes]) -> int:
    """Drop every relationship to outside the package, and the attributes that used it."""
    stripped = 0
    for rels in [p for p in parts if p.endswith(".rels")]:
        root = _parse(parts[rels])
        outside = [r for r in root.iter(RELATIONSHIPS) if _is_outside(r)]
        if not outside:
            continue
        for relationship in outside:
            root.remove(relationship)
        parts[rels] = _serialise(root)
        stripped += len(outside)
        source = _source_of(rels)
        if source in parts:
            parts[source] = _unlinked(parts[source], {r.get("Id") for r in outside})
    return stripped


def _source_of(rels: str) -> str:
    """The part whose relationships ``rels`` holds: a/_rels/b.xml.rels belongs to a/b.xml."""
    path = PurePosixPath(rels)
    return str(path.parent.parent / path.name.removesuffix(".rels"))


def _unlinked(xml: bytes, ids: set[str | None]) -> bytes:
    """A part without the attributes that name the relationships ``ids`` (r:link, r:id …)."""
    root = _parse(xml)
    dropped = []
    for element in root.iter(etree.Element):
        names = [a for a in element.attrib if RELATIONSHIP_ATTRIBUTES.match(a)]
        for attribute in (a for a in names if element.get(a) in ids):
            del element.attrib[attribute]
            if etree.QName(element).localname in LINK_ELEMENTS:
                dropped.append(element)
    for element in dropped:
        element.getparent().remove(element)
    return _serialise(root)


def _as_document(xml: bytes, template: str) -> bytes:
    """``[Content_Types].xml`` with the template's main part typed as the document it makes."""
    root = _parse(xml)
    for override in root.iter(f"{TYPES_NS}Override"):
        if override.get("ContentType") == MAIN_TYPES[template]:
            override.set("ContentType", MAIN_TYPES[DOCUMENT_OF_TEMPLATE[template]])
    return _serialise(root)


def _zip(parts: dict[str, bytes]) -> bytes:
    """The parts as a new ZIP, ``[Content_Types].xml`` first, every size in it true."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for part in sorted(parts, key=lambda p: p != CONTENT_TYPES):
            info = zipfile.ZipInfo(part, (1980, 1, 1, 0, 0, 0))
            archive.writestr(info, parts[part], compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()


def _not_expected(name: str, expected: str) -> UploadError:
    return UploadError(
        _("{name} is not {expected}").format(name=name, expected=expected),
        _("save it in that format and try again"),
    )


def _damaged(name: str) -> UploadError:
    return UploadError(
        _("{name} is damaged or was not written by an office suite").format(name=name),
        _("open it in the office suite, save it again and try again"),
    )


def _too_many(name: str, limits: Limits) -> UploadError:
    return UploadError(
        _("{name} holds more than {limit} parts").format(name=name, limit=limits.members),
        _("remove unused content and try again"),
    )


def _too_big(name: str, limits: Limits) -> UploadError:
    return UploadError(
        _("{name} unpacks to more than {limit} MB").format(
            name=name, limit=f"{limits.unpacked / MB:g}"
        ),
        _("compress its pictures or remove unused content and try again"),
    )
