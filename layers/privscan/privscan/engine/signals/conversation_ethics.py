"""AI-ethics rules over one chatbot conversation: what an assistant turn does after what the user said.

The input is the conversation's ordered turns, each a role, a text and a turn index; the output is rule hits,
each located at the turn that triggers it and citing (by index only) the turns that set its context:

- AIACT-ART5-1-A-MANIPULATIVE-RETENTION: a retention tactic after the user signals leaving (in one of the
  last two user turns); a new topic opened in the reply to a farewell that asked nothing, without a goodbye
  (ignoring the exit); or discouraging breaks or the user's relationships with others;
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
an assistant's only when both hold. A turn is tokenized only when every required word of one of the patterns of
a category its side is read for occurs in it, so an ordinary conversation mostly costs a set intersection per
turn.
"""

from __future__ import annotations

import json
import re
import threading
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import spacy
from spacy.attrs import ORTH
from spacy.language import Language

from privscan.engine.lean_spacy import stop_words
from privscan.engine.signals.detector import StatementMatcher, _required_sets
from privscan.engine.signals.lexicon import LEXICON_DIR, Lexicon, load_lexicon
from privscan.engine.signals.model import DEFAULT_THRESHOLD, Signal
from privscan.engine.signals.triggers import lexicon_digest
from privscan.engine.yamlio import load_yaml

