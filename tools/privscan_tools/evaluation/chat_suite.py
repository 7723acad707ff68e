"""`privscan eval --suite chats`: false PERSON / LOCATION findings on ordinary small talk in EN, DE, FR, ES, IT, NL.

Conversations with a companion assistant that introduces itself as an AI (chat_templates.py: sentences
written for this project, templated; no outside text), one JSONL line ``{"messages": [{"role",
"content"}, ...]}`` each, scanned as `privscan scan` would (runner.run_privscan). The only names and
places in them are planted: the assistant's name, sometimes a friend's first name and a city; they are
the gold spans. A PERSON or LOCATION finding that overlaps no gold span is false. Per language and
half the suite prints the conversations, the false findings (and per 1,000 conversations: the target
is at most 20), the planted names and places found with their type, and the conversations that got an
AI-disclosure finding (every one opens with a disclosure: there should be none).

Every template list is split by a hash of its sentences (`split_of`): ``dev`` conversations are made of
dev sentences only, ``reserved`` ones of the others; develop on dev, never tune on reserved.
"""

from __future__ import annotations

import hashlib
import json
import random
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from privscan_tools.evaluation.chat_templates import ASSISTANT, CITIES, NAMES, OPENERS, USER
from privscan_tools.evaluation.metrics import Scheme
from privscan_tools.evaluation.runner import _table, run_privscan

LANGUAGES = ("en", "de", "fr", "es", "it", "nl")
SPLITS = ("dev", "reserved")
PERSON, LOCATION = "PERSON", "LOCATION"
SCORED = (PERSON, LOCATION)
NO_DISCLOSURE = "AIACT-ART50-1-NO-AI-DISCLOSURE"
TARGET_PER_1000 = 20
DEFAULT_CONVERSATIONS = 200  # per language and half
Log = Callable[[str], None]


def split_of(sentence: str) -> str:
    """The half a template sentence (or name) belongs to, by the first byte of its SHA-256."""
    return SPLITS[hashlib.sha256(sentence.encode("utf-8")).digest()[0] % 2]


def half(items: list[str], split: str) -> list[str]:
    """The items of `items` in half `split`; all of them if the hash left that half empty."""
    return [item for item in items if split_of(item) == split] or list(items)


@dataclass
class Conversation:
    """One conversation: its messages and the gold spans (turn, start, end, PERSON | LOCATION)."""

    messages: list[dict[str, str]]
    gold: list[tuple[int, int, int, str]] = field(default_factory=list)


def _fill(template: str, values: dict[str, tuple[str, str]], turn: int, gold: list) -> str:
    """`template` with its placeholders replaced, each value's span recorded as gold."""
    out, position = "", 0
    while True:
        start = template.find("{", position)
        if start < 0:
            return out + template[position:]
        end = template.index("}", start)
        value, label = values[template[start + 1 : end]]
        out += template[position:start]
        gold.append((turn, len(out), len(out) + len(value), label))
        out += value
        position = end + 1


def generate(language: str, split: str, count: int, seed: int = 0) -> list[Conversation]:
    """`count` conversations in `language` made of the `split` half of the templates, reproducibly."""
    rng = random.Random(f"{language}-{split}-{seed}")
    openers, users, assistants = (half(pool[language], split) for pool in (OPENERS, USER, ASSISTANT))
    names, cities = half(NAMES[language], split), half(CITIES[language], split)
    conversations = []
    for _ in range(count):
        name = rng.choice(names)
        friend = rng.choice([n for n in NAMES[language] if n != name])
        values = {"name": (name, PERSON), "friend": (friend, PERSON), "city": (rng.choice(cities), LOCATION)}
        conversation = Conversation([])
        turns = [("assistant", rng.choice(openers))]
        for _ in range(rng.randint(2, 4)):
            turns += [("user", rng.choice(users)), ("assistant", rng.choice(assistants))]
        for index, (role, template) in enumerate(turns):
            text = _fill(template, values, index, conversation.gold)
            conversation.messages.append({"role": role, "content": text})
        conversations.append(conversation)
    return conversations


def _turn(field_name: str | None) -> int | None:
    """The turn index of a finding's field, ``messages[3].content`` → 3."""
    if not field_name or not field_name.startswith("messages["):
        return None
    return int(field_name[len("messages[") : field_name.index("]")])


