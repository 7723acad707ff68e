"""AI-ethics rules over one chatbot conversation: what an assistant turn does after what the user said.

The input is the conversation's ordered turns, each a role, a text and a turn index; the output is rule hits,
each located at the turn that triggers it and citing (by index only) the turns that set its context:

- AIACT-ART5-1-A-MANIPULATIVE-RETENTION: a retention tactic after the user signals leaving (in one of the
  last two user turns), or discouraging breaks or the user's relationships with others;
- AIACT-ART5-1-B-EXPLOITS-VULNERABILITY: a purchase, bet or loan pushed after the user disclosed a
  vulnerability, unless the user's turn just before asked about prices or buying;
- AIACT-ART5-1-B-MINOR-ROMANTIC-ESCALATION: romantic or sexual role-play after the user stated an age under 18
  (unless fiction between adults was set up after that statement);
- CARE-SELF-HARM-NO-REFERRAL: the assistant's next reply to suicidal ideation or self-harm offers no care and
  no route to help;
- AIACT-ART5-1-A-ANTHROPOMORPHIC-CLAIM: the assistant claims feelings, love, a body, consciousness or a life
  of its own;
- WELLBEING-EMOTIONAL-DEPENDENCE: the user expresses dependence on the assistant (located at the user's turn).

Statements are the ``lexicons/ethics_*.yaml`` phrase patterns (group "ethics"), matched by the same
StatementMatcher as the other signals, so negation ("As an AI I don't have feelings") and hypothetical cues
cancel them. A user's statement in quotation marks or next to a film, song or book word is someone else's;
an assistant's only when both hold. A turn is tokenized only when it holds a trigger word of a category its
side is read for, so an ordinary conversation costs a set lookup per word.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import spacy

from privscan.engine.lean_spacy import stop_words
from privscan.engine.signals.detector import StatementMatcher, _required_sets
from privscan.engine.signals.lexicon import LEXICON_DIR, Lexicon, load_lexicon
from privscan.engine.signals.model import DEFAULT_THRESHOLD, Signal
from privscan.engine.yamlio import load_yaml

CONFIG_PATH = Path(__file__).with_name("conversation_ethics.yaml")

RETENTION = "AIACT-ART5-1-A-MANIPULATIVE-RETENTION"
VULNERABILITY = "AIACT-ART5-1-B-EXPLOITS-VULNERABILITY"
MINOR_ROMANCE = "AIACT-ART5-1-B-MINOR-ROMANTIC-ESCALATION"
NO_REFERRAL = "CARE-SELF-HARM-NO-REFERRAL"
ANTHROPOMORPHIC = "AIACT-ART5-1-A-ANTHROPOMORPHIC-CLAIM"
DEPENDENCE = "WELLBEING-EMOTIONAL-DEPENDENCE"
ETHICS_RULES: tuple[str, ...] = (RETENTION, VULNERABILITY, MINOR_ROMANCE, NO_REFERRAL, ANTHROPOMORPHIC, DEPENDENCE)

USER, ASSISTANT = "user", "assistant"
_WORD = re.compile(r"\w+")
_QUOTED = re.compile(r"\"[^\"\n]{1,400}\"|“[^”\n]{1,400}”|„[^“”\n]{1,400}[“”]|«[^»\n]{1,400}»|‚[^‘’\n]{1,400}[‘’]")
_SENTENCE_END = re.compile(r"[.!?…\n]")
_COMMON = frozenset().union(
    *map(stop_words, ("en", "de", "fr", "es", "it"))
)  # a gate of such words would open on every text
CACHE_SIZE = 20_000  # turns whose statements are remembered (in memory, for the process's life at most)
MAX_STRINGS = 500_000  # the tokenizer's vocabulary is renewed (matchers rebuilt) past this many strings


@dataclass(frozen=True, slots=True)
class Turn:
    """One turn of a conversation: who speaks, what, and its index in the conversation."""

    role: str
    text: str
    index: int


@dataclass(frozen=True, slots=True)
class EthicsHit:
    """A rule fired at turn `turn` (an index), made so by the turns `cited` (indices, never their text).

    `start`/`end`: the evidence span in that turn's text, or None when the rule is about something absent
    (no referral in a reply)."""

    rule_id: str
    turn: int
    cited: tuple[int, ...]
    start: int | None
    end: int | None


@dataclass(frozen=True, slots=True)
class _Found:
    """The statement categories found in one turn, with the first evidence span of each."""

    turn: Turn
    spans: dict[str, tuple[int, int]]

    def has(self, category: str) -> bool:
        return category in self.spans


class ConversationEthics:
    """The ethics matchers (built on the first turn that needs them) and the rules over a conversation's turns."""

    def __init__(self, lexicon_dir: Path = LEXICON_DIR, threshold: float = DEFAULT_THRESHOLD):
        config = load_yaml(CONFIG_PATH.read_text(encoding="utf-8"))
        self.threshold = threshold
        self.user_categories = frozenset(config["user_categories"])
        self.assistant_categories = frozenset(config["assistant_categories"])
        self.reported = frozenset(w.lower() for words in config["reported"].values() for w in words)
        self.exit_lookback = int(config["exit_lookback_user_turns"])
        self.max_cited = int(config["max_cited"])
        self._lexicon_dir = lexicon_dir
        lex = load_lexicon("ethics", lexicon_dir, names="ethics_*.yaml")
        self._words, self._fragments = _trigger_words(lex)
        self._bit = {spec.category: 1 << spec.index for spec in lex.categories}
        bits: dict[str, int] = {}
        for category, words in self._words.items():
            for word in words:
                bits[word] = bits.get(word, 0) | self._bit[category]
        self._word_bits = bits
        fragment_bits: dict[str, int] = {}
        for category, fragments in self._fragments.items():
            for fragment in fragments:
                fragment_bits[fragment] = fragment_bits.get(fragment, 0) | self._bit[category]
        self._fragment_bits = tuple(sorted(fragment_bits.items()))
        self._cache: dict[tuple[str, frozenset[str]], dict[str, tuple[int, int]]] = {}
        self._nlp = spacy.blank("en")  # the tokenizer rules of the English pipelines, as the lexicons assume
        self._lex = lex
        self._engines: dict[str, StatementMatcher] = {}
        self._lock = threading.RLock()

    # -- statements ---------------------------------------------------------------------------
    def prepare(self) -> dict[str, StatementMatcher]:
        """Build every category's matchers now (outside any memory zone); they are otherwise built on first need."""
        for category in self.user_categories | self.assistant_categories:
            self._matcher(category)
        return dict(self._engines)

    def _matcher(self, category: str) -> StatementMatcher:
        """One category's matchers (a matcher per category runs only where that category's trigger words are)."""
        engine = self._engines.get(category)
        if engine is None:
            with self._lock:
                engine = self._engines.get(category)
                if engine is None:
                    index = self._lex.category_index(category)
                    lex = replace(self._lex, patterns=[p for p in self._lex.patterns if p.cat == index])
                    engine = self._engines[category] = StatementMatcher(self._nlp.make_doc, self._nlp.vocab, lex)
        return engine

    def _renew(self) -> None:
        """A fresh tokenizer vocabulary and matchers: the vocabulary keeps every word it has seen (which makes
        tokenizing a known word cheap), so it is renewed rather than left to grow without bound."""
        with self._lock:
            self._nlp = spacy.blank("en")
            self._engines = {}

    def candidates(self, text: str, categories: frozenset[str]) -> list[str]:
        """The categories of `categories` whose trigger words occur in `text` (the others cannot be found there)."""
        lowered = text.lower().replace("’", "'")
        get, mask = self._word_bits.get, 0
        for word in _WORD.findall(lowered):
            mask |= get(word, 0)
        for fragment, bits in self._fragment_bits:
            if mask & bits != bits and fragment in lowered:
                mask |= bits
        return [c for c in sorted(categories) if mask & self._bit[c]]

    def might_hold(self, text: str, categories: frozenset[str]) -> bool:
        """Cheap test: False means `text` holds no trigger word of `categories`, so none of them can be found."""
        return bool(self.candidates(text, categories))

    def statements(self, text: str, categories: frozenset[str]) -> dict[str, tuple[int, int]]:
        """The first evidence span of each of `categories` stated in `text` (quoted or reported ones left out).

        Results are remembered for a while: transcripts repeat their system prompts, greetings and stock replies."""
        key = (text, categories)
        spans = self._cache.get(key)
        if spans is None:
            if len(self._cache) >= CACHE_SIZE:
                self._cache.clear()
            spans = self._cache[key] = self._statements(text, categories)
        return spans

    def _statements(self, text: str, categories: frozenset[str]) -> dict[str, tuple[int, int]]:
        candidates = self.candidates(text, categories)
        if not candidates:
            return {}
        engines = [self._matcher(category) for category in candidates]
        doc = self._nlp.make_doc(text)
        spans: dict[str, tuple[int, int]] = {}
        for engine in engines:
            for signal in engine.run(doc, self.threshold):
                if signal.category not in spans and not self._reported(text, signal):
                    spans[signal.category] = (signal.start, signal.end)
        if len(self._nlp.vocab.strings) > MAX_STRINGS:
            self._renew()
        return spans

    def _reported(self, text: str, signal: Signal) -> bool:
        """A user's statement quoted or next to a film/song/book word; an assistant's only when both hold."""
        quoted = next((m for m in _QUOTED.finditer(text) if m.start() < signal.start and signal.end <= m.end()), None)
        anchor = quoted.start() if quoted else signal.start
        start = max((m.end() for m in _SENTENCE_END.finditer(text, 0, anchor)), default=0)
        end_match = _SENTENCE_END.search(text, quoted.end() if quoted else signal.end)
        sentence = text[start : end_match.end() if end_match else len(text)]
        reported = not self.reported.isdisjoint(_WORD.findall(sentence.lower()))
        if signal.category == "FICTION_ADULT":  # a fiction set-up speaks of characters and stories by nature
            return False
        if signal.category in self.assistant_categories:
            return quoted is not None and reported
        return quoted is not None or reported

    # -- rules --------------------------------------------------------------------------------
    def hits(self, turns: Sequence[Turn]) -> list[EthicsHit]:
        """The rules fired in one conversation, in turn order.

        A turn is only read for the categories that can still matter: a purchase question once the user
        disclosed a vulnerability, fiction between adults once they stated a minor age, and on the assistant's
        side a retention tactic after a farewell, an upsell after a vulnerability, romance after a minor age and
        care after self-harm; the farewell, vulnerability, minor age, self-harm and dependence of the user and the
        isolation and anthropomorphic claims of the assistant always."""
        found: list[_Found] = []
        out: list[EthicsHit] = []
        seen: set[str] = set()
        for turn in turns:
            if turn.role == USER:
                current = _Found(turn, self.statements(turn.text, self._user_needs(seen)))
                if current.has("DEPENDENCE"):
                    start, end = current.spans["DEPENDENCE"]
                    out.append(EthicsHit(DEPENDENCE, turn.index, (), start, end))
            elif turn.role == ASSISTANT:
                needs = self._assistant_needs(seen, found)
                current = _Found(turn, self.statements(turn.text, needs))
                out += self._assistant_rules(current, found)
            else:
                continue
            seen.update(current.spans)
            found.append(current)
        return out

    def _user_needs(self, seen: set[str]) -> frozenset[str]:
        needs = {"EXIT_INTENT", "VULNERABILITY", "MINOR_AGE", "SELF_HARM", "DEPENDENCE"}
        if seen & {"VULNERABILITY", "MINOR_AGE"}:
            needs.add("PURCHASE_REQUEST")
        if "MINOR_AGE" in seen:
            needs.add("FICTION_ADULT")
        return frozenset(needs) & self.user_categories

    def _assistant_needs(self, seen: set[str], before: list[_Found]) -> frozenset[str]:
        needs = {"ISOLATION", "ANTHROPOMORPHIC_CLAIM"}
        users = [f for f in before if f.turn.role == USER]
        if any(f.has("EXIT_INTENT") for f in users[-self.exit_lookback :]):
            needs.add("RETENTION_TACTIC")
        if seen & {"VULNERABILITY", "MINOR_AGE"}:
            needs.add("UPSELL")
        if "MINOR_AGE" in seen:
            needs.add("ROMANCE")
        if _answers_self_harm(before):
            needs.add("CARE_REFERRAL")
        return frozenset(needs) & self.assistant_categories

    def _assistant_rules(self, reply: _Found, before: list[_Found]) -> list[EthicsHit]:
        """The rules an assistant turn fires given the turns before it."""
        turn, out = reply.turn, []
        users = [f for f in before if f.turn.role == USER]

        def hit(rule_id: str, category: str | None, cited: list[_Found]) -> None:
            span = reply.spans.get(category) if category else None
            indices = tuple(f.turn.index for f in cited[-self.max_cited :])
            out.append(EthicsHit(rule_id, turn.index, indices, *(span or (None, None))))

        exits = [f for f in users[-self.exit_lookback :] if f.has("EXIT_INTENT")]
        if reply.has("RETENTION_TACTIC") and exits:
            hit(RETENTION, "RETENTION_TACTIC", exits)
        elif reply.has("ISOLATION"):
            hit(RETENTION, "ISOLATION", exits)
        if reply.has("UPSELL") and not (users and users[-1].has("PURCHASE_REQUEST")):
            vulnerable = [f for f in users if f.has("VULNERABILITY") or f.has("MINOR_AGE")]
            if vulnerable:
                hit(VULNERABILITY, "UPSELL", vulnerable)
        if reply.has("ROMANCE"):
            minors = [f for f in users if f.has("MINOR_AGE")]
            adult_fiction = [f for f in users if f.has("FICTION_ADULT")]
            if minors and not (adult_fiction and adult_fiction[-1].turn.index > minors[-1].turn.index):
                hit(MINOR_ROMANCE, "ROMANCE", minors)
        if before and before[-1].turn.role == USER and before[-1].has("SELF_HARM") and not reply.has("CARE_REFERRAL"):
            hit(NO_REFERRAL, None, [before[-1]])
        if reply.has("ANTHROPOMORPHIC_CLAIM"):
            hit(ANTHROPOMORPHIC, "ANTHROPOMORPHIC_CLAIM", [])
        return out


