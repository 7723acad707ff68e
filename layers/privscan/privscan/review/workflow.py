"""The review workflow of privacy officers: set a finding's status with a note, keep an audit
trail, and turn a false positive into a suppression rule.

The reviewer is whoever signed the request (an IAM ARN the API takes from API Gateway),
never a name given in the body. Every change appends one audit entry; nothing here
updates or deletes one. A repeated request that changes nothing appends nothing.

What a reviewer types is kept only with the personal data in it masked: a note is stored
(on the finding and in its audit entry, and so in every report) as the engine's detector
and masking render it (engine/notes.py), at most NOTE_MAX_CHARS long. A suppression
pattern is applied from the allow list object, which holds it as given; the audit entry,
the API's answer and the reports name it only by a keyed fingerprint and a masked preview.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator
from pydantic_core import PydanticCustomError

from privscan.engine.masking import Fingerprinter, mask_preview
from privscan.engine.notes import redact
from privscan.engine.patterns import MAX_PATTERN_CHARS, PatternRefused, compile_pattern
from privscan.engine.scanner import Scanner
from privscan.store.allow_list import AllowListObject
from privscan.store.findings_store import FindingsStore
from privscan.vocabulary import REVIEW_STATUSES, ReviewStatus

ReviewStatusName = Literal[REVIEW_STATUSES]  # the values of vocabulary.ReviewStatus, for the API schema
PATTERN_REFUSED = "suppression_pattern_refused"  # the validation error type of an unusable pattern (API: 400)
NOTE_MAX_CHARS = 2000


class Suppress(BaseModel):
    """Make the reviewed value a suppression rule, for the objects under `prefix` of the finding's bucket."""

    model_config = ConfigDict(extra="forbid")

    by: Literal["fingerprint", "pattern"] = Field(description="the finding's value (keyed fingerprint) or a pattern")
    pattern: str | None = Field(
        None,
        description="regular expression matched against whole values, at most "
        f"{MAX_PATTERN_CHARS} characters, run in linear time (no backreferences, no lookaround); refused when it "
        "matches nearly everything (fewer than 3 literal characters, or unrelated values)",
    )
    prefix: str | None = Field(
        None, max_length=1024, description="key prefix the rule applies to; default: the finding's object"
    )

    @field_validator("pattern")
    @classmethod
    def _usable(cls, pattern: str | None) -> str | None:
        """The rules of engine/patterns.py, whatever the prefix: an empty prefix with a pattern that
        matches nearly everything would silence the bucket, and is refused like any such pattern."""
        if pattern is not None:
            try:
                compile_pattern(pattern)
            except PatternRefused as refused:
                raise PydanticCustomError(
                    PATTERN_REFUSED, "{reason}", {"code": refused.code, "reason": refused.reason}
                ) from None
        return pattern


class ReviewChange(BaseModel):
    model_config = ConfigDict(extra="forbid")

    status: ReviewStatusName
    note: str = Field("", max_length=NOTE_MAX_CHARS, description="stored with the personal data in it masked")
    suppress: Suppress | None = None


class ReviewRejected(ValueError):
    """The change cannot apply to this finding (a content-free reason for the caller)."""


class FindingNotFound(LookupError):
    pass


def now_precise() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds")


@dataclass
class ReviewService:
    store: FindingsStore
    allow_list: AllowListObject
    scanner: Scanner  # masks the personal data in notes
    fingerprinter: Fingerprinter  # names suppression patterns in audit entries

    def finding(self, finding_id: str) -> dict:
        finding = self.store.get_finding(finding_id)
        if finding is None:
            raise FindingNotFound(finding_id)
        return finding

    def audit(self, finding: dict) -> list[dict]:
        return list(self.store.audit_of(finding["bucket"], finding["key"], finding["finding_id"]))

    def review(self, finding_id: str, change: ReviewChange, actor: str) -> tuple[dict, dict | None]:
        """Apply `change` as `actor`. Returns the finding as stored afterwards and the audit entry (None: no change).

        The note is stored masked (`masked_note`); the entry's suppression record names a pattern only by
        fingerprint and masked preview (`_suppress`)."""
        finding = self.finding(finding_id)
        current = finding.get("review_status", ReviewStatus.OPEN)
        note = self.masked_note(change.note)
        suppression, added = self._suppress(finding, change) if change.suppress else (None, False)
        if not added and current == change.status and finding.get("review_note", "") == note:
            return finding, None  # a repeated request: nothing changes, nothing is appended
        entry = {
            "at": now_precise(),
            "actor": actor,
            "from_status": current,
            "to_status": change.status,
            "note": note,
            "suppression": suppression,
        }
        self.store.review(finding, change.status, entry)
        return self.finding(finding_id), self.audit(finding)[-1]

    def masked_note(self, note: str) -> str:
        """`note` as it is stored: every value the engine detects in it masked, at most NOTE_MAX_CHARS long.
        A note without personal data is stored unchanged."""
        return redact(self.scanner, note)[:NOTE_MAX_CHARS]

    def pattern_record(self, pattern: str) -> dict:
        """How audit entries, answers and reports name a suppression pattern: a keyed fingerprint (the same
        pattern always has the same one) and a masked preview of its shape, never its text."""
        return {
            "pattern_fingerprint": self.fingerprinter.token(f"pattern\x1f{pattern}"),
            "pattern_preview": mask_preview(None, pattern),
        }

    def _suppress(self, finding: dict, change: ReviewChange) -> tuple[dict, bool]:
        """Add the suppression rule; returns its audit record (the pattern named by `pattern_record`) and whether
        the allow list changed."""
        suppress = change.suppress
        if change.status != ReviewStatus.FALSE_POSITIVE:
            raise ReviewRejected("only a false positive can become a suppression rule")
        if not finding.get("entity_type"):
            raise ReviewRejected("a rule finding has no value to suppress; ignore its rule in the policy instead")
        prefix = finding["key"] if suppress.prefix is None else suppress.prefix
        rule = {"scope": {"bucket": finding["bucket"], "prefix": prefix}, "entities": [finding["entity_type"]]}
        if suppress.by == "fingerprint":
            fingerprints = value_fingerprints(finding)
            if not fingerprints:
                raise ReviewRejected(
                    "this column finding has more distinct values than it sampled; suppress it by pattern"
                )
            rule["fingerprints"] = fingerprints
        else:
            if not suppress.pattern:
                raise ReviewRejected("give the pattern to suppress")
            rule["patterns"] = [suppress.pattern]
        added = self.allow_list.add(rule)
        return {
            "by": suppress.by,
            "bucket": finding["bucket"],
            "prefix": prefix,
            **(self.pattern_record(suppress.pattern) if suppress.by == "pattern" else {}),
        }, added


def value_fingerprints(finding: dict) -> list[str]:
    """Fingerprints that cover every value behind `finding`: its own, or, for a column finding whose
    distinct values all appear among its sampled occurrences, theirs. Empty when no such set is known."""
    if finding.get("fingerprint"):
        return [finding["fingerprint"]]
    sampled = sorted({o["fingerprint"] for o in finding.get("occurrences") or [] if o.get("fingerprint")})
    return sampled if sampled and finding.get("distinct") == len(sampled) else []
