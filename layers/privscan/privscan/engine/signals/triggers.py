"""Trigger words of the lexicons, precomputed, so that the statement matchers are built on first need.

A text can only hold a statement if it contains a trigger: the first word of a lexicon term, or a word
every standalone pattern requires (detector.StatementMatcher computes them). Building the matchers tokenizes
every lexicon phrase, a large part of a cold start; the triggers alone answer `might_fire` for every
text without a statement word, so the matchers wait for the first text that has one.

``lexicons/triggers.json`` holds each group's triggers with a digest of the lexicon files they came
from; a lexicon changed without regenerating the file is noticed (digest) and the matchers are then
built at start as before. Regenerate with ``python -m privscan.engine.signals.triggers``
(tests/unit/engine/signals check that the committed file is current).
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path

from spacy.strings import StringStore
from spacy.tokens import Doc

from privscan.engine.signals.lexicon import LEXICON_DIR

CACHE_NAME = "triggers.json"


@dataclass(frozen=True)
class Triggers:
    """Without one of these a lexicon group cannot fire. `ids` None: any text may (a pattern needs nothing)."""

    words: frozenset[str] | None
    regexes: tuple[re.Pattern, ...]
    ids: frozenset[int] | None

    @classmethod
    def of(cls, words: set[str] | None, regexes: list[str], strings: StringStore) -> Triggers:
        ids = None if words is None else frozenset(strings.add(word) for word in words)
        return cls(None if words is None else frozenset(words), tuple(re.compile(r) for r in regexes), ids)

    def might_fire(self, doc: Doc) -> bool:
        """Cheap test on a tokenized Doc: False means the group's matchers cannot return anything."""
        if self.ids is None:
            return True
        if any(token.lower in self.ids for token in doc):
            return True
        return any(regex.search(token.lower_) for regex in self.regexes for token in doc)

    def to_dict(self) -> dict:
        return {
            "words": None if self.words is None else sorted(self.words),
            "regexes": [regex.pattern for regex in self.regexes],
        }


def lexicon_digest(directory: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(directory.glob("*.yaml")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def cached(group: str, directory: Path, strings: StringStore) -> Triggers | None:
    """The group's precomputed triggers, or None when there is no current file for `directory`."""
    path = directory / CACHE_NAME
    if not path.is_file():
        return None
    data = json.loads(path.read_text(encoding="utf-8"))
    if data.get("digest") != lexicon_digest(directory) or group not in data:
        return None
    words = data[group]["words"]
    return Triggers.of(None if words is None else set(words), data[group]["regexes"], strings)


def write(directory: Path = LEXICON_DIR) -> Path:
    """Compute every group's triggers from freshly built matchers and store them beside the lexicons."""
    import spacy

    from privscan.engine.config import EngineConfig
    from privscan.engine.signals.detector import StatementMatcher
    from privscan.engine.signals.lexicon import load_lexicon

    nlp = spacy.load(EngineConfig().spacy_model)  # its tokenizer decides a phrase's first word
    data: dict = {"digest": lexicon_digest(directory)}
    for group in ("gdpr", "ai"):
        data[group] = StatementMatcher(nlp.make_doc, nlp.vocab, load_lexicon(group, directory)).triggers.to_dict()
    path = directory / CACHE_NAME
    path.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


if __name__ == "__main__":
    from privscan.engine.signals.conversation_ethics import write_gates

    print(write())
    print(write_gates())  # the conversation-ethics gates, keyed on the same digest
