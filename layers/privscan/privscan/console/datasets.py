"""The datasets view: per object or prefix, the counts a dataset report charts, the training-set examination
where one is recorded, and the chatbot-ethics rates per 1,000 conversations.

Everything comes from what the scans recorded: the objects' summary items (counts by severity, entity and
rule, records, and whatever conversation counts a scan adds) and the findings' review statuses (the
listing's rows). Nothing is read from the objects.
"""

from __future__ import annotations

import re
from collections import Counter

from privscan.engine.config import SEVERITIES
from privscan.engine.rules.catalogue import RuleBook
from privscan.vocabulary import ReviewStatus, ScanStatus

MAX_OBJECTS = 500  # objects listed by the datasets view (the counts cover all)
RULE_ID = re.compile(r"^[A-Z][A-Z0-9]*(-[A-Z0-9]+)+$")  # a catalogue rule id (GDPR-..., AIACT-..., CARE-...)
CONVERSATION_COUNTS = ("conversations", "dialogues", "transcripts")  # summary keys that count conversations
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


def _conversation_rules(book: RuleBook) -> set[str]:
    """Rules about chatbot conversations: conversation triggers (and conversation-ethics ones, where the
    catalogue has them), role-bound signals, and the AI Act's rules."""
    rules = {rule_id for rule_id, _ in book.conversation} | set(getattr(book, "conversation_ethics", ()))
    rules |= {t.rule_id for triggers in book.by_signal.values() for t in triggers if t.roles}
    return rules | {rule_id for rule_id in book.rules if rule_id.startswith("AIACT-")}


def _is_count(value) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _rule_counts(summary: dict) -> tuple[dict[str, float], int | None]:
    """Counts per rule that a scan recorded under a key of its summary naming conversations or ethics (a
    ``{rule id: count}`` map, directly or one level down), and a conversation count found there."""
    found: dict[str, float] = {}
    conversations = None
    for name, value in summary.items():
        if not isinstance(value, dict) or not ("conversation" in name or "ethic" in name):
            continue
        for inner, n in value.items():
            if inner in CONVERSATION_COUNTS and _is_count(n):
                conversations = int(n)
        maps = [value] + [v for k, v in value.items() if isinstance(v, dict) and "rate" not in k and "per" not in k]
        for counts in maps:
            for rule_id, n in counts.items():
                if RULE_ID.match(str(rule_id)) and _is_count(n):
                    found[str(rule_id)] = found.get(str(rule_id), 0) + n
    return found, conversations


def ethics(summaries: list[dict], book: RuleBook) -> dict:
    """Conversation-rule counts of the chosen objects and, where the summaries count conversations, the rate per
    1,000 conversations. Counts come from a conversation or ethics key of the summary when a scan recorded one,
    else from the summary's counts by rule for the conversation rules of the catalogue."""
    conversation_rules = _conversation_rules(book)
    counts: Counter = Counter()
    conversations = 0
    counted = False
    for s in summaries:
        own, inner = _rule_counts(s)
        n = next((s[k] for k in CONVERSATION_COUNTS if _is_count(s.get(k))), inner)
        if n is not None:
            conversations += int(n)
            counted = True
        if own:
            counts.update(own)
        else:
            counts.update(
                {r: int(v) for r, v in (s.get("by_rule") or {}).items() if r in conversation_rules and int(v)}
            )
    return {
        "conversations": conversations if counted else None,
        "rules": [
            {
                "rule_id": rule_id,
                "title": book.rules[rule_id].title if rule_id in book.rules else rule_id,
                "count": n,
                "per_1000": round(1000 * n / conversations, 1) if counted and conversations else None,
            }
            for rule_id, n in sorted(counts.items())
        ],
    }
