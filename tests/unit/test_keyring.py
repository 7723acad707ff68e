"""Fingerprint keys: every fingerprint names its key; a rotation keeps earlier suppressions matching."""

from __future__ import annotations

import json

import pytest
from privscan.engine.masking import Fingerprinter
from privscan.engine.suppress import Suppressions
from privscan.store.keyring import derived_key_id, fingerprinter_from_secret, parse_keyring

K1, K2 = "first-key-" * 4, "second-key-" * 4
IBAN, OTHER_IBAN = "DE89370400440532013000", "DE02120300000000202051"


def keyring(current: str, **keys: str) -> str:
    return json.dumps({"current": current, "keys": keys})


def allow_list(fingerprint: str) -> Suppressions:
    return Suppressions.from_yaml(f'allow:\n  - entities: [IBAN_CODE]\n    fingerprints: ["{fingerprint}"]\n')


def test_a_fingerprint_carries_its_key_id():
    fingerprint = Fingerprinter(K1, key_id="k1")("IBAN_CODE", IBAN)
    assert fingerprint == "k1:" + Fingerprinter(K1)("IBAN_CODE", IBAN)
    assert len(fingerprint) == len("k1:") + 32
    assert fingerprinter_from_secret(keyring("k2", k1=K1, k2=K2))("IBAN_CODE", IBAN).startswith("k2:")


def test_a_plain_key_gets_an_id_derived_from_it():
    fingerprint = fingerprinter_from_secret(K1)("IBAN_CODE", IBAN)
    key_id, digest = fingerprint.split(":")
    assert key_id == derived_key_id(K1) == derived_key_id(K1) != derived_key_id(K2)
    assert len(key_id) == 8 and K1[:4] not in key_id
    assert digest == Fingerprinter(K1)("IBAN_CODE", IBAN)  # the same HMAC as before ids: stored values stay valid


def test_a_suppression_made_under_k1_still_matches_after_rotation_to_k2_while_k1_is_configured():
    made_under_k1 = fingerprinter_from_secret(keyring("k1", k1=K1))("IBAN_CODE", IBAN)
    rotated = fingerprinter_from_secret(keyring("k2", k2=K2, k1=K1))
    assert rotated("IBAN_CODE", IBAN).startswith("k2:") and rotated("IBAN_CODE", IBAN) != made_under_k1
    suppressor = allow_list(made_under_k1).for_object("uploads", "a.csv", rotated)
    assert suppressor.allowed("IBAN_CODE", "DE89 3704 0044 0532 0130 00")
    assert not suppressor.allowed("IBAN_CODE", OTHER_IBAN)
    k1_dropped = fingerprinter_from_secret(keyring("k2", k2=K2))
    assert not allow_list(made_under_k1).for_object("uploads", "a.csv", k1_dropped).allowed("IBAN_CODE", IBAN)


def test_a_fingerprint_is_matched_under_the_key_its_id_names_only():
    swapped = "k2:" + Fingerprinter(K1)("IBAN_CODE", IBAN)  # k1's digest labelled k2
    rotated = fingerprinter_from_secret(keyring("k2", k2=K2, k3=K1))
    assert not rotated.matches("IBAN_CODE", IBAN, {swapped})
    assert rotated.matches("IBAN_CODE", IBAN, {"k3:" + Fingerprinter(K1)("IBAN_CODE", IBAN)})


def test_bare_fingerprints_made_before_key_ids_still_match():
    bare = Fingerprinter(K1)("IBAN_CODE", IBAN)
    assert fingerprinter_from_secret(K1).matches("IBAN_CODE", IBAN, {bare})
    assert fingerprinter_from_secret(keyring("k2", k2=K2, old=K1)).matches("IBAN_CODE", IBAN, {bare})
    assert not fingerprinter_from_secret(K2).matches("IBAN_CODE", IBAN, {bare})


@pytest.mark.parametrize(
    ("secret", "message"),
    [
        ('{"current": "k1", "keys": {"k1": "', "not valid JSON"),
        ('{"current": "k1"}', '"keys"'),
        ('{"current": "k3", "keys": {"k1": "' + K1 + '"}}', '"current"'),
        ('{"current": "k1", "keys": {"k1": 7}}', '"keys"'),
    ],
)
def test_a_bad_keyring_is_refused_without_echoing_a_key(secret, message):
    with pytest.raises(ValueError, match=message) as refused:
        parse_keyring(secret)
    assert K1[:10] not in str(refused.value)


@pytest.mark.parametrize("key_id", ["", "k:1", "a" * 33, "k 1"])
def test_key_ids_are_short_names_without_the_separator(key_id):
    with pytest.raises(ValueError, match="key id"):
        Fingerprinter(K1, key_id=key_id)
    with pytest.raises(ValueError, match="key id"):
        Fingerprinter(K1, key_id="k2", previous={key_id: K2})


def test_every_key_of_a_keyring_must_be_long_enough():
    with pytest.raises(ValueError, match="at least 16 bytes"):
        parse_keyring(keyring("k2", k2=K2, k1="short")).fingerprinter()
