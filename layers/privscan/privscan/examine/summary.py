"""The public summary of training content (AI Act Art. 53(1)(d), the AI Office's template of July 2025), streamed.

Per record: its bytes, its language, the latest date in its date fields, its source domain (a URL field,
else the first URL in its text) and whether the scan found personal data in it. All of it is counters
(domains up to MAX_DOMAINS distinct, the rest counted as `other`), merged by addition.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from privscan.engine.language import language_of

MAX_DOMAINS = 200_000  # distinct domains counted one by one; bytes of further new domains go to OTHER_DOMAIN
OTHER_DOMAIN = "(other domains)"
TOP_SHARE, SME_SHARE, SME_MAX = 0.10, 0.05, 1000  # the template: top 10% of domains; SMEs 5% or at most 1,000
BYTES_PER_TOKEN = 4  # the estimate of tokens: UTF-8 bytes of text / 4
# The template's size ranges for text (tokens).
SIZE_RANGES = ((1e9, "<1B tokens"), (1e13, "1B-10T tokens"), (math.inf, ">10T tokens"))
UNDETERMINED = "und"  # ISO 639-2's code for a record whose language could not be told

_URL = re.compile(r"https?://[^\s<>\"'()\[\]{}]+", re.IGNORECASE)
_ISO_DATE = re.compile(r"((?:19|20)\d\d)-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])(?:[T ][0-9:.]+(?:Z|[+-]\d\d:?\d\d)?)?")
_DMY = re.compile(r"(0?[1-9]|[12]\d|3[01])[./](0?[1-9]|1[0-2])[./]((?:19|20)\d\d)")
_DATE_FIELD = re.compile(r"(?i)date|time|created|crawl|fetch|publish|modified|updated|datum|fecha|data_|_at$|^ts$")
_URL_FIELD = re.compile(r"(?i)url|uri|link|source|href|domain|website|quelle")


def domain_of(url: str) -> str | None:
    """The host of a URL, lower case, without `www.` and port; None when it has none."""
    try:
        host = urlsplit(url if "//" in url else f"//{url}").hostname
    except ValueError:
        return None
    if not host or "." not in host:
        return None
    return host.removeprefix("www.")


def date_of(field_name: str | None, text: str) -> str | None:
    """The ISO date (YYYY-MM-DD) a date field's value gives, or None: an ISO date or timestamp anywhere in a
    field named like a date, or the whole value of any field; DD.MM.YYYY and DD/MM/YYYY in date fields."""
    value = text.strip()
    if len(value) > 40:
        return None
    named = bool(field_name and _DATE_FIELD.search(field_name))
    match = _ISO_DATE.fullmatch(value) or (named and _ISO_DATE.search(value))
    if match:
        return f"{match.group(1)}-{match.group(2)}-{match.group(3)}"
    match = named and _DMY.fullmatch(value)
    if match:
        return f"{match.group(3)}-{int(match.group(2)):02d}-{int(match.group(1)):02d}"
    return None


def size_range(tokens: int) -> str:
    return next(name for bound, name in SIZE_RANGES if tokens < bound)


@dataclass(slots=True)
class TrainingSummary:
    """Counters for the training-content summary."""

    records: int = 0
    bytes: int = 0  # bytes read from the objects
    text_bytes: int = 0  # UTF-8 bytes of the records' text
    formats: Counter = field(default_factory=Counter)
    languages: Counter = field(default_factory=Counter)
    latest_date: str | None = None
    domain_bytes: Counter = field(default_factory=Counter)
    records_with_url: int = 0
    records_with_personal_data: int = 0
    by_type: Counter = field(default_factory=Counter)
    special_categories: Counter = field(default_factory=Counter)
    scanned: bool = False

    def add_record(self, cells: list[tuple[str | None, str]], personal: Counter, special: Counter) -> None:
        """One record: its cells as (field, text), and the entity and special-category counts the scan found."""
        self.records += 1
        size = 0
        source = None
        prose = []
        for name, text in cells:
            size += len(text.encode("utf-8"))
            stripped = text.strip()
            found = date_of(name, stripped)
            if found and (self.latest_date is None or found > self.latest_date):
                self.latest_date = found
            if source is None and name and _URL_FIELD.search(name) and " " not in stripped:
                source = domain_of(stripped)
            if len(stripped.split()) >= 3:
                prose.append(stripped)
        text = " ".join(prose)
        if source is None and text:
            match = _URL.search(text)
            source = domain_of(match.group(0)) if match else None
        self.text_bytes += size
        self.languages[(language_of(text) if text else None) or UNDETERMINED] += 1
        if source is not None:
            self.records_with_url += 1
            if source in self.domain_bytes or len(self.domain_bytes) < MAX_DOMAINS:
                self.domain_bytes[source] += size
            else:
                self.domain_bytes[OTHER_DOMAIN] += size
        if personal or special:
            self.records_with_personal_data += 1
        self.by_type.update(personal)
        self.special_categories.update(special)

    def merge(self, other: TrainingSummary) -> None:
        """Add another chunk's counters."""
        self.records += other.records
        self.bytes += other.bytes
        self.text_bytes += other.text_bytes
        self.records_with_url += other.records_with_url
        self.records_with_personal_data += other.records_with_personal_data
        for mine, theirs in (
            (self.formats, other.formats),
            (self.languages, other.languages),
            (self.by_type, other.by_type),
            (self.special_categories, other.special_categories),
        ):
            mine.update(theirs)
        for domain, size in other.domain_bytes.items():
            key = domain if domain in self.domain_bytes or len(self.domain_bytes) < MAX_DOMAINS else OTHER_DOMAIN
            self.domain_bytes[key] += size
        if other.latest_date and (self.latest_date is None or other.latest_date > self.latest_date):
            self.latest_date = other.latest_date
        self.scanned = self.scanned or other.scanned

    def top_domains(self, sme: bool = False) -> list[dict]:
        """The top 10% of domains by bytes (at least one), or with `sme` 5% and at most 1,000; shares of all text
        bytes."""
        domains = [(domain, size) for domain, size in self.domain_bytes.items() if domain != OTHER_DOMAIN]
        if not domains:
            return []
        share = SME_SHARE if sme else TOP_SHARE
        keep = max(1, math.ceil(len(domains) * share))
        if sme:
            keep = min(keep, SME_MAX)
        ranked = sorted(domains, key=lambda item: (-item[1], item[0]))[:keep]
        total = self.text_bytes or 1
        return [{"domain": domain, "bytes": size, "bytes_share": round(size / total, 4)} for domain, size in ranked]

    def report(self, sme: bool = False) -> dict:
        """The `training_summary` section."""
        tokens = self.text_bytes // BYTES_PER_TOKEN
        records = self.records or 1
        languages = [
            {"lang": lang, "records": count, "share": round(count / records, 4)}
            for lang, count in sorted(self.languages.items(), key=lambda item: (-item[1], item[0]))
        ]
        personal = None
        if self.scanned:
            personal = {
                "records_with_personal_data": self.records_with_personal_data,
                "records_with_personal_data_share": round(self.records_with_personal_data / records, 4),
                "by_type": dict(sorted(self.by_type.items())),
            }
        return {
            "modalities": ["text"] if self.records else [],
            "formats": dict(sorted(self.formats.items())),
            "bytes": self.bytes,
            "text_bytes": self.text_bytes,
            "records": self.records,
            "estimated_tokens": tokens,
            "size_range": size_range(tokens),
            "languages": languages,
            "latest_date": self.latest_date,
            "domains": len([d for d in self.domain_bytes if d != OTHER_DOMAIN]),
            "records_with_url_share": round(self.records_with_url / records, 4),
            "top_domains_rule": "sme: top 5%, at most 1,000" if sme else "top 10%",
            "top_domains": self.top_domains(sme),
            "personal_data": personal,
            "special_categories": dict(sorted(self.special_categories.items())) if self.scanned else None,
        }
