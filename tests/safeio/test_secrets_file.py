"""The one reader of Streamlit's secrets files: sign-in configured, not configured, or unknown."""

import pytest

from safeio.secrets_file import SecretsError, login_configured


def test_an_auth_section_in_any_file_configures_sign_in(tmp_path):
    (tmp_path / "user.toml").write_text('[other]\nkey = "x"\n')
    (tmp_path / "project.toml").write_text('[auth]\nclient_id = "reaim"\n')
    files = [tmp_path / "user.toml", tmp_path / "missing.toml", tmp_path / "project.toml"]
    assert login_configured(files) is True
    assert login_configured(files[:2]) is False
    assert login_configured([]) is False


@pytest.mark.parametrize("content", [b"[auth\n", b"\xff\xfe[auth]", b'key = "no end\n'])
def test_an_unreadable_file_is_an_error_naming_it_never_no(tmp_path, content):
    broken = tmp_path / "secrets.toml"
    broken.write_bytes(content)
    with pytest.raises(SecretsError, match=r"cannot read the secrets file .*secrets\.toml"):
        login_configured([broken])
