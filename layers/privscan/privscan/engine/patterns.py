"""Suppression patterns: reviewers' regular expressions, checked before use and matched in linear time.

A pattern comes from a person (the allow-list YAML, a review's false positive) and runs against
every detected value in its scope, so two things must hold whatever was written:

* Bounded time. Patterns are compiled with RE2 (google-re2), whose matching is linear in the length
  of the value: there is no backtracking, so `([a-z.]+)+@x` costs the same as `[a-z.]+@x`. RE2 has
  no backreferences and no lookaround; a pattern using them is refused. `\\d`, `\\w`, `\\s` and `\\b`
  are ASCII in RE2. A pattern is at most MAX_PATTERN_CHARS characters and compiles to at most
  MAX_PROGRAM_SIZE instructions (RE2 also refuses repetition counts over 1000).
* A narrow reach. A suppression hides values from findings; a pattern that matches nearly
  everything (`.*`, `.+`, `(?s).*`, `[\\s\\S]*`, `\\w+@.*`, `\\d{16}`) would silence a whole
  entity type in its scope. Such a pattern is refused whatever its scope: with an empty prefix it
  would silence the bucket, and with a narrow one it would still hide a dataset's values from
  review (use the finding's fingerprint, or the policy's allowed entities, for that). The rule:

  1. Anchored: every match must contain at least MIN_LITERAL_CHARS literal characters (counted over
     the parts every match goes through: not inside `?`/`*` or `{0,n}`, the fewest of any
     alternation's branches, never a class such as `[a-z]`, `\\d` or `.`).
  2. Distinguishing: the pattern fully matches at most one of PROBES, made-up values of the shapes
     detections take (e-mail addresses, IBANs, phone numbers, names, numbers, dates, addresses,
     network identifiers, prose), several of each shape that differ in the parts a pattern would
     pin (domain, country and bank, area code, name). A pattern matching two of them does not tell
     unrelated values apart.

The syntax accepted is what RE2 and Python's `re` both parse (the structure for rule 1 is read with
the standard library's parser). Refusals carry a content-free code, never the pattern.
"""

from __future__ import annotations

import re
import re._constants as sre  # the standard library's regex parser: no public API gives a pattern's structure
import re._parser as sre_parse
from dataclasses import dataclass
from functools import lru_cache

import re2

MAX_PATTERN_CHARS = 200
MAX_PROGRAM_SIZE = 5_000  # RE2 instructions; a Unicode class such as \pL alone takes about 1,200
MAX_MEMORY_BYTES = 1 << 20  # RE2's budget per pattern (program and lazily built DFA)
MIN_LITERAL_CHARS = 3

PROBES = (
    "anna.roe@example.com",
    "support@shop.example.org",
    "jdoe@mail.de",
    "Max_Mustermann@web.example",
    "bo.lind@post.example.com",
    "info@firma.example.de",
    "DE89370400440532013000",
    "DE89 3704 0044 0532 0130 00",
    "GB82WEST12345698765432",
    "FR1420041010050500013M02606",
    "+49 151 23456789",
    "+44 20 7946 0958",
    "030 1234567",
    "(555) 010-9999",
    "Anna Roe",
    "Max Mustermann",
    "Jean-Luc Dupont",
    "Berlin",
    "Springfield",
    "4111111111111111",
    "5555555555554444",
    "36574261809",
    "12345678901",
    "123456789",
    "1985-04-12",
    "12.04.1985",
    "Main Street 5, Springfield",
    "https://www.example.org/profile/42",
    "192.168.0.17",
    "2001:db8::1",
    "AB-123456",
    "please call me back tomorrow",
)


class PatternRefused(ValueError):
    """A suppression pattern that cannot be used: `code` is content-free, `reason` says what to change."""

    def __init__(self, code: str, reason: str):
        super().__init__(f"{code}: {reason}")
        self.code, self.reason = code, reason


@dataclass(frozen=True)
class SuppressionPattern:
    """A checked pattern; `fullmatch` tells whether a whole value matches, in time linear in its length."""

    source: str
    compiled: re2._Regexp

    def fullmatch(self, value: str) -> bool:
        """Whether the whole `value` matches; a value that is not valid Unicode (a lone surrogate) never does."""
        try:
            return self.compiled.fullmatch(value) is not None
        except UnicodeEncodeError:
            return False


def _options() -> re2.Options:
    options = re2.Options()
    options.log_errors = False  # RE2 would write the pattern to stderr, into the function's logs
    options.max_mem = MAX_MEMORY_BYTES
    return options


@lru_cache(maxsize=4096)  # an allow list is read again for every synchronous scan; its patterns rarely change
def compile_pattern(source: str) -> SuppressionPattern:
    """`source` checked against the rules of the module docstring; raises PatternRefused."""
    if not isinstance(source, str) or not source:
        raise PatternRefused("pattern_empty", "give a regular expression")
    if len(source) > MAX_PATTERN_CHARS:
        raise PatternRefused("pattern_too_long", f"a pattern is at most {MAX_PATTERN_CHARS} characters")
    try:
        compiled = re2.compile(source, _options())
        structure = sre_parse.parse(source)
    except (re2.error, re.error, UnicodeEncodeError, RecursionError, OverflowError):
        raise PatternRefused(
            "pattern_unsupported",
            "not a regular expression the linear-time engine runs (no backreferences, no lookaround)",
        ) from None
    if compiled.programsize > MAX_PROGRAM_SIZE:
        raise PatternRefused("pattern_too_complex", "the pattern compiles too large; make it simpler")
    if required_literal_chars(structure) < MIN_LITERAL_CHARS:
        raise PatternRefused(
            "pattern_unanchored",
            f"every match must contain at least {MIN_LITERAL_CHARS} literal characters (a domain, a prefix)",
        )
    if sum(compiled.fullmatch(probe) is not None for probe in PROBES) > 1:
        raise PatternRefused("pattern_too_broad", "the pattern matches unrelated values; pin the value's own parts")
    return SuppressionPattern(source, compiled)


def required_literal_chars(items) -> int:
    """Literal characters that every match of the parsed pattern `items` contains (rule 1)."""
    total = 0
    for op, argument in items:
        if op is sre.LITERAL:
            total += 1
        elif op is sre.SUBPATTERN:
            total += required_literal_chars(argument[-1])
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
            low, _, body = argument
            total += low * required_literal_chars(body)
        elif op is sre.BRANCH:
            total += min(required_literal_chars(branch) for branch in argument[1])
    return total
