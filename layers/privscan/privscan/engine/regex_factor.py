"""One regular expression for a long alternation, with the alternatives' common endings written once.

spaCy's French tokenizer exceptions (``spacy/lang/fr/tokenizer_exceptions.py``) join 266 patterns such as
``^a[-–]sexualis[<letters>]+$`` into one ``TOKEN_MATCH`` of 1.4 MB: each pattern repeats a class of about
3,000 characters (every lower-case letter spaCy knows), and compiling the whole as written is most of what
spaCy's French language data costs a process (docs/performance.md, Cold start). Most patterns end
alike (``[-–][<letters>][-–<letters>']*$``), so the same language is written with each shared ending once:
``(?:^a|^b)X$`` matches exactly the strings ``^aX$|^bX$`` does (concatenation distributes over
alternation), and compiles in a small fraction of the time.

`factor(pattern)` takes a pattern that is an alternation at its top level (optionally after global inline
flags such as ``(?iu)``), unwraps alternatives that are a whole non-capturing group, and writes the
alternatives as a trie of their endings. It leaves alone (returns None for) a pattern that uses capturing or
named groups or backreferences, whose numbering the rewriting would change.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

_ATOM = re.compile(
    r"""
      \\.                           # an escaped character
    | \[\^?\]?(?:\\.|[^\]\\])*\]    # a character class (a ] first in it is literal)
    | [^\\\[(]                      # any other single character (a group is read by _group_end)
    """,
    re.VERBOSE | re.DOTALL,
)
_QUANTIFIER = re.compile(r"(?:[*+?]|\{\d*,?\d*\})[?+]?")
_GLOBAL_FLAGS = re.compile(r"^\(\?[aiLmsux]+\)")
_UNSAFE = re.compile(r"\\[1-9]|\(\?P|\(\?\(|\\g")  # backreferences, named groups, conditionals


def _structure(pattern: str, start: int = 0) -> Iterator[tuple[int, str, int]]:
    """Each character of `pattern` from `start` that is neither escaped nor in a character class, with its
    index and the group depth after it (so a ``)`` that closes the outermost group gives 0)."""
    depth, i = 0, start
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            i += 2
            continue
        if c == "[":
            i = _ATOM.match(pattern, i).end()
            continue
        depth += (c == "(") - (c == ")")
        yield i, c, depth
        i += 1


def _group_end(pattern: str, start: int) -> int:
    """The index after the group opening at `start` (classes and escapes skipped)."""
    for i, c, depth in _structure(pattern, start):
        if c == ")" and depth == 0:
            return i + 1
    raise ValueError("unbalanced group")


def tokens(pattern: str) -> list[str]:
    """The pattern as a sequence of atoms (a character, an escape, a class or a group), each with its quantifier."""
    out, i = [], 0
    while i < len(pattern):
        end = _group_end(pattern, i) if pattern[i] == "(" else _ATOM.match(pattern, i).end()
        quantifier = _QUANTIFIER.match(pattern, end)
        if quantifier:
            end = quantifier.end()
        out.append(pattern[i:end])
        i = end
    return out


def alternatives(pattern: str) -> list[str]:
    """The top-level alternatives of `pattern` (split at the ``|`` outside every group and class)."""
    parts, start = [], 0
    for i, c, depth in _structure(pattern):
        if c == "|" and depth == 0:
            parts.append(pattern[start:i])
            start = i + 1
    parts.append(pattern[start:])
    return parts


def _unwrapped(alternative: str) -> list[str]:
    """An alternative that is one whole non-capturing group, as that group's own alternatives."""
    if alternative.startswith("(?:") and _group_end(alternative, 0) == len(alternative):
        return [part for inner in alternatives(alternative[3:-1]) for part in _unwrapped(inner)]
    return [alternative]


def factor(pattern: str) -> str | None:
    """`pattern` rewritten with its alternatives' common endings written once (see the module docstring);
    None when it is not an alternation or uses what the rewriting could change (groups by number or name)."""
    if _UNSAFE.search(pattern):
        return None
    flags = _GLOBAL_FLAGS.match(pattern)
    prefix = flags.group(0) if flags else ""
    try:
        parts = [part for alternative in alternatives(pattern[len(prefix) :]) for part in _unwrapped(alternative)]
        if len(parts) < 2 or any(re.search(r"\((?!\?)", part) for part in parts):
            return None
        end = object()
        trie: dict = {}
        for part in parts:
            node = trie
            for token in reversed(tokens(part)):
                node = node.setdefault(token, {})
            node[end] = {}
    except (ValueError, AttributeError):  # an unbalanced group, an unterminated class
        return None

    def emit(node: dict) -> str:
        written = ["" if token is end else emit(child) + token for token, child in node.items()]
        return written[0] if len(written) == 1 else "(?:" + "|".join(written) + ")"

    return prefix + emit(trie)