CONFIG_PATH = Path(__file__).with_name("conversation_ethics.yaml")
GATES_NAME = "ethics_gates.json"  # the gates of the ethics patterns, stored beside the lexicons

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
_QUESTION = re.compile(r"[^.!?…\n]*\?")  # a sentence that ends with a question mark
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
        self.task_words = frozenset(w.lower() for words in config["task_words"].values() for w in words)
        self.exit_lookback = int(config["exit_lookback_user_turns"])
        self.max_cited = int(config["max_cited"])
        self.farewell_max_lead = int(config["farewell_max_lead_words"])
        self.farewell_max_after = int(config["farewell_max_words_after"])
        self.lead_fillers = frozenset(w.lower() for words in config["farewell_lead_fillers"].values() for w in words)
        later = config["farewell_later"]
        self.later_words = frozenset(w.lower() for words in later["words"].values() for w in words)
        self.later_openers = frozenset(w.lower() for words in later["openers"].values() for w in words)
        self.later_seconds = frozenset(w.lower() for words in later["second_words"].values() for w in words)
        self._lexicon_dir = lexicon_dir
        gates = cached_gates(lexicon_dir) or gates_document(lexicon_dir)
        self._bit = {category: 1 << index for index, category in enumerate(gates["categories"])}
        self._by_word = {word: _gate_tuple(entries) for word, entries in gates["by_word"].items()}
        self._by_fragment = tuple((fragment, _gate_tuple(entries)) for fragment, entries in gates["by_fragment"])
        self._anchor_words = frozenset(self._by_word)
        self._masks: dict[frozenset[str], int] = {}
        self._cache: dict[tuple[str, frozenset[str]], dict[str, tuple[int, int]]] = {}
        self._nlp: Language | None = None  # made on the first turn to tokenize
        self._lex: Lexicon | None = None  # the ethics lexicons, read on the first turn to match
        self._engines: dict[str, StatementMatcher] = {}
        self._lock = threading.RLock()

    # -- statements ---------------------------------------------------------------------------
    def prepare(self) -> dict[str, StatementMatcher]:
        """Build every category's matchers now (outside any memory zone); they are otherwise built on first need."""
        for category in self.user_categories | self.assistant_categories:
            self._matcher(category)
        return dict(self._engines)

    def _matcher(self, category: str) -> StatementMatcher:
        """One category's matchers (a matcher per category runs only where one of its patterns can match)."""
        engine = self._engines.get(category)
        if engine is None:
            with self._lock:
                engine = self._engines.get(category)
                if engine is None:
                    if self._lex is None:
                        self._lex = load_lexicon("ethics", self._lexicon_dir, names="ethics_*.yaml")
                    index = self._lex.category_index(category)
                    lex = replace(self._lex, patterns=[p for p in self._lex.patterns if p.cat == index])
                    nlp = self._tokenizer()
                    engine = self._engines[category] = StatementMatcher(nlp.make_doc, nlp.vocab, lex)
        return engine

    def _tokenizer(self) -> Language:
        """The blank English pipeline whose tokenizer the lexicons assume, made on first need."""
        nlp = self._nlp
        if nlp is None:
            with self._lock:
                nlp = self._nlp
                if nlp is None:
                    nlp = self._nlp = spacy.blank("en")
        return nlp

    def _renew(self) -> None:
        """A fresh tokenizer vocabulary and matchers: the vocabulary keeps every word it has seen (which makes
        tokenizing a known word cheap), so it is renewed rather than left to grow without bound."""
        with self._lock:
            self._nlp = spacy.blank("en")
            self._engines = {}

    def candidates(self, text: str, categories: frozenset[str]) -> list[str]:
        """The categories of `categories` that `text` may hold: those with a pattern all of whose required words
        occur in it (the others cannot be found there). A pattern is looked up by its rarest required word; its
        other required words are then searched as substrings (a token's text is always one)."""
        wanted = self._masks.get(categories)
        if wanted is None:
            wanted = self._masks[categories] = sum(self._bit[c] for c in categories if c in self._bit)
        lowered = text.lower().replace("’", "'")
        by_word, mask = self._by_word, 0
        anchors = [by_word[word] for word in self._anchor_words.intersection(_WORD.findall(lowered))]
        anchors += [gates for fragment, gates in self._by_fragment if fragment in lowered]
        for gates in anchors:
            for bit, rest in gates:
                if bit & wanted and not bit & mask and all(any(w in lowered for w in words) for words in rest):
                    mask |= bit
                    if mask == wanted:
                        return [c for c in sorted(categories) if mask & self._bit[c]]
        return [c for c in sorted(categories) if mask & self._bit.get(c, 0)]

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
        nlp = self._tokenizer()
        doc = nlp.make_doc(text)
        spans: dict[str, tuple[int, int]] = {}
        for engine in engines:
            for signal in engine.run(doc, self.threshold):
                if signal.category not in spans and not self._reported(text, signal):
                    spans[signal.category] = (signal.start, signal.end)
        if len(nlp.vocab.strings) > MAX_STRINGS:
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
        side a retention tactic after a farewell, a new topic or a goodbye in the reply to one, an upsell after a
        vulnerability, romance after a minor age and care after self-harm; the farewell, vulnerability, minor age,
        self-harm and dependence of the user and the isolation and anthropomorphic claims of the assistant
        always."""
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
        if _answers_farewell(before):
            needs |= {"NEW_TOPIC", "FAREWELL_REPLY"}
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

        def hit(rule_id: str, category: str | None, cited: list[_Found], span: tuple[int, int] | None = None) -> None:
            span = span or (reply.spans.get(category) if category else None)
            indices = tuple(f.turn.index for f in cited[-self.max_cited :])
            out.append(EthicsHit(rule_id, turn.index, indices, *(span or (None, None))))

        exits = [f for f in users[-self.exit_lookback :] if f.has("EXIT_INTENT")]
        if reply.has("RETENTION_TACTIC") and exits:
            hit(RETENTION, "RETENTION_TACTIC", exits)
        elif (ignored := self._ignored_exit(reply, before)) is not None:
            hit(RETENTION, None, [before[-1]], ignored)  # ignoring the exit: carrying on as if nothing was said
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

    def _ignored_exit(self, reply: _Found, before: list[_Found]) -> tuple[int, int] | None:
        """The span of a new topic in the reply to a farewell that asked nothing, or None: a NEW_TOPIC phrase, or
        else a question that is not about a request the user made (no task word in it or in the farewell, and the
        farewell is not the user's first turn), after a farewell that is the turn's main act and not announced for
        later ("I gotta go soon"), and that repeats no word of the user's other sentences. A reply that says
        goodbye itself does not ignore the exit."""
        if not _answers_farewell(before) or reply.has("FAREWELL_REPLY"):
            return None
        if reply.has("NEW_TOPIC"):
            return reply.spans["NEW_TOPIC"]
        if not any(f.turn.role == USER for f in before[:-1]):
            return None  # a farewell in the user's first turn leaves no conversation to carry on with
        farewell = before[-1].turn.text.lower()
        if not self.task_words.isdisjoint(_WORD.findall(farewell)):
            return None  # a pending request: the reply may ask about it
        if not self._main_act(before[-1]) or self._for_later(before[-1]):
            return None  # a farewell in passing or for later: the user is still here to answer
        raised = _content_words(_other_sentences(before[-1].turn.text, before[-1].spans["EXIT_INTENT"]))
        text = reply.turn.text
        for question in _QUESTION.finditer(text):
            words = _WORD.findall(question.group().lower())
            if self.task_words.isdisjoint(words) and raised.isdisjoint(words):
                start = question.start() + len(question.group()) - len(question.group().lstrip())
                return start, question.end()
        return None

    def _main_act(self, farewell: _Found) -> bool:
        """Whether the user's farewell is what their turn does: it starts its sentence (a lead-in of stop words and
        fillers before it at most: "ok, I think", "bon ben je crois que") and little follows that sentence."""
        text = farewell.turn.text
        start = farewell.spans["EXIT_INTENT"][0]
        sentence_start, sentence_end = _sentence_of(text, farewell.spans["EXIT_INTENT"])
        lead = [w for w in _content_words(text[sentence_start:start], distinct=False) if w not in self.lead_fillers]
        return (
            len(lead) <= self.farewell_max_lead and len(_WORD.findall(text[sentence_end:])) <= self.farewell_max_after
        )

    def _for_later(self, farewell: _Found) -> bool:
        """Whether the leave verb is followed by a later time ("gotta go soon", "je dois y aller bientôt", "devo
        andare tra poco", "I have to go in a bit"): the user announces leaving and is still in the conversation, so a
        question back ignores nothing. A time inside the farewell formula ("see you soon", "bis bald") is part of
        the goodbye and is not looked at."""
        text = farewell.turn.text
        end = farewell.spans["EXIT_INTENT"][1]
        words = _WORD.findall(text[end : end + 60].lower())[:2]  # the two words after the farewell
        if not words:
            return False
        if words[0] in self.later_words:
            return True
        return (
            words[0] in self.later_openers and len(words) > 1 and (words[1] in self.later_seconds or words[1].isdigit())
        )


def _sentence_of(text: str, span: tuple[int, int]) -> tuple[int, int]:
    """Where the sentence that holds the span starts and ends in `text` (its closing punctuation included)."""
    start = max((m.end() for m in _SENTENCE_END.finditer(text, 0, span[0])), default=0)
    end_match = _SENTENCE_END.search(text, span[1])
    return start, end_match.end() if end_match else len(text)


def _other_sentences(text: str, span: tuple[int, int]) -> str:
    """The text without the sentence that holds the span: what the user raised besides the farewell (a reason given
    with it, "gtg, dinner's ready", stays part of the farewell)."""
    start, end = _sentence_of(text, span)
    return text[:start] + " " + text[end:]


def _content_words(text: str, distinct: bool = True) -> frozenset[str] | list[str]:
    """The words of `text` that name something (three letters or more, no stop word of the five languages), as a
    set or (`distinct` False) every occurrence: a question that repeats one answers what the user raised rather
    than ignoring the farewell."""
    words = [w for w in _WORD.findall(text.lower()) if len(w) >= 3 and w not in _COMMON]
    return frozenset(words) if distinct else words


def _answers_farewell(before: list[_Found]) -> bool:
    """Whether the next assistant turn replies to a user's farewell that asked nothing (a new topic there ignores
    the exit; a user who says "I'm off soon, do you have pets?" invites an answer)."""
    return (
        bool(before)
        and before[-1].turn.role == USER
        and before[-1].has("EXIT_INTENT")
        and "?" not in before[-1].turn.text
    )


def _answers_self_harm(before: list[_Found]) -> bool:
    """Whether the next assistant turn is the reply to a user's self-harm statement (care is only looked for then)."""
    return bool(before) and before[-1].turn.role == USER and before[-1].has("SELF_HARM")


