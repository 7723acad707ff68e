"""Free text that privscan keeps (a reviewer's note) with the personal data in it masked.

The text goes through the same detector as a scanned value; every entity or signal it finds is
replaced by its masked preview (engine/masking.py), so ``jane.doe@example.com asked to delete``
is kept as ``j***@e***.com asked to delete``. Text where nothing is found is kept unchanged.
"""

from __future__ import annotations

from collections.abc import Iterable

from privscan.engine.masking import mask_preview
from privscan.engine.scanner import Detection, Scanner
from privscan.readers.base import Cell
from privscan.vocabulary import DetectionKind

MASKED_KINDS = frozenset({DetectionKind.ENTITY, DetectionKind.SIGNAL})  # markers are evidence for rules, not values


def mask_spans(text: str, spans: Iterable[tuple[int, int, str | None]]) -> str:
    """`text` with each (start, end, entity type) span replaced by its masked preview. Overlapping spans
    are masked as one, as the type of the one that starts first (the longer one at the same start)."""
    merged: list[list] = []
    for start, end, entity_type in sorted(spans, key=lambda span: (span[0], -span[1])):
        if merged and start < merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end, entity_type])
    pieces: list[str] = []
    position = 0
    for start, end, entity_type in merged:
        pieces += [text[position:start], mask_preview(entity_type, text[start:end])]
        position = end
    pieces.append(text[position:])
    return "".join(pieces)


def redact(scanner: Scanner, text: str) -> str:
    """`text` with every value the scanner detects in it masked."""
    if not text.strip():
        return text
    detections: list[Detection] = [
        detection
        for _, found in scanner.detect([Cell(record=None, field=None, text=text)])
        for detection in found
        if detection.kind in MASKED_KINDS
    ]
    return mask_spans(text, ((d.start, d.end, d.entity_type) for d in detections))
