"""privscan: GDPR / EU AI Act privacy scanner engine (Presidio + spaCy)."""

__version__ = "0.1.0"
