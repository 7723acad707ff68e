"""Masked previews and keyed fingerprints: the only traces of a value privscan keeps.

A preview lets a reviewer recognise the *shape* of a value (``j***@e***.com``,
``DE** **** **** **** **** 00``) without learning it. A fingerprint (HMAC-SHA256
under a secret key) lets one value be counted across records and objects, and
suppressed once reviewed, without storing it.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import unicodedata

_WORD = re.compile(r"\w+", re.UNICODE)
_SEPARATORS = re.compile(r"[\s\-./]+")


def mask_preview(entity_type: str | None, value: str) -> str:
    """Return a masked rendering of `value`: its shape, at most two of its own characters in a row."""
    value = value.strip()
    if not value:
        return ""
    if entity_type == "EMAIL_ADDRESS" and "@" in value:
        return _mask_email(value)
    if _mostly_digits(value):
        return _mask_digits(value)
    return _WORD.sub(lambda m: m.group(0)[0] + "***", value)


def _mostly_digits(value: str) -> bool:
    """Identifiers (IBAN, phone, national ids) rather than words or statements."""
    alnum = [ch for ch in value if ch.isalnum()]
    return bool(alnum) and sum(ch.isdigit() for ch in alnum) >= 0.5 * len(alnum)


def _mask_email(value: str) -> str:
    local, _, domain = value.rpartition("@")
    host, dot, tld = domain.rpartition(".")
    if not dot:  # a bare host name: nothing public to keep
        return f"{local[:1]}***@{domain[:1]}***"
    return f"{local[:1]}***@{host[:1]}***.{tld}"


def _mask_digits(value: str) -> str:
    """Keep separators and the last two alphanumerics; a leading ISO country prefix (IBAN, VAT) stays visible."""
    keep_prefix = 2 if re.match(r"^[A-Z]{2}\d", value) else 0
    alnum_positions = [i for i, ch in enumerate(value) if ch.isalnum()]
    keep = set(alnum_positions[:keep_prefix]) | set(alnum_positions[-2:] if len(alnum_positions) > 6 else [])
    return "".join(ch if (i in keep or not ch.isalnum()) else "*" for i, ch in enumerate(value))


def normalise(entity_type: str | None, value: str) -> str:
    """Canonical form so that ``DE89 3704 …`` and ``de8937…`` fingerprint alike."""
    value = unicodedata.normalize("NFKC", value).strip().casefold()
    if entity_type in {"PERSON", "LOCATION", "NRP"}:
        return " ".join(value.split())
    return _SEPARATORS.sub("", value)


class Fingerprinter:
    """HMAC-SHA256 of the normalised value under a secret key (hex, 32 chars = 128 bits)."""

    def __init__(self, key: bytes | str):
        if isinstance(key, str):
            key = key.encode("utf-8")
        if len(key) < 16:
            raise ValueError("fingerprint key must be at least 16 bytes")
        self._keyed = hmac.new(key, digestmod=hashlib.sha256)  # copied per value: the key is set up once

    def __call__(self, entity_type: str | None, value: str) -> str:
        # The entity type shapes normalisation only: one value has one fingerprint however it was classified.
        return self.token(normalise(entity_type, value))

    def token(self, text: str) -> str:
        """Keyed hash of `text` exactly as given: lets a plan keep words it must not store."""
        keyed = self._keyed.copy()
        keyed.update(text.encode("utf-8"))
        return keyed.hexdigest()[:32]
