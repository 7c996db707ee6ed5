"""The packs the briefing command line builds, kept for the tests to look at (a pytest plugin of
tests/conftest.py)."""

import pytest

from briefing.pack import Pack, build_pack

from ui_fixtures import shipped


@pytest.fixture
def packs(monkeypatch) -> list[Pack]:
    """Every pack the command line builds, on the shipped dataset loaded once."""
    built: list[Pack] = []

    def keep(*args, **kwargs) -> Pack:
        built.append(build_pack(*args, **kwargs))
        return built[-1]

    monkeypatch.setattr("briefing.__main__.build_pack", keep)
    monkeypatch.setattr("briefing.__main__.load_dataset", lambda _directory: shipped())
    return built
