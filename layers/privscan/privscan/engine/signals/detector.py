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
from typing import NamedTuple

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
_FIRST_POSS = frozenset({"my", "our"})


class Term(NamedTuple):
    """A lexicon term found in a Doc: its category, tier score and token span."""

    category: int
    tier: float
    start: int
    end: int


class Exclusion(NamedTuple):
    """A phrase that cancels the overlapping terms and patterns of its category."""

    category: int
    start: int
    end: int


class CueMatch(NamedTuple):
    cue: CueSpec
    start: int
    end: int


class PatternMatch(NamedTuple):
    pattern: PatternSpec
    start: int
    end: int


class WeightedCue(NamedTuple):
    """The cue that anchors a term, with the weight it adds to the term's tier."""

    weight: float
    cue: CueSpec
    start: int
    end: int


class Hit(NamedTuple):
    """A scored candidate statement: the token span of its evidence, before thresholding and merging."""

    category: int
    start: int
    end: int
    score: float
    lang: int
    negated: bool


class Anchor(NamedTuple):
    """What ties a term to a person: the added weight, the evidence span, the anchor kind and language."""

    weight: float
    start: int
    end: int
    kind: str
    lang: int


CuesAt = dict[int, list[CueMatch]]


class StatementMatcher:
    """Matchers for one lexicon group, built once; ``run`` is one Doc in, signals out.

    The lexicon's Matcher patterns are not validated on every start (`validate`): spaCy's schema check
    of about 1,000 patterns is a noticeable part of a cold start; a unit test builds both groups with validation.
    """

    def __init__(
        self,
        make_doc: Callable[[str], Doc],
        vocab: Vocab,
        lex: Lexicon,
        validate: bool = False,
        punct_sentences: bool = False,
    ):
        self.lex = lex
        self.punct_sentences = punct_sentences  # sentence bounds from punctuation, not the parse (DocContext)
        self.cats = lex.categories
        self.flags = FlagTable(lex, vocab.strings)
        self.window = int(lex.scoring["negation_window"])
        self.hyp_window = int(lex.scoring["hypothetical_window"])
        self.max_tier = max((tier for _, tier, _ in lex.terms), default=0.0)
        first_words = self._build_phrase_matchers(make_doc, vocab)
        self._build_cue_matchers(vocab, validate)
        self._build_pattern_matchers(vocab, validate)
        self.triggers = self._build_triggers(first_words, vocab)
        self.hyp_slot = {c.index: self.flags.hyp_slot(c.hypothetical) if c.hypothetical else None for c in self.cats}
        self.flip = {c.index: self._index(c.on_negation) for c in self.cats if c.on_negation}
        self.dep_cats = frozenset(c.index for c in self.cats if c.dep_verbs)

    # ------------------------------------------------------------------ build
    def _build_phrase_matchers(self, make_doc: Callable[[str], Doc], vocab: Vocab) -> set[str]:
        """Terms and exclusions, case-insensitive or exact; returns the first word of every term."""
        strings = vocab.strings
        self.lower_pm = PhraseMatcher(vocab, attr="LOWER")
        self.orth_pm = PhraseMatcher(vocab, attr="ORTH")
        self.term_keys: dict[int, tuple[int, float]] = {}
        self.excl_keys: dict[int, int] = {}
        first_words: set[str] = set()
        for (cat, tier, exact), phrases in sorted(self.lex.terms.items()):
            key = f"T|{cat}|{tier}|{int(exact)}"
            self.term_keys[strings.add(key)] = (cat, tier)
            docs = [make_doc(p) for p in sorted(phrases)]  # each phrase is tokenized once
            first_words.update(doc[0].lower_ for doc in docs if doc.text.strip())
            (self.orth_pm if exact else self.lower_pm).add(key, docs)
        for cat, phrases in sorted(self.lex.excludes.items()):
            key = f"X|{cat}"
            self.excl_keys[strings.add(key)] = cat
            exact = sorted(p[1:] for p in phrases if p.startswith("="))
            if exact:
                self.orth_pm.add(key, [make_doc(p) for p in exact])
            self.lower_pm.add(key, [make_doc(p) for p in sorted(phrases) if not p.startswith("=")])
        self.has_orth = len(self.orth_pm) > 0
        return first_words

    def _build_cue_matchers(self, vocab: Vocab, validate: bool) -> None:
        """One Matcher per category: cue matchers run only on windows around that category's terms.

        A Matcher's cost grows with patterns x tokens; the window is long enough for the longest cue plus its gap.
        """
        self.cue_matchers: dict[int, Matcher] = {}
        self.cue_keys: dict[int, CueSpec] = {}
        for cue in self.lex.cues:
            self.cue_keys[vocab.strings.add(cue.key)] = cue
            for cat in cue.cats:
                matcher = self.cue_matchers.setdefault(cat, Matcher(vocab, validate=validate))
                matcher.add(cue.key, [list(p) for p in cue.patterns])
        cues = self.lex.cues
        self.pre_window = max((_max_len(p) + c.gap for c in cues if c.slot == "pre" for p in c.patterns), default=0)
        self.post_window = max((_max_len(p) + c.gap for c in cues if c.slot == "post" for p in c.patterns), default=0)
        self.max_gap = max((c.gap for c in cues), default=0)

    def _build_pattern_matchers(self, vocab: Vocab, validate: bool) -> None:
        """One Matcher per category of standalone patterns, run only when the Doc holds the words they need.

        Each distinct required word set gets a bit; a Doc's bits come from one dict lookup per token, and a
        pattern can only match if every bit of its mask is present.
        """
        set_bits: dict[frozenset[str], int] = {}
        by_cat: dict[int, list[PatternSpec]] = defaultdict(list)
        self.pat_keys: dict[int, PatternSpec] = {}
        for pat in self.lex.patterns:
            self.pat_keys[vocab.strings.add(pat.key)] = pat
            by_cat[pat.cat].append(pat)
        self.pat_matchers: list[tuple[Matcher, tuple[int, ...]]] = []
        for pats in by_cat.values():
            matcher = Matcher(vocab, validate=validate)
            needs: set[int] = set()
            for pat in pats:
                matcher.add(pat.key, [list(p) for p in pat.patterns])
                needs.update(_required_mask(p, set_bits) for p in pat.patterns)
            self.pat_matchers.append((matcher, tuple(sorted(needs))))
        word_bits: dict[int, int] = defaultdict(int)
        for words, bit in set_bits.items():
            for word in words:
                word_bits[vocab.strings.add(word)] |= bit
        self.word_bits = dict(word_bits)

    def _build_triggers(self, first_words: set[str], vocab: Vocab) -> Triggers:
        """Words without which nothing can fire: the first word of every term, and one required word set of
        every standalone pattern (or, for a pattern of regex tokens only, its first regex).
        A pattern that requires nothing at all makes every text a candidate (no trigger words)."""
        triggers: set[str] | None = first_words
        trigger_regexes: list[str] = []
        for pat in self.lex.patterns:
            for pattern in pat.patterns:
                required = _required_sets(pattern)
                regex = _first_required_regex(pattern)
                if required and triggers is not None:
                    triggers |= _rarest(required)
                elif regex:
                    trigger_regexes.append(regex)
                else:
                    triggers = None
        return Triggers.of(triggers, trigger_regexes, vocab.strings)

    def might_fire(self, doc: Doc) -> bool:
        """Cheap test on a tokenized Doc: False means `run` cannot return anything."""
        return self.triggers.might_fire(doc)

    def _index(self, name: str) -> int:
        return self.lex.category_index(name)

    # ------------------------------------------------------------------ run
    def run(self, doc: Doc, threshold: float) -> list[Signal]:
        """The statements of `doc` scoring at least `threshold`, merged per category, in text order."""
        terms, exclusions = self._phrase_matches(doc)
        pre, post = self._cue_matches(doc, terms)
        patterns = _outside(self._pattern_matches(doc), exclusions) if exclusions else self._pattern_matches(doc)
        if not patterns and not self._terms_can_fire(terms, pre, post, threshold):
            return []
        ctx = DocContext(doc, self.flags, self.punct_sentences)
        covered: dict[int, set[int]] = defaultdict(set)
        for term in terms:
            covered[term.category].update(range(term.start, term.end))
        hits = [self._score_term(doc, ctx, term, pre, post, covered[term.category], threshold) for term in terms]
        hits += [self._score_pattern(doc, ctx, match) for match in patterns]
        return self._signals(doc, [hit for hit in hits if hit is not None], threshold)

    def _terms_can_fire(self, terms: list[Term], pre: CuesAt, post: CuesAt, threshold: float) -> bool:
        """Whether a term could score: it has a cue, its tier alone reaches the threshold, or a verb may anchor it."""
        if not terms:
            return False
        return bool(pre or post) or threshold <= self.max_tier or any(t.category in self.dep_cats for t in terms)

    def _phrase_matches(self, doc: Doc) -> tuple[list[Term], list[Exclusion]]:
        """Terms not cancelled by an exclusion, the longest of nested ones kept; and the exclusions."""
        matches = self.lower_pm(doc)
        if self.has_orth:
            matches += self.orth_pm(doc)
        terms: list[Term] = []
        exclusions: list[Exclusion] = []
        for key, start, end in matches:
            term = self.term_keys.get(key)
            if term is not None:
                terms.append(Term(term[0], term[1], start, end))
            else:
                exclusions.append(Exclusion(self.excl_keys[key], start, end))
        if exclusions:
            terms = _outside(terms, exclusions)
        return _drop_nested(terms), exclusions

    def _cue_matches(self, doc: Doc, terms: list[Term]) -> tuple[CuesAt, CuesAt]:
        """Cues near the terms: "pre" cues by the token they end at, "post" cues by the token they start at."""
        pre: CuesAt = defaultdict(list)
        post: CuesAt = defaultdict(list)
        for cat, window_start, window_end in self._windows(terms, len(doc)):
            for key, start, end in self.cue_matchers[cat](doc[window_start:window_end]):
                match = CueMatch(self.cue_keys[key], window_start + start, window_start + end)
                if match.cue.slot == "pre":
                    pre[match.end].append(match)
                else:
                    post[match.start].append(match)
        return pre, post

    def _pattern_matches(self, doc: Doc) -> list[PatternMatch]:
        """Standalone patterns, running only the matchers whose required words all occur in the Doc."""
        if not self.pat_matchers or not len(doc):
            return []
        bits, present = self.word_bits.get, 0
        for word in doc.to_array(LOWER).tolist():
            present |= bits(word, 0)
        matches: list[PatternMatch] = []
        for matcher, needs in self.pat_matchers:
            if any(need & present == need for need in needs):
                matches += [PatternMatch(self.pat_keys[key], start, end) for key, start, end in matcher(doc)]
        return matches

    def _windows(self, terms: list[Term], n: int) -> list[tuple[int, int, int]]:
        """Merged (category, start, end) token windows around the terms of each category with cues."""
        out: list[tuple[int, int, int]] = []
        for term in sorted(terms, key=lambda t: (t.category, t.start)):
            cat = term.category
            if cat not in self.cue_matchers:
                continue
            start, end = max(0, term.start - self.pre_window), min(n, term.end + self.post_window)
            if out and out[-1][0] == cat and start <= out[-1][2]:
                out[-1] = (cat, out[-1][1], max(end, out[-1][2]))
            else:
                out.append((cat, start, end))
        return out

    # ---------------------------------------------------------------- terms
    def _best_cue(
        self, ctx: DocContext, candidates: Iterable[CueMatch], cat: int, gap: int, mask: int, sentence: range, at: int
    ) -> WeightedCue | None:
        """The heaviest cue of `candidates` that may anchor a term of `cat` across `gap` filler tokens
        in languages `mask`, inside the sentence; the longer one on equal weight."""
        best = None
        for cue, start, end in candidates:
            if cat not in cue.cats or gap > cue.gap or not (cue.lang & mask):
                continue
            if start < sentence.start or end > sentence.stop:
                continue
            first_person = ctx.sentence_has_fp(at) if (cue.needs_fp or cue.fp_bonus) else False
            if cue.needs_fp and not first_person:
                continue
            weight = cue.weight + (self.lex.scoring["fp_bonus"] if cue.fp_bonus and first_person else 0.0)
            if best is None or weight > best.weight or (weight == best.weight and end - start > best.end - best.start):
                best = WeightedCue(weight, cue, start, end)
        return best

    def _nearest_cue(self, ctx: DocContext, cues_at: CuesAt, term: Term, step: int, sentence: range):
        """Walk from the term over filler tokens (left with step -1, right with +1) for the best cue.

        A cue counts where it ends right before (or starts right after) the walked-over fillers; the walk
        stops at the sentence edge, at the longest cue gap, or at a token that is a filler in no language
        the cues so far allow.
        """
        best: WeightedCue | None = None
        position = term.start if step < 0 else term.end
        mask, gap = ALL_LANGS, 0
        while True:
            if position in cues_at:
                found = self._best_cue(ctx, cues_at[position], term.category, gap, mask, sentence, term.start)
                if found and (best is None or found.weight > best.weight):
                    best = found
            at_edge = position <= sentence.start if step < 0 else position >= sentence.stop
            if at_edge or gap >= self.max_gap:
                return best
            mask &= ctx.flags[position - 1 if step < 0 else position][FILL]
            if not mask:
                return best
            position, gap = position + step, gap + 1

    def _anchor(self, doc: Doc, ctx: DocContext, term: Term, pre: CuesAt, post: CuesAt) -> Anchor:
        """The cues before and after the term (their weights add up to a cap), or else a verb that anchors it."""
        sentence = range(ctx.sent_start[term.start], ctx.sent_end[term.start])
        before = self._nearest_cue(ctx, pre, term, -1, sentence)
        after = self._nearest_cue(ctx, post, term, +1, sentence)
        if before or after:
            weight = min(
                self.lex.scoring["cue_cap"], (before.weight if before else 0.0) + (after.weight if after else 0.0)
            )
            main = (before or after).cue
            start = before.start if before else term.start
            end = after.end if after else term.end
            return Anchor(weight, start, end, main.anchor, main.lang)
        if term.category in self.dep_cats:
            dep = self._dep_anchor(doc, term.start, term.end, self.cats[term.category])
            if dep is not None:
                weight, start, kind = dep
                return Anchor(weight, min(start, term.start), term.end, kind, EN)
        owner = _conjunct_owner(doc, term.start, term.end)
        if owner is not None:  # "my boredom and depression": the possessive of the first conjunct covers both
            return Anchor(self.lex.scoring["conj_weight"], owner, term.end, "first", EN)
        return Anchor(0.0, term.start, term.end, "none", ALL_LANGS)

    def _score_term(
        self, doc: Doc, ctx: DocContext, term: Term, pre: CuesAt, post: CuesAt, covered: set[int], threshold: float
    ) -> Hit | None:
        """tier + anchor weight, less the modifier and topical penalties; None when nothing anchors a weak term."""
        anchor = self._anchor(doc, ctx, term, pre, post)
        score = term.tier + anchor.weight
        if score < threshold and anchor.weight == 0.0:
            return None
        spec = self.cats[term.category]
        if anchor.lang & EN and self._modifies_other_noun(doc, term.start, term.end, spec, covered):
            score -= self.lex.scoring["modifier_penalty"]
        if anchor.kind == "third" and ctx.sentence_has(term.start, TOPICAL):
            score -= self.lex.scoring["topical_penalty"]
        return self._finish(ctx, term.category, anchor.start, anchor.end, term.start, score, anchor.lang)

    def _finish(self, ctx: DocContext, cat: int, start: int, end: int, key_start: int, score: float, lang: int) -> Hit:
        """Apply negation (a penalty, or a flip of category for AI/human claims) and hypothetical cues."""
        scoring = self.lex.scoring
        negation_at = ctx.negation(key_start, start - self.window, lang)
        negated = negation_at >= 0
        if negated and cat in self.flip:
            start = min(start, negation_at)  # "no soy humano": the negation is part of the (flipped) claim
        slot = self.hyp_slot[cat]
        if slot is not None and ctx.hypothetical(key_start, start - self.hyp_window, slot, lang):
            score -= scoring["hypothetical_penalty"]
        if negated and cat not in self.flip:
            score -= scoring["negation_penalty"]
        return Hit(cat, start, end, score, lang, negated)

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
    def _score_pattern(self, doc: Doc, ctx: DocContext, match: PatternMatch) -> Hit | None:
        """A standalone pattern's score, after its checks: a word boundary, a how-to question, a noun that follows."""
        pat, start, end = match
        score = pat.score
        for check in pat.checks:
            if check == "boundary" and not ctx.boundary_after(end):
                return None
            if check == "howto" and ctx.preceded_by(start, HOWTO, pat.lang):
                score -= self.lex.scoring["howto_penalty"]
            if check.startswith("noun:") and self._followed_by_other_noun(doc, end, check[5:]):
                return None
        if pat.anchor == "third" and ctx.sentence_has(start, TOPICAL):
            score -= self.lex.scoring["topical_penalty"]
        return self._finish(ctx, pat.cat, start, end, start, score, pat.lang)

    def _followed_by_other_noun(self, doc: Doc, end: int, allowed: str) -> bool:
        """The pattern is followed by a noun not in the list `allowed` ("delete my account" vs "my account data")."""
        return end < len(doc) and doc[end].pos_ in _NOUNS and doc[end].lower_ not in self.lex.lists[allowed]

    # --------------------------------------------------------------- output
    def _signals(self, doc: Doc, hits: list[Hit], threshold: float) -> list[Signal]:
        """Hits at or above the threshold (negated claims flipped), overlapping ones of a category merged."""
        by_cat: dict[int, list[tuple[int, int, float]]] = defaultdict(list)
        for hit in hits:
            cat = self.flip[hit.category] if hit.negated and hit.category in self.flip else hit.category
            score = round(min(1.0, max(0.0, hit.score)), 3)
            if score >= threshold:
                by_cat[cat].append((hit.start, hit.end, score))
        out = [signal for cat, spans in by_cat.items() for signal in _merged(doc, self.cats[cat], spans)]
        out.sort(key=lambda sig: (sig.start, sig.end, sig.category))
        return out


