"""URLs: private addresses are refused (E011) unless allowed; fetched documents are dispatched
by Content-Type. Only a local server on 127.0.0.1 is contacted."""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from dyadwatch.ingest import read_inputs
from dyadwatch.ingest.url import refusal
from dyadwatch.records import Article, Rejection
from dyadwatch.settings import Settings, get_settings

STORY = "The port authority said on Monday that cargo traffic had doubled since the strike ended."
PAGES: dict[str, tuple[int, str, bytes, dict[str, str]]] = {
    "/page": (
        200,
        "text/html; charset=utf-8",
        (
            "<html><head><title>Cargo doubles</title>"
            '<meta property="article:published_time" content="2024-03-04"></head>'
            f"<body><article><p>{STORY}</p></article></body></html>"
        ).encode(),
        {},
    ),
    "/feed": (
        200,
        "application/rss+xml",
        (
            '<?xml version="1.0"?><rss version="2.0"><channel><title>Port News</title>'
            f"<item><title>Cargo</title><link>http://example.org/c</link>"
            f"<description>{STORY}</description></item></channel></rss>"
        ).encode(),
        {},
    ),
    "/feed-as-html": (200, "text/html", b"", {}),  # filled below: a feed served as text/html
    "/plain": (200, "text/plain; charset=utf-8", STORY.encode(), {}),
    "/redirect": (302, "text/plain", b"", {"Location": "/page"}),
    "/loop": (302, "text/plain", b"", {"Location": "/loop"}),
    "/image": (200, "image/png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", {}),
    "/big": (200, "text/plain", b"word " * 100_000, {}),
}
PAGES["/feed-as-html"] = (200, "text/html", PAGES["/feed"][2], {})


class Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        status, content_type, body, headers = PAGES.get(
            self.path, (404, "text/plain", b"not found", {})
        )
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in headers.items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:  # quiet test output
        return


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


ALLOW = get_settings(allow_private_urls=True)


def one(url: str, settings: Settings) -> Article | Rejection:
    items = list(read_inputs([url], settings=settings))
    assert len(items) == 1, items
    return items[0]


def test_loopback_is_refused_by_default(server: str) -> None:
    item = one(f"{server}/page", get_settings(allow_private_urls=False))
    assert isinstance(item, Rejection)
    assert item.code == "E011"
    assert "loopback address 127.0.0.1" in item.reason
    assert item.origin == f"{server}/page"


def test_localhost_name_is_refused() -> None:
    item = one("http://localhost:9/x", get_settings(allow_private_urls=False))
    assert isinstance(item, Rejection) and item.code == "E011"
    assert "refused" in item.reason


def test_html_fetched_when_allowed(server: str) -> None:
    item = one(f"{server}/page", ALLOW)
    assert isinstance(item, Article)
    assert (item.text, item.title, item.published) == (STORY, "Cargo doubles", dt.date(2024, 3, 4))
    assert item.origin == f"{server}/page"
    assert item.url == f"{server}/page"


@pytest.mark.parametrize("path", ["/feed", "/feed-as-html"])
def test_feed_fetched_when_allowed(server: str, path: str) -> None:
    item = one(f"{server}{path}", ALLOW)
    assert isinstance(item, Article)
    assert (item.title, item.source, item.url, item.origin) == (
        "Cargo",
        "Port News",
        "http://example.org/c",
        f"{server}{path}#1",
    )


def test_plain_text_and_redirect(server: str) -> None:
    plain = one(f"{server}/plain", ALLOW)
    assert isinstance(plain, Article) and plain.text == STORY
    assert plain.url == f"{server}/plain"
    redirected = one(f"{server}/redirect", ALLOW)
    assert isinstance(redirected, Article) and redirected.url == f"{server}/page"


@pytest.mark.parametrize(
    ("path", "code", "reason"),
    [
        ("/missing", "E011", "HTTP 404"),
        ("/loop", "E011", "more than 5 redirects"),
        ("/image", "E008", "binary"),
        ("/big", "E004", "exceeds"),
    ],
)
def test_fetch_failures(server: str, path: str, code: str, reason: str) -> None:
    item = one(f"{server}{path}", get_settings(allow_private_urls=True, max_article_chars=1000))
    assert isinstance(item, Rejection)
    assert item.code == code
    assert reason in item.reason


def test_closed_port_is_e011() -> None:
    item = one("http://127.0.0.1:9/", ALLOW)  # discard port: nothing listens here
    assert isinstance(item, Rejection) and item.code == "E011"


@pytest.mark.parametrize(
    ("ip", "why"),
    [
        ("127.0.0.1", "loopback"),
        ("::1", "loopback"),
        ("10.1.2.3", "private"),
        ("172.16.0.1", "private"),
        ("192.168.1.1", "private"),
        ("169.254.169.254", "link-local"),  # cloud metadata endpoint
        ("fe80::1%eth0", "link-local"),
        ("224.0.0.1", "multicast"),
        ("0.0.0.0", "unspecified"),
        ("240.0.0.1", "reserved"),
        ("100.64.0.1", "not globally routable"),  # carrier-grade NAT
        ("::ffff:127.0.0.1", "loopback"),  # IPv4-mapped IPv6
        ("93.184.215.14", None),
        ("2606:4700::1111", None),
    ],
)
def test_refusal_table(ip: str, why: str | None) -> None:
    assert refusal(ip) == why
