"""Names an operator gives itself, learnt from the system prompts of a transcript file.

"You are Sam, a support agent for Kitchenly" makes "Sam" and "Kitchenly" the
operator's persona and brand, not people: when they come back in user or assistant
turns, NER's PERSON / LOCATION / NRP for them are dropped (GDPR G13 excludes the
assistant's own persona). System turns come first in a conversation, so the names
are known before the turns that repeat them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator

from privscan.engine.prefilter import CAPITALISED, NER_ENTITIES
from privscan.engine.scanner import Detection
from privscan.readers.base import Cell

MAX_NAMES = 10_000


def _words(text: str) -> list[str]:
    return [w.casefold().removesuffix("'s").removesuffix("’s") for w in re.findall(r"[\w'’-]+", text)]


class OperatorNames:
    """`names` seeds what earlier parts of the file taught (a chunked scan); `encode` turns each casefolded
    word into what is kept (a keyed hash there, so a plan never holds words of a system prompt)."""

    def __init__(self, names: Iterable[str] = (), encode: Callable[[str], str] | None = None) -> None:
        self.names: set[str] = set(names)
        self.encode = encode or (lambda word: word)

    def learn(self, cell: Cell) -> None:
        """Remember the capitalised words of a system prompt: the assistant's own name is not a person's data."""
        if cell.role == "system" and len(self.names) < MAX_NAMES:
            self.names.update(self.encode(w.casefold()) for w in CAPITALISED.findall(cell.text))

    def apply(self, stream: Iterable[tuple[Cell, list[Detection]]]) -> Iterator[tuple[Cell, list[Detection]]]:
        """Drop name and place detections made only of words the system prompts gave the assistant (its own name)."""
        for cell, detections in stream:
            self.learn(cell)
            if self.names and detections:
                detections = [d for d in detections if not self._operator(d)]
            yield cell, detections

    def _operator(self, detection: Detection) -> bool:
        if detection.entity_type not in NER_ENTITIES:
            return False
        words = _words(detection.value)
        return bool(words) and all(self.encode(w) in self.names for w in words)
