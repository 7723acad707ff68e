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
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

import yaml

from privscan.engine.masking import Fingerprinter, normalise


@dataclass(frozen=True)
class AllowEntry:
    bucket: str = "*"
    prefix: str = ""
    entities: frozenset[str] = frozenset()
    values: frozenset[str] = frozenset()  # stored normalised without entity-specific rules: casefold + no separators
    patterns: tuple[re.Pattern, ...] = ()
    fingerprints: frozenset[str] = frozenset()

    def applies_to(self, bucket: str | None, key: str) -> bool:
        return self.bucket in ("*", bucket) and key.startswith(self.prefix)


def _normal(value: str) -> str:
    return normalise(None, value)


@dataclass
class Suppressions:
    entries: list[AllowEntry] = field(default_factory=list)

    @classmethod
    def from_yaml(cls, text: str | None) -> Suppressions:
        if not text or not text.strip():
            return cls()
        document = yaml.safe_load(text) or {}
        entries = []
        for spec in document.get("allow", []):
            scope = spec.get("scope") or {}
            entries.append(
                AllowEntry(
                    bucket=scope.get("bucket", "*"),
                    prefix=scope.get("prefix", ""),
                    entities=frozenset(spec.get("entities", [])),
                    values=frozenset(_normal(v) for v in spec.get("values", [])),
                    patterns=tuple(re.compile(p) for p in spec.get("patterns", [])),
                    fingerprints=frozenset(spec.get("fingerprints", [])),
                )
            )
        return cls(entries)

    def for_object(self, bucket: str | None, key: str, fingerprinter: Fingerprinter | None = None) -> ObjectSuppressor:
        return ObjectSuppressor([e for e in self.entries if e.applies_to(bucket, key)], fingerprinter)


@dataclass
class ObjectSuppressor:
    entries: list[AllowEntry]
    fingerprinter: Fingerprinter | None = None

    def __bool__(self) -> bool:
        return bool(self.entries)

    def allowed(self, entity_type: str, value: str) -> bool:
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
        return [d for d in detections if d.kind != "entity" or not self.allowed(d.entity_type, d.value)]