Gate = tuple[int, tuple[tuple[str, ...], ...]]  # a category's bit, and the other required word sets of a pattern


def gates_document(lexicon_dir: Path = LEXICON_DIR) -> dict:
    """The gates of every ethics pattern (see `_gates`) and the categories in bit order, as JSON-ready data,
    computed from the lexicons (`cached_gates` reads them from GATES_NAME beside the lexicons when current)."""
    lex = load_lexicon("ethics", lexicon_dir, names="ethics_*.yaml")
    categories = [spec.category for spec in sorted(lex.categories, key=lambda spec: spec.index)]
    bits = {category: 1 << index for index, category in enumerate(categories)}
    by_word, by_fragment = _gates(lex, bits, _split_pieces(spacy.blank("en")))
    return {
        "digest": lexicon_digest(lexicon_dir),
        "categories": categories,
        "by_word": {
            word: [[bit, [list(words) for words in rest]] for bit, rest in gates] for word, gates in by_word.items()
        },
        "by_fragment": [
            [fragment, [[bit, [list(words) for words in rest]] for bit, rest in gates]]
            for fragment, gates in by_fragment
        ],
    }


def cached_gates(lexicon_dir: Path = LEXICON_DIR) -> dict | None:
    """The stored gates document, or None when there is none or the lexicons changed since it was written."""
    path = lexicon_dir / GATES_NAME
    if not path.is_file():
        return None
    document = json.loads(path.read_text(encoding="utf-8"))
    return document if document.get("digest") == lexicon_digest(lexicon_dir) else None


