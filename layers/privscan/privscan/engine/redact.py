"""The masking policy: how a value or a name may appear in a finding, and so in any sink.

Every finding is built by the `FindingFactory` (engine/findings.py), and the factory renders every
preview, field path, column name, JSON key and object name through one `MaskingPolicy`:

- A value becomes its masked preview (``j***@e***.com``) and its keyed fingerprint.
- A name (a column name, a JSON key, a segment of an object key) is scanned like a value. A name that
  holds personal data is rendered as its masked shape plus a keyed token, ``j***@x***.org~kdpafmoceglb``:
  two such names never render alike, and the rendering tells nothing of the name. A name without
  personal data stays as it is (``email``, ``customer_name``), so schemas stay readable.
- A name longer than `MAX_NAME_CHARS`, or one that might hold personal data once an object has had
  `MAX_NAMES_SCANNED` names scanned, is rendered as a keyed token alone; a field path longer than
  `MAX_FIELD_CHARS` is cut and ends in a token of the whole path, so no rendering can outgrow a
  DynamoDB item (400 KB).

The token is 12 letters (``a``-``p``, 48 bits of an HMAC under the fingerprint key): letters only, so
that no recognizer reads a number into it, and it is blanked before a rendering is scanned again, so
rendering a rendering gives it back unchanged (the findings store relies on that for object keys).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import NamedTuple

from privscan.engine.masking import Fingerprinter, mask_preview
from privscan.readers.jsonpath import join_key

MAX_NAME_CHARS = 256  # a longer column name, JSON key or object key segment is rendered as a token alone
MAX_FIELD_CHARS = 1024  # a longer rendered field path is cut and ends in a token of the whole path
TOKEN_CHARS = 12
_TOKEN = re.compile(rf"~[a-p]{{{TOKEN_CHARS}}}")
_HEX_TO_LETTERS = str.maketrans("0123456789abcdef", "abcdefghijklmnop")
_EXTENSION = re.compile(r"(?:\.[A-Za-z][A-Za-z0-9]{0,4}){1,2}$")  # .csv, .jsonl.gz: kept readable on a masked name
_PATH_PART = re.compile(r'\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]|\.?([^.\[\]"]+)')
MEMO_LIMIT = 10_000  # renderings remembered per object (JSON paths repeat on every record)
# Distinct names an object's policy scans (a few ms each): a JSON object keyed by millions of ids must not
# take hours. A later name that might hold personal data is rendered as a token alone, unscanned.
MAX_NAMES_SCANNED = 2_000
_MAY_HOLD = re.compile(r"[^a-z_\-./ ]")  # lower-case ASCII words hold no pattern entity and no name spaCy tags


class NameHit(NamedTuple):
    """Personal data found in a name: its entity type, span in the name, and score."""

    entity_type: str
    start: int
    end: int
    score: float


NameFinder = Callable[[str], list[NameHit]]


def no_names(_name: str) -> list[NameHit]:
    """A finder that finds nothing: names are only bounded in length."""
    return []


def may_hold_personal_data(name: str) -> bool:
    """False for a name of lower-case ASCII words (``email``, ``customer_name``): nothing to scan."""
    return bool(_MAY_HOLD.search(name))


def scannable(name: str) -> str:
    """The name as a finder reads it: tokens of an earlier rendering blanked (same length, same offsets)."""
    return _TOKEN.sub(lambda m: " " * len(m.group(0)), name)


class MaskingPolicy:
    """Renders values and names for findings (see the module docstring). `find` detects personal data in a name."""

    def __init__(
        self, fingerprinter: Fingerprinter, find: NameFinder | None = None, scan_budget: int | None = MAX_NAMES_SCANNED
    ):
        """One policy per object: `scan_budget` bounds the distinct names it scans. None (no budget, nothing
        remembered) for a policy that must render a name alike whatever it rendered before: the store's."""
        self.fingerprint = fingerprinter
        self.find = find or no_names
        self.scan_budget = scan_budget
        self._fields: dict[tuple[str, bool], str] = {}
        self._scanned: dict[str, list[NameHit]] = {}  # at most scan_budget names

    # -- values -----------------------------------------------------------------------------
    @staticmethod
    def preview(entity_type: str | None, value: str) -> str:
        return mask_preview(entity_type, value)

    # -- names ------------------------------------------------------------------------------
    def token(self, text: str) -> str:
        """``~`` and 12 letters: a keyed hash of `text`, the same for the same text under one key."""
        return "~" + self.fingerprint.token(f"name:{text}")[:TOKEN_CHARS].translate(_HEX_TO_LETTERS)

    def hits(self, name: str) -> list[NameHit]:
        """The personal data in `name`; none in a name rendered as a token anyway (too long, or past the
        object's scanning budget)."""
        if len(name) > MAX_NAME_CHARS or not may_hold_personal_data(name) or self.unscanned(name):
            return []
        found = self._scanned.get(name)
        if found is None:
            found = self.find(name)
            if self.scan_budget is not None:
                self._scanned[name] = found
        return found

    def name(self, name: str) -> str:
        """`name` as a finding may show it: itself, or its masked shape and token, or a token alone."""
        if self.unscanned(name):
            return self.token(name)
        hits = self.hits(name)
        if not hits:
            return name
        extension = _EXTENSION.search(name)
        stem_end = extension.start() if extension and extension.start() >= max(h.end for h in hits) else len(name)
        stem = name[:stem_end]
        whole = len(hits) == 1 and name[hits[0].start : hits[0].end].strip() == stem.strip()
        masked = mask_preview(hits[0].entity_type if whole else None, stem)
        return f"{masked}{self.token(name)}{name[stem_end:]}"

    def unscanned(self, name: str) -> bool:
        """Too long to scan, or a name that might hold personal data past the object's scanning budget."""
        if len(name) > MAX_NAME_CHARS:
            return True
        if self.scan_budget is None or len(self._scanned) < self.scan_budget or name in self._scanned:
            return False
        return may_hold_personal_data(name)

    def object_name(self, name: str) -> str:
        """An object key or file path, each ``/``-separated segment rendered as a name."""
        return "/".join(self.name(segment) for segment in name.split("/"))

    # -- field paths ------------------------------------------------------------------------
    def field(self, path: str | None, tabular: bool) -> str | None:
        """A column name (`tabular`: the whole field is the name) or a JSON path, each key rendered as a name."""
        if path is None:
            return None
        memo = (path, tabular)
        rendered = self._fields.get(memo)
        if rendered is None:
            rendered = self.name(path) if tabular else self._path(path)
            if len(rendered) > MAX_FIELD_CHARS:
                rendered = rendered[: MAX_FIELD_CHARS - TOKEN_CHARS - 1] + self.token(path)
            if len(self._fields) >= MEMO_LIMIT:
                self._fields.clear()
            self._fields[memo] = rendered
        return rendered

    def _path(self, path: str) -> str:
        keys = path_keys(path)
        if keys is None or _join(keys, str) != path:  # not a path the readers write: one name
            return self.name(path)
        return _join(keys, self.name)


def _join(keys: list[tuple[str | None, int | None]], render: Callable[[str], str]) -> str:
    path = ""
    for key, index in keys:
        path = f"{path}[{index}]" if key is None else join_key(path, render(key))
    return path


def path_keys(path: str) -> list[tuple[str | None, int | None]] | None:
    """The keys (key, None) and list indices (None, index) of a JSON path as readers/jsonpath.py writes
    it; None when `path` is not one."""
    parts: list[tuple[str | None, int | None]] = []
    position = 0
    for match in _PATH_PART.finditer(path):
        if match.start() != position:
            return None
        position = match.end()
        index, quoted, plain = match.groups()
        if index is not None:
            parts.append((None, int(index)))
        elif quoted is not None:
            try:
                parts.append((json.loads(quoted), None))
            except ValueError:
                return None
        else:
            parts.append((plain, None))
    return parts if position == len(path) else None
