"""Whether a host name or address reaches this machine alone: localhost, 127.0.0.0/8 or ::1."""

import ipaddress


def is_loopback(host: str) -> bool:
    """Whether only this machine can reach ``host``: ``localhost``, 127.0.0.0/8 or ``::1``.

    Any letter case, a trailing dot and IPv6 brackets are accepted (``LOCALHOST.``, ``[::1]``);
    "" (every interface), 0.0.0.0 and every other name or address are not loopback.
    """
    name = host.strip().lower().removesuffix(".")
    if name == "localhost":
        return True
    try:
        if name.startswith("[") and name.endswith("]"):  # brackets hold an IPv6 address only
            return ipaddress.IPv6Address(name[1:-1]).is_loopback
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False
