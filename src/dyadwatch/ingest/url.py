"""Fetching http(s) URLs without reaching private networks.

Every connection (the first request and each redirect) resolves the host and refuses it when
any address is private, loopback, link-local, reserved, multicast or otherwise not globally
routable, unless `settings.allow_private_urls`. The check runs inside the connection itself, on
the addresses it then connects to, so a DNS answer cannot change between check and use.
Environment proxies are not used: a proxy would resolve the name where we cannot check it.
"""

from __future__ import annotations

import http.client
import ipaddress
import socket
import time
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from dyadwatch.errors import Codes
from dyadwatch.ingest.reject import Reject
from dyadwatch.settings import Settings

TIMEOUT_S = 20.0  # per socket operation, and for the whole transfer
MAX_REDIRECTS = 5
READ_CHUNK_BYTES = 64 * 1024
USER_AGENT = "dyadwatch-ingest/0.1"
_REDIRECTS = frozenset({301, 302, 303, 307, 308})

Address = tuple[str, int]


@dataclass(frozen=True)
class Fetched:
    """A fetched document: its final URL (after redirects), Content-Type and bytes."""

    url: str
    content_type: str
    data: bytes


def is_url(value: str) -> bool:
    return value.lower().startswith(("http://", "https://"))


def fetch(url: str, *, settings: Settings, max_bytes: int) -> Fetched:
    """GET `url`, following up to MAX_REDIRECTS redirects. Raises Reject(E011 or E004)."""
    deadline = time.monotonic() + TIMEOUT_S
    for _ in range(MAX_REDIRECTS + 1):
        connection, response = _get(url, allow_private=settings.allow_private_urls)
        try:
            location = response.getheader("Location")
            if response.status in _REDIRECTS and location:
                url = urljoin(url, location)
                continue
            if response.status != 200:
                raise Reject(Codes.E011, f"HTTP {response.status} {response.reason} from {url}")
            data = _read_capped(response, max_bytes=max_bytes, deadline=deadline)
            return Fetched(url, response.getheader("Content-Type") or "", data)
        except (OSError, http.client.HTTPException) as exc:
            raise Reject(Codes.E011, f"fetching {url} failed: {exc!r}") from exc
        finally:
            connection.close()
    raise Reject(Codes.E011, f"more than {MAX_REDIRECTS} redirects, last to {url}")


def refusal(ip: str) -> str | None:
    """Why this address may not be fetched, or None if it is globally routable."""
    address = ipaddress.ip_address(ip.split("%")[0])
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
        address = address.ipv4_mapped
    for kind in ("loopback", "link_local", "unspecified", "multicast", "reserved", "private"):
        if getattr(address, f"is_{kind}"):
            return kind.replace("_", "-")
    return None if address.is_global else "not globally routable"


def _get(
    url: str, *, allow_private: bool
) -> tuple[http.client.HTTPConnection, http.client.HTTPResponse]:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise Reject(Codes.E011, f"not an http(s) URL with a host: {url}")
    try:
        port = parts.port
    except ValueError as exc:
        raise Reject(Codes.E011, f"invalid port in {url}") from exc
    kind = http.client.HTTPSConnection if parts.scheme == "https" else http.client.HTTPConnection
    connection = kind(parts.hostname, port, timeout=TIMEOUT_S)

    def connect(
        address: Address, timeout: float | None = None, source: object = None
    ) -> socket.socket:
        return _guarded_connect(address, timeout, allow_private=allow_private)

    connection._create_connection = connect  # type: ignore[attr-defined]  # the one hook there is
    path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    headers = {"User-Agent": USER_AGENT, "Accept-Encoding": "identity", "Accept": "*/*"}
    try:
        connection.request("GET", path, headers=headers)
        return connection, connection.getresponse()
    except Reject:
        connection.close()
        raise
    except (OSError, http.client.HTTPException, UnicodeError) as exc:
        connection.close()
        raise Reject(Codes.E011, f"fetching {url} failed: {exc!r}") from exc


def _guarded_connect(
    address: Address, timeout: float | None, *, allow_private: bool
) -> socket.socket:
    host, port = address
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        raise Reject(Codes.E011, f"cannot resolve host {host!r}: {exc}") from exc
    ips = list(dict.fromkeys(str(info[4][0]) for info in infos))
    if not allow_private:
        for ip in ips:
            why = refusal(ip)
            if why:
                raise Reject(
                    Codes.E011,
                    f"refused: host {host!r} resolves to {why} address {ip} "
                    "(set allow_private_urls to fetch it)",
                )
    last_error: OSError | None = None
    for ip in ips:
        try:
            return socket.create_connection((ip, port), timeout)
        except OSError as exc:
            last_error = exc
    raise Reject(Codes.E011, f"cannot connect to {host!r} port {port}: {last_error!r}")


def _read_capped(response: http.client.HTTPResponse, *, max_bytes: int, deadline: float) -> bytes:
    declared = response.getheader("Content-Length")
    if declared and declared.isdigit() and int(declared) > max_bytes:
        raise Reject(Codes.E004, f"response of {int(declared):,} bytes exceeds {max_bytes:,}")
    chunks: list[bytes] = []
    size = 0
    while chunk := response.read(READ_CHUNK_BYTES):
        size += len(chunk)
        if size > max_bytes:
            raise Reject(Codes.E004, f"response exceeds {max_bytes:,} bytes")
        if time.monotonic() > deadline:
            raise Reject(Codes.E011, f"download took longer than {TIMEOUT_S:.0f} s")
        chunks.append(chunk)
    return b"".join(chunks)
