"""GDPR / EU AI Act rules: a YAML catalogue (data) and the evaluator that applies it per record."""

from privscan.engine.rules.catalogue import Rule, RuleBook, rule_book
from privscan.engine.rules.evaluate import RecordRules

__all__ = ["RecordRules", "Rule", "RuleBook", "rule_book"]
