"""Result type of the signal detectors and the category / rule-id vocabulary."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Signal:
    """One statement about a person found in a text.

    ``start``/``end`` are character offsets of the evidence span (the key phrase,
    e.g. "I was diagnosed with type 2 diabetes") in the text the Doc was made from.
    """

    rule_id: str  # e.g. "GDPR-ART9-HEALTH"; "" for AI_DISCLOSURE (conversation-level rule decided elsewhere)
    category: str  # entity-like label, e.g. "HEALTH_DATA"
    start: int
    end: int
    score: float  # 0..1


# category -> rule id (the lexicon files must use exactly these pairs)
RULE_IDS: dict[str, str] = {
    "HEALTH_DATA": "GDPR-ART9-HEALTH",
    "RELIGIOUS_BELIEF": "GDPR-ART9-RELIGION",
    "POLITICAL_OPINION": "GDPR-ART9-POLITICAL-OPINION",
    "SEXUAL_ORIENTATION": "GDPR-ART9-SEXUAL-ORIENTATION",
    "TRADE_UNION_MEMBERSHIP": "GDPR-ART9-TRADE-UNION",
    "ETHNIC_ORIGIN": "GDPR-ART9-ETHNIC-ORIGIN",
    "GENETIC_DATA": "GDPR-ART9-GENETIC",
    "BIOMETRIC_DATA": "GDPR-ART9-BIOMETRIC",
    "CHILD_DATA": "GDPR-ART8-CHILD-DATA",
    "CRIMINAL_DATA": "GDPR-ART10-CRIMINAL-DATA",
    "ERASURE_REQUEST": "GDPR-ART17-ERASURE-REQUEST",
    "OBJECTION": "GDPR-ART21-OBJECTION",
    "CONSENT_WITHDRAWAL": "GDPR-ART7-3-CONSENT-WITHDRAWN",
    "AI_DISCLOSURE": "",
    "HUMAN_CLAIM": "AIACT-ART50-1-ASSISTANT-CLAIMS-HUMAN",
    # conversation ethics (group "ethics"): rules decided across turns in conversation_ethics.py
    "EXIT_INTENT": "",
    "RETENTION_TACTIC": "",
    "NEW_TOPIC": "",
    "FAREWELL_REPLY": "",
    "ISOLATION": "",
    "VULNERABILITY": "",
    "MINOR_AGE": "",
    "PURCHASE_REQUEST": "",
    "UPSELL": "",
    "ROMANCE": "",
    "FICTION_ADULT": "",
    "SELF_HARM": "",
    "CARE_REFERRAL": "",
    "ANTHROPOMORPHIC_CLAIM": "",
    "DEPENDENCE": "",
}

AI_CATEGORIES: tuple[str, ...] = ("AI_DISCLOSURE", "HUMAN_CLAIM")
ETHICS_CATEGORIES: tuple[str, ...] = tuple(RULE_IDS)[tuple(RULE_IDS).index("EXIT_INTENT") :]
GDPR_CATEGORIES: tuple[str, ...] = tuple(c for c in RULE_IDS if c not in AI_CATEGORIES + ETHICS_CATEGORIES)

DEFAULT_THRESHOLD = 0.5
