"""Coverage gaps: an object privscan could not scan is a finding of its own.

Whatever personal data an unreadable object holds is unknown, which is itself something to act on.
The finding names the object (or `archive!member`), has no location, and its preview is the outcome
code (`no_text_layer`, `encrypted`, ...), never content.
"""

from __future__ import annotations

from privscan.engine.rules import rule_book
from privscan.model import Finding
from privscan.vocabulary import COMPLETE_OUTCOMES


def is_gap(outcome: str) -> bool:
    """Whether an object read with this outcome was left (partly) unscanned."""
    return outcome not in COMPLETE_OUTCOMES


def coverage_gap_finding(object_name: str, outcome: str) -> Finding:
    """The finding for `object_name`, left unscanned with `outcome`."""
    book = rule_book()
    rule_id = book.coverage_gap
    if rule_id is None:
        raise ValueError("the rule catalogue has no coverage_gap rule")
    return Finding(
        object=object_name,
        record=None,
        field=None,
        start=None,
        end=None,
        entity_type=None,
        score=1.0,
        severity=book.rules[rule_id].severity,
        preview=outcome,
        rule_ids=[rule_id],
    )