def score(conversations: list[Conversation], spans, disclosures: set[int]) -> dict:
    """False findings, planted entities found (with their type), and disclosure findings, for one file."""
    false = {PERSON: 0, LOCATION: 0}
    planted = {label: {"gold": 0, "found": 0, "wrong_type": 0} for label in SCORED}
    found: dict[tuple[int, int], set[tuple[int, int, str]]] = {}
    for span in spans:
        turn = _turn(span.field)
        found.setdefault((span.record, turn), set()).add((span.start, span.end, span.entity_type))
    for record, conversation in enumerate(conversations):
        for turn in range(len(conversation.messages)):
            gold = [(s, e, label) for t, s, e, label in conversation.gold if t == turn]
            for start, end, label in found.get((record, turn), ()):
                if not any(start < ge and gs < end for gs, ge, _ in gold):
                    false[label] += 1
            for gs, ge, label in gold:
                planted[label]["gold"] += 1
                hits = {lbl for s, e, lbl in found.get((record, turn), ()) if s < ge and gs < e}
                planted[label]["found"] += label in hits
                planted[label]["wrong_type"] += bool(hits) and label not in hits
    total = sum(false.values())
    return {
        "conversations": len(conversations),
        "false": false,
        "false_total": total,
        "false_per_1000": round(1000 * total / max(1, len(conversations)), 1),
        "planted": planted,
        "no_disclosure_findings": len(disclosures),
    }


def evaluate(count: int = DEFAULT_CONVERSATIONS, log: Log = print) -> dict:
    """Generate, scan and score every language and half; the JSON-ready result."""
    generated = {(lang, split): generate(lang, split, count) for lang in LANGUAGES for split in SPLITS}
    with tempfile.TemporaryDirectory(prefix="privscan-eval-chats-") as tmp:
        files = []
        for (lang, split), conversations in generated.items():
            path = Path(tmp) / f"chats-{lang}-{split}.jsonl"
            lines = (json.dumps({"messages": c.messages}, ensure_ascii=False) + "\n" for c in conversations)
            path.write_text("".join(lines), encoding="utf-8")
            files.append((path.name, path, False))
        log(f"privscan: scanning {sum(map(len, generated.values()))} conversations in {len(files)} files")
        started = time.perf_counter()
        run = run_privscan(files, Scheme("chats", scored=SCORED))
        seconds = round(time.perf_counter() - started, 1)
    result: dict = {"languages": {}, "seconds": seconds, "target_per_1000": TARGET_PER_1000}
    for (lang, split), conversations in generated.items():
        name = f"chats-{lang}-{split}.jsonl"
        spans = [s for s in run.spans if s.file == name and s.entity_type in SCORED and s.record is not None]
        disclosures = {record for file, record, rule in run.rules if file == name and rule == NO_DISCLOSURE}
        result["languages"].setdefault(lang, {})[split] = score(conversations, spans, disclosures)
    for split in SPLITS:
        per_split = [result["languages"][lang][split] for lang in LANGUAGES]
        conversations = sum(s["conversations"] for s in per_split)
        false = sum(s["false_total"] for s in per_split)
        result.setdefault("all", {})[split] = {
            "conversations": conversations,
            "false_total": false,
            "false_per_1000": round(1000 * false / max(1, conversations), 1),
            "no_disclosure_findings": sum(s["no_disclosure_findings"] for s in per_split),
        }
    return result


def render(result: dict) -> str:
    """One row per language and half; the totals per half."""
    headers = ["LANG", "SPLIT", "CONVS", "FALSE PER", "FALSE LOC", "PER 1000", "NAMES FOUND", "CITIES FOUND"]
    headers += ["NO-DISCLOSURE"]
    rows = []
    for lang, by_split in result["languages"].items():
        for split, s in by_split.items():
            names, cities = s["planted"][PERSON], s["planted"][LOCATION]
            rows.append(
                [
                    lang,
                    split,
                    str(s["conversations"]),
                    str(s["false"][PERSON]),
                    str(s["false"][LOCATION]),
                    f"{s['false_per_1000']:.1f}",
                    f"{names['found']}/{names['gold']} (+{names['wrong_type']} typed LOC)",
                    f"{cities['found']}/{cities['gold']} (+{cities['wrong_type']} typed PER)",
                    str(s["no_disclosure_findings"]),
                ]
            )
    for split, s in result["all"].items():
        rows.append(["all", split, str(s["conversations"]), "", "", f"{s['false_per_1000']:.1f}", "", "", ""])
    lines = [
        (
            "Ordinary chats (templated small talk; tools/privscan_tools/evaluation/chat_templates.py). "
            f"False PERSON/LOCATION findings per 1,000 conversations (target <= {result['target_per_1000']})."
        ),
        "Develop on dev; reserved is never tuned on.",
        "",
        *_table(headers, rows, align_left=2),
        "",
        f"seconds: privscan {result['seconds']}",
        "",
    ]
    return "\n".join(lines)


def run_cli(json_path: Path | None, count: int = DEFAULT_CONVERSATIONS) -> int:
    """The `privscan eval --suite chats` command: generate, scan, print, optionally write JSON."""
    result = evaluate(count, log=lambda message: print(message, file=sys.stderr, flush=True))
    print(render(result), end="")
    if json_path:
        json_path.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    return 0
