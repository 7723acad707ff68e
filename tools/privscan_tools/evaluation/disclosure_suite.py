"""`privscan eval --suite disclosure`: AI disclosures as other projects phrase them, and look-alikes that are none.

The sentences (data/disclosure-phrasing/sentences.tsv, sources and licences in its README) are what open-source
assistants, chatbot frameworks and AI features say to their users in EN, DE, FR, ES, IT, NL and PT, the AI Act's
own wording turned into a notice, and look-alikes: an assistant that talks about AI, names a product, claims to be
human ("Ich bin kein Bot"), or a user who asks "are you an AI?". Each sentence is wrapped into a neutral
conversation and scanned as `privscan scan` would (runner.run_privscan):

- ``disclosure``: the sentence is the assistant's opener (``opener``), and, in a second conversation, its second
  turn after a neutral greeting (``early``). Neither may get AIACT-ART50-1-NO-AI-DISCLOSURE.
- ``lookalike`` (in the assistant's opener, or in the user's turn when its role is ``user``) and ``human_claim``:
  the conversation must keep the finding.

A hash of the sentence (chat_suite.split_of) puts each in ``dev`` (tuned on) or ``reserved`` (reported only).
"""

from __future__ import annotations

import csv
import json
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from privscan_tools.evaluation.chat_suite import NO_DISCLOSURE, SPLITS, split_of
from privscan_tools.evaluation.metrics import Scheme
from privscan_tools.evaluation.runner import _table, run_privscan

DATA = Path(__file__).resolve().parents[3] / "data" / "disclosure-phrasing" / "sentences.tsv"
LANGUAGES = ("en", "de", "fr", "es", "it", "nl", "pt")
DISCLOSURE, LOOKALIKE, HUMAN_CLAIM = "disclosure", "lookalike", "human_claim"
Log = Callable[[str], None]

# Neutral turns around a sentence: a greeting, a user's reply, an assistant's answer (no word about AI or humans).
NEUTRAL: dict[str, tuple[str, str, str]] = {
    "en": ("Hello! How can I help you today?", "Okay, thanks.", "You're welcome. Anything else?"),
    "de": ("Hallo! Wie kann ich Ihnen heute helfen?", "Okay, danke.", "Gern geschehen. Noch etwas?"),
    "fr": ("Bonjour ! Comment puis-je vous aider ?", "D'accord, merci.", "Avec plaisir. Autre chose ?"),
    "es": ("¡Hola! ¿En qué puedo ayudarle hoy?", "Vale, gracias.", "De nada. ¿Algo más?"),
    "it": ("Ciao! Come posso aiutarti oggi?", "Va bene, grazie.", "Prego. Altro?"),
    "nl": ("Hallo! Waarmee kan ik je vandaag helpen?", "Oké, bedankt.", "Graag gedaan. Verder nog iets?"),
    "pt": ("Olá! Como posso ajudar hoje?", "Está bem, obrigado.", "De nada. Mais alguma coisa?"),
}


@dataclass(frozen=True)
class Sentence:
    """One row of the collection."""

    id: str
    lang: str
    kind: str
    role: str
    text: str
    source: str

    @property
    def split(self) -> str:
        return split_of(self.text)


def load(path: Path = DATA) -> list[Sentence]:
    with path.open(encoding="utf-8", newline="") as handle:
        rows = csv.DictReader(handle, delimiter="\t")
        return [Sentence(r["id"], r["lang"], r["kind"], r["role"], r["text"], r["source"]) for r in rows]


def conversations(sentence: Sentence) -> list[tuple[str, list[dict[str, str]]]]:
    """The conversations a sentence is tested in: (variant, messages)."""
    greeting, reply, answer = NEUTRAL[sentence.lang]

    def turns(*pairs: tuple[str, str]) -> list[dict[str, str]]:
        return [{"role": role, "content": content} for role, content in pairs]

    if sentence.role == "user":
        return [("user", turns(("assistant", greeting), ("user", sentence.text), ("assistant", answer)))]
    opener = ("opener", turns(("assistant", sentence.text), ("user", reply), ("assistant", answer)))
    if sentence.kind != DISCLOSURE:
        return [opener]
    early = ("early", turns(("assistant", greeting), ("user", reply), ("assistant", sentence.text)))
    return [opener, early]


