"""A web site on 127.0.0.1 for the fetch tests, and a machine without internet.

:class:`Site` serves routes from a thread of the test process and logs every
request (path, time, headers) and how many were in flight at once.
:func:`no_internet` makes every name lookup and connection that is not to this
machine fail the way they fail offline, and records the attempt, so a test can
prove that nothing reached the internet.
"""

from __future__ import annotations

import errno
import ipaddress
import socket
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

PROXY_VARIABLES = ("http_proxy", "https_proxy", "all_proxy", "no_proxy")


def _is_loopback(host: object) -> bool:
    host = str(host).strip("[]")
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def no_internet(monkeypatch: pytest.MonkeyPatch) -> list:
    """Block name lookups and connections beyond loopback; return the list of attempts."""
    attempts: list = []
    real_getaddrinfo = socket.getaddrinfo
    real_connect = socket.socket.connect

    def getaddrinfo(host, *args, **kwargs):
        if host is None or _is_loopback(host):
            return real_getaddrinfo(host, *args, **kwargs)
        attempts.append(("lookup", host))
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known (no internet)")

    def connect(self, address):
        if self.family in (socket.AF_INET, socket.AF_INET6) and not _is_loopback(address[0]):
            attempts.append(("connect", address[0]))
            raise OSError(errno.ENETUNREACH, "Network is unreachable (no internet)")
        return real_connect(self, address)

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    monkeypatch.setattr(socket.socket, "connect", connect)
    for name in PROXY_VARIABLES:  # a proxy from the environment must not take the requests
        monkeypatch.delenv(name, raising=False)
        monkeypatch.delenv(name.upper(), raising=False)
    return attempts


@dataclass
class Hit:
    path: str
    started: float  # time.monotonic() when the request arrived
    headers: dict


Route = Callable[["Handler"], None]


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    site: Site  # set on the subclass each Site makes

    def do_GET(self) -> None:  # noqa: N802 (the name http.server calls)
        site = self.site
        with site.lock:
            site.hits.append(Hit(self.path, time.monotonic(), dict(self.headers)))
            site.active += 1
            site.max_active = max(site.max_active, site.active)
        try:
            route = site.routes.get(self.path.split("?")[0])
            if route is None:
                self.send_page(b"<html><body><h1>Not found</h1></body></html>", status=404)
            else:
                route(self)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up (a timeout test)
        finally:
            with site.lock:
                site.active -= 1

    def send_page(
        self,
        body: bytes | str,
        *,
        status: int = 200,
        content_type: str | None = "text/html; charset=utf-8",
        headers: dict | None = None,
    ) -> None:
        data = body.encode("utf-8") if isinstance(body, str) else body
        self.send_response(status)
        if content_type:
            self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, format, *args) -> None:  # noqa: A002 (http.server's signature)
        pass


class Site:
    """A local web site; ``site.routes[path] = route`` adds a page."""

    def __init__(self, host: str = "127.0.0.1") -> None:
        self.routes: dict[str, Route] = {}
        self.hits: list[Hit] = []
        self.lock = threading.Lock()
        self.active = 0
        self.max_active = 0
        self.release = threading.Event()  # set at close: slow routes stop waiting
        handler = type("SiteHandler", (Handler,), {"site": self})
        self.server = ThreadingHTTPServer((host, 0), handler)
        self.server.daemon_threads = True
        self.host = host
        self.port = self.server.server_address[1]
        self._thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self._thread.start()

    def url(self, path: str) -> str:
        return f"http://{self.host}:{self.port}{path}"

    def paths(self) -> list[str]:
        with self.lock:
            return [hit.path for hit in self.hits]

    def close(self) -> None:
        self.release.set()
        self.server.shutdown()
        self.server.server_close()


def page(body: bytes | str, **options) -> Route:
    """A route that answers with ``body``."""
    return lambda h: h.send_page(body, **options)


def redirect(location: str, status: int = 301) -> Route:
    return lambda h: h.send_page(b"", status=status, headers={"Location": location})
