"""The domain's words, defined once: severities, review statuses, scan statuses, outcomes, routes, column
profile modes, detection kinds, event kinds and redaction operators. Everything else imports them from here;
a word defined in two places drifts apart.
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


class Outcome(StrEnum):
    """How reading one object ended, recorded in its summary; a reader's error carries its outcome as `code`."""

    SCANNED = "scanned"
    EMPTY = "empty"  # read whole, no record in it
    TIME_LIMIT = "time_limit"  # cut short by the scan's time limit: what was read is reported
    UNREADABLE = "unreadable"
    UNSUPPORTED_FORMAT = "unsupported_format"
    BINARY = "binary"
    MALFORMED = "malformed"
    DECOMPRESSION_BOMB = "decompression_bomb"
    NO_TEXT_LAYER = "no_text_layer"
    ENCRYPTED = "encrypted"
    TOO_MANY_MEMBERS = "too_many_members"
    TOO_LARGE = "too_large"
    READER_ERROR = "reader_error"  # an unexpected error inside a reader: the object is malformed for privscan
    SCAN_ERROR = "scan_error"


# Outcomes of an object read to its end: anything else leaves part of it unscanned (a coverage gap).
COMPLETE_OUTCOMES = frozenset({Outcome.SCANNED, Outcome.EMPTY})


class Route(StrEnum):
    """Which analysis one piece of a cell gets, decided from its column's profile."""

    FULL = "full"  # Presidio, the EU recognizers and NER
    PATTERN = "pattern"  # the pattern recognizers only
    TYPED = "typed"  # verify the column's one entity type
    NER_VALUE = "ner_value"  # a column of names or places: the value is the entity
    SKIP = "skip"  # a quiet column's value of a known shape: nothing to send
    SAMPLE = "sample"  # full analysis of a column's sample cell, whose verdict later cells wait for
    WAIT = "wait"  # the column's sample is out for detection: its verdict decides this cell's route


class ProfileMode(StrEnum):
    """What a column's sample showed it to be."""

    FREE_TEXT = "free_text"
    TYPED = "typed"  # one entity type throughout
    MIXED = "mixed"
    QUIET = "quiet"  # nothing found in the sample


class DetectionKind(StrEnum):
    """What a detection is: a personal value, a statement signal, or a marker (evidence for rules, never reported)."""

    ENTITY = "entity"
    SIGNAL = "signal"
    MARKER = "marker"


class Placement(StrEnum):
    """Where a detected entity must sit for a rule's entity trigger to fire (`where:` in the catalogue)."""

    ANY = "any"
    VALUE = "value"  # the entity is the whole value (a column cell)
    FREE_TEXT = "free_text"  # the entity sits inside a longer text (a note, a chat turn)


class EventKind(StrEnum):
    """What happened to an object, from its S3 notification."""

    CREATED = "created"
    REMOVED = "removed"


class RedactOperator(StrEnum):
    """What the redaction stage puts in place of a detected value (privscan.redaction)."""

    MASK = "mask"  # every letter and digit becomes `*`, separators stay: the value's shape
    FAKE = "fake"  # a realistic invented value, the same for the same value under one key
    HASH = "hash"  # the entity type and a keyed hash (HMAC under the fingerprint key) of the value
    KEEP = "keep"  # left as it is


class RedactStatus(StrEnum):
    """What became of one object in a redaction."""

    REDACTED = "redacted"  # a copy was written (possibly with nothing to change)
    SKIPPED = "skipped"  # no copy written: a format the stage cannot rewrite, or content it cannot read


SEVERITIES: tuple[str, ...] = tuple(severity.value for severity in Severity)
REVIEW_STATUSES: tuple[str, ...] = tuple(status.value for status in ReviewStatus)

# A read error's code → the object's status: content privscan cannot read is unsupported, not rejected.
STATUS_BY_READ_ERROR: dict[str, ScanStatus] = {
    Outcome.UNSUPPORTED_FORMAT: ScanStatus.UNSUPPORTED,
    Outcome.BINARY: ScanStatus.UNSUPPORTED,
    Outcome.NO_TEXT_LAYER: ScanStatus.UNSUPPORTED,  # a scanned PDF would need OCR
    Outcome.ENCRYPTED: ScanStatus.UNSUPPORTED,
}