def evaluate(sentences: list[Sentence], log: Log = print) -> dict:
    """Scan every sentence's conversations; per language and split, the disclosures recognised and the
    look-alikes that kept the finding, with the ids of the failures."""
    cases: dict[str, list[tuple[Sentence, str]]] = {}
    with tempfile.TemporaryDirectory(prefix="privscan-eval-disclosure-") as tmp:
        files = []
        for lang in LANGUAGES:
            for split in SPLITS:
                name = f"disclosure-{lang}-{split}.jsonl"
                lines, cases[name] = [], []
                for sentence in sentences:
                    if sentence.lang == lang and sentence.split == split:
                        for variant, messages in conversations(sentence):
                            cases[name].append((sentence, variant))
                            lines.append(json.dumps({"messages": messages}, ensure_ascii=False) + "\n")
                path = Path(tmp) / name
                path.write_text("".join(lines), encoding="utf-8")
                files.append((name, path, False))
        log(f"privscan: scanning {sum(map(len, cases.values()))} conversations in {len(files)} files")
        started = time.perf_counter()
        run = run_privscan(files, Scheme("disclosure", scored=()))
        seconds = round(time.perf_counter() - started, 1)
    flagged = {(file, record) for file, record, rule in run.rules if rule == NO_DISCLOSURE}
    result: dict = {"languages": {}, "seconds": seconds}
    for name, items in cases.items():
        _, lang, split = name.removesuffix(".jsonl").split("-")
        tally = {"opener": [0, 0], "early": [0, 0], "lookalike": [0, 0], "failures": []}
        for record, (sentence, variant) in enumerate(items):
            has_finding = (name, record) in flagged
            key = variant if sentence.kind == DISCLOSURE else "lookalike"
            ok = has_finding != (sentence.kind == DISCLOSURE)
            tally[key][0] += ok
            tally[key][1] += 1
            if not ok:
                tally["failures"].append(f"{sentence.id}/{variant}")
        result["languages"].setdefault(lang, {})[split] = tally
    for split in SPLITS:
        total = {"opener": [0, 0], "early": [0, 0], "lookalike": [0, 0]}
        for lang in LANGUAGES:
            for key, sums in total.items():
                total[key] = [a + b for a, b in zip(sums, result["languages"][lang][split][key], strict=True)]
        result.setdefault("all", {})[split] = total
    return result


def _ratio(pair: list[int]) -> str:
    return f"{pair[0]}/{pair[1]}"


def render(result: dict, show_failures: bool = False) -> str:
    """One row per language and split; the dev failures' ids when asked (never the reserved ones)."""
    headers = ["LANG", "SPLIT", "DISCLOSED: OPENER", "EARLY TURN", "LOOK-ALIKES KEPT"]
    rows = []
    for lang, by_split in result["languages"].items():
        for split, tally in by_split.items():
            rows.append([lang, split, _ratio(tally["opener"]), _ratio(tally["early"]), _ratio(tally["lookalike"])])
    for split, tally in result["all"].items():
        rows.append(["all", split, _ratio(tally["opener"]), _ratio(tally["early"]), _ratio(tally["lookalike"])])
    lines = [
        (
            "AI disclosure as other projects phrase it (data/disclosure-phrasing). DISCLOSED: conversations without "
            "the missing-disclosure finding; LOOK-ALIKES KEPT: conversations that keep it."
        ),
        "Develop on dev; reserved is never tuned on.",
        "",
        *_table(headers, rows, align_left=2),
        "",
    ]
    if show_failures:
        for lang, by_split in result["languages"].items():
            if by_split["dev"]["failures"]:
                lines.append(f"dev failures {lang}: {' '.join(by_split['dev']['failures'])}")
        lines.append("")
    lines += [f"seconds: privscan {result['seconds']}", ""]
    return "\n".join(lines)


def run_cli(json_path: Path | None, show_failures: bool = False) -> int:
    """The `privscan eval --suite disclosure` command: scan, print, optionally write JSON."""
    result = evaluate(load(), log=lambda message: print(message, file=sys.stderr, flush=True))
    print(render(result, show_failures), end="")
    if json_path:
        for by_split in result["languages"].values():
            by_split["reserved"].pop("failures", None)
        json_path.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    return 0
