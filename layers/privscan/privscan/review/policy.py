"""The pass / fail policy of a scan: one definition for `privscan ci` (local or through the API) and POST /scans.

A finding breaks the policy when its severity is at or above `fail_on`, its entity type is
not allowed, and it is not only about ignored rules (a finding without rule ids is judged on
its entity type alone). A coverage gap (an object or archive member that could not be scanned,
engine/coverage.py) breaks it whatever `fail_on` says, unless its rule is ignored
(`--ignore-rule PRIVSCAN-COVERAGE-GAP`): what was not read cannot pass.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from privscan.engine.config import severity_rank
from privscan.engine.rules import rule_book
from privscan.vocabulary import SEVERITIES, Severity

SeverityName = Literal[SEVERITIES]  # the values of vocabulary.Severity
Verdict = Literal["pass", "fail"]


class Policy(BaseModel):
    """When a scan fails: the severity threshold, the entity types and rules ignored, and whether unscannable objects
    are allowed."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    fail_on: SeverityName = Field(Severity.HIGH, description="fail on findings of this severity or worse")
    allowed_entities: frozenset[str] = Field(frozenset(), description="entity types that never fail the scan")
    ignore_rules: frozenset[str] = Field(frozenset(), description="rule ids whose findings never fail the scan")

    def breaks(self, finding: dict) -> bool:
        """`finding` is a contract line (Finding.contract())."""
        rules = finding.get("rule_ids") or []
        gap = rule_book().coverage_gap
        if gap in rules:
            return gap not in self.ignore_rules
        if severity_rank(finding["severity"]) < severity_rank(self.fail_on):
            return False
        if finding.get("entity_type") in self.allowed_entities:
            return False
        return not (rules and set(rules) <= self.ignore_rules)

    def verdict(self, findings: Iterable[dict]) -> Verdict:
        """`fail` if any finding breaks the policy, else `pass`."""
        return "fail" if any(self.breaks(f) for f in findings) else "pass"
