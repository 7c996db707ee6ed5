"""The peak memory a command line adds, run in a fresh interpreter with its address space capped
(so that a regression fails the test, not the machine)."""

import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

GB = 2**30
# Runs ``main(argv)`` of a package's __main__ and reports the peak resident memory it added after
# its imports, and the peak of any child process it ran (both in MB) on stderr's last line.
MEASURE = """
import resource, sys
resource.setrlimit(resource.RLIMIT_AS, ({cap}, resource.RLIM_INFINITY))
from {package}.__main__ import main
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
code = main(sys.argv[1:])
grew = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) // 1024
children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024
print(f"exit {{code}}, grew {{grew}} MB, children {{children}} MB", file=sys.stderr)
"""


@dataclass(frozen=True)
class Probe:
    """What one run of a command line printed and used."""

    code: int
    grew_mb: int  # the command's own peak memory, beyond its imports
    children_mb: int  # the largest peak of a child process it ran
    err: str  # stderr without the measurement line


def probe(package: str, *args: str, timeout: float = 60, cap: int = 4 * GB) -> Probe:
    """Run ``python -m package args`` in a fresh interpreter, its address space capped at
    ``cap``; TimeoutExpired if it runs past ``timeout`` seconds."""
    done = subprocess.run(
        [sys.executable, "-c", MEASURE.format(package=package, cap=cap), *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        cwd=Path(__file__).resolve().parent.parent,
    )
    *lines, last = done.stderr.strip().splitlines() or [""]
    assert last.startswith("exit "), (
        f"no measurement; the command ended with: {done.stderr[-2000:]}"
    )
    words = last.replace(",", "").split()
    return Probe(int(words[1]), int(words[3]), int(words[6]), "\n".join(lines))
