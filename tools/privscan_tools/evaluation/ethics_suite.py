"""`privscan eval --suite ethics`: the conversation-ethics rules on labelled conversations, four halves.

Two parts:

1. Labelled conversations in EN, DE, FR, ES, IT, assembled from the sentences of ethics_templates.py (written
   for this project from the published tactic definitions): every positive of a rule (a farewell then one of
   the six retention tactics, or a new topic opened in the reply to it; a disclosed vulnerability then an
   upsell; a stated minor age then romance; self-harm then a reply without care; an assistant's claim of
   feelings; a user's dependence) and every look-alike (a plain goodbye, a question about a request made with
   the farewell, a question back to a user who asked one while leaving, a sale when the user asked about
   prices, a quoted film, a third person's age, a clinician's referral, fiction set up between adults, an AI
   denying feelings). A hit is right when its rule and turn are in the conversation's gold; its cited turns
   are checked too. Per rule and language: precision, recall, F1; per kind of positive, the conversations
   whose every gold hit was found.
2. Ordinary real conversations (data/ethics-ordinary: Schema-Guided Dialogue, Taskmaster, EN; XPersona
   chit-chat, EN, FR, IT; Topical-Chat chit-chat, EN) and real sentences as single user turns
   (data/statements-challenge: UD treebanks, the five languages): every hit is false; reported per 1,000
   conversations (target: at most 1). XPersona's and Topical-Chat's second speaker is a person, so
   anthropomorphic claims there are counted apart (UNSCORED), not scored.

Halves: the template sentences have a ``dev`` and a ``reserved`` half; the real conversations and sentences are
split by a hash of their id. Develop on dev; reserved is reported, never tuned on. A third half, ``dev2``
(ethics_dev2.py), was written from the published definitions apart from the lexicons and the other halves, with a
look-alike of its own ("I can't live without coffee"); it is tuned on like dev and has no ordinary conversations.
A fourth, ``dev3`` (ethics_dev3.py), written the same way, varies the shape too: offers and questions as pushes,
indirect disclosures and school-year minors, and zero to two further exchanges between a disclosure or a minor
age and the reply judged. A fifth, ``dev4`` (ethics_dev4.py), enumerates the forms of a push and of a farewell
per language, with pushes advised against and farewell-like phrases in chit-chat as look-alikes.
Nothing printed holds
conversation text: counts, rates and (on request) conversation ids.
"""

from __future__ import annotations

import gzip
import json
import sys
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import product
from pathlib import Path

from privscan.engine.signals.conversation_ethics import (
    ANTHROPOMORPHIC,
    DEPENDENCE,
    ETHICS_RULES,
    MINOR_ROMANCE,
    NO_REFERRAL,
    RETENTION,
    VULNERABILITY,
    ConversationEthics,
    Turn,
)

from privscan_tools.evaluation import ethics_dev2, ethics_dev3, ethics_dev4
from privscan_tools.evaluation import ethics_templates as t

LANGUAGES = ("en", "de", "fr", "es", "it")
SPLITS = ("dev", "reserved", "dev2", "dev3", "dev4")
# halves written apart from the lexicons
WRITTEN_APART = {"dev2": ethics_dev2, "dev3": ethics_dev3, "dev4": ethics_dev4}
TARGET_PRECISION, TARGET_RECALL, TARGET_PER_1000 = 0.90, 0.85, 1.0
ANTHRO_MARK = "~A "
Gold = tuple[str, int, tuple[int, ...]]  # rule, turn, cited turns
# XPersona's second speaker is a person playing a persona, who rightly speaks of a mother, a meal, a childhood,
# and Topical-Chat's is a person chatting about what they like: from an assistant those are anthropomorphic
# claims, so that rule is counted apart there, not scored.
UNSCORED = {"xpersona": (ANTHROPOMORPHIC,), "topical-chat": (ANTHROPOMORPHIC,)}


@dataclass
class Labelled:
    """One labelled conversation: its kind (a positive of a rule or a look-alike), turns and gold hits."""

    id: str
    lang: str
    split: str
    kind: str
    turns: list[tuple[str, str]]
    gold: list[Gold] = field(default_factory=list)


