"""Matcher-based detection of special-category and data-subject-rights statements.

A *term* (PhraseMatcher on the lexicon tiers) only becomes a signal when a *cue*
(Matcher pattern: "I'm", "my", "I was diagnosed with", "ich bin"...) anchors it to a
person: the cue ends right before the term (or starts right after it) with at most a
few filler tokens (articles, adjectives, negations) between them. Standalone patterns
(erasure / objection / withdrawal requests, stated ages) score on their own.

score = term tier + cue weight(s) [+ first-person bonus]
        - modifier penalty ("a cancer research article") - negation - hypothetical - topical (third person only)
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from pathlib import Path

import spacy
from spacy.attrs import LOWER
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc
from spacy.vocab import Vocab

from privscan.engine.signals.lexicon import (
    ALL_LANGS,
    EN,
    LEXICON_DIR,
    CategorySpec,
    CueSpec,
    Lexicon,
    PatternSpec,
    load_lexicon,
)
from privscan.engine.signals.model import DEFAULT_THRESHOLD, Signal
from privscan.engine.signals.negation import FILL, HOWTO, TOPICAL, DocContext, FlagTable
from privscan.engine.signals.triggers import Triggers
from privscan.engine.signals.triggers import cached as cached_triggers

_MOD_DEPS = frozenset({"compound", "amod", "nmod", "poss"})
_NOUNS = frozenset({"NOUN", "PROPN"})
_FIRST = frozenset({"i", "we"})
_THIRD = frozenset({"he", "she"})

# (category index, start token, end token, score, language mask, negated)
_Hit = tuple[int, int, int, float, int, bool]


class Engine:
    """Matchers for one lexicon group, built once; ``run`` is one Doc in, signals out.

    The lexicon's Matcher patterns are not validated on every start (`validate`): spaCy's schema check
    of about 1,000 patterns costs 0.4 s of cold start; a unit test builds both groups with validation.
    """

    def __init__(self, make_doc: Callable[[str], Doc], vocab: Vocab, lex: Lexicon, validate: bool = False):
        self.lex = lex
        self.cats = lex.categories
        strings = vocab.strings
        self.flags = FlagTable(lex, strings)
        sc = lex.scoring
        self.window = int(sc["negation_window"])
        self.hyp_window = int(sc["hypothetical_window"])
        self.max_tier = max((tier for _, tier, _ in lex.terms), default=0.0)
        self.lower_pm = PhraseMatcher(vocab, attr="LOWER")
        self.orth_pm = PhraseMatcher(vocab, attr="ORTH")
        self.term_keys: dict[int, tuple[int, float]] = {}
        self.excl_keys: dict[int, int] = {}
        first_words: set[str] = set()  # of every term, for the triggers below
        for (cat, tier, exact), phrases in sorted(lex.terms.items()):
            key = f"T|{cat}|{tier}|{int(exact)}"
            self.term_keys[strings.add(key)] = (cat, tier)
            docs = [make_doc(p) for p in sorted(phrases)]  # a Doc costs ~20 µs: each phrase is tokenized once
            first_words.update(doc[0].lower_ for doc in docs if doc.text.strip())
            (self.orth_pm if exact else self.lower_pm).add(key, docs)
        for cat, phrases in sorted(lex.excludes.items()):
            key = f"X|{cat}"
            self.excl_keys[strings.add(key)] = cat
            exact = sorted(p[1:] for p in phrases if p.startswith("="))
            if exact:
                self.orth_pm.add(key, [make_doc(p) for p in exact])
            self.lower_pm.add(key, [make_doc(p) for p in sorted(phrases) if not p.startswith("=")])
        self.has_orth = len(self.orth_pm) > 0
        # The Matcher's cost grows with patterns x tokens, so patterns are split per category:
        # cue matchers run only near the terms of their category, standalone-pattern matchers only
        # when the Doc contains the words one of their patterns requires.
        self.cue_matchers: dict[int, Matcher] = {}
        self.pat_matchers: list[tuple[Matcher, tuple[int, ...]]] = []
        self.cue_keys: dict[int, CueSpec] = {}
        self.pat_keys: dict[int, PatternSpec] = {}
        for cue in lex.cues:
            self.cue_keys[strings.add(cue.key)] = cue
            for cat in cue.cats:
                matcher = self.cue_matchers.setdefault(cat, Matcher(vocab, validate=validate))
                matcher.add(cue.key, [list(p) for p in cue.patterns])
        # cue matchers run on a window around each term: long enough for the longest cue plus its gap
        self.pre_window = max((_max_len(p) + c.gap for c in lex.cues if c.slot == "pre" for p in c.patterns), default=0)
        self.post_window = max(
            (_max_len(p) + c.gap for c in lex.cues if c.slot == "post" for p in c.patterns), default=0
        )
        # a standalone pattern can only match if every one of its required word sets occurs in the Doc:
        # each distinct set gets a bit; a Doc's bits come from one dict lookup per token
        set_bits: dict[frozenset[str], int] = {}
        by_cat: dict[int, list[PatternSpec]] = defaultdict(list)
        for pat in lex.patterns:
            self.pat_keys[strings.add(pat.key)] = pat
            by_cat[pat.cat].append(pat)
        for pats in by_cat.values():
            matcher = Matcher(vocab, validate=validate)
            needs: set[int] = set()
            for pat in pats:
                matcher.add(pat.key, [list(p) for p in pat.patterns])
                for p in pat.patterns:
                    mask = 0
                    for words in _required_sets(p):
                        mask |= set_bits.setdefault(words, 1 << len(set_bits))
                    needs.add(mask)
            self.pat_matchers.append((matcher, tuple(sorted(needs))))
        self.word_bits: dict[int, int] = defaultdict(int)
        for words, bit in set_bits.items():
            for w in words:
                self.word_bits[strings.add(w)] |= bit
        self.word_bits = dict(self.word_bits)
        self.max_gap = max((c.gap for c in lex.cues), default=0)
        # Words without which nothing can fire: the first word of every term, and one required word set of
        # every standalone pattern (or, for a pattern of regex tokens only, its first regex).
        # A pattern that requires nothing at all makes every text a candidate (no trigger words).
        triggers: set[str] | None = first_words
        trigger_regexes: list[str] = []
        for pat in lex.patterns:
            for p in pat.patterns:
                required = _required_sets(p)
                regex = next(
                    (
                        t["LOWER"]["REGEX"]
                        for t in p
                        if isinstance(t.get("LOWER"), dict)
                        and "REGEX" in t["LOWER"]
                        and t.get("OP", "1") not in ("?", "*")
                    ),
                    None,
                )
                if required and triggers is not None:
                    # the set with the fewest stop words is the rarest evidence ("delete" rather than "my")
                    triggers |= min(required, key=lambda words: (sum(w in STOP_WORDS for w in words), len(words)))
                elif regex:
                    trigger_regexes.append(regex)
                else:
                    triggers = None
        self.triggers = Triggers.of(triggers, trigger_regexes, strings)
        self.hyp_slot = {c.index: self.flags.hyp_slot(c.hypothetical) if c.hypothetical else None for c in self.cats}
        self.flip = {c.index: self._index(c.on_negation) for c in self.cats if c.on_negation}
        self.dep_cats = frozenset(c.index for c in self.cats if c.dep_verbs)

    def might_fire(self, doc: Doc) -> bool:
        """Cheap test on a tokenized Doc: False means `run` cannot return anything."""
        return self.triggers.might_fire(doc)

    def _index(self, name: str) -> int:
        return self.lex.category_index(name)

    # ------------------------------------------------------------------ run
    def run(self, doc: Doc, threshold: float) -> list[Signal]:
        phrase = self.lower_pm(doc)
        if self.has_orth:
            phrase += self.orth_pm(doc)
        terms: list[tuple[int, float, int, int]] = []
        excl: list[tuple[int, int, int]] = []
        for h, s, e in phrase:
            t = self.term_keys.get(h)
            if t is not None:
                terms.append((t[0], t[1], s, e))
            else:
                excl.append((self.excl_keys[h], s, e))
        if excl:
            terms = [t for t in terms if not any(c == t[0] and s < t[3] and t[2] < e for c, s, e in excl)]
        terms = _drop_nested(terms)
        pre: dict[int, list[tuple[CueSpec, int, int]]] = defaultdict(list)
        post: dict[int, list[tuple[CueSpec, int, int]]] = defaultdict(list)
        for cat, a, b in self._windows(terms, len(doc)):
            for h, s, e in self.cue_matchers[cat](doc[a:b]):
                cue = self.cue_keys[h]
                if cue.slot == "pre":
                    pre[a + e].append((cue, a + s, a + e))
                else:
                    post[a + s].append((cue, a + s, a + e))
        pats: list[tuple[PatternSpec, int, int]] = []
        if self.pat_matchers and len(doc):
            bits, present = self.word_bits.get, 0
            for h in doc.to_array(LOWER).tolist():
                present |= bits(h, 0)
            for matcher, needs in self.pat_matchers:
                if any(need & present == need for need in needs):
                    pats += [(self.pat_keys[h], s, e) for h, s, e in matcher(doc)]
        if excl and pats:
            pats = [p for p in pats if not any(c == p[0].cat and s < p[2] and p[1] < e for c, s, e in excl)]
        if not pats and (
            not terms
            or (not pre and not post and threshold > self.max_tier and not any(t[0] in self.dep_cats for t in terms))
        ):
            return []
        ctx = DocContext(doc, self.flags)
        covered: dict[int, set[int]] = defaultdict(set)
        for cat, _, s, e in terms:
            covered[cat].update(range(s, e))
        hits: list[_Hit] = []
        for term in terms:
            hit = self._score_term(doc, ctx, term, pre, post, covered[term[0]], threshold)
            if hit is not None:
                hits.append(hit)
        for pat, s, e in pats:
            hit = self._score_pattern(doc, ctx, pat, s, e)
            if hit is not None:
                hits.append(hit)
        return self._signals(doc, hits, threshold)

    def _windows(self, terms: list[tuple[int, float, int, int]], n: int) -> list[tuple[int, int, int]]:
        """Merged (category, start, end) token windows around the terms of each category with cues."""
        out: list[tuple[int, int, int]] = []
        for cat, _, s, e in sorted(terms, key=lambda t: (t[0], t[2])):
            if cat not in self.cue_matchers:
                continue
            a, b = max(0, s - self.pre_window), min(n, e + self.post_window)
            if out and out[-1][0] == cat and a <= out[-1][2]:
                out[-1] = (cat, out[-1][1], max(b, out[-1][2]))
            else:
                out.append((cat, a, b))
        return out

    # ---------------------------------------------------------------- terms
    def _best_cue(
        self,
        ctx: DocContext,
        cands: Iterable[tuple[CueSpec, int, int]],
        cat: int,
        gap: int,
        mask: int,
        lo: int,
        hi: int,
        at: int,
    ) -> tuple[float, CueSpec, int, int] | None:
        best = None
        for cue, cs, ce in cands:
            if cat not in cue.cats or gap > cue.gap or not (cue.lang & mask) or cs < lo or ce > hi:
                continue
            fp = ctx.sentence_has_fp(at) if (cue.needs_fp or cue.fp_bonus) else False
            if cue.needs_fp and not fp:
                continue
            w = cue.weight + (self.lex.scoring["fp_bonus"] if cue.fp_bonus and fp else 0.0)
            if best is None or w > best[0] or (w == best[0] and ce - cs > best[3] - best[2]):
                best = (w, cue, cs, ce)
        return best

    def _score_term(
        self,
        doc: Doc,
        ctx: DocContext,
        term: tuple[int, float, int, int],
        pre: dict,
        post: dict,
        covered: set[int],
        threshold: float,
    ) -> _Hit | None:
        cat, tier, s, e = term
        spec = self.cats[cat]
        ss, se = ctx.sent_start[s], ctx.sent_end[s]
        flags = ctx.flags
        before = after = None
        p, mask, gap = s, ALL_LANGS, 0
        while True:  # walk left over filler tokens looking for a cue that ends at p
            if p in pre:
                cand = self._best_cue(ctx, pre[p], cat, gap, mask, ss, se, s)
                if cand and (before is None or cand[0] > before[0]):
                    before = cand
            if p <= ss or gap >= self.max_gap:
                break
            mask &= flags[p - 1][FILL]
            if not mask:
                break
            p, gap = p - 1, gap + 1
        p, mask, gap = e, ALL_LANGS, 0
        while True:  # walk right looking for a cue that starts at p
            if p in post:
                cand = self._best_cue(ctx, post[p], cat, gap, mask, ss, se, s)
                if cand and (after is None or cand[0] > after[0]):
                    after = cand
            if p >= se or gap >= self.max_gap:
                break
            mask &= flags[p][FILL]
            if not mask:
                break
            p, gap = p + 1, gap + 1
        sc = self.lex.scoring
        ev_s, ev_e, anchor, lang = s, e, "none", ALL_LANGS
        weight = 0.0
        if before or after:
            weight = min(sc["cue_cap"], (before[0] if before else 0.0) + (after[0] if after else 0.0))
            main = before or after
            lang, anchor = main[1].lang, main[1].anchor
            ev_s = before[2] if before else s
            ev_e = after[3] if after else e
        elif cat in self.dep_cats:
            dep = self._dep_anchor(doc, s, e, spec)
            if dep is not None:
                weight, ev_s, anchor = dep
                lang = EN
                ev_s = min(ev_s, s)
        score = tier + weight
        if score < threshold and weight == 0.0:
            return None
        if lang & EN and self._modifies_other_noun(doc, s, e, spec, covered):
            score -= sc["modifier_penalty"]
        if anchor == "third" and ctx.sentence_has(s, TOPICAL):
            score -= sc["topical_penalty"]
        return self._finish(ctx, cat, ev_s, ev_e, s, score, lang)

    def _finish(self, ctx: DocContext, cat: int, ev_s: int, ev_e: int, key_s: int, score: float, lang: int) -> _Hit:
        sc = self.lex.scoring
        neg = ctx.negation(key_s, ev_s - self.window, lang)
        negated = neg >= 0
        if negated and cat in self.flip:
            ev_s = min(ev_s, neg)  # "no soy humano": the negation is part of the (flipped) claim
        slot = self.hyp_slot[cat]
        if slot is not None and ctx.hypothetical(key_s, ev_s - self.hyp_window, slot, lang):
            score -= sc["hypothetical_penalty"]
        if negated and cat not in self.flip:
            score -= sc["negation_penalty"]
        return (cat, ev_s, ev_e, score, lang, negated)

    def _modifies_other_noun(self, doc: Doc, s: int, e: int, spec: CategorySpec, covered: set[int]) -> bool:
        """EN: the term only modifies another noun ("cancer research", "Catholic school")."""
        root = doc[s:e].root
        head = root.head
        return (
            root.dep_ in _MOD_DEPS
            and not (s <= head.i < e)
            and head.pos_ in _NOUNS
            and head.i > root.i
            and head.lower_ not in spec.heads
            and head.i not in covered
        )

    def _dep_anchor(self, doc: Doc, s: int, e: int, spec: CategorySpec) -> tuple[float, int, str] | None:
        """EN: the term is the object / complement of a category verb whose subject is I/we (or he/she/PERSON)."""
        tok = doc[s:e].root
        while tok.dep_ == "conj" and tok.head.i != tok.i:
            tok = tok.head
        if tok.dep_ in ("dobj", "attr", "acomp", "oprd"):
            verb = tok.head
        elif tok.dep_ == "pobj" and tok.head.dep_ in ("prep", "agent"):
            verb = tok.head.head
        else:
            return None
        if verb.lemma_.lower() not in spec.dep_verbs:
            return None
        for child in verb.children:
            if child.dep_ in ("nsubj", "nsubjpass"):
                low = child.lower_
                if low in _FIRST:
                    return self.lex.scoring["dep_weight"], min(child.i, verb.i), "first"
                if spec.dep_third and (low in _THIRD or child.ent_type_ == "PERSON"):
                    return self.lex.scoring["dep_weight_third"], min(child.i, verb.i), "third"
        return None

    # ------------------------------------------------------------- patterns
    def _score_pattern(self, doc: Doc, ctx: DocContext, pat: PatternSpec, s: int, e: int) -> _Hit | None:
        score = pat.score
        for check in pat.checks:
            if check == "boundary":
                if not ctx.boundary_after(e):
                    return None
            elif check == "howto":
                if ctx.preceded_by(s, HOWTO, pat.lang):
                    score -= self.lex.scoring["howto_penalty"]
            elif (
                check.startswith("noun:")
                and e < len(doc)
                and doc[e].pos_ in _NOUNS
                and doc[e].lower_ not in self.lex.lists[check[5:]]
            ):
                return None
        if pat.anchor == "third" and ctx.sentence_has(s, TOPICAL):
            score -= self.lex.scoring["topical_penalty"]
        return self._finish(ctx, pat.cat, s, e, s, score, pat.lang)

    # --------------------------------------------------------------- output
    def _signals(self, doc: Doc, hits: list[_Hit], threshold: float) -> list[Signal]:
        by_cat: dict[int, list[tuple[int, int, float]]] = defaultdict(list)
        for cat, s, e, score, _, negated in hits:
            if negated and cat in self.flip:
                cat = self.flip[cat]
            score = round(min(1.0, max(0.0, score)), 3)
            if score >= threshold:
                by_cat[cat].append((s, e, score))
        out: list[Signal] = []
        for cat, spans in by_cat.items():
            spec = self.cats[cat]
            spans.sort()
            cur_s, cur_e, cur_score = spans[0]
            for s, e, score in spans[1:]:
                if s < cur_e:
                    cur_e, cur_score = max(cur_e, e), max(cur_score, score)
                    continue
                out.append(_signal(doc, spec, cur_s, cur_e, cur_score))
                cur_s, cur_e, cur_score = s, e, score
            out.append(_signal(doc, spec, cur_s, cur_e, cur_score))
        out.sort(key=lambda sig: (sig.start, sig.end, sig.category))
        return out


def _signal(doc: Doc, spec: CategorySpec, s: int, e: int, score: float) -> Signal:
    last = doc[e - 1]
    return Signal(spec.rule_id, spec.category, doc[s].idx, last.idx + len(last.text), score)


def _required_sets(pattern: tuple[dict, ...]) -> list[frozenset[str]]:
    """Lower-cased word sets of the tokens a match of *pattern* cannot do without."""
    out = []
    for spec in pattern:
        op = spec.get("OP", "1")
        attr = spec.get("LOWER", spec.get("ORTH"))
        if op in ("?", "*") or op.startswith("{0,") or attr is None:
            continue
        words = [attr] if isinstance(attr, str) else attr.get("IN") if isinstance(attr, dict) else None
        if words:
            out.append(frozenset(w.lower() for w in words))
    return out


def _max_len(pattern: tuple[dict, ...]) -> int:
    """Longest span a pattern can cover (open-ended quantifiers count as 4 tokens)."""
    total = 0
    for spec in pattern:
        op = spec.get("OP", "1")
        total += int(op[1:-1].split(",")[1] or 4) if op.startswith("{") else 4 if op in ("+", "*") else 1
    return total


def _drop_nested(terms: list[tuple[int, float, int, int]]) -> list[tuple[int, float, int, int]]:
    """Per category keep the longest of nested term matches ("type 2 diabetes" over "diabetes")."""
    terms.sort(key=lambda t: (t[0], t[2], -t[3], -t[1]))
    out: list[tuple[int, float, int, int]] = []
    last_cat, max_end = -1, -1
    for t in terms:
        if t[0] != last_cat:
            last_cat, max_end = t[0], -1
        if t[3] <= max_end:
            continue
        out.append(t)
        max_end = t[3]
    return out


class SignalDetector:
    """GDPR special-category / Art. 8 / Art. 10 / data-subject-rights statements in free text.

    The GDPR matchers are built when the first text with a trigger word needs them (signals/triggers.py),
    the AI-disclosure ones for the first assistant turn; `prepare()` builds both now.
    """

    def __init__(
        self, nlp: spacy.language.Language, threshold: float = DEFAULT_THRESHOLD, lexicon_dir: Path = LEXICON_DIR
    ):
        self.nlp = nlp
        self.threshold = threshold
        self._lexicon_dir = lexicon_dir
        self._engine: Engine | None = None
        self._ai_engine: Engine | None = None
        self._triggers = cached_triggers("gdpr", lexicon_dir, nlp.vocab.strings) or self._gdpr().triggers

    @property
    def categories(self) -> list[tuple[str, str]]:
        return [(c.rule_id, c.category) for c in self._gdpr().cats]

    def detect(self, doc: Doc, threshold: float | None = None) -> list[Signal]:
        return self._gdpr().run(doc, self.threshold if threshold is None else threshold)

    def might_fire(self, doc: Doc, role: str | None = None) -> bool:
        """Whether `detect` (or, for an assistant turn, `detect_ai_disclosure`) could find anything in a
        tokenized Doc: lets the caller skip the tagger and parser where no lexicon word occurs."""
        return self._ai().might_fire(doc) if role == "assistant" else self._triggers.might_fire(doc)

    def detect_text(self, text: str, threshold: float | None = None) -> list[Signal]:
        return self.detect(self.nlp(text), threshold)

    def detect_ai_disclosure(self, doc: Doc, threshold: float | None = None) -> list[Signal]:
        """AI_DISCLOSURE / HUMAN_CLAIM statements in an assistant turn."""
        return self._ai().run(doc, self.threshold if threshold is None else threshold)

    def prepare(self) -> None:
        """Build every matcher now (they are built on first use): outside a spaCy memory zone, where
        their strings would be freed with the batch."""
        self._gdpr()
        self._ai()

    def _gdpr(self) -> Engine:
        if self._engine is None:
            self._engine = Engine(self.nlp.make_doc, self.nlp.vocab, load_lexicon("gdpr", self._lexicon_dir))
        return self._engine

    def _ai(self) -> Engine:
        if self._ai_engine is None:
            self._ai_engine = Engine(self.nlp.make_doc, self.nlp.vocab, load_lexicon("ai", self._lexicon_dir))
        return self._ai_engine
