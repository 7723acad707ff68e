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
from collections.abc import Collection, Mapping

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


_NAME_TYPES = frozenset({"PERSON", "LOCATION", "NRP"})
# what `str.split()` and `_SEPARATORS` take on ASCII text, in RE2's syntax (its \s leaves out \x0b and \x1c-\x1f)
_ASCII_SPACE = r"[\t\n\x0b\f\r\x1c-\x1f ]"
_ASCII_SEPARATORS = r"[\t\n\x0b\f\r\x1c-\x1f \-./]"


def _pads(key: bytes | str) -> tuple:
    """The SHA-256 states after the inner and the outer padded key of HMAC-SHA256 (RFC 2104)."""
    if isinstance(key, str):
        key = key.encode("utf-8")
    if len(key) > 64:
        key = hashlib.sha256(key).digest()
    key = key.ljust(64, b"\0")
    return hashlib.sha256(bytes(b ^ 0x36 for b in key)), hashlib.sha256(bytes(b ^ 0x5C for b in key))


def normalise(entity_type: str | None, value: str) -> str:
    """Canonical form so that ``DE89 3704 …`` and ``de8937…`` fingerprint alike."""
    value = unicodedata.normalize("NFKC", value).strip().casefold()
    if entity_type in _NAME_TYPES:
        return " ".join(value.split())
    return _SEPARATORS.sub("", value)


class Fingerprinter:
    """HMAC-SHA256 of the normalised value under a secret key (hex, 32 chars = 128 bits), written
    ``<key id>:<hex>`` when the key has an id, so that a fingerprint says which key made it.

    Keys of a rotation still configured (`previous`, by id) make no new fingerprints; they let
    `matches` recognise a value in fingerprints made under them, so suppressions outlive a rotation.
    """

    KEY_ID = re.compile(r"[A-Za-z0-9_.-]{1,32}")

    def __init__(self, key: bytes | str, key_id: str | None = None, previous: Mapping[str, bytes | str] | None = None):
        for kid in (key_id, *(previous or {})):
            if kid is not None and not self.KEY_ID.fullmatch(kid):
                raise ValueError("a fingerprint key id is 1 to 32 letters, digits, '_', '.' or '-'")
        self.key_id = key_id
        self._keyed = self._hmac(key)  # copied per value: the key is set up once
        self._pads = _pads(key)  # the same keyed hash as hashlib states, for `many`
        self._previous = {kid: self._hmac(old) for kid, old in (previous or {}).items()}

    @staticmethod
    def _hmac(key: bytes | str) -> hmac.HMAC:
        if isinstance(key, str):
            key = key.encode("utf-8")
        if len(key) < 16:
            raise ValueError("fingerprint key must be at least 16 bytes")
        return hmac.new(key, digestmod=hashlib.sha256)

    @staticmethod
    def _digest(keyed: hmac.HMAC, text: str) -> str:
        keyed = keyed.copy()
        keyed.update(text.encode("utf-8"))
        return keyed.hexdigest()[:32]

    def __call__(self, entity_type: str | None, value: str) -> str:
        # The entity type shapes normalisation only: one value has one fingerprint however it was classified.
        digest = self.token(normalise(entity_type, value))
        return f"{self.key_id}:{digest}" if self.key_id else digest

    def many(self, entity_type: str | None, values: list[str]) -> list[str]:
        """`self(entity_type, value)` of each value, for many values at once: ASCII values are normalised by
        whole-array operations (`normalise` on ASCII: lower case, white space and separators as it treats
        them), the others one by one; the HMAC from its inner and outer states (RFC 2104)."""
        import pyarrow as pa
        import pyarrow.compute as pc

        if not values:
            return []
        array = pa.array(values, pa.string())
        ascii_ = pc.string_is_ascii(array).to_numpy(zero_copy_only=False)
        lowered = pc.ascii_lower(array)
        if entity_type in _NAME_TYPES:
            texts = pc.utf8_trim(pc.replace_substring_regex(lowered, _ASCII_SPACE + "+", " "), " ").to_pylist()
        else:
            texts = pc.replace_substring_regex(lowered, _ASCII_SEPARATORS + "+", "").to_pylist()
        inner, outer = self._pads
        out = []
        for value, text, plain in zip(values, texts, ascii_.tolist(), strict=True):
            h = inner.copy()
            h.update((text if plain else normalise(entity_type, value)).encode("utf-8"))
            o = outer.copy()
            o.update(h.digest())
            digest = o.hexdigest()[:32]
            out.append(f"{self.key_id}:{digest}" if self.key_id else digest)
        return out

    def matches(self, entity_type: str | None, value: str, fingerprints: Collection[str]) -> bool:
        """Whether `value`'s fingerprint under the current key or a previous one is among `fingerprints`
        (written with its key id, or bare as made by a key without one)."""
        text = normalise(entity_type, value)
        for kid, keyed in ((self.key_id, self._keyed), *self._previous.items()):
            digest = self._digest(keyed, text)
            if digest in fingerprints or (kid and f"{kid}:{digest}" in fingerprints):
                return True
        return False

    def token(self, text: str) -> str:
        """Keyed hash of `text` exactly as given, under the current key and without its id: lets a plan keep
        words it must not store."""
        return self._digest(self._keyed, text)
