"""The fingerprint keys, read from their secret: the current key with its id, and earlier keys kept for matching.

The secret (Secrets Manager, or FINGERPRINT_KEY / PRIVSCAN_FINGERPRINT_KEY for local runs) is either

- a plain key: its id is derived from it (8 hex characters of an HMAC of a fixed label), so one key always
  has the same id and the id tells nothing of the key; or
- a JSON keyring, written by whoever rotates the key (docs/security.md):
  ``{"current": "k2", "keys": {"k2": "<new key>", "k1": "<old key>"}}``. New fingerprints are made under
  ``current``; the other keys only let suppressions made under them keep matching.

Errors name what is wrong with the document, never a key.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from dataclasses import dataclass

from privscan.engine.masking import Fingerprinter

KEY_ID_LABEL = b"privscan fingerprint key id"


@dataclass(frozen=True)
class Keyring:
    """The fingerprint keys by id and which one is current: new fingerprints use the current key, earlier ones still
    match."""

    current: str
    keys: dict[str, str]

    def fingerprinter(self) -> Fingerprinter:
        """A fingerprinter that signs with the current key and matches with every key."""
        previous = {kid: key for kid, key in self.keys.items() if kid != self.current}
        return Fingerprinter(self.keys[self.current], key_id=self.current, previous=previous)


def derived_key_id(key: str) -> str:
    """A short id for a key given without one, derived from the key itself so that it stays the same across
    processes."""
    return hmac.new(key.encode("utf-8"), KEY_ID_LABEL, hashlib.sha256).hexdigest()[:8]


def parse_keyring(secret: str) -> Keyring:
    """The keyring of a secret value (a plain key or the JSON document above)."""
    if not secret.lstrip().startswith("{"):
        return Keyring(derived_key_id(secret), {derived_key_id(secret): secret})
    try:
        document = json.loads(secret)
    except json.JSONDecodeError:
        raise ValueError("the fingerprint keyring is not valid JSON") from None
    keys, current = document.get("keys"), document.get("current")
    if not (isinstance(keys, dict) and keys and all(isinstance(k, str) for k in keys.values())):
        raise ValueError('the fingerprint keyring needs "keys": an object of key id -> key')
    if current not in keys:
        raise ValueError('the fingerprint keyring\'s "current" must name one of its keys')
    return Keyring(current, dict(keys))


def fingerprinter_from_secret(secret: str) -> Fingerprinter:
    """The fingerprinter for a secret's value, whether a bare key or a keyring."""
    return parse_keyring(secret).fingerprinter()
