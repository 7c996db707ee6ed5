"""Uploads checked before parsing: size, type by content, ZIP bombs, macros, outside links."""

import io
import os
import re
import struct
import subprocess
import sys
import tomllib
import tracemalloc
import warnings
import zipfile
from pathlib import Path

import pytest
from lxml import etree
from office_files import (
    CONTENT_TYPES,
    FILE_LINK,
    MASTER,
    MB,
    OUTSIDE,
    POTX_MAIN,
    PPTX_MAIN,
    bomb,
    linked_template,
    macro_template,
    outside_links,
    plain_deck,
    rebuilt,
)
from pptx import Presentation

from safeio.uploads import (
    LIMITS,
    MAX_UPLOAD_MB,
    Limits,
    UploadError,
    check_size,
    office_package,
    read_local,
)

from conftest import REPO

KINDS = ("pptx", "potx")
EXPECTED = "a PowerPoint file (.pptx, .potx)"
DOCX_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"


def check(data: bytes, limits: Limits = LIMITS):
    return office_package("ministry.pptx", data, KINDS, EXPECTED, limits)


def refused(data: bytes, limits: Limits = LIMITS) -> str:
    with pytest.raises(UploadError) as error:
        check(data, limits)
    message = str(error.value)
    assert "\n" not in message and message.startswith("ministry.pptx ")
    return message


def peak_mb(action) -> float:
    """The peak memory Python allocated while ``action`` ran, in MB."""
    tracemalloc.start()
    try:
        action()
    finally:
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    return peak / MB


def parts(package: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(package)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def understated(package: bytes, name: str, size: int) -> bytes:
    """The package with the central directory declaring ``size`` unpacked bytes for ``name``."""
    header = package.index(b"PK\x01\x02")
    while True:
        length = struct.unpack_from("<H", package, header + 28)[0]
        if package[header + 46 : header + 46 + length] == name.encode():
            break
        header = package.index(b"PK\x01\x02", header + 4)
    return package[: header + 24] + struct.pack("<I", size) + package[header + 28 :]


# The limit -------------------------------------------------------------------------------------


def test_the_limit_is_the_one_streamlit_enforces_far_below_its_default():
    with (REPO / ".streamlit" / "config.toml").open("rb") as handle:
        configured = tomllib.load(handle)["server"]["maxUploadSize"]
    assert configured == MAX_UPLOAD_MB < 200
    assert LIMITS.size == MAX_UPLOAD_MB * 1024 * 1024  # Streamlit's megabyte
    nginx = (REPO / "deploy" / "nginx" / "reaim.conf.template").read_text(encoding="utf-8")
    # nginx passes the file and the 1 MB Streamlit allows for the form around it, no more
    assert re.search(rf"^\s*client_max_body_size {MAX_UPLOAD_MB + 1}m;", nginx, re.M)


def test_a_larger_upload_is_refused_by_its_size():
    with pytest.raises(UploadError, match=r"^big\.pptx is larger than the 10 MB limit; make"):
        check_size("big.pptx", bytes(LIMITS.size + 1))
    check_size("fits.pptx", bytes(LIMITS.size))


# Decompression bombs ---------------------------------------------------------------------------


def test_a_bomb_is_refused_from_its_directory_without_unpacking_it():
    package = bomb(512 * MB)
    assert len(package) < MB
    message = ""

    def attempt():
        nonlocal message
        message = refused(package)

    assert peak_mb(attempt) < 20
    assert "unpacks to more than 100 times its stored size" in message


def test_parts_that_compress_well_but_unpack_to_too_much_in_all_are_refused():
    lenient = Limits(ratio=10**6)
    message = refused(bomb(64 * MB), lenient)
    assert "unpacks to more than 50 MB; compress its pictures" in message


def test_a_directory_that_understates_a_part_is_caught_while_reading():
    lying = understated(bomb(256 * MB), "ppt/media/zeros.png", 1000)
    assert zipfile.ZipFile(io.BytesIO(lying)).getinfo("ppt/media/zeros.png").file_size == 1000
    message = ""

    def attempt():
        nonlocal message
        message = refused(lying)

    assert peak_mb(attempt) < 100
    assert "is damaged or was not written by an office suite" in message


def test_too_many_parts_are_refused_before_python_lists_them():
    many = io.BytesIO()
    with zipfile.ZipFile(many, "w") as archive:
        for number in range(LIMITS.members + 1):
            archive.writestr(f"part{number}.xml", b"")
    assert "holds more than 1000 parts" in refused(many.getvalue())
    # A directory end that declares a ZIP64 count: refused from the count alone.
    forged = plain_deck()
    end = forged.rindex(b"PK\x05\x06")
    forged = forged[: end + 8] + b"\xff\xff\xff\xff" + forged[end + 12 :]
    assert "holds more than 1000 parts" in refused(forged)


# What the file is, by its content --------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "says"),
    [
        (b"%PDF-1.7\n", "is not a PowerPoint file (.pptx, .potx); save it in that format"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600), "is an old-format (.ppt, .doc, .xls)"),
        (b"PK\x03\x04 no directory", "is damaged or was not written by an office suite"),
    ],
)
def test_what_is_not_a_pptx_by_content_is_refused(content, says):
    assert says in refused(content)