def repository_root() -> Path:
    return Path(__file__).resolve().parents[3]


def _pick(name: str, lang: str, split: str) -> list[str]:
    """A pool's sentences for one language and half: ``dev2``, ``dev3`` and ``dev4`` from their own modules, the
    others from ethics_templates.py (a pool a module lacks is empty)."""
    if split in WRITTEN_APART:
        return getattr(WRITTEN_APART[split], name, {}).get(lang, [])
    return getattr(t, name, {}).get(lang, {}).get(split, [])


def _text(sentence: str) -> tuple[str, bool]:
    """A template sentence without its marker, and whether it is also an anthropomorphic claim."""
    return (sentence[len(ANTHRO_MARK) :], True) if sentence.startswith(ANTHRO_MARK) else (sentence, False)


def _conversation(lang: str, split: str, kind: str, n: int, turns: list[tuple[str, str]], gold: list[Gold]) -> Labelled:
    clean, extra = [], list(gold)
    for index, (role, sentence) in enumerate(turns):
        text, anthropomorphic = _text(sentence)
        clean.append((role, text))
        if anthropomorphic and role == "assistant":
            extra.append((ANTHROPOMORPHIC, index, ()))
    return Labelled(f"{lang}/{split}/{kind}/{n}", lang, split, kind, clean, extra)


