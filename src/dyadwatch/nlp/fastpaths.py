"""Faster, output-identical stand-ins for three slow spots of en_core_web_sm.

Measured on AFP/Xinhua articles (benchmarks/README.md): the rule lemmatizer spent 3.2 s of its
3.2 s testing `form in index` against Python lists of up to 57,000 words (0.3 s with sets); the
attribute ruler spent most of its time in spaCy's general `Matcher` trying all 179 patterns at
every token; and the matrix products of the two tok2vec networks and the parsers' first layers
(37 % of the pipeline) ran through thinc's BLIS kernel at 43 GFLOPS where numpy's OpenBLAS does
128 on one core of this machine. The stand-ins give the same annotations token for token
(tests/nlp/test_fastpaths.py compares them with the stock pipeline; 95,453 tokens of 300
articles in the benchmark): OpenBLAS sums in another order, so scores differ in the fifth
decimal, which moved no tag, arc or entity. A pattern this module cannot evaluate leaves the
stock matcher in place.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from thinc.api import Model, NumpyOps

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.pipeline import AttributeRuler
    from spacy.tokens import Doc

# Token attributes the attribute ruler's patterns may test, in the order `match` reads them;
# also the order in which a pattern is filed under its first token (most selective first).
_ATTRS = ("LOWER", "TAG", "DEP", "IS_SPACE")
_Values = tuple[str, str, str, bool]
_Test = Callable[[_Values], bool]


def speed_up(nlp: Language) -> None:
    """Swap the slow internals of `nlp`'s networks, lemmatizer and attribute ruler."""
    plain_gemm = NumpyOps(use_blis=False)  # numpy's matmul (OpenBLAS) instead of thinc's BLIS
    for _, component in nlp.pipeline:
        model = getattr(component, "model", None)
        if isinstance(model, Model):
            for layer in model.walk():
                if isinstance(layer.ops, NumpyOps):
                    layer.ops = plain_gemm
    if "lemmatizer" in nlp.pipe_names:
        lemmatizer: Any = nlp.get_pipe("lemmatizer")
        if lemmatizer.lookups.has_table("lemma_index"):
            table = lemmatizer.lookups.get_table("lemma_index")
            for key in list(table):
                table[key] = frozenset(table[key])  # only ever used with `in`
    if "attribute_ruler" in nlp.pipe_names:
        ruler: AttributeRuler = nlp.get_pipe("attribute_ruler")  # type: ignore[assignment]
        matcher = IndexedMatcher.build(ruler)
        if matcher is not None:
            ruler.match = matcher.match  # type: ignore[method-assign]


class IndexedMatcher:
    """The attribute ruler's matches, found by looking patterns up by a first-token value (LOWER,
    TAG, DEP or IS_SPACE) instead of trying each pattern at each token.

    Returns what `AttributeRuler.match` returns: (rule number, match id, start, end), sorted, so
    the ruler applies the rules in its own order (repeated matches, which the ruler would apply
    twice with the same effect, come once). Only fixed-length patterns whose token tests are
    equality, IN, NOT_IN or REGEX on the attributes in `_ATTRS` are supported.
    """

    def __init__(self) -> None:
        self.rules: list[tuple[int, int, list[list[_Test]]]] = []
        self.index: list[dict[object, list[int]]] = [{} for _ in _ATTRS]
        self.always: list[int] = []

    @classmethod
    def build(cls, ruler: AttributeRuler) -> IndexedMatcher | None:
        matcher = cls()
        for rule in range(len(ruler.attrs)):  # the ruler's match ids are its rule numbers
            key = ruler.vocab.strings.add(str(rule))
            entry = ruler.matcher.get(key)
            for pattern in entry[1] if entry is not None else ():
                if not pattern or not matcher._add(rule, key, pattern):
                    return None
        return matcher

    def _add(self, rule: int, key: int, pattern: list[dict[str, object]]) -> bool:
        number = len(self.rules)
        first = dict(pattern[0])
        for position, attr in enumerate(_ATTRS):
            values = _equal_values(first.get(attr))
            if values is not None:
                del first[attr]  # implied by the look-up
                for value in values:
                    self.index[position].setdefault(value, []).append(number)
                break
        else:
            self.always.append(number)
        tests = [_token_tests(spec) for spec in [first, *pattern[1:]]]
        if any(t is None for t in tests):
            return False
        self.rules.append((rule, key, tests))  # type: ignore[arg-type]
        return True

    def match(self, doc: Doc) -> list[tuple[int, int, int, int]]:
        values = [(t.lower_, t.tag_, t.dep_, t.is_space) for t in doc]
        n = len(values)
        found: set[tuple[int, int, int, int]] = set()
        for i, token in enumerate(values):
            candidates = [*self.always]
            for position, index in enumerate(self.index):
                candidates += index.get(token[position], ())
            for number in candidates:
                rule, key, tests = self.rules[number]
                end = i + len(tests)
                if end <= n and all(
                    test(values[i + k]) for k, spec in enumerate(tests) for test in spec
                ):
                    found.add((rule, key, i, end))
        return sorted(found)


def _equal_values(value: object) -> list[object] | None:
    """The values an equality or IN test accepts (None for other tests)."""
    if isinstance(value, str | bool):
        return [value]
    if isinstance(value, dict) and set(value) == {"IN"} and isinstance(value["IN"], list):
        return list(value["IN"])
    return None


def _token_tests(spec: dict[str, object]) -> list[_Test] | None:
    tests: list[_Test] = []
    for attr, value in spec.items():
        if attr not in _ATTRS:
            return None
        test = _test(_ATTRS.index(attr), value)
        if test is None:
            return None
        tests.append(test)
    return tests


def _test(at: int, value: object) -> _Test | None:
    if isinstance(value, str | bool):
        return lambda values: values[at] == value
    if not isinstance(value, dict) or len(value) != 1:
        return None
    [(operator, operand)] = value.items()
    if operator == "IN" and isinstance(operand, list):
        accepted = frozenset(operand)
        return lambda values: values[at] in accepted
    if operator == "NOT_IN" and isinstance(operand, list):
        refused = frozenset(operand)
        return lambda values: values[at] not in refused
    if operator == "REGEX" and isinstance(operand, str):
        regex = re.compile(operand)
        return lambda values: bool(regex.search(str(values[at])))
    return None
