"""The plan's files are its owner's alone: the SQLite database with its WAL, and the export."""

import pytest
from sqlalchemy import text

from plan.__main__ import main
from plan.database import engine_for, upgrade

from conftest import file_mode

pytestmark = pytest.mark.usefixtures("usual_umask")


def test_the_database_its_wal_and_shm_are_0600(tmp_path):
    database = tmp_path / "plan.sqlite"
    engine = engine_for(f"sqlite:///{database}")
    try:
        upgrade(engine)
        with engine.connect() as connection:  # open: the -wal and -shm files exist now
            connection.execute(text("SELECT 1"))
            files = [database, tmp_path / "plan.sqlite-wal", tmp_path / "plan.sqlite-shm"]
            assert [file_mode(each) for each in files] == [0o600, 0o600, 0o600]
    finally:
        engine.dispose()


def test_a_world_readable_database_of_an_older_version_is_narrowed(tmp_path):
    database = tmp_path / "plan.sqlite"
    engine = engine_for(f"sqlite:///{database}")
    upgrade(engine)
    engine.dispose()
    database.chmod(0o644)
    engine = engine_for(f"sqlite:///{database}")
    try:
        upgrade(engine)
    finally:
        engine.dispose()
    assert file_mode(database) == 0o600


def test_an_export_is_0600_and_never_written_through_a_link(tmp_path, capsys):
    url = f"sqlite:///{tmp_path / 'plan.sqlite'}"
    assert main(["db", "upgrade", "--database-url", url]) == 0
    victim = tmp_path / "victim.txt"
    victim.write_text("untouched")
    (tmp_path / ".plan.json.partial").symlink_to(victim)  # the old fixed temporary name
    out = tmp_path / "plan.json"
    assert main(["export", "--out", str(out), "--database-url", url]) == 0
    assert file_mode(out) == 0o600 and victim.read_text() == "untouched"
    out.unlink()
    out.symlink_to(victim)  # a link at the target itself
    capsys.readouterr()
    assert main(["export", "--out", str(out), "--database-url", url]) == 1
    err = capsys.readouterr().err
    assert err == (
        f"error: Cannot write {out}: it is a symbolic link, not written through. "
        "Choose another --out.\n"
    )
    assert victim.read_text() == "untouched" and out.is_symlink()
