"""The text of a parsed document, read once per document."""

from __future__ import annotations

from spacy.tokens import Doc

_KEY = "dyadwatch.text"


def doc_text(doc: Doc) -> str:
    """`doc.text`, cached in the doc: spaCy rebuilds `Doc.text` from its tokens on every access."""
    text = doc.user_data.get(_KEY)
    if text is None:
        text = doc.text
        doc.user_data[_KEY] = text
    return str(text)
