"""The cached document text equals spaCy's own."""

from __future__ import annotations

from dyadwatch.nlp.text import doc_text


def test_doc_text_is_the_docs_text_and_is_cached(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Putin met Kim.  Then   they left.\n")
    assert doc_text(doc) == doc.text
    assert doc_text(doc) is doc_text(doc)
