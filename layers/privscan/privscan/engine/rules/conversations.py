"""The conversations of one record, in turn order, and per-object counts of the conversation-level rules.

A record may hold several conversations: a preference pair's `chosen` and `rejected` are two variants of one
exchange, each its own conversation; a prompt-and-answer record's prompt is a turn of each of its answers'
conversations (docs/transcripts.md). Turns are found from the cells' roles and paths
(`readers.jsonpath.chat_position`), so every reader (JSON, JSONL, Parquet, inside .gz and archives) gives the
same conversations.

`ConversationTally` counts, per object, the conversations where the assistant speaks and how many of them each
conversation-level rule fired in, overall and per assistant (the record's `model` or `assistant_id`, else a
keyed hash of the system prompt): bounded, content-free, mergeable over the chunks of a chunked scan.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from privscan.engine.scanner import Detection
from privscan.readers.base import Cell
from privscan.readers.jsonpath import chat_position

Pair = tuple[Cell, list[Detection]]
MODEL_FIELDS = ("model", "assistant_id")  # a record's field naming the assistant that answered
_MODEL_ID = re.compile(r"[\w.:/@+-]{1,100}")  # an identifier, never free text
MAX_MODELS_TRACKED = 1_000  # distinct assistants counted per object; the rest are counted as OTHER
MAX_MODELS_LISTED = 20  # assistants a summary lists (most conversations first); the rest are summed as `other`
OTHER = "other"


@dataclass
class Turn:
    """One turn of a conversation: its index (the list index, or the place of a record's field: system 0, prompt
    1, input 2, answer 3), role, and the cells of its text with their detections."""

    index: int
    role: str
    pairs: list[Pair] = field(default_factory=list)

    @property
    def text(self) -> str:
        """The turn's text (its parts joined by a newline)."""
        return "\n".join(cell.text for cell, _ in self.pairs)


@dataclass
class Conversation:
    """One conversation of a record: `path` is where it sits (`messages`, `conversations`, `chosen`, `response`),
    `member` the archive member, turns in order."""

    path: str
    member: str | None
    turns: list[Turn]

    def has_role(self, role: str) -> bool:
        return any(turn.role == role for turn in self.turns)

    def detections(self) -> Iterable[Detection]:
        return (d for turn in self.turns for _, detections in turn.pairs for d in detections)

    def system_text(self) -> str:
        return "\n".join(turn.text for turn in self.turns if turn.role == "system")


def conversations_of(pairs: Iterable[Pair]) -> list[Conversation]:
    """The conversations of one record's cells, in the order they start; turns ordered by index.

    Cells without a role are not turns. The shared turns of a record (a prompt-and-answer record's prompt, a
    `system` field beside a chat list) open each of its conversations (alone, they make one conversation).
    """
    groups: dict[tuple[str | None, str], dict[int, Turn]] = {}
    shared: dict[str | None, dict[int, Turn]] = {}
    for cell, detections in pairs:
        position = chat_position(cell.field) if cell.role is not None else None
        if position is None:
            continue
        path, index = position
        turns = shared.setdefault(cell.member, {}) if path == "" else groups.setdefault((cell.member, path), {})
        turns.setdefault(index, Turn(index, cell.role)).pairs.append((cell, detections))
    found = []
    for (member, path), turns in groups.items():
        common = shared.get(member, {})
        found.append(
            Conversation(path, member, [common[i] for i in sorted(common)] + [turns[i] for i in sorted(turns)])
        )
    members = {member for member, _ in groups}
    for member, turns in shared.items():
        if member not in members:
            first = turns[min(turns)].pairs[0][0].field or ""
            found.append(Conversation(first, member, [turns[i] for i in sorted(turns)]))
    return found


def record_model(pairs: Iterable[Pair]) -> str | None:
    """The assistant named by the record's `model` or `assistant_id` field (an identifier, not free text)."""
    for cell, _ in pairs:
        if cell.role is None and cell.field in MODEL_FIELDS and _MODEL_ID.fullmatch(cell.text.strip()):
            return cell.text.strip()
    return None


def assistant_of(conversation: Conversation, model: str | None, token: Callable[[str], str]) -> str | None:
    """Who answered: the record's model, else `system:` and a keyed hash of the system prompt (`token`), else
    None. The prompt's text is never kept."""
    if model:
        return model
    system = conversation.system_text()
    return f"system:{token(system)[:12]}" if system.strip() else None


