"""Which language a record is written in, for the training-content summary's language shares.

The examination asks the engine's identifier (engine/language.py: py3langid restricted to the EU's
official languages), the same one that routes names and places to each language's NER pipeline, so a
record counts in the language the scan read it in. A record too short to tell, or with no language
clearly ahead, is undetermined (None).
"""

from __future__ import annotations

from privscan.engine.language import language_of


def detect_language(text: str) -> str | None:
    """The ISO 639-1 code of the language `text` is written in, or None when it cannot tell."""
    return language_of(text)
