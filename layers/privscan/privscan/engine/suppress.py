"""Allow lists and suppression rules, per bucket or prefix (as Macie's allow lists).

A YAML document lists entries; an entry applies to the objects in its scope and
suppresses the values it matches, optionally only for some entity types:

    allow:
      - scope: {bucket: "*", prefix: "datasets/public/"}   # both optional; "*" or absent = any
        entities: [EMAIL_ADDRESS]                          # optional: any entity when absent
        values: ["support@example.com"]                    # literals, compared normalised (case, separators)
        patterns: ['[a-z.]+@example\\.com']                # regular expressions, matched against the whole value
        fingerprints: ["3f1a…"]                            # keyed fingerprints (from reviewed false positives)

Suppressed values never become findings, nor count towards a column.

Patterns are checked and run as engine/patterns.py says: linear-time matching, at most
MAX_PATTERN_CHARS characters, and none that matches nearly everything (`.*` is refused with any
prefix, the empty one included). A list is read whatever it holds: an entry or a pattern that
cannot be used is skipped and reported in `Suppressions.problems` (its place in the list and a
content-free code, never its text), so a bad entry never stops a scan. Skipping only ever
suppresses less.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

import yaml

from privscan.engine.masking import Fingerprinter, normalise
from privscan.engine.patterns import PatternRefused, SuppressionPattern, compile_pattern
from privscan.vocabulary import DetectionKind


@dataclass(frozen=True)
class AllowEntry:
    """One allow-list entry: where it applies (bucket, key prefix), to which entity types, and the values, fingerprints
    or patterns it allows."""

    bucket: str = "*"
    prefix: str = ""
    entities: frozenset[str] = frozenset()
    values: frozenset[str] = frozenset()  # stored normalised without entity-specific rules: casefold + no separators
    patterns: tuple[SuppressionPattern, ...] = ()
    fingerprints: frozenset[str] = frozenset()

    def applies_to(self, bucket: str | None, key: str) -> bool:
        """Whether the entry covers an object of this bucket and key."""
        return self.bucket in ("*", bucket) and key.startswith(self.prefix)


def _normal(value: str) -> str:
    return normalise(None, value)


@dataclass(frozen=True)
class AllowListProblem:
    """Why part of an allow list was skipped: where (`allow[2].patterns[0]`) and a content-free code."""

    location: str
    code: str
    reason: str

    def __str__(self) -> str:
        return f"{self.location}: {self.code} ({self.reason})"


class _EntryInvalid(ValueError):
    pass


def _strings(spec: dict, name: str) -> list[str]:
    items = spec.get(name) or []
    if not isinstance(items, list) or not all(isinstance(item, str) for item in items):
        raise _EntryInvalid(f"{name} must be a list of strings")
    return items


def _scope(spec: dict) -> tuple[str, str]:
    scope = spec.get("scope") or {}
    bucket, prefix = (scope.get("bucket", "*"), scope.get("prefix", "")) if isinstance(scope, dict) else (None, None)
    if not isinstance(bucket, str) or not isinstance(prefix, str):
        raise _EntryInvalid("scope must be a mapping of bucket and prefix strings")
    return bucket, prefix


def _entry(spec, where: str, problems: list[AllowListProblem]) -> AllowEntry:
    """The entry `spec` with its usable patterns; each refused pattern is added to `problems`."""
    if not isinstance(spec, dict):
        raise _EntryInvalid("an entry must be a mapping")
    bucket, prefix = _scope(spec)
    entities, values, fingerprints = (_strings(spec, name) for name in ("entities", "values", "fingerprints"))
    patterns = []
    for index, source in enumerate(_strings(spec, "patterns")):
        try:
            patterns.append(compile_pattern(source))
        except PatternRefused as refused:
            problems.append(AllowListProblem(f"{where}.patterns[{index}]", refused.code, refused.reason))
    return AllowEntry(
        bucket=bucket,
        prefix=prefix,
        entities=frozenset(entities),
        values=frozenset(_normal(v) for v in values),
        patterns=tuple(patterns),
        fingerprints=frozenset(fingerprints),
    )


@dataclass
class Suppressions:
    """The allow list as read from its YAML document, with the entries it skipped and why."""

    entries: list[AllowEntry] = field(default_factory=list)
    problems: list[AllowListProblem] = field(default_factory=list)  # what was skipped, see the module docstring

    @classmethod
    def from_yaml(cls, text: str | None) -> Suppressions:
        """The allow list of a YAML document; malformed entries are skipped and recorded as problems, never fatal."""
        if not text or not text.strip():
            return cls()
        try:
            document = yaml.safe_load(text) or {}
        except yaml.YAMLError:
            return cls(problems=[AllowListProblem("document", "allow_list_unreadable", "not valid YAML")])
        specs = (document.get("allow") or []) if isinstance(document, dict) else None
        if not isinstance(specs, list):
            return cls(problems=[AllowListProblem("allow", "allow_list_invalid", "`allow` must be a list of entries")])
        entries: list[AllowEntry] = []
        problems: list[AllowListProblem] = []
        for index, spec in enumerate(specs):
            try:
                entries.append(_entry(spec, f"allow[{index}]", problems))
            except _EntryInvalid as invalid:
                problems.append(AllowListProblem(f"allow[{index}]", "entry_invalid", str(invalid)))
        return cls(entries, problems)

    def for_object(
        self, bucket: str | None, key: str, fingerprinter: Fingerprinter | None = None, stored_key: str | None = None
    ) -> ObjectSuppressor:
        """The entries whose scope holds the object. A review scopes a suppression by the object's key as it is
        stored (`stored_key`: masked where it holds personal data), so the stored key is matched too."""
        keys = (key,) if stored_key in (None, key) else (key, stored_key)
        return ObjectSuppressor([e for e in self.entries if any(e.applies_to(bucket, k) for k in keys)], fingerprinter)


@dataclass
class ObjectSuppressor:
    """The allow-list entries that apply to one object, matching detected values against them."""

    entries: list[AllowEntry]
    fingerprinter: Fingerprinter | None = None

    def __bool__(self) -> bool:
        return bool(self.entries)

    def allowed(self, entity_type: str, value: str) -> bool:
        """Whether a detected value of this entity type is allowed (by value, fingerprint or pattern)."""
        for entry in self.entries:
            if entry.entities and entity_type not in entry.entities:
                continue
            if _normal(value) in entry.values or any(p.fullmatch(value.strip()) for p in entry.patterns):
                return True
            if (
                entry.fingerprints
                and self.fingerprinter
                and self.fingerprinter.matches(entity_type, value, entry.fingerprints)
            ):
                return True
        return False

    def filter(self, detections: Iterable) -> list:
        """The detections left after removing allowed entities (signals and markers are never suppressed here)."""
        return [d for d in detections if d.kind != DetectionKind.ENTITY or not self.allowed(d.entity_type, d.value)]
