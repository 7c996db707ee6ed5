"""The app reads every data file through one cache keyed by the files' stamp: a changed file is
seen on the next visit without a restart, and no caller can change what another one reads."""

import shutil
import time

from store.files import FRESH_FOR
from ui import cache

from apptest import open_page
from conftest import REPO


def shown(at) -> str:
    return " ".join(
        str(e.value) for kind in ("markdown", "subheader", "caption") for e in at.get(kind)
    )


def test_a_changed_registry_is_seen_without_a_restart(shipped_data, monkeypatch, tmp_path):
    instruments = tmp_path / "instruments"
    shutil.copytree(REPO / "data" / "instruments", instruments)
    monkeypatch.setattr("store.paths.instruments_dir", lambda: instruments)
    monkeypatch.setenv("REAIM_DATA_DIR", str(shipped_data))
    before = open_page("instruments")
    assert not before.exception and "Blueprint for Action" in shown(before)
    registry = instruments / "instruments.csv"
    registry.write_text(
        registry.read_text(encoding="utf-8").replace("Blueprint for Action", "Blueprint Renamed"),
        encoding="utf-8",
    )
    time.sleep(FRESH_FOR * 2)  # the stamp is looked at again
    after = open_page("instruments")
    assert not after.exception and "Blueprint Renamed" in shown(after)


def test_no_caller_can_change_what_the_next_one_reads():
    table = cache.table()
    table.loc[:, "name"] = "changed by one caller"
    cache.matrix().iloc[:, 0] = "changed"
    cache.dataset().table.loc[:, "name"] = "changed through the dataset"
    assert "changed" not in " ".join(cache.table()["name"])
    assert "changed" not in " ".join(map(str, cache.matrix().iloc[:, 0]))