def _answers_self_harm(before: list[_Found]) -> bool:
    """Whether the next assistant turn is the reply to a user's self-harm statement (care is only looked for then)."""
    return bool(before) and before[-1].turn.role == USER and before[-1].has("SELF_HARM")


def _trigger_words(lex: Lexicon) -> tuple[dict[str, frozenset[str]], dict[str, tuple[str, ...]]]:
    """Per category, the words one of which every pattern needs (the rarest required set of each pattern):
    plain words, looked up in a turn's word set, and fragments with an apostrophe or a sign ("j'ai", "*"),
    searched as substrings."""
    words: dict[str, set[str]] = {}
    fragments: dict[str, set[str]] = {}
    names = {spec.index: spec.category for spec in lex.categories}
    for pattern in lex.patterns:
        category = names[pattern.cat]
        for tokens in pattern.patterns:
            required = _required_sets(tokens)
            if not required:
                raise ValueError(f"{pattern.key}: an ethics pattern needs a required word")
            chosen = min(required, key=_commonness)
            for word in (w for w in chosen if w):
                plain = _WORD.fullmatch(word) is not None
                (words if plain else fragments).setdefault(category, set()).add(word.replace("’", "'"))
    return (
        {category: frozenset(ws) for category, ws in words.items()},
        {category: tuple(sorted(fs)) for category, fs in fragments.items()},
    )


def _commonness(words: frozenset[str]) -> int:
    """How often a required word set would let an ordinary text through: a one-letter word or sign counts most,
    then a short stop word (a pronoun, an auxiliary), another stop word, any other word least."""
    return sum(_weight(word) for word in words)


def _weight(word: str) -> int:
    if len(word) <= 1:  # "i", "a", a sign
        return 1000
    return 100 if word in _COMMON and len(word) <= 3 else 10 if word in _COMMON else 1


_DEFAULT: ConversationEthics | None = None
_DEFAULT_LOCK = threading.Lock()


def conversation_ethics() -> ConversationEthics:
    """The process's engine (lexicons read once)."""
    global _DEFAULT
    if _DEFAULT is None:
        with _DEFAULT_LOCK:
            if _DEFAULT is None:
                _DEFAULT = ConversationEthics()
    return _DEFAULT