def test_a_zip_without_content_types_or_of_another_kind_is_refused():
    plain_zip = io.BytesIO()
    with zipfile.ZipFile(plain_zip, "w") as archive:
        archive.writestr("ppt/presentation.xml", b"<p/>")
    assert "is not a PowerPoint file" in refused(plain_zip.getvalue())
    docx = rebuilt(
        plain_deck(), {CONTENT_TYPES: lambda x: x.replace(PPTX_MAIN.encode(), DOCX_MAIN.encode())}
    )
    assert "is not a PowerPoint file" in refused(docx)


def test_duplicate_part_names_are_refused():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # zipfile warns of the duplicate it is asked to write
        for other in (MASTER, MASTER.upper()):  # part names ignore case: the same part twice
            twice = io.BytesIO(plain_deck())
            with zipfile.ZipFile(twice, "a") as archive:
                archive.writestr(other, b"<other/>")
            assert "is damaged" in refused(twice.getvalue())


@pytest.mark.parametrize("how", ["pptm", "vba", "activex"])
def test_macros_and_activex_are_refused(how):
    message = refused(macro_template(how))
    assert "contains macros, ActiveX controls or add-ins, which are not accepted" in message
    assert f"save a copy without them as {EXPECTED}" in message


# What comes back -------------------------------------------------------------------------------


def test_a_plain_deck_comes_back_part_for_part():
    original = plain_deck()
    package = check(original)
    assert package.stripped == 0
    assert parts(package.data) == parts(original)


def test_outside_links_are_stripped_and_what_used_them_kept(tmp_path):
    original = linked_template(tmp_path / "linked.pptx").read_bytes()
    found = outside_links(original)
    assert all(any(address in f for f in found) for address in OUTSIDE), found
    package = check(original)
    assert package.stripped == 3
    assert outside_links(package.data) == []
    master = Presentation(io.BytesIO(package.data)).slide_master
    texts = [s.text_frame.text for s in master.shapes if s.has_text_frame]
    assert "Ministry guidance on briefings" in texts
    pictures = [s for s in master.shapes if s.name == "Linked logo"]
    assert len(pictures) == 2
    xml = etree.tostring(master._element).decode()
    assert "r:link" not in xml and "hlinkClick" not in xml and FILE_LINK not in xml


def test_a_potx_template_comes_back_as_the_pptx_it_makes():
    template = rebuilt(
        plain_deck(), {CONTENT_TYPES: lambda x: x.replace(PPTX_MAIN.encode(), POTX_MAIN.encode())}
    )
    with pytest.raises(ValueError, match="not a PowerPoint file"):
        Presentation(io.BytesIO(template))  # what python-pptx says of a .potx
    package = check(template)
    assert PPTX_MAIN.encode() in parts(package.data)[CONTENT_TYPES]
    assert len(Presentation(io.BytesIO(package.data)).slide_layouts) == 11


# Local files (command lines) -------------------------------------------------------------------


def read_in_child(path: str) -> subprocess.CompletedProcess:
    """read_local in a child process, so that a regression that waits is a timeout, not a hang."""
    code = "import sys; from pathlib import Path; from safeio.uploads import read_local\n"
    code += "try:\n    read_local(Path(sys.argv[1]))\nexcept ValueError as e:\n    print(e)"
    return subprocess.run(
        [sys.executable, "-c", code, path],
        capture_output=True,
        text=True,
        timeout=30,
        cwd=REPO,
    )


@pytest.mark.parametrize(
    ("make", "what"),
    [
        (lambda p: os.mkfifo(p), "a named pipe"),
        (lambda p: p.mkdir(), "a folder"),
        (None, "a device"),
    ],
    ids=["fifo", "folder", "dev-zero"],
)
def test_what_is_not_a_regular_file_is_refused_before_it_is_opened(tmp_path, make, what):
    path = tmp_path / "template.pptx"
    if make is None:
        path = Path("/dev/zero")
    else:
        make(path)
    done = read_in_child(str(path))
    assert done.stdout == f"{path} is not a regular file but {what}; pass a saved file\n"


def test_a_larger_local_file_is_refused_before_it_is_read(tmp_path):
    path = tmp_path / "huge.pptx"
    with path.open("wb") as handle:
        handle.truncate(LIMITS.size + 1)  # sparse: nothing to read, only the size
    with pytest.raises(UploadError, match=r"huge\.pptx is larger than the 10 MB limit"):
        read_local(path)
    assert read_local(path, LIMITS.size + 1) == bytes(LIMITS.size + 1)


def test_a_missing_local_file_says_it_cannot_be_read(tmp_path):
    with pytest.raises(UploadError, match=r"^cannot read .*absent\.pptx: No such file"):
        read_local(tmp_path / "absent.pptx")