def _merged(doc: Doc, spec: CategorySpec, spans: list[tuple[int, int, float]]) -> list[Signal]:
    """One signal per run of overlapping spans, with the highest score of the run."""
    spans.sort()
    out: list[Signal] = []
    cur_start, cur_end, cur_score = spans[0]
    for start, end, score in spans[1:]:
        if start < cur_end:
            cur_end, cur_score = max(cur_end, end), max(cur_score, score)
            continue
        out.append(_signal(doc, spec, cur_start, cur_end, cur_score))
        cur_start, cur_end, cur_score = start, end, score
    out.append(_signal(doc, spec, cur_start, cur_end, cur_score))
    return out


def _outside(matches: list, exclusions: list[Exclusion]) -> list:
    """The term or pattern matches that overlap no exclusion of their own category."""
    return [m for m in matches if not any(_cancels(x, m) for x in exclusions)]


def _cancels(exclusion: Exclusion, match: Term | PatternMatch) -> bool:
    """A pattern is cancelled by an overlapping exclusion (unless it says ``exclusions: false``); a term only by one
    that covers it: "a Roma" (Italian "in Rome") cancels "Roma" but not the longer term "Roma woman" in "as a Roma
    woman"."""
    if isinstance(match, Term):
        return exclusion.category == match.category and exclusion.start <= match.start and match.end <= exclusion.end
    if not match.pattern.excludable:
        return False
    return exclusion.category == match.pattern.cat and exclusion.start < match.end and match.start < exclusion.end


