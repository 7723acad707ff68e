"""Secrets and credentials in data (GDPR Art. 32): keys, tokens and "my password is …".

One recognizer, a table of patterns. A pattern may name a group: then only that
group is the finding (the password, not the words before it). Token patterns
require some entropy so placeholders such as ``sk-XXXXXXXXXXXXXXXXXXXX`` and
documentation examples made of one repeated character are not reported.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from presidio_analyzer import EntityRecognizer, RecognizerResult


@dataclass(frozen=True)
class SecretPattern:
    """One kind of credential: its entity type, pattern, score and the group holding the secret."""

    entity: str
    regex: re.Pattern
    score: float
    group: int = 0
    min_distinct: int = 0  # distinct characters the secret must have


def _p(entity: str, regex: str, score: float, group: int = 0, min_distinct: int = 0, flags: int = 0) -> SecretPattern:
    return SecretPattern(entity, re.compile(regex, flags), score, group, min_distinct)


PASSWORD_WORDS = r"password|passwort|passwd|pwd|kennwort|mot de passe|contrase[ñn]a|senha|wachtwoord|has[łl]o|parola"

PATTERNS = (
    _p("AWS_ACCESS_KEY", r"\b(?:AKIA|ASIA)[0-9A-Z]{16}\b", 0.9, min_distinct=8),
    _p("PRIVATE_KEY", r"-----BEGIN (?:RSA |EC |DSA |OPENSSH |ENCRYPTED |PGP )?PRIVATE KEY(?: BLOCK)?-----", 1.0),
    _p("JWT", r"\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}", 0.9),
    _p("API_TOKEN", r"\bgh[pousr]_[A-Za-z0-9]{36}\b", 0.9, min_distinct=10),
    _p("API_TOKEN", r"\bxox[abprs]-[A-Za-z0-9-]{10,}\b", 0.85, min_distinct=10),
    _p("API_TOKEN", r"\b[sr]k_live_[A-Za-z0-9]{20,}\b", 0.9, min_distinct=10),
    _p("API_TOKEN", r"\bAIza[0-9A-Za-z_-]{35}\b", 0.85, min_distinct=10),
    _p("API_TOKEN", r"\bsk-(?:proj-|ant-)?[A-Za-z0-9_-]{20,}\b", 0.8, min_distinct=10),
    _p(
        "PASSWORD",
        rf"\b(?:{PASSWORD_WORDS})\b\s*(?:is|ist|est|es|è|=|:)\s*[\"'“]?([^\s\"'”]{{6,64}})",
        0.75,
        group=1,
        min_distinct=4,
        flags=re.IGNORECASE,
    ),
)


class SecretsRecognizer(EntityRecognizer):
    """Credentials in text (cloud keys, tokens, private keys) as a Presidio recognizer."""

    ENTITIES = sorted({p.entity for p in PATTERNS})

    def __init__(self, supported_language: str = "en"):
        super().__init__(
            supported_entities=self.ENTITIES, supported_language=supported_language, name="privscan.Secrets"
        )

    def load(self) -> None:
        """Nothing to load: the patterns are compiled at import."""
        return

    def analyze(self, text, entities, nlp_artifacts=None):
        """The credentials in `text`, for the requested entity types."""
        results = []
        for pattern in PATTERNS:
            if entities and pattern.entity not in entities:
                continue
            for match in pattern.regex.finditer(text):
                secret = match.group(pattern.group)
                if len(set(secret)) < pattern.min_distinct:
                    continue
                start, end = match.span(pattern.group)
                results.append(RecognizerResult(pattern.entity, start, end, pattern.score))
        return results
