"""GDPR / EU AI Act rules: a YAML catalogue (data) and the evaluator that applies it per record."""

from privscan.engine.rules.catalogue import Rule, RuleBook, rule_book

__all__ = ["RecordRules", "Rule", "RuleBook", "rule_book"]


def __getattr__(name: str):
    # The evaluator imports the scanner (spaCy, Presidio: seconds); readers of the catalogue
    # alone (reports, SARIF) should not pay for it.
    if name == "RecordRules":
        from privscan.engine.rules.evaluate import RecordRules

        return RecordRules
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
