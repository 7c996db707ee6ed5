"""The PDF reader in a child process with a deadline and a memory cap (Linux), so that no
document, whatever it holds (dense text, compressed streams that unpack to gigabytes), can hold
the refresh lock for long or exhaust the machine.

Run as ``python -m etl.sandbox SETTINGS`` with the PDF on stdin, the child answers in JSON on
stdout: the text read, or the one-line refusal.
"""

import json
import os
import resource
import subprocess
import sys
from dataclasses import asdict
from pathlib import Path

from etl.errors import EtlError
from etl.parse_pdf import BUDGET, NOT_THE_LIST, Chunk, PdfBudget, PdfText, pdf_text
from store.paths import REPO_ROOT

MB = 2**20
MEMORY = 1024 * MB  # what the reader may map beyond what it holds when it starts


def read_pdf(
    data: bytes, seconds: float, budget: PdfBudget = BUDGET, memory: int = MEMORY
) -> PdfText:
    """``pdf_text(data, budget)`` in a child process killed after ``seconds``, which may use
    ``memory`` bytes more than it needs to start; EtlError (one line) for a refusal."""
    settings = json.dumps({"budget": asdict(budget), "memory": memory})
    path = os.pathsep.join(p for p in (str(REPO_ROOT), os.environ.get("PYTHONPATH")) if p)
    try:
        done = subprocess.run(
            [sys.executable, "-m", "etl.sandbox", settings],
            input=data,
            capture_output=True,
            timeout=seconds,
            env={**os.environ, "PYTHONPATH": path},
            check=False,
        )
    except subprocess.TimeoutExpired:  # the child is killed
        raise EtlError(
            f"reading the PDF took longer than {seconds:g} s",
            "this is not the list document, or the machine is overloaded; check the document, "
            "or raise --timeout",
        ) from None
    try:
        answer = json.loads(done.stdout)
    except ValueError:
        last = (done.stderr.decode(errors="replace").strip().splitlines() or ["no message"])[-1]
        raise EtlError(
            f"the PDF reader stopped before it finished (exit status {done.returncode}: "
            f"{last[:120]})",
            "check the document; if it is the list, report this as a bug",
        ) from None
    if "problem" in answer:
        raise EtlError(answer["problem"], answer["action"])
    chunks = [Chunk(**chunk) for chunk in answer["chunks"]]
    return PdfText(chunks=chunks, pages=answer["pages"], metadata=answer["metadata"])


def cap_memory(extra: int) -> None:
    """Let this process map at most ``extra`` bytes more than it maps now (Linux's /proc)."""
    try:
        pages = int(Path("/proc/self/statm").read_text().split()[0])
    except OSError:  # not Linux: the deadline still holds
        return
    _soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    limit = pages * resource.getpagesize() + extra
    unlimited = hard == resource.RLIM_INFINITY
    resource.setrlimit(resource.RLIMIT_AS, (limit if unlimited else min(limit, hard), hard))


def _main() -> None:
    settings = json.loads(sys.argv[1])
    cap_memory(settings["memory"])
    try:
        answer = asdict(pdf_text(sys.stdin.buffer.read(), PdfBudget(**settings["budget"])))
    except EtlError as error:
        answer = {"problem": error.problem, "action": error.action}
    except MemoryError:
        answer = {
            "problem": f"reading the PDF needed more than {settings['memory'] // MB:,} MB",
            "action": NOT_THE_LIST,
        }
    sys.stdout.write(json.dumps(answer))


if __name__ == "__main__":
    _main()
