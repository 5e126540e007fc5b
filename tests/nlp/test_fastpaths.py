"""The faster lemmatizer and attribute ruler annotate exactly as the stock components do."""

from __future__ import annotations

import spacy
from spacy.language import Language
from spacy.tokens import Doc
from thinc.api import Model, NumpyOps

from dyadwatch.nlp.fastpaths import IndexedMatcher, speed_up
from dyadwatch.nlp.pipeline import MODEL

TEXTS = [
    "There are talks. Y'all ain't gonna believe what we've got: nothin' is done, let's go.",
    "The ministers said on Monday that they had been meeting since 2019 and would meet again.",
    "“We won't accept it,” the spokesman told reporters in Seoul.\n\nHe'd rather wait.",
    "Is it true?  The rebels' leaders, who were arrested, denied having fired any shells.",
    "C'mon, she gotta be kidding -- I'm not sure whether it's raining or not.",
]


def _annotations(doc: Doc) -> list[tuple[str | int, ...]]:
    return [
        (t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i, t.ent_iob_, t.ent_type_)
        for t in doc
    ]


def test_same_annotations_as_the_stock_pipeline(nlp: Language) -> None:
    stock = spacy.load(MODEL)
    for text in TEXTS:
        assert _annotations(nlp(text)) == _annotations(stock(text)), text


def test_networks_multiply_with_numpy(nlp: Language) -> None:
    models = {name: getattr(c, "model", None) for name, c in nlp.pipeline}
    networks = [m for m in models.values() if isinstance(m, Model)]
    assert {"tok2vec", "ner", "parser"} <= {n for n, m in models.items() if isinstance(m, Model)}
    layers = [layer for model in networks for layer in model.walk()]
    assert all(isinstance(layer.ops, NumpyOps) and not layer.ops.use_blis for layer in layers)


def test_same_matches_as_the_stock_attribute_ruler(nlp: Language) -> None:
    stock = spacy.load(MODEL)
    ruler = stock.get_pipe("attribute_ruler")
    fast = IndexedMatcher.build(ruler)  # type: ignore[arg-type]
    assert fast is not None
    for doc in stock.pipe(TEXTS, disable=["attribute_ruler", "lemmatizer"]):
        assert fast.match(doc) == sorted(set(ruler.match(doc)))  # type: ignore[attr-defined]


def test_unsupported_patterns_keep_the_stock_matcher() -> None:
    blank = spacy.blank("en")
    ruler = blank.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "a", "OP": "+"}]], {"LEMMA": "a"})  # type: ignore[attr-defined]
    assert IndexedMatcher.build(ruler) is None  # type: ignore[arg-type]
    speed_up(blank)
    assert blank("a a b")[0].lemma_ == "a"
