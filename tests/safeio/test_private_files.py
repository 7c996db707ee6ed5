"""Private files: 0600 from creation, written whole, never through a planted link."""

import tempfile

import pytest

from safeio.private_files import private_database, write_private

from conftest import file_mode

pytestmark = pytest.mark.usefixtures("usual_umask")


def test_a_private_file_is_0600_and_replaced_whole(tmp_path):
    target = tmp_path / "plan.json"
    target.write_text("old")
    target.chmod(0o644)
    write_private(target, b"new")
    assert target.read_bytes() == b"new" and file_mode(target) == 0o600
    assert [p.name for p in tmp_path.iterdir()] == ["plan.json"]  # no temporary file left


def test_a_link_planted_at_the_temporary_name_is_not_followed(tmp_path, monkeypatch):
    """The temporary name is random; even when an attacker guesses it, the file is created
    exclusively beside the link, and the link's target is left untouched."""
    victim = tmp_path / "victim.txt"
    victim.write_text("untouched")
    planted = tmp_path / ".plan.json.guessed"
    planted.symlink_to(victim)
    names = iter(["guessed", "fresh"])
    monkeypatch.setattr(tempfile, "_get_candidate_names", lambda: names)
    write_private(tmp_path / "plan.json", b"notes")
    assert victim.read_text() == "untouched" and planted.is_symlink()
    assert (tmp_path / "plan.json").read_bytes() == b"notes"


def test_a_link_at_the_old_fixed_temporary_name_is_not_followed(tmp_path):
    victim = tmp_path / "victim.txt"
    victim.write_text("untouched")
    (tmp_path / ".plan.json.partial").symlink_to(victim)
    write_private(tmp_path / "plan.json", b"notes")
    assert victim.read_text() == "untouched" and file_mode(victim) == 0o644


def test_a_link_at_the_target_is_refused(tmp_path):
    victim = tmp_path / "victim.txt"
    victim.write_text("untouched")
    (tmp_path / "plan.json").symlink_to(victim)
    with pytest.raises(OSError, match="symbolic link") as refused:
        write_private(tmp_path / "plan.json", b"notes")
    assert refused.value.strerror == "it is a symbolic link, not written through"
    assert victim.read_text() == "untouched" and (tmp_path / "plan.json").is_symlink()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.json", "victim.txt"]


def test_a_new_database_file_is_created_0600(tmp_path):
    database = tmp_path / "plan.sqlite"
    private_database(database)
    assert database.read_bytes() == b"" and file_mode(database) == 0o600


def test_an_existing_database_and_its_wal_are_narrowed_to_the_owner(tmp_path):
    files = [tmp_path / name for name in ("plan.sqlite", "plan.sqlite-wal", "plan.sqlite-shm")]
    for each in files:
        each.write_bytes(b"x")
        each.chmod(0o664)
    private_database(files[0])
    assert [file_mode(each) for each in files] == [0o600, 0o600, 0o600]
    assert all(each.read_bytes() == b"x" for each in files)


def test_a_link_at_the_database_name_is_left_alone(tmp_path):
    victim = tmp_path / "victim.txt"
    victim.write_text("untouched")
    victim.chmod(0o644)
    (tmp_path / "plan.sqlite").symlink_to(victim)
    private_database(tmp_path / "plan.sqlite")
    assert victim.read_text() == "untouched" and file_mode(victim) == 0o644


def test_a_missing_folder_is_left_for_sqlite_to_report(tmp_path):
    private_database(tmp_path / "no" / "plan.sqlite")
    assert not (tmp_path / "no").exists()