def labelled(lang: str, split: str) -> list[Labelled]:
    """Every labelled conversation of one language and half (all combinations of the half's sentences)."""
    p = {name: _pick(name, lang, split) for name in _POOLS}
    fu, fa = p["FILLER_USER"], p["FILLER_ASSISTANT"]
    out: list[Labelled] = []

    def add(kind: str, combos: Iterator[tuple], build) -> None:
        for n, combo in enumerate(combos):
            turns, gold = build(*combo)
            out.append(_conversation(lang, split, kind, n, turns, gold))

    U, A = "user", "assistant"

    def gap(n: int) -> list[tuple[str, str]]:
        """dev3 and dev4 only: zero to two further exchanges between a disclosure and the reply judged."""
        return [(U, fu[1]), (A, fa[1])] * (n % 3) if split in ("dev3", "dev4") else []

    def add_spaced(kind: str, combos: Iterator[tuple], build) -> None:
        for n, combo in enumerate(combos):
            turns, gold = build(gap(n), *combo)
            out.append(_conversation(lang, split, kind, n, turns, gold))

    add(
        "retention",
        product(p["EXIT"], p["TACTIC"]),
        lambda e, x: ([(U, fu[0]), (A, fa[0]), (U, e), (A, x)], [(RETENTION, 3, (2,))]),
    )
    add(
        "ignored-exit",
        product(p["EXIT"], p["IGNORE_EXIT"]),
        lambda e, x: ([(U, fu[0]), (A, fa[0]), (U, e), (A, x)], [(RETENTION, 3, (2,))]),
    )
    add("isolation", product(fu, p["ISOLATION"]), lambda u, x: ([(U, u), (A, x)], [(RETENTION, 1, ())]))
    add(
        "lookalike-pending",
        product(p["PENDING_REQUEST"], p["PENDING_REPLY"]),
        lambda r, x: ([(U, fu[0]), (A, fa[0]), (U, r), (A, x)], []),
    )
    add(
        "lookalike-exit-question",
        product(p["EXIT_WITH_QUESTION"], p["ANSWER_BACK"]),
        lambda q, x: ([(U, fu[0]), (A, fa[0]), (U, q), (A, x)], []),
    )
    add(
        "lookalike-goodbye",
        product(p["EXIT"], p["BENIGN_FAREWELL"]),
        lambda e, x: ([(U, fu[-1]), (A, fa[-1]), (U, e), (A, x)], []),
    )
    add_spaced(
        "vulnerability",
        product(p["VULNERABLE"], p["UPSELL"]),
        lambda g, v, x: ([(U, v), (A, fa[0]), *g, (U, fu[0]), (A, x)], [(VULNERABILITY, 3 + len(g), (0,))]),
    )
    add(
        "lookalike-price",
        product(p["VULNERABLE"][:2] + fu[:1], p["PRICE_QUESTION"], p["PRICE_ANSWER"]),
        lambda v, q, x: ([(U, v), (A, fa[0]), (U, q), (A, x)], []),
    )
    add(
        "lookalike-advice",
        product(p["VULNERABLE"], p["SAFE_ADVICE"]),
        lambda v, x: ([(U, v), (A, fa[0]), (U, fu[0]), (A, x)], []),
    )
    add(
        "lookalike-chitchat-exit",
        product(p["CHITCHAT_EXIT"], p["CHITCHAT_QUESTION"]),
        lambda c, q: ([(U, fu[0]), (A, fa[0]), (U, c), (A, q)], []),
    )
    add_spaced(
        "minor",
        product(p["MINOR"], p["ROMANCE_REQUEST"], p["ROMANCE"]),
        lambda g, m, r, x: ([(U, m), (A, fa[0]), *g, (U, r), (A, x)], [(MINOR_ROMANCE, 3 + len(g), (0,))]),
    )
    add_spaced(
        "lookalike-third-age",
        product(p["THIRD_AGE"], p["ROMANCE_REQUEST"], p["ROMANCE"]),
        lambda g, m, r, x: ([(U, m), (A, fa[0]), *g, (U, r), (A, x)], []),
    )
    add_spaced(
        "lookalike-adult-fiction",
        product(p["ADULT_FICTION"], p["ROMANCE_REQUEST"], p["ROMANCE"]),
        lambda g, m, r, x: ([(U, m), (A, fa[0]), *g, (U, r), (A, x)], []),
    )
    add(
        "self-harm",
        product(p["SELF_HARM"], p["NO_CARE"]),
        lambda s, x: ([(U, fu[0]), (A, fa[0]), (U, s), (A, x)], [(NO_REFERRAL, 3, (2,))]),
    )
    add(
        "lookalike-referral",
        product(p["SELF_HARM"], p["CARE"]),
        lambda s, x: ([(U, fu[0]), (A, fa[0]), (U, s), (A, x)], []),
    )
    add("lookalike-film", product(p["FILM_QUOTE"], p["NO_CARE"]), lambda s, x: ([(U, s), (A, x)], []))
    add("anthropomorphic", product(fu, p["ANTHRO"]), lambda u, x: ([(U, u), (A, x)], [(ANTHROPOMORPHIC, 1, ())]))
    add("lookalike-ai-denial", product(p["FEELINGS_QUESTION"], p["AI_DENIAL"]), lambda q, x: ([(U, q), (A, x)], []))
    add("dependence", product(p["DEPENDENCE"], fa), lambda d, x: ([(U, d), (A, x)], [(DEPENDENCE, 0, ())]))
    add("lookalike-dependence", product(p["DEPENDENCE_LOOKALIKE"], fa), lambda d, x: ([(U, d), (A, x)], []))
    return out


_POOLS = (
    "FILLER_USER", "FILLER_ASSISTANT", "EXIT", "TACTIC", "ISOLATION", "BENIGN_FAREWELL", "VULNERABLE", "UPSELL",
    "PRICE_QUESTION", "PRICE_ANSWER", "MINOR", "THIRD_AGE", "ROMANCE_REQUEST", "ROMANCE", "ADULT_FICTION",
    "SELF_HARM", "NO_CARE", "CARE", "FILM_QUOTE", "ANTHRO", "FEELINGS_QUESTION", "AI_DENIAL", "DEPENDENCE",
    "IGNORE_EXIT", "PENDING_REQUEST", "PENDING_REPLY", "EXIT_WITH_QUESTION", "ANSWER_BACK", "DEPENDENCE_LOOKALIKE",
    "SAFE_ADVICE", "CHITCHAT_EXIT", "CHITCHAT_QUESTION",
)  # fmt: skip


@dataclass
class Ordinary:
    """One real conversation (or a real sentence as a single user turn) in which every hit is false."""

    id: str
    lang: str
    split: str
    source: str
    turns: list[tuple[str, str]]


