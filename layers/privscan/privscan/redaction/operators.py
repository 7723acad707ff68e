"""What replaces a detected value: one operator per entity type (mask, fake, hash or keep), applied to a
text's spans in one pass over it, each span's offsets those of the original text.

Overlapping spans (an e-mail address and the name inside it, a URL inside an address) are merged into
one span first: the union of their characters, typed by the longest of them, so that no character a
detection covered is left in the copy.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from privscan.engine.masking import Fingerprinter, normalise
from privscan.redaction.fakes import FakeValues
from privscan.vocabulary import RedactOperator

HASH_LETTERS = str.maketrans("0123456789abcdef", "abcdefghijklmnop")
HASH_CHARS = 16  # 64 bits of the HMAC, written as letters a-p: no recognizer reads a number into a hash


@dataclass(frozen=True, slots=True)
class Span:
    """A detected value's place in a text, its entity type and score."""

    start: int
    end: int
    entity_type: str
    score: float = 1.0


@dataclass(frozen=True, slots=True)
class Applied:
    """A replacement made: where (offsets in the original text), what type, which operator. Never the value."""

    start: int
    end: int
    entity_type: str
    operator: str


def merge_spans(spans: Iterable[Span]) -> list[Span]:
    """Overlapping spans as one (their union, typed by the longest, then the best scored), in text order."""
    merged: list[tuple[int, int, Span]] = []  # (start, end, the span naming the type)
    for span in sorted(spans, key=lambda s: (s.start, -s.end)):
        if span.end <= span.start:
            continue
        if merged and span.start < merged[-1][1]:
            start, end, named = merged[-1]
            longer = (span.end - span.start, span.score) > (named.end - named.start, named.score)
            merged[-1] = (start, max(end, span.end), span if longer else named)
        else:
            merged.append((span.start, span.end, span))
    return [Span(start, end, named.entity_type, named.score) for start, end, named in merged]


def parse_operators(pairs: Iterable[str]) -> dict[str, RedactOperator]:
    """``TYPE=operator`` pairs (``EMAIL_ADDRESS=hash``) as a mapping; a ValueError names the pair at fault."""
    operators = {}
    for pair in pairs:
        entity_type, sep, operator = pair.partition("=")
        if not sep or not entity_type.strip() or operator.strip() not in set(RedactOperator):
            choices = ", ".join(RedactOperator)
            raise ValueError(f"{pair!r} is not TYPE=OPERATOR with an operator among {choices}")
        operators[entity_type.strip().upper()] = RedactOperator(operator.strip())
    return operators


class Redactor:
    """The operators of one redaction: `operators` by entity type, `default` for every other type."""

    def __init__(
        self,
        fingerprinter: Fingerprinter,
        operators: Mapping[str, RedactOperator] | None = None,
        default: RedactOperator = RedactOperator.MASK,
    ):
        self.fingerprint = fingerprinter
        self.operators = dict(operators or {})
        self.default = RedactOperator(default)
        self.fakes = FakeValues(fingerprinter)

    def operator(self, entity_type: str) -> RedactOperator:
        return self.operators.get(entity_type, self.default)

    def redacts(self, entity_type: str) -> bool:
        """Whether values of this type are replaced (their operator is not `keep`)."""
        return self.operator(entity_type) is not RedactOperator.KEEP

    def replacement(self, entity_type: str, value: str) -> str:
        """What replaces `value`, a value of `entity_type`, under the type's operator."""
        operator = self.operator(entity_type)
        if operator is RedactOperator.MASK:
            return mask(value)
        if operator is RedactOperator.FAKE:
            return self.fakes.fake(entity_type, value)
        if operator is RedactOperator.HASH:
            return self.hashed(entity_type, value)
        return value

    def hashed(self, entity_type: str, value: str) -> str:
        """``<email_address:kdpafmoceglbhjna>``: the type and a keyed hash of the normalised value, the same for
        every spelling the fingerprints take as one (``DE89 3704…`` and ``de893704…``). Lower case: NER
        takes a capitalised ``PERSON_…`` for a name."""
        token = self.fingerprint.token(normalise(entity_type, value))[:HASH_CHARS].translate(HASH_LETTERS)
        return f"<{entity_type.lower()}:{token}>"

    def rewrite(self, text: str, spans: Iterable[Span]) -> tuple[str, list[Applied]]:
        """`text` with its spans of redacted types replaced, and the replacements made (in text order)."""
        kept = [s for s in merge_spans(s for s in spans if self.redacts(s.entity_type)) if s.end <= len(text)]
        if not kept:
            return text, []
        parts, applied, position = [], [], 0
        for span in kept:
            parts.append(text[position : span.start])
            parts.append(self.replacement(span.entity_type, text[span.start : span.end]))
            applied.append(Applied(span.start, span.end, span.entity_type, str(self.operator(span.entity_type))))
            position = span.end
        parts.append(text[position:])
        return "".join(parts), applied


def mask(value: str) -> str:
    """Every letter and digit as ``*``; spaces, punctuation, ``@`` and dots stay, so the shape is kept."""
    return "".join("*" if ch.isalnum() else ch for ch in value)
