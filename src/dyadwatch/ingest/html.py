"""HTML pages to articles (trafilatura), and HTML fragments to plain text (lxml)."""

from __future__ import annotations

import html as html_entities
import re

from dyadwatch.errors import Codes
from dyadwatch.ingest.article import Defaults, Meta, build_article
from dyadwatch.ingest.dates import parse_published
from dyadwatch.ingest.decode import decode_bytes
from dyadwatch.ingest.reject import Reject
from dyadwatch.records import Article, Rejection
from dyadwatch.settings import Settings

# Elements whose boundaries are line breaks in the plain text of a feed entry.
BLOCK_TAGS = (
    "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6",
    "blockquote", "pre", "table", "tr", "section", "article", "header", "footer", "figcaption",
)  # fmt: skip
_SPACES = re.compile(r"[ \t\u00a0]+")
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")


def read_html(
    data: bytes,
    *,
    origin: str,
    defaults: Defaults,
    settings: Settings,
    url: str | None = None,
) -> Article | Rejection:
    """The main text of an HTML page with its title, date, site name and canonical URL."""
    try:
        page = _XML_DECLARATION.sub("", decode_bytes(data))  # lxml refuses it in a str
    except Reject as reject:
        return reject.at(origin)
    if not page.strip():
        return Rejection(origin, Codes.E001, "empty HTML file (nothing but whitespace)")
    import trafilatura

    try:
        document = trafilatura.bare_extraction(
            page,
            url=url,
            with_metadata=True,
            favor_recall=True,
            include_comments=False,
            include_tables=False,
            # The page's own metadata only: no guessing a date from the body text.
            date_extraction_params={"extensive_search": False, "original_date": True},
            prune_xpath="//nav",  # menus; trafilatura's fallback extractors keep them
        )
    # trafilatura and lxml raise many exception types on hostile markup; any of them means
    # this page has no extractable text, and must not stop the batch.
    except Exception as exc:
        return Rejection(origin, Codes.E006, f"HTML could not be parsed: {exc!r}")
    text = getattr(document, "text", None)
    if not isinstance(text, str) or not text.strip():
        return Rejection(origin, Codes.E006, "no extractable text in the HTML page")
    meta = Meta(
        title=_clean(getattr(document, "title", None)),
        source=_clean(getattr(document, "sitename", None))
        or _clean(getattr(document, "hostname", None)),
        url=_clean(getattr(document, "url", None)) or url,
        published=parse_published(getattr(document, "date", None)),
    )
    return build_article(text, meta, origin=origin, defaults=defaults, settings=settings)


def fragment_text(fragment: str) -> str:
    """Plain text of an HTML fragment (a feed entry's content), one line per block element."""
    if "<" not in fragment:
        return html_entities.unescape(fragment).strip()
    import lxml.html
    from lxml.etree import ParserError
    from lxml_html_clean import Cleaner

    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
        root = Cleaner(scripts=True, javascript=True, style=True, comments=True).clean_html(root)
    except (ParserError, ValueError):
        return ""
    for element in root.iter(*BLOCK_TAGS):
        element.tail = "\n" + (element.tail or "")
    lines = (_SPACES.sub(" ", line).strip() for line in root.text_content().splitlines())
    return "\n".join(line for line in lines if line)


def _clean(value: object) -> str | None:
    return (value.strip() or None) if isinstance(value, str) else None
