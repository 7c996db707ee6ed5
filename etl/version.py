"""The software version, read from its one definition in pyproject.toml."""

import tomllib

from store.paths import REPO_ROOT

# The project is run from its checkout, not installed, so importlib.metadata cannot tell.
_PROJECT = tomllib.loads((REPO_ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
VERSION: str = _PROJECT["version"]
