"""Office files made for the upload tests from python-pptx's default deck: a plain deck, a
decompression bomb, links to outside resources, macros."""

import io
import zipfile
from collections.abc import Callable
from functools import cache
from pathlib import Path

from pptx import Presentation
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.oxml import parse_xml
from pptx.util import Inches

MB = 1024 * 1024
MASTER = "ppt/slideMasters/slideMaster1.xml"
MASTER_RELS = "ppt/slideMasters/_rels/slideMaster1.xml.rels"
CONTENT_TYPES = "[Content_Types].xml"
REMOTE_PICTURE = "http://127.0.0.1:9/ministry-logo.png"
FILE_LINK = "file:///C:/Users/Public/briefing-notes.docx"
NETWORK_PICTURE = "\\\\127.0.0.1\\share\\logo.png"
OUTSIDE = (REMOTE_PICTURE, FILE_LINK, NETWORK_PICTURE)
MACRO_MAIN = "application/vnd.ms-powerpoint.presentation.macroEnabled.main+xml"
PPTX_MAIN = "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"
POTX_MAIN = "application/vnd.openxmlformats-officedocument.presentationml.template.main+xml"
# A picture on the master whose image is linked (r:link), not embedded.
LINKED_PICTURE = (
    '<p:pic xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    '<p:nvPicPr><p:cNvPr id="90" name="Linked logo"/><p:cNvPicPr/><p:nvPr/></p:nvPicPr>'
    '<p:blipFill><a:blip r:link="{rid}"/><a:stretch><a:fillRect/></a:stretch></p:blipFill>'
    '<p:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="914400" cy="457200"/></a:xfrm>'
    '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></p:spPr></p:pic>'
)


def plain_deck() -> bytes:
    """python-pptx's default deck, as a template a ministry could send."""
    out = io.BytesIO()
    Presentation().save(out)
    return out.getvalue()


def rebuilt(data: bytes, changes: dict[str, bytes | Callable[[bytes], bytes]]) -> bytes:
    """The package with parts replaced (bytes), edited (a function of the old bytes) or added."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            body = source.read(info)
            change = changes.get(info.filename, body)
            body = change(body) if callable(change) else change
            target.writestr(info.filename, body, zipfile.ZIP_DEFLATED)
        for name in changes.keys() - set(source.namelist()):
            target.writestr(name, changes[name], zipfile.ZIP_DEFLATED)
    return out.getvalue()


def relate(rels: bytes, rid: str, kind: str, target: str, external: bool = False) -> bytes:
    """A relationships part with one more relationship."""
    mode = ' TargetMode="External"' if external else ""
    extra = f'<Relationship Id="{rid}" Type="{kind}" Target="{target}"{mode}/>'
    return rels.replace(b"</Relationships>", extra.encode() + b"</Relationships>")


def typed(content_types: bytes, entry: str) -> bytes:
    """``[Content_Types].xml`` with one more Default or Override entry."""
    return content_types.replace(b"</Types>", entry.encode() + b"</Types>")


@cache
def bomb(unpacked: int) -> bytes:
    """A deck whose master uses a "picture" of ``unpacked`` zero bytes: about 1 KB a MB."""
    changes = {
        CONTENT_TYPES: lambda x: typed(x, '<Default Extension="png" ContentType="image/png"/>'),
        MASTER_RELS: lambda x: relate(x, "rIdZeros", RT.IMAGE, "../media/zeros.png"),
    }
    out = io.BytesIO(rebuilt(plain_deck(), changes))
    with (
        zipfile.ZipFile(out, "a", zipfile.ZIP_DEFLATED) as archive,
        archive.open("ppt/media/zeros.png", "w") as picture,
    ):
        zeros = bytes(MB)
        for _ in range(unpacked // MB):
            picture.write(zeros)
    return out.getvalue()


def linked_template(path: Path) -> Path:
    """A template whose master shows a remote picture, a picture on a network share and a line
    of text linked to a local file: three relationships to outside the package."""
    deck = Presentation()
    master = deck.slide_master
    for target in (REMOTE_PICTURE, NETWORK_PICTURE):
        rid = master.part.relate_to(target, RT.IMAGE, is_external=True)
        master.shapes._spTree.append(parse_xml(LINKED_PICTURE.format(rid=rid)))
    scratch = deck.slides.add_slide(deck.slide_layouts[6])
    box = scratch.shapes.add_textbox(Inches(1), Inches(6.8), Inches(6), Inches(0.4))
    box.text_frame.text = "Ministry guidance on briefings"
    run = box.text_frame.paragraphs[0].runs[0]
    run._r.get_or_add_rPr().add_hlinkClick(
        master.part.relate_to(FILE_LINK, RT.HYPERLINK, is_external=True)
    )
    master.shapes._spTree.append(box._element)
    deck.save(path)
    return path


def macro_template(how: str) -> bytes:
    """A deck with macros: a .pptm main part, a VBA project, or an ActiveX control."""
    deck = plain_deck()
    if how == "pptm":
        return rebuilt(
            deck, {CONTENT_TYPES: lambda x: x.replace(PPTX_MAIN.encode(), MACRO_MAIN.encode())}
        )
    if how == "vba":
        return rebuilt(deck, {"ppt/vbaProject.bin": b"\xd0\xcf\x11\xe0 VBA"})
    entry = (
        '<Override PartName="/ppt/activeX/activeX1.xml" '
        'ContentType="application/vnd.ms-office.activeX+xml"/>'
    )
    return rebuilt(
        deck,
        {
            CONTENT_TYPES: lambda x: typed(x, entry),
            "ppt/activeX/activeX1.xml": b'<?xml version="1.0"?><ax:ocx xmlns:ax="x"/>',
        },
    )


def outside_links(package: bytes) -> list[str]:
    """Every relationship to outside a package, and every part that names an outside address."""
    found = []
    with zipfile.ZipFile(io.BytesIO(package)) as archive:
        for name in archive.namelist():
            body = archive.read(name)
            if b'targetmode="external"' in body.lower():
                found.append(f"{name}: TargetMode=External")
            found += [f"{name}: {t}" for t in OUTSIDE if t.encode() in body]
    return found
