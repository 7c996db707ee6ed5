"""One loopback check for the plan's laptop mode, the cluster's front and the ETL's plain http."""

import pytest

from safeio.loopback import is_loopback


@pytest.mark.parametrize(
    ("host", "loopback"),
    [
        ("localhost", True),
        ("LocalHost.", True),
        ("127.0.0.1", True),
        ("127.4.5.6", True),
        (" 127.0.0.1 ", True),
        ("::1", True),
        ("[::1]", True),
        ("", False),  # Streamlit's default: every interface
        ("0.0.0.0", False),
        ("::", False),
        ("10.1.2.3", False),
        ("dashboard.ministry.example", False),
        ("localhost.evil.example", False),
        ("127.0.0.1.evil.example", False),
        ("[127.0.0.1]", False),  # brackets hold IPv6 only
        ("2130706433", False),  # 127.0.0.1 as one number: browsers rewrite it, we do not
    ],
)
def test_loopback_names_and_addresses(host, loopback):
    assert is_loopback(host) is loopback


def test_one_function_serves_every_caller():
    import etl.fetch
    import plan.access
    import serve.cluster

    assert etl.fetch.is_loopback is plan.access.is_loopback is serve.cluster.is_loopback
    assert serve.cluster.is_loopback is is_loopback
