"""``serve.cluster`` reads the secrets to tell whether login is configured: a broken file is one
line naming it, never a traceback."""

import functools

import pytest

from serve import cluster as serve_cluster


@pytest.fixture
def repo(tmp_path, monkeypatch):
    """A repository folder whose .streamlit/secrets.toml the test writes; no user secrets."""
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    (tmp_path / ".streamlit").mkdir()
    return tmp_path


@pytest.mark.parametrize(
    ("content", "configured"),
    [(b'[auth]\nclient_id = "reaim"\n', True), (b'[other]\nkey = "x"\n', False)],
)
def test_login_is_configured_by_an_auth_section(repo, content, configured):
    (repo / ".streamlit" / "secrets.toml").write_bytes(content)
    assert serve_cluster.login_configured(repo) is configured


@pytest.mark.parametrize(
    "content", [b'[auth\nclient_id = "reaim"\n', b'client_id = "no end\n', b"\xff\xfe[auth]"]
)
def test_a_malformed_secrets_file_is_one_line_naming_it(repo, monkeypatch, capsys, content):
    secrets = repo / ".streamlit" / "secrets.toml"
    secrets.write_bytes(content)
    monkeypatch.setattr(
        serve_cluster, "login_configured", functools.partial(serve_cluster.login_configured, repo)
    )
    monkeypatch.setattr(serve_cluster, "nginx_binary", lambda: "/usr/sbin/nginx")
    assert serve_cluster.main(["--host", "0.0.0.0", "--port", "8080"]) == 1
    out, err = capsys.readouterr()
    assert out == "" and err.count("\n") == 1, err
    assert err.startswith(f"error: cannot read the secrets file {secrets}: ")
    assert err.endswith(
        "Correct it (it must be valid TOML, see docs/deploying.md) or move it "
        "away, then start again.\n"
    )