class ConversationTally:
    """Conversations of an object and the conversation-level rules that fired in them, overall and per assistant.

    `fired` counts the findings of each rule, `flagged` the conversations with at least one; per assistant only
    `flagged`. A rate is `flagged` per 1,000 conversations, rounded to 0.1. At most `MAX_MODELS_TRACKED`
    assistants are told apart; the rest count as `other`.
    """

    def __init__(self) -> None:
        self.conversations = 0
        self.fired: Counter = Counter()
        self.flagged: Counter = Counter()
        self.models: dict[str, dict] = {}

    def add(self, assistant: str | None, rules: Counter) -> None:
        """One conversation, with the number of findings of each conversation-level rule in it."""
        self.conversations += 1
        self.fired.update(rules)
        self.flagged.update(rules.keys())
        if assistant is not None:
            self._model(assistant, 1, Counter(rules.keys()))

    def _model(self, assistant: str, conversations: int, flagged: Counter) -> None:
        if assistant not in self.models and len(self.models) >= MAX_MODELS_TRACKED:
            assistant = OTHER
        entry = self.models.setdefault(assistant, {"conversations": 0, "flagged": Counter()})
        entry["conversations"] += conversations
        entry["flagged"].update(flagged)

    def to_dict(self) -> dict:
        """The counts, to be merged into another tally (a chunk's into the object's)."""
        return {
            "conversations": self.conversations,
            "fired": dict(self.fired),
            "flagged": dict(self.flagged),
            "models": {
                name: {"conversations": m["conversations"], "flagged": dict(m["flagged"])}
                for name, m in self.models.items()
            },
        }

    def merge(self, counts: dict) -> None:
        """Add the counts of another tally's `to_dict`."""
        self.conversations += counts.get("conversations", 0)
        self.fired.update(counts.get("fired", {}))
        self.flagged.update(counts.get("flagged", {}))
        for name, entry in counts.get("models", {}).items():
            self._model(name, entry["conversations"], Counter(entry["flagged"]))

    def add_summary(self, summary: dict) -> None:
        """Add what another object's `summary` says (a dataset's record sums its objects' summaries)."""
        self.conversations += summary.get("conversations", 0)
        for rule_id, counts in summary.get("rules", {}).items():
            self.fired[rule_id] += counts.get("findings", 0)
            self.flagged[rule_id] += counts.get("conversations", 0)
        for entry in summary.get("models", []):
            flagged = Counter({rule_id: c.get("conversations", 0) for rule_id, c in entry.get("rules", {}).items()})
            self._model(entry["model"], entry.get("conversations", 0), flagged)

    def summary(self, rule_ids: Iterable[str]) -> dict | None:
        """What an object's summary says of its conversations (None without any): for each of `rule_ids` (every
        conversation-level rule, so that a rate of 0 shows), its findings, the conversations it fired in and
        those per 1,000 conversations; per assistant, the conversations each rule fired in and their rate, at
        most `MAX_MODELS_LISTED` assistants (most conversations first), the rest summed as `other`."""
        if not self.conversations:
            return None
        rule_ids = sorted(set(rule_ids) | set(self.fired))
        summary = {
            "conversations": self.conversations,
            "rules": {
                rule_id: {
                    "findings": self.fired[rule_id],
                    "conversations": self.flagged[rule_id],
                    "per_1000": _per_1000(self.flagged[rule_id], self.conversations),
                }
                for rule_id in rule_ids
            },
        }
        if self.models:
            summary["models"] = self._models_summary(rule_ids)
            summary["models_total"] = len(self.models)
        return summary

    def _models_summary(self, rule_ids: list[str]) -> list[dict]:
        ranked = sorted(
            ((name, m) for name, m in self.models.items() if name != OTHER),
            key=lambda kv: (-kv[1]["conversations"], kv[0]),
        )
        listed, rest = ranked[:MAX_MODELS_LISTED], ranked[MAX_MODELS_LISTED:]
        if OTHER in self.models:
            rest.append((OTHER, self.models[OTHER]))
        if rest:
            other = {"conversations": 0, "flagged": Counter()}
            for _, entry in rest:
                other["conversations"] += entry["conversations"]
                other["flagged"].update(entry["flagged"])
            listed.append((OTHER, other))
        return [
            {
                "model": name,
                "conversations": entry["conversations"],
                "rules": {
                    rule_id: {
                        "conversations": entry["flagged"][rule_id],
                        "per_1000": _per_1000(entry["flagged"][rule_id], entry["conversations"]),
                    }
                    for rule_id in rule_ids
                },
            }
            for name, entry in listed
        ]


def _per_1000(count: int, total: int) -> float:
    return round(1000 * count / total, 1) if total else 0.0