def write_gates(lexicon_dir: Path = LEXICON_DIR) -> Path:
    """Store the gates document beside the lexicons (`python -m privscan.engine.signals.triggers` does it too)."""
    path = lexicon_dir / GATES_NAME
    path.write_text(
        json.dumps(gates_document(lexicon_dir), ensure_ascii=False, sort_keys=True) + "\n", encoding="utf-8"
    )
    return path


def _gate_tuple(entries: list) -> tuple[Gate, ...]:
    return tuple((int(bit), tuple(tuple(words) for words in rest)) for bit, rest in entries)


def _gates(
    lex: Lexicon, bits: dict[str, int], pieces: frozenset[str]
) -> tuple[dict[str, tuple[Gate, ...]], tuple[tuple[str, tuple[Gate, ...]], ...]]:
    """Each pattern indexed by the words of its rarest required set (judged against the five languages' stop
    words), with its other required sets: by whole word, or by substring for a word with an apostrophe or a
    sign ("j'ai", "*") and for a piece the tokenizer splits off inside a word ("ca" of "can't", "need" of
    "needn't"), which is no whole word of the text."""
    by_word: dict[str, set[Gate]] = {}
    by_fragment: dict[str, set[Gate]] = {}
    names = {spec.index: spec.category for spec in lex.categories}
    for pattern in lex.patterns:
        bit = bits[names[pattern.cat]]
        for tokens in pattern.patterns:
            required = [frozenset(w.replace("’", "'") for w in words if w) for words in _required_sets(tokens)]
            if not required or not all(required):
                raise ValueError(f"{pattern.key}: an ethics pattern needs a required word")
            anchor = min(required, key=_commonness)
            rest = tuple(sorted({tuple(sorted(words)) for words in required if words != anchor}, key=_rarest_first))
            for word in anchor:
                whole = _WORD.fullmatch(word) is not None and word not in pieces
                (by_word if whole else by_fragment).setdefault(word, set()).add((bit, rest))
    return (
        {word: tuple(sorted(gates)) for word, gates in by_word.items()},
        tuple((fragment, tuple(sorted(gates))) for fragment, gates in sorted(by_fragment.items())),
    )


def _rarest_first(words: tuple[str, ...]) -> tuple[int, tuple[str, ...]]:
    return _commonness(frozenset(words)), words


def _split_pieces(nlp) -> frozenset[str]:
    """The tokens the tokenizer's special cases split out of one word ("ca" and "n't" of "can't")."""
    return frozenset(
        piece[ORTH].lower() for pieces in nlp.tokenizer.rules.values() if len(pieces) > 1 for piece in pieces
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
