"""AI-disclosure / human-claim phrases in chatbot assistant turns (AI Act Art. 50(1)).

``AI_DISCLOSURE`` (rule id "": whether a conversation lacks one is decided at conversation
level) and ``HUMAN_CLAIM`` (``AIACT-ART50-1-ASSISTANT-CLAIMS-HUMAN``). Negation flips the
category: "I'm not a human" is a disclosure, "I'm not an AI" a human claim. Sentences end at punctuation, not
where the English parser puts them: assistant turns come in every language.
"""

from __future__ import annotations

import threading

import spacy
from spacy.tokens import Doc

from privscan.engine.signals.detector import StatementMatcher
from privscan.engine.signals.lexicon import load_lexicon
from privscan.engine.signals.model import DEFAULT_THRESHOLD, Signal

_ENGINES: dict[int, tuple[object, StatementMatcher]] = {}
_LOCK = threading.Lock()


def _engine_for(doc: Doc) -> StatementMatcher:
    vocab = doc.vocab
    entry = _ENGINES.get(id(vocab))
    if entry is None or entry[0] is not vocab:
        with _LOCK:
            entry = _ENGINES.get(id(vocab))
            if entry is None or entry[0] is not vocab:
                make_doc = spacy.blank("en", vocab=vocab).make_doc  # same tokenizer rules as the English pipelines
                entry = (vocab, StatementMatcher(make_doc, vocab, load_lexicon("ai"), punct_sentences=True))
                _ENGINES[id(vocab)] = entry
    return entry[1]


def detect_ai_disclosure(doc: Doc, threshold: float = DEFAULT_THRESHOLD) -> list[Signal]:
    """Signals of categories AI_DISCLOSURE / HUMAN_CLAIM in one assistant turn (matchers built once per vocab)."""
    return _engine_for(doc).run(doc, threshold)
