"""Whether Streamlit's secrets configure sign-in: the one reader, for the app and the cluster."""

import tomllib
from collections.abc import Iterable
from pathlib import Path


class SecretsError(Exception):
    """A secrets file exists but cannot be read: whether sign-in is configured is unknown."""

    def __init__(self, path: Path, reason: object) -> None:
        super().__init__(f"cannot read the secrets file {path}: {reason}")
        self.path = path


def login_configured(files: Iterable[str | Path]) -> bool:
    """Whether any of Streamlit's secrets ``files`` has an ``[auth]`` section (``st.login``).

    A missing file says nothing; one that cannot be read or is not TOML is a SecretsError naming
    it, never "no sign-in" (which would open laptop mode).
    """
    for path in map(Path, files):
        if not path.is_file():
            continue
        try:
            with path.open("rb") as handle:
                secrets = tomllib.load(handle)
        except (OSError, ValueError) as error:  # TOMLDecodeError, UnicodeDecodeError
            raise SecretsError(path, error) from None
        if "auth" in secrets:
            return True
    return False
