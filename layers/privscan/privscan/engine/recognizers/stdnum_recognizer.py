"""Shared base class for the EU national-identifier recognizers.

Every recognizer in this package is a Presidio ``PatternRecognizer`` made of
class constants:

* ``ENTITY``: the Presidio entity type (for example ``NL_BSN``).
* ``PATTERNS``: ``(name, regex, score)`` triples. Build the regex with
  :func:`bounded` so it does not fire inside longer digit or letter runs
  (SKUs, UUIDs, hex hashes, order numbers).
* ``CONTEXT``: multilingual context words (local language plus English). The
  default ``LemmaContextAwareEnhancer`` matches a context word when it is a
  *substring* of a lemma among the five keywords before the match, or of an
  explicit context string (privscan passes the CSV column name). Single tokens
  therefore work in running text; multi-word phrases only work as explicit
  context.
* ``VALIDATOR``: the python-stdnum module whose ``validate()`` checks the
  candidate.
* ``COUNTRY_CODE`` and ``CHECK``: the member state, and what the validator
  checks (see engine/national_ids.py, which tries every validator on the
  cells of identifier columns).

Scoring. Presidio raises a result to 1.0 when ``validate_result`` returns
``True``. These recognizers instead return ``None`` for a valid candidate, so
the result keeps the score of the pattern that matched, and ``False`` for an
invalid one, so Presidio drops it. Patterns therefore carry the real
confidence:

* ``STRONG_SCORE`` (0.85): the check is strong (mod 97, check letter over 15
  characters, date plus mod 11 with a distinctive layout, several ICAO check
  digits, a VAT number with its country prefix). Reported without context.
* ``MEDIUM_SCORE`` (0.6): a weak check in a rare shape (Spanish NIE).
* ``WEAK_SCORE`` (0.35): a mod 11 / mod 10 / Luhn check that about one random
  number in ten passes, or no checksum at all. Below privscan's threshold of
  0.5, so it is reported only when a context word lifts it by the enhancer's
  0.35 to 0.70.

Short context words. Substring matching makes a short acronym fire inside
unrelated words ("nif" in "significant" or "uniform", "rsi" in "version").
:meth:`StdnumRecognizer.enhance_using_context` therefore vetoes a boost whose
only support is a context word of at most four characters embedded between
letters; longer words keep substring matching (German compounds such as
"Steueridentifikationsnummer" contain "steuer"). The boost itself is still
applied by the analyzer's context enhancer.
"""

from __future__ import annotations

from types import ModuleType
from typing import TYPE_CHECKING, ClassVar

import regex as re
from presidio_analyzer import Pattern, PatternRecognizer, RecognizerResult
from presidio_analyzer.context_aware_enhancers import LemmaContextAwareEnhancer
from stdnum.exceptions import ValidationError

if TYPE_CHECKING:
    from presidio_analyzer.nlp_engine import NlpArtifacts

STRONG_SCORE = 0.85
MEDIUM_SCORE = 0.6
WEAK_SCORE = 0.35

#: Not preceded by a word character, by a digit plus "." or "," (a longer
#: dotted number), or by a word character plus "-" or "/" (UUID groups, SKUs
#: such as ``ORD-...``, paths).
LEFT_BOUNDARY = r"(?<!\w)(?<!\d[.,])(?<!\w[-/])"
#: The mirror image of :data:`LEFT_BOUNDARY`; a sentence-final "." is allowed.
RIGHT_BOUNDARY = r"(?!\w)(?![.,]\d)(?![-/]\w)"

DEFAULT_FLAGS = re.DOTALL | re.MULTILINE | re.IGNORECASE
CASE_SENSITIVE_FLAGS = re.DOTALL | re.MULTILINE

_SEPARATORS = re.compile(r"[\s.\-/]")
#: A decimal number, as feature tables hold millions of (``1.8505780060843601``): patterns that allow
#: a "." between groups would read its digits as an identifier; no identifier is written with one
#: separator before a run of six digits or more.
_DECIMAL = re.compile(r"\d{1,3}[.,]\d{6,}")

#: Context words up to this length must not be embedded between letters.
SHORT_CONTEXT_WORD = 4
#: Only used to extract the same keyword window as the analyzer's default enhancer.
_WINDOW = LemmaContextAwareEnhancer()
#: Metadata key set on a result whose context boost was vetoed.
CONTEXT_VETO_KEY = "privscan_context_veto"


def bounded(core: str) -> str:
    """Wrap ``core`` in the package's word boundaries."""
    return f"{LEFT_BOUNDARY}(?:{core}){RIGHT_BOUNDARY}"


