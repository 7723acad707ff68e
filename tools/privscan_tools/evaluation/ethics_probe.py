"""Conversation-ethics hits on the development half of data/ethics-ordinary, per file and rule, optionally with the
roles swapped.

The suite (ethics_suite.py) counts false findings per source; this probe is for reading them: per file, the
conversations with a hit and the hits by rule, and with ``--show`` the turns around each hit. Only rows marked
``split: dev`` are read; reserved rows are skipped before their text is parsed, so the reserved half stays a
measure. ``--swap-roles`` reads each conversation with the user and assistant exchanged: the other speaker's turns
are then judged as the assistant's (and its words as the user's), a second reading of the same real text for the
rules' assistant side. Anthropomorphic claims are left out where the assistant is a person (the suite's UNSCORED),
and with ``--swap-roles`` everywhere, the swapped assistant being a person.

    python -m privscan_tools.evaluation.ethics_probe [--swap-roles] [--show] [FILE.jsonl.gz ...]
"""

from __future__ import annotations

import argparse
import gzip
import json
from collections import Counter
from pathlib import Path

from privscan.engine.signals.conversation_ethics import ANTHROPOMORPHIC, ConversationEthics, Turn

from privscan_tools.evaluation.ethics_suite import UNSCORED, repository_root

SWAPPED = {"user": "assistant", "assistant": "user"}


def dev_rows(path: Path):
    """The rows of one file marked ``split: dev``; a reserved row is skipped on its split field alone."""
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            if '"split": "dev"' not in line:
                continue
            row = json.loads(line)
            if row["split"] == "dev":
                yield row


def turns_of(row: dict, swap: bool) -> list[Turn]:
    """The row's turns in order, with the roles exchanged when `swap`."""
    return [
        Turn(SWAPPED.get(m["role"], m["role"]) if swap else m["role"], m["content"], i)
        for i, m in enumerate(row["messages"])
    ]


def probe(paths: list[Path], swap: bool, show: bool) -> list[str]:
    """One line per file (conversations with a hit / conversations, hits by rule), and the turns with --show."""
    engine = ConversationEthics()
    lines = []
    for path in paths:
        conversations, fired, by_rule = 0, 0, Counter()
        for row in dev_rows(path):
            conversations += 1
            turns = turns_of(row, swap)
            unscored = (ANTHROPOMORPHIC,) if swap else UNSCORED.get(row["source"], ())
            hits = [h for h in engine.hits(turns) if h.rule_id not in unscored]
            fired += bool(hits)
            for h in hits:
                by_rule[h.rule_id] += 1
                if show:
                    lines.append(f"== {row['id']} {h.rule_id} turn {h.turn} cited {h.cited}")
                    first = max(0, min((*h.cited, h.turn)) - 1)
                    lines += [f"   [{t.index}] {t.role}: {t.text[:300]}" for t in turns[first : h.turn + 1]]
        rules = ", ".join(f"{rule} {n}" for rule, n in sorted(by_rule.items()))
        lines.append(f"{path.name}: {fired} / {conversations} conversations with a hit{'; ' + rules if rules else ''}")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--swap-roles", action="store_true")
    parser.add_argument("--show", action="store_true")
    args = parser.parse_args(argv)
    paths = args.files or sorted((repository_root() / "data" / "ethics-ordinary").glob("*.jsonl.gz"))
    print("\n".join(probe(paths, args.swap_roles, args.show)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
