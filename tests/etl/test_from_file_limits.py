"""``refresh --from-file`` within a download's budget: what is not a regular file, a file over the
size cap, a dense PDF, a reader that runs out of time or memory; each refused in one line with
the data byte-identical."""

import io
import os
import time
import zlib
from pathlib import Path

import pytest
from memory_probe import probe
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from etl.errors import EtlError
from etl.fetch import FetchPolicy
from etl.parse_pdf import PdfBudget, pdf_text
from etl.sandbox import read_pdf

from conftest import DOCUMENTS, snapshot

CAP = FetchPolicy().max_bytes
ACTION = "Pass the saved list document: a PDF, or an HTML page carrying the list."


def dense_pdf(pages: int, lines: int = 300, words: int = 120) -> bytes:
    """Pages of tiny words, as the probe's 129 KB PDF: about 100,000 characters a page."""
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, pagesize=A4, invariant=1)
    for _ in range(pages):
        page.setFont("Helvetica", 2)
        for number in range(lines):
            page.drawString(5, 830 - number * 2.5, " ".join(f"w{j % 10}" for j in range(words)))
        page.showPage()
    page.save()
    return buffer.getvalue()


def flate_bomb(megabytes: int) -> bytes:
    """A one-page PDF whose content stream unpacks to ``megabytes`` MB of spaces."""
    packer = zlib.compressobj(9)
    stream = b"".join(packer.compress(b" " * 2**20) for _ in range(megabytes)) + packer.flush()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream",
    ]
    out = bytearray(b"%PDF-1.7\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    table = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        table,
    )
    return bytes(out)


def refresh_in_a_process(source: Path, data_dir: Path, work_dir: Path):
    """``python -m etl refresh --from-file source`` in its own process: a regression that waits
    for ever is a timeout, one that reads for ever is capped."""
    args = ["refresh", "--from-file", str(source), "--data-dir", str(data_dir)]
    return probe("etl", *args, "--work-dir", str(work_dir), timeout=60)


# What is not a regular file --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("make", "what"),
    [
        (os.mkfifo, "a named pipe"),
        (Path.mkdir, "a folder"),
        (None, "a device"),
    ],
    ids=["fifo", "folder", "dev-zero"],
)
def test_what_is_not_a_regular_file_is_refused_before_it_is_read(
    tmp_path, shipped_data, work_dir, make, what
):
    source = Path("/dev/zero")
    if make is not None:
        source = tmp_path / "list.pdf"
        make(source)
    before = snapshot(shipped_data)
    run = refresh_in_a_process(source, shipped_data, work_dir)
    assert run.code == 1
    assert run.err == f"error: {source} is not a regular file but {what}. {ACTION}"
    assert snapshot(shipped_data) == before
    assert not (work_dir / "rejected").exists()


def test_a_file_over_the_download_cap_is_refused_unread(tmp_path, shipped_data, etl, work_dir):
    source = tmp_path / "list.pdf"
    with source.open("wb") as handle:
        handle.write(b"%PDF-1.7\n")
        handle.truncate(CAP + 1)  # sparse: only its size is ever looked at
    before = snapshot(shipped_data)
    run = etl("refresh", "--from-file", str(source), "--data-dir", str(shipped_data))
    assert run.code == 1 and run.err.count("\n") == 1
    assert "list.pdf is larger than the 25 MB limit. Pass the saved list document" in run.err
    assert snapshot(shipped_data) == before
    assert not (work_dir / "rejected").exists()


# A dense PDF, and a reader out of time or memory -----------------------------------------------


def test_a_dense_pdf_is_refused_within_its_budget_with_memory_bounded(
    tmp_path, shipped_data, work_dir
):
    source = tmp_path / "dense.pdf"
    source.write_bytes(dense_pdf(pages=10))
    assert source.stat().st_size < 129 * 1024
    before = snapshot(shipped_data)
    started = time.monotonic()
    run = refresh_in_a_process(source, shipped_data, work_dir)
    assert time.monotonic() - started < 30
    assert run.code == 1 and run.err.count("\n") == 0
    assert "Page 1 of the PDF holds more than 20,000 characters" in run.err
    # the largest child's peak, as Linux counts it: from the size of the refresh when it forked
    assert run.grew_mb < 100 and run.children_mb < 300, run
    assert snapshot(shipped_data) == before
    [kept] = (work_dir / "rejected").glob("*/*.pdf")
    assert kept.read_bytes() == source.read_bytes()


@pytest.mark.parametrize(
    ("document", "budget", "says"),
    [
        (dense_pdf(pages=3, lines=1, words=1), PdfBudget(pages=2), "has more than 2 pages"),
        (dense_pdf(pages=3, lines=10, words=40), PdfBudget(chars=3000), "more than 3,000 char"),
        (dense_pdf(pages=1, lines=10, words=40), PdfBudget(chars_per_page=1000), "Page 1 of"),
    ],
)
def test_the_budget_is_checked_before_characters_are_laid_out(document, budget, says):
    with pytest.raises(EtlError, match=says):
        pdf_text(document, budget)
    pdf_text(document)  # within the default budget


def test_a_reader_past_its_deadline_is_stopped():
    document = (DOCUMENTS / "list-one-column.pdf").read_bytes()
    with pytest.raises(EtlError, match=r"^Reading the PDF took longer than 0\.01 s"):
        read_pdf(document, 0.01)
    assert read_pdf(document, 60) == pdf_text(document)


def test_a_pdf_that_unpacks_past_the_memory_cap_is_refused():
    bomb = flate_bomb(256)
    assert len(bomb) < 2**20
    with pytest.raises(EtlError, match=r"^Reading the PDF needed more than 64 MB\. This is not"):
        read_pdf(bomb, 60, memory=64 * 2**20)