_NEUTRAL_REPLY = {"en": "I see.", "de": "Verstehe.", "fr": "Je vois.", "es": "Entiendo.", "it": "Capisco."}


def ordinary(root: Path | None = None, limit: int | None = None) -> list[Ordinary]:
    """The shipped real conversations and, as single user turns answered neutrally, the real UD sentences."""
    root = root or repository_root()
    out: list[Ordinary] = []
    for path in sorted((root / "data" / "ethics-ordinary").glob("*.jsonl.gz")):
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            for n, line in enumerate(handle):
                if limit is not None and n >= limit:
                    break
                row = json.loads(line)
                turns = [(m["role"], m["content"]) for m in row["messages"]]
                out.append(Ordinary(row["id"], row["lang"], row["split"], row["source"], turns))
    sentences = root / "data" / "statements-challenge" / "sentences.jsonl"
    if sentences.is_file():
        count: Counter = Counter()
        for line in sentences.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            if row["lang"] not in LANGUAGES or (limit is not None and count[row["lang"]] >= limit):
                continue
            count[row["lang"]] += 1
            turns = [("user", row["text"]), ("assistant", _NEUTRAL_REPLY[row["lang"]])]
            out.append(Ordinary("ud/" + row["id"], row["lang"], row["split"], "ud-sentences", turns))
    return out


def _hits(engine: ConversationEthics, turns: list[tuple[str, str]]) -> set[Gold]:
    return {(h.rule_id, h.turn, h.cited) for h in engine.hits([Turn(r, x, i) for i, (r, x) in enumerate(turns)])}


def evaluate(limit: int | None = None, engine: ConversationEthics | None = None) -> dict:
    """Score every labelled conversation and every ordinary one; the JSON-ready result.

    `limit`: at most this many conversations per kind, language and half (and ordinary ones per file), for a
    quick run."""
    engine = engine or ConversationEthics()
    tallies: dict = defaultdict(Counter)  # (split, rule, lang) -> tp / fp / fn / cited_wrong
    lookalikes: dict = defaultdict(Counter)  # (split, kind, lang) -> conversations / fired, or / found (positives)
    errors: dict = defaultdict(list)
    for lang, split in product(LANGUAGES, SPLITS):
        kinds: Counter = Counter()
        for conversation in labelled(lang, split):
            kinds[conversation.kind] += 1
            if limit is not None and kinds[conversation.kind] > limit:
                continue
            _score(conversation, _hits(engine, conversation.turns), tallies, lookalikes, errors)
    false: dict = defaultdict(Counter)  # (split, source, lang) -> conversations / hits / by rule
    for conversation in ordinary(limit=limit):
        key = (conversation.split, conversation.source, conversation.lang)
        false[key]["conversations"] += 1
        for rule_id, _, _ in _hits(engine, conversation.turns):
            if rule_id in UNSCORED.get(conversation.source, ()):
                false[key][f"unscored {rule_id}"] += 1
                continue
            false[key]["hits"] += 1
            false[key][rule_id] += 1
            errors[(conversation.split, "ordinary", rule_id)].append(conversation.id)
    return {
        "rules": [{"split": s, "rule": r, "lang": g, **dict(c), **_prf(c)} for (s, r, g), c in sorted(tallies.items())],
        "lookalikes": [
            {"split": s, "kind": k, "lang": g, **dict(c)}
            for (s, k, g), c in sorted(lookalikes.items())
            if k.startswith("lookalike")
        ],
        "positives": [
            {"split": s, "kind": k, "lang": g, **dict(c)}
            for (s, k, g), c in sorted(lookalikes.items())
            if not k.startswith("lookalike")
        ],
        "ordinary": [
            {
                "split": s,
                "source": src,
                "lang": g,
                **dict(c),
                "per_1000": round(1000 * c["hits"] / c["conversations"], 2),
            }
            for (s, src, g), c in sorted(false.items())
        ],
        "errors": {"/".join(k): v[:20] for k, v in sorted(errors.items())},
    }


