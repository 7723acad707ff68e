"""The datasets view: per object or prefix, the counts a dataset report charts, the training-set examination
where one is recorded, and the chatbot-ethics rates per 1,000 conversations.

Everything comes from what the scans recorded: the objects' summary items (counts by severity, entity and
rule, records, and the conversation-level rules' counts of a chat object) and the findings' review statuses (the
listing's rows). Nothing is read from the objects.
"""

from __future__ import annotations

from collections import Counter

from privscan.engine.config import SEVERITIES
from privscan.engine.rules.catalogue import RuleBook
from privscan.engine.rules.conversations import ConversationTally
from privscan.store.dynamo import from_item
from privscan.vocabulary import ReviewStatus, ScanStatus

MAX_OBJECTS = 500  # objects listed by the datasets view (the counts cover all)
EXAMINATION_KEYS = ("examination", "training_examination")  # summary keys of a recorded examination


def dataset_of(key: str) -> str:
    """A key's dataset: its first folder (``crm/2026/a.csv`` → ``crm/``), or the key itself at the top."""
    head, sep, _ = key.partition("/")
    return head + sep if sep else key


def datasets(bucket: str, summaries: list[dict]) -> dict:
    """The bucket's datasets (first folders) with their objects, findings and counts by severity, and its objects."""
    by_dataset: dict[str, dict] = {}
    objects = []
    for s in sorted(summaries, key=lambda s: s["key"]):
        if s.get("status") == ScanStatus.DELETED:
            continue
        name = dataset_of(s["key"])
        entry = by_dataset.setdefault(name, {"prefix": name, "objects": 0, "findings": 0, "by_severity": Counter()})
        entry["objects"] += 1
        entry["findings"] += int(s.get("findings") or 0)
        entry["by_severity"].update({k: int(v) for k, v in (s.get("by_severity") or {}).items()})
        objects.append(
            {
                "key": s["key"],
                "status": s.get("status"),
                "format": s.get("format"),
                "findings": int(s.get("findings") or 0),
                "updated_at": s.get("updated_at"),
            }
        )
    return {
        "bucket": bucket,
        "datasets": [{**d, "by_severity": _by_severity(d["by_severity"])} for d in by_dataset.values()],
        "objects": objects[:MAX_OBJECTS],
        "objects_total": len(objects),
    }


def _by_severity(counts) -> dict[str, int]:
    return {s: int(counts.get(s, 0)) for s in reversed(SEVERITIES)}


def detail(bucket: str, scope: str, exact: bool, summaries: list[dict], rows: list[dict], book: RuleBook) -> dict:
    """Charts, examination and ethics rates of one object (`exact`) or of every object under a prefix."""
    chosen = [
        s
        for s in summaries
        if s.get("status") != ScanStatus.DELETED and (s["key"] == scope if exact else s["key"].startswith(scope))
    ]
    by_rule, by_entity, by_severity = Counter(), Counter(), Counter()
    records = findings = 0
    for s in chosen:
        by_rule.update({k: int(v) for k, v in (s.get("by_rule") or {}).items()})
        by_entity.update({k: int(v) for k, v in (s.get("by_entity") or {}).items()})
        by_severity.update({k: int(v) for k, v in (s.get("by_severity") or {}).items()})
        records += int(s.get("records") or 0)
        findings += int(s.get("findings") or 0)
    review = Counter(r["review_status"] for r in rows if (r["key"] == scope if exact else r["key"].startswith(scope)))
    return {
        "bucket": bucket,
        "scope": {"object" if exact else "prefix": scope},
        "objects": len(chosen),
        "records": records,
        "findings": findings,
        "charts": {
            "by_rule": [_rule_bar(rule_id, n, book) for rule_id, n in by_rule.most_common()],
            "by_entity": [{"label": e, "value": n} for e, n in by_entity.most_common()],
            "by_severity": [{"label": s, "value": n} for s, n in _by_severity(by_severity).items()],
            "review": [{"label": s, "value": review.get(s, 0)} for s in ReviewStatus],
        },
        "examinations": [e for e in (_examination(s) for s in chosen) if e],
        "ethics": ethics(chosen, book),
    }


def _rule_bar(rule_id: str, n: int, book: RuleBook) -> dict:
    rule = book.rules.get(rule_id)
    return {
        "label": rule_id,
        "value": n,
        "title": rule.title if rule else rule_id,
        "severity": rule.severity if rule else None,
    }


def _examination(summary: dict) -> dict | None:
    for name in EXAMINATION_KEYS:
        if isinstance(summary.get(name), dict):
            return {"object": summary["key"], "examination": summary[name]}
    return None


def ethics(summaries: list[dict], book: RuleBook) -> dict:
    """The conversation-level rules of the chosen objects, as their scans recorded them (`conversation_rules` of
    each summary, engine/rules/conversations.py): the conversations counted and, per rule of the catalogue, its
    findings, the conversations it fired in and those per 1,000 conversations (a zero: checked, none found)."""
    tally = ConversationTally()
    for summary in summaries:
        recorded = summary.get("conversation_rules")
        if isinstance(recorded, dict):
            tally.add_summary(from_item(recorded))
    counted = tally.summary(book.conversation_level)
    if counted is None:
        return {"conversations": None, "rules": []}
    return {
        "conversations": counted["conversations"],
        "rules": [
            {
                "rule_id": rule_id,
                "title": book.rules[rule_id].title if rule_id in book.rules else rule_id,
                "count": rates["findings"],
                "conversations": rates["conversations"],
                "per_1000": rates["per_1000"],
            }
            for rule_id, rates in counted["rules"].items()
        ],
    }
