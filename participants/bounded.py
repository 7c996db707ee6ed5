"""The document reader (``participants.documents``) in a child process with a deadline and a
memory cap, as the ETL reads its PDF (``etl.sandbox``): no upload, whatever it holds (dense text,
compressed streams, a million nested tags), can hold a page or the command line for long or
exhaust the machine.

Run as ``python -m participants.bounded KIND SETTINGS`` with the document on stdin, the child
answers in JSON on stdout: what ``documents.extract`` read, or ``{"problem": reason}``.
"""

import json
import os
import subprocess
import sys
import traceback
from dataclasses import asdict, dataclass

from etl.sandbox import cap_memory
from participants.documents import DocumentError, extract
from store.paths import REPO_ROOT

MB = 2**20


@dataclass(frozen=True)
class Budget:
    """How long the reader may take and how much memory it may map beyond its start."""

    seconds: float = 30.0
    memory: int = 768 * MB


BUDGET = Budget()


def read_document(kind: str, data: bytes, budget: Budget = BUDGET) -> dict:
    """``documents.extract(kind, data)`` in a child process within ``budget``; DocumentError
    ("too-slow", "too-long" for memory, "damaged" for a reader that stopped) otherwise."""
    path = os.pathsep.join(p for p in (str(REPO_ROOT), os.environ.get("PYTHONPATH")) if p)
    try:
        done = subprocess.run(
            [sys.executable, "-m", "participants.bounded", kind, json.dumps(asdict(budget))],
            input=data,
            capture_output=True,
            timeout=budget.seconds,
            env={**os.environ, "PYTHONPATH": path},
            check=False,
        )
    except subprocess.TimeoutExpired:  # the child is killed
        raise DocumentError("too-slow") from None
    try:
        answer = json.loads(done.stdout)
    except ValueError:  # killed, or out of memory before it could answer
        raise DocumentError("too-long" if done.returncode < 0 else "damaged") from None
    if "problem" in answer:
        raise DocumentError(answer["problem"])
    return answer


def _main() -> None:
    kind, settings = sys.argv[1], json.loads(sys.argv[2])
    cap_memory(settings["memory"])
    try:
        answer = extract(kind, sys.stdin.buffer.read())
    except DocumentError as error:
        answer = {"problem": error.reason}
    except (MemoryError, RecursionError):
        answer = {"problem": "too-long"}
    except Exception:  # a reader's own error on a file it cannot read (each raises its own)
        traceback.print_exc()
        answer = {"problem": "damaged"}
    sys.stdout.write(json.dumps(answer))


if __name__ == "__main__":
    _main()