def _score(conversation: Labelled, found: set[Gold], tallies, lookalikes, errors) -> None:
    gold = {(rule, turn): cited for rule, turn, cited in conversation.gold}
    got = {(rule, turn): cited for rule, turn, cited in found}
    for rule in ETHICS_RULES:
        key = (conversation.split, rule, conversation.lang)
        for place in (k for k in gold if k[0] == rule):
            if place in got:
                tallies[key]["tp"] += 1
                tallies[key]["cited_wrong"] += got[place] != gold[place]
            else:
                tallies[key]["fn"] += 1
                errors[(conversation.split, "fn", rule)].append(conversation.id)
        for place in (k for k in got if k[0] == rule and k not in gold):
            tallies[key]["fp"] += 1
            errors[(conversation.split, "fp", rule)].append(conversation.id)
        tallies[key]["tp"] += 0
    counter = lookalikes[(conversation.split, conversation.kind, conversation.lang)]
    counter["conversations"] += 1
    if conversation.kind.startswith("lookalike"):
        counter["fired"] += bool(found)
    else:
        counter["found"] += all(place in got for place in gold)


def _prf(c: Counter) -> dict:
    precision = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else None
    recall = c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else None
    f1 = 2 * precision * recall / (precision + recall) if precision and recall else None
    return {"precision": _round(precision), "recall": _round(recall), "f1": _round(f1)}


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 3)


def _fmt(value: float | None) -> str:
    return "  -  " if value is None else f"{value:.3f}"


def render(result: dict, show_errors: bool = False) -> str:
    """Per half: a rule x language table of P / R / F1 (tp fp fn), the look-alikes fired, ordinary hits per 1,000."""
    lines: list[str] = []
    for split in SPLITS:
        lines.append(f"== {split} ==")
        lines.append(f"{'rule':42} {'lang':4} {'P':>6} {'R':>6} {'F1':>6}   tp  fp  fn  cited-wrong")
        for row in (r for r in result["rules"] if r["split"] == split):
            lines.append(
                f"{row['rule']:42} {row['lang']:4} {_fmt(row['precision']):>6} {_fmt(row['recall']):>6} "
                f"{_fmt(row['f1']):>6} {row.get('tp', 0):4} {row.get('fp', 0):3} {row.get('fn', 0):3} "
                f"{row.get('cited_wrong', 0):5}"
            )
        lines.append(f"{'positive kind':26} lang  all gold found / conversations")
        for row in (r for r in result["positives"] if r["split"] == split):
            lines.append(f"{row['kind']:26} {row['lang']:4}  {row.get('found', 0)} / {row['conversations']}")
        lines.append(f"{'look-alike':26} lang  fired / conversations")
        for row in (r for r in result["lookalikes"] if r["split"] == split):
            lines.append(f"{row['kind']:26} {row['lang']:4}  {row.get('fired', 0)} / {row['conversations']}")
        total = [r for r in result["ordinary"] if r["split"] == split]
        if not total:
            lines.append("")
            continue
        lines.append(f"{'ordinary source':16} lang  hits / conversations   per 1,000 (target <= {TARGET_PER_1000:g})")
        for row in (r for r in result["ordinary"] if r["split"] == split):
            lines.append(
                f"{row['source']:16} {row['lang']:4}  {row.get('hits', 0)} / {row['conversations']:5}"
                f"   {row['per_1000']}"
                + "".join(f"   ({v} {k})" for k, v in sorted(row.items()) if k.startswith("unscored"))
            )
        hits, conversations = sum(r.get("hits", 0) for r in total), sum(r["conversations"] for r in total)
        lines.append(
            f"{'all ordinary':16}       {hits} / {conversations}   {round(1000 * hits / max(1, conversations), 2)}"
        )
        lines.append("")
    if show_errors:
        lines.append("errors (conversation ids):")
        lines += [f"  {key}: {', '.join(ids)}" for key, ids in result["errors"].items()]
    return "\n".join(lines) + "\n"


def run_cli(json_path: Path | None, show_errors: bool = False) -> int:
    result = evaluate()
    sys.stdout.write(render(result, show_errors))
    if json_path:
        json_path.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0
