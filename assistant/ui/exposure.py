"""Who can reach the app: this machine only (loopback), or the network."""

from __future__ import annotations

import ipaddress


def is_loopback(address: str | None) -> bool:
    """True only for an address this machine alone can reach; empty means every interface."""
    if not address:
        return False
    host = address.strip("[]")
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False  # a host name may resolve to any interface


def url(address: str, port: int) -> str:
    """The address to open in a browser for a server listening on ``address``."""
    host = "127.0.0.1" if address in ("", "0.0.0.0", "::") else address
    return f"http://[{host}]:{port}" if ":" in host else f"http://{host}:{port}"
