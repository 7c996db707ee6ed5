"""The plan's command line, run in-process: every command, and bad input."""

import json
import stat

import pytest

from plan.__main__ import main
from plan.model import DEFAULT_INSTRUMENT as CTA
from plan.service import PlanService


def run(capsys, url: str, *argv: str) -> tuple[int, str, str]:
    code = main([*argv, "--database-url", url])
    out, err = capsys.readouterr()
    return code, out, err


def test_db_upgrade_creates_the_schema_once(capsys, database_url):
    assert run(capsys, database_url, "db", "upgrade") == (
        0,
        "The plan database is up to date.\n",
        "",
    )
    assert run(capsys, database_url, "db", "upgrade")[0] == 0


def test_commands_before_the_upgrade_fail_in_one_line(capsys, database_url):
    code, out, err = run(capsys, database_url, "users", "list")
    assert (code, out) == (1, "")
    assert err.startswith("error: ") and err.count("\n") == 1 and "db upgrade" in err


def test_users_add_list_remove(capsys, database_url):
    run(capsys, database_url, "db", "upgrade")
    assert run(capsys, database_url, "users", "add", "Ana@X.org", "--role", "admin")[:2] == (
        0,
        "ana@x.org is admin\n",
    )
    run(capsys, database_url, "users", "add", "bo@x.org", "--role", "viewer")
    assert run(capsys, database_url, "users", "list")[1] == "ana@x.org\tadmin\nbo@x.org\tviewer\n"
    assert run(capsys, database_url, "users", "remove", "BO@x.org")[:2] == (0, "Removed bo@x.org\n")
    assert run(capsys, database_url, "users", "list")[1] == "ana@x.org\tadmin\n"


@pytest.mark.parametrize(
    ("argv", "code", "says"),
    [
        (["users", "add", "ana@x.org", "--role", "owner"], 2, "invalid choice: 'owner'"),
        (["users", "add", "ana@x.org"], 2, "--role"),
        (["users", "frobnicate"], 2, "invalid choice"),
        ([], 2, "required"),
        (["export"], 2, "--out"),
        (["users", "add", "not-an-address", "--role", "viewer"], 1, "is not an email address"),
        (["users", "remove", "nobody@x.org"], 1, "No user nobody@x.org to remove"),
        (["import", "missing.json"], 1, "Cannot read missing.json"),
    ],
)
def test_bad_input(capsys, database_url, monkeypatch, tmp_path, argv, code, says):
    monkeypatch.chdir(tmp_path)
    run(capsys, database_url, "db", "upgrade")
    got, out, err = run(capsys, database_url, *argv)
    assert got == code and says in err and out == ""
    if code == 1:
        assert err.startswith("error: ") and err.count("\n") == 1


def test_an_unreachable_database_is_one_line(capsys, tmp_path):
    code, _, err = run(
        capsys, f"sqlite:///{tmp_path / 'no' / 'such' / 'dir.sqlite'}", "db", "upgrade"
    )
    assert code == 1 and err.startswith("error: The plan database failed") and err.count("\n") == 1


def test_export_and_import(capsys, database_url, service: PlanService, tmp_path):
    service.save("FRA", CTA, {"status": "planned", "notes": "sensitive"}, 0, "ana@x.org")
    service.add_user("ana@x.org", "editor")
    out_file = tmp_path / "plan.json"
    code, out, _ = run(capsys, database_url, "export", "--out", str(out_file))
    assert code == 0 and "sensitive" in out
    assert stat.S_IMODE(out_file.stat().st_mode) == 0o600
    assert json.loads(out_file.read_text(encoding="utf-8")) == service.export()
    empty = f"sqlite:///{tmp_path / 'empty.sqlite'}"
    run(capsys, empty, "db", "upgrade")
    code, out, _ = run(capsys, empty, "import", str(out_file), "--dry-run")
    assert (code, out) == (0, "add 1 record, 2 events and 1 user\nNothing written.\n")
    assert run(capsys, empty, "users", "list")[1] == ""
    code, out, _ = run(capsys, empty, "import", str(out_file))
    assert (code, out) == (0, "add 1 record, 2 events and 1 user\nImported.\n")
    again = tmp_path / "again.json"
    run(capsys, empty, "export", "--out", str(again))
    assert again.read_bytes() == out_file.read_bytes()
    code, out, _ = run(capsys, empty, "import", str(out_file))
    assert code == 0 and out.startswith("nothing to change")


def test_import_of_a_bad_file_writes_nothing(capsys, database_url, tmp_path):
    run(capsys, database_url, "db", "upgrade")
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "reaim-outreach-plan", "format_version": 1, "records": 3}')
    code, out, err = run(capsys, database_url, "import", str(bad))
    assert code == 1 and out == "" and "records is not a list" in err
    assert err.splitlines()[-1] == "Nothing imported. Correct the file and import it again."
    bad.write_text("not json")
    assert run(capsys, database_url, "import", str(bad))[0] == 1


def test_import_of_deeply_nested_json_is_one_line(capsys, database_url, tmp_path):
    run(capsys, database_url, "db", "upgrade")
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 100_000 + "]" * 100_000)
    code, out, err = run(capsys, database_url, "import", str(deep))
    assert (code, out) == (1, "")
    assert err == (
        f"error: Cannot read {deep}: it nests lists or objects too deeply for a plan export. "
        "Give a JSON file written by export.\n"
    )


def test_the_environment_names_the_default_database(capsys, monkeypatch, database_url):
    monkeypatch.setenv("REAIM_DATABASE_URL", database_url)
    assert main(["db", "upgrade"]) == 0
    assert main(["users", "add", "cy@x.org", "--role", "viewer"]) == 0
    capsys.readouterr()
    assert main(["users", "list"]) == 0 and capsys.readouterr().out == "cy@x.org\tviewer\n"
