"""Fetching URLs: httpx with timeouts, a size limit, an overall deadline, redirects, a polite
User-Agent, and a guard against server-side request forgery.

The guard resolves the host of every request — the first one and each redirect — and refuses
it when any of its addresses is not a public one (loopback, private, link-local, multicast,
unspecified, reserved, shared ...), unless the operator allows them (``--allow-private`` on the
CLI, ``RASD_ALLOW_PRIVATE=1`` for the server). What it does not cover: a host whose DNS answer
changes between the check and the connection (DNS rebinding), and an HTTP proxy configured in
the environment, which then makes the connection itself.
"""

from __future__ import annotations

import ipaddress
import socket
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from rasd.errors import InputError
from rasd.version import __version__

if TYPE_CHECKING:  # httpx is imported when a URL is fetched: reading files starts faster
    import httpx

USER_AGENT = f"rasd/{__version__} (Arabic news claim extraction; research use)"
MAX_BYTES = 5_000_000          #: largest page or feed fetched (bytes)
TIMEOUT = 20.0                 #: seconds without a byte before a fetch is given up
CONNECT_TIMEOUT = 10.0
PAGE_DEADLINE = 120.0          #: seconds one page may take in all (a server trickling bytes)
ALLOW_HINT = "--allow-private / RASD_ALLOW_PRIVATE=1 allows it"


@dataclass(frozen=True)
class FetchOptions:
    """How URLs and feeds are fetched.

    ``allow_private`` lets fetches reach loopback/private/link-local addresses; a feed reads at
    most ``max_items`` items, ``workers`` at a time, and gives up on those not read within
    ``deadline`` seconds; ``progress`` gets a line about a feed every few seconds."""

    allow_private: bool = False
    max_items: int = 500
    deadline: float = 600.0
    workers: int = 8
    timeout: float = TIMEOUT
    progress: Callable[[str], None] | None = None


@dataclass(frozen=True, slots=True)
class Page:
    """Raw bytes fetched from somewhere, with what is known about them."""

    url: str
    data: bytes
    content_type: str = ""


class BlockedAddress(InputError):
    """A fetch refused because its host is not a public address."""

    code = "blocked_address"


def address_kind(ip: ipaddress.IPv4Address | ipaddress.IPv6Address) -> str | None:
    """Why ``ip`` is not a public address ("loopback", "private", ...), or None when it is."""
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    for kind in ("loopback", "link_local", "unspecified", "multicast", "private", "reserved"):
        if getattr(ip, f"is_{kind}"):
            return kind.replace("_", "-")
    return None if ip.is_global else "non-public"


def resolve(host: str, port: int) -> list[str]:
    """Every address ``host`` resolves to (an InputError when it does not)."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError, ValueError) as exc:
        raise InputError(f"cannot resolve host {host!r} ({exc})") from None
    return sorted({str(info[4][0]).split("%", 1)[0] for info in infos})


def check_url(url: httpx.URL) -> None:
    """Refuse ``url`` (a BlockedAddress) when its host resolves to any non-public address."""
    host = url.host
    if not host:
        raise InputError("URL without a host")
    port = url.port or (443 if url.scheme == "https" else 80)
    for address in resolve(host, port):
        kind = address_kind(ipaddress.ip_address(address))
        if kind:
            shown = host if host == address else f"{host} ({address})"
            raise BlockedAddress(f"refused: {shown} is a {kind} address; {ALLOW_HINT}")


def _guard(request: httpx.Request) -> None:
    check_url(request.url)


def client(options: FetchOptions | None = None) -> httpx.Client:
    """An HTTP client with rasd's timeouts, redirects and User-Agent; unless ``options`` allow
    private addresses, every request (redirects included) goes through the address guard.
    It may be shared between threads."""
    import httpx

    options = options or FetchOptions()
    hooks = {} if options.allow_private else {"request": [_guard]}
    return httpx.Client(timeout=httpx.Timeout(options.timeout, connect=CONNECT_TIMEOUT),
                        follow_redirects=True, max_redirects=5, event_hooks=hooks,
                        headers={"User-Agent": USER_AGENT})


def fetch(url: str, client: httpx.Client, *, deadline: float | None = None,
          max_bytes: int = MAX_BYTES) -> Page:
    """GET ``url`` (redirects followed, size limited, done by ``deadline`` — a
    ``time.monotonic()`` value, by default :data:`PAGE_DEADLINE` from now); an InputError
    names the URL on failure."""
    import httpx

    deadline = deadline if deadline is not None else time.monotonic() + PAGE_DEADLINE
    left = deadline - time.monotonic()
    if left <= 0:
        raise InputError("deadline passed before it was fetched", source=url)
    timeout = httpx.Timeout(min(_read_timeout(client), left), connect=min(CONNECT_TIMEOUT, left))
    try:
        with client.stream("GET", url, timeout=timeout) as response:
            response.raise_for_status()
            chunks: list[bytes] = []
            size = 0
            for chunk in response.iter_bytes():
                size += len(chunk)
                if size > max_bytes:
                    raise InputError(f"larger than {max_bytes:,} bytes", source=url)
                if time.monotonic() > deadline:
                    raise InputError("took longer than its deadline", source=url)
                chunks.append(chunk)
            return Page(str(response.url), b"".join(chunks),
                        response.headers.get("content-type", ""))
    except BlockedAddress as exc:
        raise BlockedAddress(str(exc), source=url) from None
    except InputError as exc:
        if exc.source:
            raise
        raise InputError(str(exc), source=url) from None
    except (httpx.InvalidURL, ValueError, UnicodeError) as exc:
        raise InputError(f"invalid URL ({exc})", source=url) from None
    except httpx.HTTPStatusError as exc:
        raise InputError(f"HTTP {exc.response.status_code}", source=url) from exc
    except httpx.HTTPError as exc:
        raise InputError(f"cannot fetch ({type(exc).__name__}: {exc})", source=url) from exc


def _read_timeout(client: httpx.Client) -> float:
    return client.timeout.read if client.timeout.read is not None else TIMEOUT
