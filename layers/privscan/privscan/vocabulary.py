"""The domain's words, defined once: severities, review statuses, scan statuses and how read errors map
to them. Everything else imports them from here; a word defined in two places drifts apart.
"""

from __future__ import annotations

from enum import StrEnum


class Severity(StrEnum):
    """How urgent a finding is, lowest first (the order is the ranking)."""

    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"
    CRITICAL = "critical"


class ReviewStatus(StrEnum):
    """Where a finding stands in a privacy officer's review."""

    OPEN = "open"
    CONFIRMED = "confirmed"
    FALSE_POSITIVE = "false_positive"
    ACCEPTED_RISK = "accepted_risk"
    REMEDIATED = "remediated"


class ScanStatus(StrEnum):
    """What became of one object version."""

    QUEUED = "queued"
    SCANNING = "scanning"
    DONE = "done"
    FAILED = "failed"  # an infrastructure error; the delivery is retried, then dead-lettered
    UNSUPPORTED = "unsupported"  # unknown or binary format: nothing to scan
    REJECTED = "rejected"  # too large, decompression bomb, malformed beyond reading
    SUPERSEDED = "superseded"  # an older version whose event arrived after a newer one
    DELETED = "deleted"


SEVERITIES: tuple[str, ...] = tuple(severity.value for severity in Severity)
REVIEW_STATUSES: tuple[str, ...] = tuple(status.value for status in ReviewStatus)

# A read error's code → the object's status: content privscan cannot read is unsupported, not rejected.
STATUS_BY_READ_ERROR: dict[str, ScanStatus] = {
    "unsupported_format": ScanStatus.UNSUPPORTED,
    "binary": ScanStatus.UNSUPPORTED,
    "no_text_layer": ScanStatus.UNSUPPORTED,  # a scanned PDF would need OCR
    "encrypted": ScanStatus.UNSUPPORTED,
}
