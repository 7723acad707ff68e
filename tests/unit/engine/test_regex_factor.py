"""A long alternation written with its common endings once (engine/regex_factor.py), and its use for spaCy's French
tokenizer exceptions (engine/lean_spacy.py, the French NER pipeline's tokenizer): the same tokens, the same
entities, on the project's real French text."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from privscan.engine.regex_factor import alternatives, factor, tokens

REPO = Path(__file__).resolve().parents[3]
FRENCH_PIPELINE = REPO / "layers" / "models" / "ner" / "fr"


def test_common_endings_are_written_once_and_the_flags_stay_in_front():
    assert factor("(?i)(?:^ab-x+$)|(?:^cd-x+$)|(?:^e[fg]-y*$)") == "(?i)(?:(?:^ab|^cd)-x+|^e[fg]-y*)$"
    assert factor("^a$|^b$") == "(?:^a|^b)$"
    assert factor("(?:xz|yz)|wz") == "(?:x|y|w)z"  # a whole group's alternatives are unwrapped
    assert factor("(?:x|y)z|wz") == "(?:(?:x|y)|w)z"  # a group within an alternative is one atom


@pytest.mark.parametrize(
    "pattern",
    ["abc", "(a)b|cb", r"(?P<x>a)|b", r"(a)\1|b", "(?:a|b", "a[bc|d"],
    ids=["no alternation", "capturing group", "named group", "backreference", "unbalanced", "unterminated class"],
)
def test_a_pattern_the_rewriting_could_change_or_cannot_read_is_left_alone(pattern):
    assert factor(pattern) is None


def test_classes_escapes_and_quantifiers_are_single_atoms():
    assert tokens(r"^a[-|)]{2,3}\|(?:b|c)?d+?$") == ["^", "a", "[-|)]{2,3}", r"\|", "(?:b|c)?", "d+?", "$"]
    assert alternatives(r"a[|]|b\||(c|d)") == ["a[|]", r"b\|", "(c|d)"]
    assert alternatives("[]|]x|y") == ["[]|]x", "y"]  # a ] first in a class is literal


@pytest.mark.parametrize(
    "pattern",
    ["^ab$|^ac$|^b$", "(?i)^[a-z]+-x$|^y-x$|^[a-z]+-z$", "^(?:l')?[a-z]+$|^[a-z]+-[a-z]+$|^x"],
)
def test_the_factored_pattern_matches_exactly_the_same_strings(pattern):
    factored = re.compile(factor(pattern))
    original = re.compile(pattern)
    for text in ["ab", "ac", "b", "AB", "abc", "foo-x", "y-x", "Y-X", "foo-z", "l'eau", "x", "xx", "a-b", "", "-x"]:
        expected = original.match(text)
        got = factored.match(text)
        assert (got and got.span()) == (expected and expected.span()), text


FRENCH_PROBE = """
import json, re, sys
import privscan.engine
import spacy.lang.fr.tokenizer_exceptions as module
from privscan.engine.regex_factor import factor
original = "(?iu)" + "|".join("(?:{})".format(m) for m in module._regular_exp)
deferred = module.TOKEN_MATCH._lazy._compiled is None
compiled = module.TOKEN_MATCH.__self__
print(json.dumps({"factored": compiled.pattern == factor(original), "length": len(original),
                  "flags": compiled.flags & re.I == re.I, "exceptions": len(module.TOKENIZER_EXCEPTIONS),
                  "deferred": deferred, "match": module.TOKEN_MATCH("plan-socialiste") is not None,
                  "no_match": module.TOKEN_MATCH("plan-social") is None}))
"""


def test_the_engine_has_spacys_french_module_compile_the_factored_token_match():
    out = subprocess.run([sys.executable, "-c", FRENCH_PROBE], capture_output=True, text=True, check=True).stdout
    probe = json.loads(out)
    assert probe["factored"] and probe["flags"] and probe["length"] > 1_000_000
    assert probe["deferred"]  # compiled on first use only: a pipeline loaded by lean_spacy.load never uses it
    assert probe["match"] and probe["no_match"]
    assert probe["exceptions"] > 200


def _french_texts() -> list[str]:
    texts = [json.loads(line)["text"] for line in (REPO / "data/real-ner/europeana-fr/sentences.jsonl").open()]
    for line in (REPO / "data/statements-challenge/sentences.jsonl").open():
        record = json.loads(line)
        if record.get("lang") == "fr":
            texts.append(record["text"])
    return texts


def test_the_french_pipeline_tokenizes_and_tags_the_real_french_text_as_with_spacys_own_pattern():
    """The shipped pipeline stores the factored pattern; the same pipeline with spaCy's 1.4 MB pattern gives the
    same tokens and entities on every French sentence of the data, and the same matches on its tokens and on
    spaCy's own list of hyphenated French words."""
    import spacy
    import spacy.lang.fr.tokenizer_exceptions as module
    from spacy.lang.fr._tokenizer_exceptions_list import FR_BASE_EXCEPTIONS

    original = re.compile("(?iu)" + "|".join(f"(?:{m})" for m in module._regular_exp))
    shipped = spacy.load(FRENCH_PIPELINE)
    assert len(shipped.tokenizer.token_match.__self__.pattern) < len(original.pattern) / 40
    reference = spacy.load(FRENCH_PIPELINE)
    reference.tokenizer.token_match = original.match
    texts = _french_texts()
    assert len(texts) > 600
    for a, b in zip(shipped.pipe(texts), reference.pipe(texts), strict=True):
        assert [t.text for t in a] == [t.text for t in b]
        assert [(e.start_char, e.end_char, e.label_) for e in a.ents] == [
            (e.start_char, e.end_char, e.label_) for e in b.ents
        ]
    words = {w for text in texts for w in text.split()} | set(FR_BASE_EXCEPTIONS)
    words |= {w.upper() for w in words} | {f"l'{w}" for w in words} | {f"{w}-là" for w in words}
    matched = 0
    for word in words:
        expected, got = original.match(word), shipped.tokenizer.token_match(word)
        assert (got and got.span()) == (expected and expected.span()), word
        matched += expected is not None
    assert matched > 500  # the words do exercise the pattern