def _required_mask(pattern: tuple[dict, ...], set_bits: dict[frozenset[str], int]) -> int:
    """The bits of the word sets `pattern` requires, giving each new set the next bit."""
    mask = 0
    for words in _required_sets(pattern):
        mask |= set_bits.setdefault(words, 1 << len(set_bits))
    return mask


def _first_required_regex(pattern: tuple[dict, ...]) -> str | None:
    """The LOWER regex of the first token of `pattern` that must occur, if any."""
    for token in pattern:
        lower = token.get("LOWER")
        if isinstance(lower, dict) and "REGEX" in lower and token.get("OP", "1") not in ("?", "*"):
            return lower["REGEX"]
    return None


def _rarest(required: list[frozenset[str]]) -> frozenset[str]:
    """The required word set with the fewest stop words: the rarest evidence ("delete" rather than "my")."""
    return min(required, key=lambda words: (sum(w in STOP_WORDS for w in words), len(words)))


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


def _conjunct_owner(doc: Doc, s: int, e: int) -> int | None:
    """EN: the index of "my"/"our" that owns the noun a term is coordinated with ("my boredom and depression")."""
    tok = doc[s:e].root
    if tok.dep_ != "conj" or tok.head.i >= tok.i or tok.head.pos_ not in _NOUNS:
        return None
    for child in tok.head.children:
        if child.dep_ == "poss" and child.lower_ in _FIRST_POSS and child.i < tok.head.i:
            return child.i
    return None


def _drop_nested(terms: list[Term]) -> list[Term]:
    """Per category keep the longest of nested term matches ("type 2 diabetes" over "diabetes")."""
    terms.sort(key=lambda t: (t.category, t.start, -t.end, -t.tier))
    out: list[Term] = []
    last_cat, max_end = -1, -1
    for term in terms:
        if term.category != last_cat:
            last_cat, max_end = term.category, -1
        if term.end <= max_end:
            continue
        out.append(term)
        max_end = term.end
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
        self._engine: StatementMatcher | None = None
        self._ai_engine: StatementMatcher | None = None
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

    def _gdpr(self) -> StatementMatcher:
        if self._engine is None:
            self._engine = StatementMatcher(self.nlp.make_doc, self.nlp.vocab, load_lexicon("gdpr", self._lexicon_dir))
        return self._engine

    def _ai(self) -> StatementMatcher:
        if self._ai_engine is None:
            self._ai_engine = StatementMatcher(
                self.nlp.make_doc, self.nlp.vocab, load_lexicon("ai", self._lexicon_dir), punct_sentences=True
            )
        return self._ai_engine
