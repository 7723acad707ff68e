"""A faster match step for spaCy's AttributeRuler, with the same matches.

en_core_web_sm's attribute ruler maps tags to POS and morphology (and fixes some lemmas) with
179 Matcher rules. spaCy's Matcher tries every rule on every token, so the ruler costs as much
as the parser on chat turns. But 172 of those rules are one token long and almost all name the
token's lower-case form, tag or dependency: indexed by that value, a token is checked only
against the few rules that can match it. Rules of several tokens stay with a Matcher of their own.

The matches are handed to the ruler's own `set_annotations`, in the order its own `match` would
give them (rule number first: later rules win), so the Doc ends up annotated identically.
A model with a rule this index does not understand keeps spaCy's matcher.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Token

Check = Callable[[Token], bool]
_VALUES: dict[str, Callable[[Token], object]] = {
    "LOWER": lambda token: token.lower_,
    "TAG": lambda token: token.tag_,
    "DEP": lambda token: token.dep_,
    "IS_SPACE": lambda token: token.is_space,
}
_INDEXED = ("LOWER", "TAG", "DEP")  # a rule is filed under the first of these it requires a value of


class UnsupportedRule(ValueError):
    """A rule the attribute-rule engine cannot evaluate (its message names the rule, never content)."""


def _check(token_pattern: dict) -> Check:
    """One token pattern as a function (the Matcher's equality, IN, NOT_IN and REGEX on the attributes above)."""
    tests = []
    for key, wanted in token_pattern.items():
        value = _VALUES.get(key.upper())
        if value is None:
            raise UnsupportedRule(key)
        if isinstance(wanted, dict):
            if set(wanted) == {"IN"}:
                allowed = frozenset(wanted["IN"])
                tests.append(lambda token, value=value, allowed=allowed: value(token) in allowed)
            elif set(wanted) == {"NOT_IN"}:
                refused = frozenset(wanted["NOT_IN"])
                tests.append(lambda token, value=value, refused=refused: value(token) not in refused)
            elif set(wanted) == {"REGEX"}:  # the Matcher's REGEX is re.search on the attribute's string
                regex = re.compile(wanted["REGEX"])
                tests.append(lambda token, value=value, regex=regex: regex.search(value(token)) is not None)
            else:
                raise UnsupportedRule(key)
        else:
            tests.append(lambda token, value=value, wanted=wanted: value(token) == wanted)
    if len(tests) == 1:
        return tests[0]
    return lambda token: all(test(token) for test in tests)


def _index_key(token_pattern: dict) -> tuple[str, frozenset] | None:
    """(attribute, the values a matching token must have), for the first indexable attribute required."""
    by_name = {key.upper(): wanted for key, wanted in token_pattern.items()}
    for name in _INDEXED:
        wanted = by_name.get(name)
        if isinstance(wanted, str):
            return name, frozenset([wanted])
        if isinstance(wanted, dict) and set(wanted) == {"IN"}:
            return name, frozenset(wanted["IN"])
    return None


class IndexedRuleMatcher:
    """`match(doc)` for an AttributeRuler: [(rule number, match id, start, end)], sorted as spaCy sorts them."""

    def __init__(self, ruler) -> None:
        strings = ruler.vocab.strings
        self.index: dict[str, dict[str, list[tuple[int, int, Check]]]] = {name: {} for name in _INDEXED}
        self.unindexed: list[tuple[int, int, Check]] = []
        self.longer = Matcher(ruler.vocab)
        for number, rule in enumerate(ruler.patterns):
            match_id = strings[str(number)]
            for pattern in rule["patterns"]:
                if len(pattern) != 1:
                    self.longer.add(str(number), [pattern])
                    continue
                key = _index_key(pattern[0])
                rest = {k: v for k, v in pattern[0].items() if key is None or k.upper() != key[0]}
                entry = (number, match_id, _check(rest) if rest else None)  # None: the index is the whole test
                if key is None:
                    self.unindexed.append(entry)
                else:
                    name, values = key
                    for value in values:
                        self.index[name].setdefault(value, []).append(entry)

    def __call__(self, doc: Doc) -> list[tuple[int, int, int, int]]:
        by_lower, by_tag, by_dep = self.index["LOWER"], self.index["TAG"], self.index["DEP"]
        matches = []
        for token in doc:
            i = token.i
            for entries in (by_lower.get(token.lower_), by_tag.get(token.tag_), by_dep.get(token.dep_), self.unindexed):
                if entries:
                    for number, match_id, check in entries:
                        if check is None or check(token):
                            matches.append((number, match_id, i, i + 1))
        if len(self.longer):
            strings = doc.vocab.strings
            matches.extend(
                (int(strings[match_id]), match_id, start, end)
                for match_id, start, end in self.longer(doc, allow_missing=True, as_spans=False)
            )
        matches.sort()
        return matches


def index_attribute_ruler(nlp: Language, name: str = "attribute_ruler") -> bool:
    """Give the pipeline's attribute ruler the indexed match step; False (spaCy's own kept) if it cannot."""
    if name not in nlp.pipe_names:
        return False
    ruler = nlp.get_pipe(name)
    try:
        ruler.match = IndexedRuleMatcher(ruler)  # AttributeRuler.__call__ calls self.match(doc)
    except UnsupportedRule:
        return False
    return True
