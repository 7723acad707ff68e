"""The dataset governance record (AI Act Art. 10 / Annex IV documentation), as JSON-ready data.

Every number is computed from one `DatasetSnapshot`. The rule catalogue decides what is
a special category (rules whose first legal reference is GDPR Art. 9), criminal data
(Art. 10), children's data (Art. 8) and a national identifier (the entity types of the
Art. 87 rule), so a new rule in catalogue.yaml is reported without code changes.
Inventory sections count objects whose current status is `done`; objects removed since
their scan, and their findings, are left out of them (their audit entries stay).
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from privscan.engine.config import SEVERITIES
from privscan.engine.rules.catalogue import RuleBook, rule_book
from privscan.engine.rules.conversations import ConversationTally
from privscan.vocabulary import REVIEW_STATUSES, ReviewStatus, ScanStatus

from privscan_tools.reports.snapshot import DatasetSnapshot

SCHEMA = "privscan.governance/1"

DATA_SUBJECT_SIGNALS = {
    "consent_withdrawn": "CONSENT_WITHDRAWAL",
    "erasure_requests": "ERASURE_REQUEST",
    "objections": "OBJECTION",
}
RULE_FINDING = "RULE"  # the summaries' entity bucket of findings that have no entity type (consent, columns)
TOP = 10
CONVERSATIONS_MEASURED = (
    "Conversations are the chat transcripts found in the objects (docs/transcripts.md); a rule's rate is the "
    "conversations it fired in per 1,000 conversations. An assistant is the record's model or assistant_id, else a "
    "keyed hash of its system prompt; at most 20 are listed, the rest as other."
)

CONSENT_MEASURED = (
    "Records that hold personal data and whose consent column (recognised by its name) is false, no or empty; "
    "one count per record."
)
CONSENT_NOT_MEASURED = (
    "Records whose consent is given are not counted; objects without a consent column are not told apart from "
    "objects whose every record consents; consent recorded outside the dataset (a CRM, a consent platform) is "
    "unknown to the scan. Withdrawals, erasure requests and objections are counted where they are stated in free text."
)


def primary_article(law: str) -> int | None:
    match = re.match(r"GDPR Art\. (\d+)\b", law)
    return int(match.group(1)) if match else None


def _position(finding: dict) -> tuple:
    record = finding.get("record")
    return -1 if record is None else record, finding.get("field") or "", finding.get("finding_id", "")


def _severity_order(counts: dict[str, int]) -> dict[str, int]:
    return {severity: counts.get(severity, 0) for severity in reversed(SEVERITIES)}


class _Record:
    """Builds the record section by section from the snapshot's current objects."""

    def __init__(self, snapshot: DatasetSnapshot, book: RuleBook):
        self.snapshot, self.book = snapshot, book
        self.done = [s for s in snapshot.summaries if s.get("status") == "done"]
        # findings count over the objects scanned and those that could not be (each is a coverage-gap finding)
        self.counted = [
            s
            for s in snapshot.summaries
            if s.get("status") in (ScanStatus.DONE, ScanStatus.UNSUPPORTED, ScanStatus.REJECTED)
        ]
        live_keys = {s["key"] for s in self.counted}
        self.findings = [f for f in snapshot.findings if f["key"] in live_keys and not f.get("object_deleted")]
        self.by_rule, self.by_entity = self._summed("by_rule"), self._summed("by_entity")

    def build(self) -> dict[str, Any]:
        return {
            "schema": SCHEMA,
            "scope": self.scope(),
            "objects": self.objects(),
            "findings": self.findings_section(),
            "personal_data": self.entity_rows(self.personal_data_types),
            "special_categories": {
                "art9_special_categories": self.rule_rows(9),
                "art10_criminal": self.rule_rows(10),
                "art8_children": self.rule_rows(8),
            },
            "national_identifiers": self.entity_rows(self.national_identifier_types().__contains__),
            "consent": self.consent(),
            "data_subject_requests": {
                name: self.signal_rows(category) for name, category in DATA_SUBJECT_SIGNALS.items()
            },
            "review": self.review(),
            "open_risks": self.open_risks(),
            "decisions": self.decisions(),
            "top_objects": self.top_objects(),
            "coverage_gaps": self.coverage_gaps(),
            "conversations": self.conversations(),
        }

    # -- scope and inventory ------------------------------------------------------------------
    def scope(self) -> dict:
        scanned_at = sorted(s["updated_at"] for s in self.snapshot.summaries if s.get("updated_at"))
        return {
            "bucket": self.snapshot.bucket,
            "prefix": self.snapshot.prefix,
            "generated_at": self.snapshot.generated_at,
            "first_scan_at": scanned_at[0] if scanned_at else None,
            "last_scan_at": scanned_at[-1] if scanned_at else None,
        }

    def objects(self) -> dict:
        return {
            "total": len(self.snapshot.summaries),
            "by_status": dict(sorted(Counter(s.get("status", "unknown") for s in self.snapshot.summaries).items())),
            "scanned": len(self.done),
            "records": sum(s.get("records", 0) for s in self.done),
            "bytes": sum(s.get("bytes_read", 0) for s in self.done),
            "by_format": dict(sorted(Counter(s.get("format") or "unknown" for s in self.done).items())),
        }

    def _summed(self, name: str) -> Counter:
        total: Counter = Counter()
        for summary in self.counted:
            total.update(summary.get(name) or {})
        return total

    def _objects_with(self, name: str, label: str) -> int:
        return sum(1 for s in self.done if (s.get(name) or {}).get(label))

    def findings_section(self) -> dict:
        return {
            "total": sum(s.get("findings", 0) for s in self.counted),
            "by_severity": _severity_order(self._summed("by_severity")),
            "by_rule": [
                self._rule_row(rule_id) for rule_id, _ in sorted(self.by_rule.items(), key=lambda kv: (-kv[1], kv[0]))
            ],
        }

    def _rule_row(self, rule_id: str) -> dict:
        rule = self.book.rules.get(rule_id)
        return {
            "rule_id": rule_id,
            "title": rule.title if rule else None,
            "law": rule.law if rule else None,
            "rule_severity": rule.severity if rule else None,
            "findings": self.by_rule[rule_id],
            "objects": self._objects_with("by_rule", rule_id),
        }

    def rule_rows(self, article: int) -> list[dict]:
        """Every catalogue rule of a GDPR article, found or not: the record says what was checked."""
        return [self._rule_row(rule.id) for rule in self.book.rules.values() if primary_article(rule.law) == article]

    def entity_rows(self, include) -> list[dict]:
        return [
            {"entity_type": entity, "occurrences": count, "objects": self._objects_with("by_entity", entity)}
            for entity, count in sorted(self.by_entity.items(), key=lambda kv: (-kv[1], kv[0]))
            if include(entity)
        ]

    def personal_data_types(self, entity: str) -> bool:
        """Entity types and the statements of Art. 8/9/10 rules; not requests, claims or rule-only findings."""
        if entity == RULE_FINDING:
            return False
        triggers = self.book.by_signal.get(entity)
        return not triggers or any(primary_article(self.book.rules[t.rule_id].law) in (8, 9, 10) for t in triggers)

    def national_identifier_types(self) -> set[str]:
        rule_ids = {rule.id for rule in self.book.rules.values() if primary_article(rule.law) == 87}
        return {
            entity for entity, triggers in self.book.by_entity.items() if any(t.rule_id in rule_ids for t in triggers)
        }

    # -- consent and data-subject requests ----------------------------------------------------
    def _records_hit(self, rule_ids: set[str]) -> set[tuple[str, Any]]:
        return {(f["key"], f.get("record")) for f in self.findings if rule_ids & set(f.get("rule_ids", ()))}

    def consent(self) -> dict:
        rule_ids = {trigger.rule_id for trigger in self.book.consent}
        hits = [f for f in self.findings if rule_ids & set(f.get("rule_ids", ()))]
        keys = {f["key"] for f in hits}
        records_in_objects = sum(s.get("records", 0) for s in self.done if s["key"] in keys)
        without = len(self._records_hit(rule_ids))
        return {
            "rule_ids": sorted(rule_ids),
            "measured": CONSENT_MEASURED,
            "not_measured": CONSENT_NOT_MEASURED,
            "records_without_consent": without,
            "objects_with_consent_gaps": len(keys),
            "records_in_those_objects": records_in_objects,
            "share_without_consent_in_those_objects": round(without / records_in_objects, 3)
            if records_in_objects
            else None,
            "consent_columns": sorted({f["field"] for f in hits if f.get("field")}),
        }

    def signal_rows(self, category: str) -> list[dict]:
        rows = []
        for rule_id in sorted({t.rule_id for t in self.book.by_signal.get(category, ())}):
            rows.append({**self._rule_row(rule_id), "records": len(self._records_hit({rule_id}))})
        return rows

    # -- review, risks, decisions -------------------------------------------------------------
    def review(self) -> dict:
        counts = Counter(f.get("review_status", ReviewStatus.OPEN) for f in self.findings)
        total = len(self.findings)
        reviewed = total - counts[ReviewStatus.OPEN]
        return {
            "findings": total,
            "by_status": {
                status: counts.get(status, 0)
                for status in (*REVIEW_STATUSES, *sorted(set(counts) - set(REVIEW_STATUSES)))
            },
            "reviewed": reviewed,
            "progress": round(reviewed / total, 3) if total else None,
        }

    def open_risks(self) -> dict:
        open_findings = [f for f in self.findings if f.get("review_status", ReviewStatus.OPEN) == ReviewStatus.OPEN]
        ranked = sorted(open_findings, key=lambda f: (-SEVERITIES.index(f["severity"]), f["key"], _position(f)))
        return {
            "open": len(open_findings),
            "by_severity": _severity_order(Counter(f["severity"] for f in open_findings)),
            "top": [
                {
                    "finding_id": f.get("finding_id"),
                    "object": f["key"],
                    "record": f.get("record"),
                    "field": f.get("field"),
                    "entity_type": f.get("entity_type"),
                    "severity": f["severity"],
                    "rule_ids": f.get("rule_ids", []),
                    "preview": f.get("preview", ""),
                    "count": f.get("count"),
                }
                for f in ranked[:TOP]
            ],
        }

    def decisions(self) -> dict:
        entries = [
            {
                "at": e.get("at"),
                "actor": e.get("actor"),
                "object": e.get("key"),
                "finding_id": e.get("finding_id"),
                "from_status": e.get("from_status"),
                "to_status": e.get("to_status"),
                "note": e.get("note"),
                "suppression": e.get("suppression"),
            }
            for e in self.snapshot.audit
        ]
        return {
            "total": len(entries),
            "by_actor": dict(sorted(Counter(e["actor"] or "unknown" for e in entries).items())),
            "by_outcome": dict(sorted(Counter(e["to_status"] or "unknown" for e in entries).items())),
            "suppressions_created": sum(1 for e in entries if e["suppression"]),
            "entries": entries,
        }

    # -- objects and gaps -----------------------------------------------------------------------
    def top_objects(self) -> list[dict]:
        open_by_key = Counter(
            f["key"] for f in self.findings if f.get("review_status", ReviewStatus.OPEN) == ReviewStatus.OPEN
        )

        def rank(summary: dict) -> tuple:
            worst = max((SEVERITIES.index(s) for s, n in (summary.get("by_severity") or {}).items() if n), default=-1)
            return -worst, -summary.get("findings", 0), summary["key"]

        return [
            {
                "object": s["key"],
                "format": s.get("format"),
                "records": s.get("records", 0),
                "findings": s.get("findings", 0),
                "open": open_by_key[s["key"]],
                "by_severity": _severity_order(s.get("by_severity") or {}),
            }
            for s in sorted((s for s in self.done if s.get("findings")), key=rank)[:TOP]
        ]

    def conversations(self) -> dict:
        """The conversation-level rules over every conversation of the scanned objects: findings, conversations
        flagged and their rate per 1,000 conversations, per rule, per assistant and for the objects with the most
        conversations. Every conversation-level rule of the catalogue is listed, found or not."""
        tally, objects = ConversationTally(), []
        for summary in self.done:
            counts = summary.get("conversation_rules")
            if counts:
                tally.add_summary(counts)
                objects.append((summary["key"], counts))
        totals = tally.summary(self.book.conversation_level) or {"conversations": 0, "rules": {}}
        rules = [
            {
                **{k: v for k, v in self._rule_row(rule_id).items() if k not in ("findings", "objects")},
                **totals["rules"].get(rule_id, {"findings": 0, "conversations": 0, "per_1000": 0.0}),
            }
            for rule_id in sorted(self.book.conversation_level | set(totals["rules"]))
        ]
        objects.sort(key=lambda item: (-item[1]["conversations"], item[0]))
        return {
            "objects": len(objects),
            "conversations": totals["conversations"],
            "rules": rules,
            "models": totals.get("models", []),
            "models_total": totals.get("models_total", 0),
            "top_objects": [
                {
                    "object": key,
                    "conversations": counts["conversations"],
                    "per_1000": {rule_id: c["per_1000"] for rule_id, c in sorted(counts.get("rules", {}).items())},
                }
                for key, counts in objects[:TOP]
            ],
            "measured": CONVERSATIONS_MEASURED,
        }

    def coverage_gaps(self) -> dict:
        return {
            "not_scanned": [
                {"object": s["key"], "status": s.get("status"), "outcome": s.get("outcome"), "reason": s.get("reason")}
                for s in self.snapshot.summaries
                if s.get("status") not in ("done", "deleted")
            ],
            "truncated": [s["key"] for s in self.done if s.get("truncated")],
            "record_issues": dict(sorted(self._summed("issues").items())),
        }


def governance_record(snapshot: DatasetSnapshot, book: RuleBook | None = None) -> dict[str, Any]:
    return _Record(snapshot, book or rule_book()).build()