class StdnumRecognizer(PatternRecognizer):
    """Regex candidates, validated by a python-stdnum module, with multilingual context."""

    ENTITY: ClassVar[str] = ""
    PATTERNS: ClassVar[tuple[tuple[str, str, float], ...]] = ()
    CONTEXT: ClassVar[tuple[str, ...]] = ()
    VALIDATOR: ClassVar[ModuleType | None] = None
    REGEX_FLAGS: ClassVar[int] = DEFAULT_FLAGS
    COUNTRY_CODE: ClassVar[str] = ""  # ISO 3166 alpha-2, lower case
    #: What the validator checks: "checksum", "date" (a birth date only) or "layout" (length and shape only).
    #: Identifiers checked by layout only are reported where their own words name them, never by shape alone.
    CHECK: ClassVar[str] = "checksum"

    def __init__(self, supported_language: str = "en", name: str | None = None):
        if not self.ENTITY or not self.PATTERNS:
            raise TypeError(f"{type(self).__name__} must define ENTITY and PATTERNS")
        super().__init__(
            supported_entity=self.ENTITY,
            # distinct from Presidio's own DeTaxIdRecognizer, PlPeselRecognizer, ...
            name=name or f"privscan.{type(self).__name__}",
            supported_language=supported_language,
            # fresh Pattern objects: Presidio caches the compiled regex on them
            patterns=[Pattern(p_name, regex, score) for p_name, regex, score in self.PATTERNS],
            context=list(self.CONTEXT),
            global_regex_flags=self.REGEX_FLAGS,
        )

    @classmethod
    def normalize(cls, text: str) -> str:
        """Strip separators (whitespace, ``.``, ``-``, ``/``) and upper-case."""
        return _SEPARATORS.sub("", text).upper()

    @classmethod
    def is_valid_id(cls, compact: str) -> bool:
        """Check a normalized candidate; the default runs ``VALIDATOR.validate``."""
        if cls.VALIDATOR is None:
            raise NotImplementedError(f"{cls.__name__} needs VALIDATOR or an is_valid_id override")
        try:
            cls.VALIDATOR.validate(compact)
        except (ValidationError, ValueError, IndexError):
            return False
        return True

    def validate_result(self, pattern_text: str) -> bool | None:
        """``None`` (keep the pattern score) when valid, ``False`` (drop) when not."""
        return None if self.is_valid_id(self.normalize(pattern_text)) else False

    def context_support(self, words: list[str]) -> tuple[str | None, str | None]:
        """Return ``(genuine, spurious)`` context support found in ``words``.

        ``genuine`` is the first context word found as a substring (long words)
        or as a letter-bounded word (short words); ``spurious`` is the first
        short context word found only inside a longer word. At most one is set.
        """
        spurious = None
        for cue in (c.lower() for c in self.context):
            for word in words:
                if cue not in word:
                    continue
                if len(cue) > SHORT_CONTEXT_WORD or re.search(rf"(?<![^\W\d_]){re.escape(cue)}(?![^\W\d_])", word):
                    return cue, None
                spurious = spurious or cue
        return None, spurious

    def enhance_using_context(
        self,
        text: str,
        raw_recognizer_results: list[RecognizerResult],
        other_raw_recognizer_results: list[RecognizerResult],
        nlp_artifacts: NlpArtifacts | None,
        context: list[str] | None = None,
    ) -> list[RecognizerResult]:
        """Veto context boosts that rest only on a short word embedded in a longer one.

        The veto marks the result as already enhanced, so the analyzer's
        enhancer leaves its score alone; all other results pass unchanged.
        """
        if nlp_artifacts is None or not getattr(nlp_artifacts, "tokens", None):
            return raw_recognizer_results
        external = [c.lower() for c in context or []]
        for result in raw_recognizer_results:
            try:
                words = _WINDOW._extract_surrounding_words(
                    nlp_artifacts=nlp_artifacts, word=text[result.start : result.end], start=result.start
                )
            except ValueError:  # token not found: let the analyzer's enhancer decide
                continue
            genuine, spurious = self.context_support([w.lower() for w in words] + external)
            if genuine is None and spurious is not None:
                metadata = result.recognition_metadata if result.recognition_metadata is not None else {}
                metadata[RecognizerResult.IS_SCORE_ENHANCED_BY_CONTEXT_KEY] = True
                metadata[CONTEXT_VETO_KEY] = spurious
                result.recognition_metadata = metadata
        return raw_recognizer_results

    def invalidate_result(self, pattern_text: str) -> bool | None:
        """Drop placeholder numbers made of one repeated digit (``000000000``) and decimal numbers."""
        return placeholder_or_decimal(pattern_text)


def placeholder_or_decimal(text: str) -> bool:
    """A placeholder number made of one repeated digit (``000000000``), or a decimal number: no identifier."""
    digits = [c for c in text if c.isdigit()]
    return len(digits) >= 6 and len(set(digits)) == 1 or bool(_DECIMAL.fullmatch(text))
