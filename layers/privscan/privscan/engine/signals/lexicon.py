"""Load the YAML lexicons (``lexicons/*.yaml``) into plain, immutable specs.

Nothing here touches spaCy: the detector turns these specs into matchers. The file
format and the token-pattern mini-language are documented in ``lexicons/common.yaml``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import product
from pathlib import Path
from typing import Any

from privscan.engine.signals.model import RULE_IDS
from privscan.engine.yamlio import load_yaml

LEXICON_DIR = Path(__file__).with_name("lexicons")
LANGS: tuple[str, ...] = ("en", "de", "fr", "es", "it", "nl", "pl", "pt")
LANG_BIT: dict[str, int] = {lang: 1 << i for i, lang in enumerate(LANGS)}
ALL_LANGS = (1 << len(LANGS)) - 1
EN = LANG_BIT["en"]

_QUANT = re.compile(r"^(.+?)(\?|\*|\+|\{\d*,\d*\})?$")
_VOWEL_START = re.compile(r"^[aeiouhàâäéèêëîïôöùûüœæ]")
_ELISIONS = {"fr": ("l'", "d'", "qu'"), "it": ("l'", "d'", "dell'", "all'", "nell'", "dall'", "un'", "sull'")}
_APOS = ("'", "\u2019")
_KINDS: dict[str, dict[str, Any]] = {
    "#num": {"LIKE_NUM": True},
    "#person": {"ENT_TYPE": "PERSON"},
    "#punct": {"IS_PUNCT": True},
}


@dataclass(frozen=True, slots=True)
class CategorySpec:
    index: int
    category: str
    rule_id: str
    on_negation: str | None  # flip to this category when negated (AI/human claims); None = penalise
    hypothetical: str | None  # name of the hypothetical-cue list in common.yaml, or None
    heads: frozenset[str]  # EN: nouns a term may modify without losing its meaning ("HIV test")
    dep_verbs: frozenset[str]  # EN: verb lemmas that anchor a term used as their object to their subject
    dep_third: bool  # EN: he / she / PERSON subjects also anchor via dep_verbs


@dataclass(frozen=True, slots=True)
class CueSpec:
    key: str
    cats: frozenset[int]
    weight: float
    slot: str  # "pre": the cue precedes the term; "post": it follows it
    gap: int  # max filler tokens between cue and term
    lang: int  # language bit
    anchor: str  # "first" | "third" | "none"
    fp_bonus: bool  # add scoring.fp_bonus when the sentence has a first-person word
    needs_fp: bool  # only counts when the sentence has a first-person word
    patterns: tuple[tuple[dict[str, Any], ...], ...]


@dataclass(frozen=True, slots=True)
class PatternSpec:
    key: str
    cat: int
    score: float
    lang: int
    anchor: str
    checks: tuple[str, ...]  # "boundary", "howto", "noun:<list>"
    patterns: tuple[tuple[dict[str, Any], ...], ...]
    excludable: bool = True  # False: the category's exclusions do not cancel this pattern


@dataclass(slots=True)
class Lexicon:
    categories: list[CategorySpec] = field(default_factory=list)
    # (category index, tier score, case-sensitive?) -> phrases
    terms: dict[tuple[int, float, bool], set[str]] = field(default_factory=dict)
    excludes: dict[int, set[str]] = field(default_factory=dict)
    cues: list[CueSpec] = field(default_factory=list)
    patterns: list[PatternSpec] = field(default_factory=list)
    lists: dict[str, frozenset[str]] = field(default_factory=dict)
    words: dict[str, dict[str, frozenset[str]]] = field(default_factory=dict)  # kind -> lang -> words
    hypothetical: dict[str, dict[str, frozenset[str]]] = field(default_factory=dict)
    topical: frozenset[str] = frozenset()
    boundary: frozenset[str] = frozenset()
    scoring: dict[str, float] = field(default_factory=dict)

    def category_index(self, name: str) -> int:
        for spec in self.categories:
            if spec.category == name:
                return spec.index
        raise KeyError(name)


def apostrophe_variants(word: str) -> list[str]:
    out = [word]
    for a, b in (_APOS, _APOS[::-1]):
        if a in word:
            out.append(word.replace(a, b))
    return out


def _words(value: Any) -> list[str]:
    """A list, or a {lang: list} mapping, flattened to lower-cased words with apostrophe variants."""
    items = [w for ws in value.values() for w in ws] if isinstance(value, dict) else list(value or [])
    return [v for w in items for v in apostrophe_variants(str(w).lower())]


class _PatternCompiler:
    """Pattern strings (mini-language documented in common.yaml) -> spaCy Matcher token patterns."""

    def __init__(self, lists: dict[str, frozenset[str]]):
        self.lists = lists

    def _special(self, body: str) -> dict[str, Any] | None:
        if body == "_":
            return {}
        if body.startswith("~"):
            return {"LEMMA": {"IN": body[1:].split("|")}}
        if len(body) > 3 and body.startswith("=/") and body.endswith("/"):
            return {"ORTH": {"REGEX": body[2:-1]}}
        if body.startswith("=") and len(body) > 1:
            return {"ORTH": {"IN": [v for w in body[1:].split("|") for v in apostrophe_variants(w)]}}
        if len(body) > 2 and body.startswith("/") and body.endswith("/"):
            return {"LOWER": {"REGEX": body[1:-1]}}
        return None

    def token(self, raw: str) -> list[dict[str, Any]]:
        """One token spec -> its alternatives (several only when "#kind" alternatives are mixed in)."""
        m = _QUANT.match(raw)
        if not m:
            raise ValueError(f"bad token spec {raw!r}")
        body, quant = m.group(1), m.group(2)
        special = self._special(body)
        if special is not None:
            alts = [special]
        else:  # alternatives: words, @lists and #kinds
            words: set[str] = set()
            alts = []
            for alt in body.split("|"):
                if alt in _KINDS:
                    alts.append(dict(_KINDS[alt]))
                elif alt.startswith("@"):
                    words.update(self.lists[alt[1:]])
                else:
                    words.update(apostrophe_variants(alt.lower()))
            if words:  # a single word compiles to a native attribute check (faster than an IN predicate)
                alts.insert(0, {"LOWER": next(iter(words)) if len(words) == 1 else {"IN": sorted(words)}})
        if quant:
            for spec in alts:
                spec["OP"] = quant
        return alts

    def patterns(self, text: str) -> list[tuple[dict[str, Any], ...]]:
        try:
            return [tuple(p) for p in product(*(self.token(raw) for raw in text.split()))]
        except KeyError as exc:
            raise ValueError(f"unknown list {exc} in pattern {text!r}") from None


def _term_variants(phrase: str, lang: str) -> list[str]:
    out = apostrophe_variants(phrase)
    if lang in _ELISIONS and _VOWEL_START.match(phrase.lstrip("=").lower()):
        case = "=" if phrase.startswith("=") else ""
        bare = phrase.lstrip("=")
        out += [v for p in _ELISIONS[lang] for v in apostrophe_variants(case + p + bare)]
    return out


def _load_yaml(path: Path) -> dict[str, Any]:
    with path.open(encoding="utf-8") as fh:
        return load_yaml(fh) or {}


def load_lexicon(group: str, directory: Path = LEXICON_DIR, names: str = "*.yaml") -> Lexicon:
    """Read ``common.yaml`` plus every category file whose ``group`` equals *group* ("gdpr" | "ai" | "ethics");
    `names` narrows the files read (a glob: the ethics group's files are ``ethics_*.yaml``)."""
    common = _load_yaml(directory / "common.yaml")
    files = [_load_yaml(p) for p in sorted(directory.glob(names)) if p.name != "common.yaml"]
    files = [document for document in files if document.get("group") == group]
    lex = Lexicon()
    _load_word_tables(lex, common, files)
    compiler = _PatternCompiler(lex.lists)
    tiers = {name: float(v) for name, v in common["scoring_tiers"].items()}
    shared_users: dict[str, set[int]] = {}
    for index, document in enumerate(files):
        lex.categories.append(_category_spec(index, document))
        _add_terms(lex, index, document, tiers)
        _add_excludes(lex, index, document)
        for cue_id in document.get("shared_cues", []):
            shared_users.setdefault(cue_id, set()).add(index)
        for n, cue in enumerate(document.get("cues", [])):
            lex.cues += _cues(f"{document['category']}:c{n}", cue, frozenset({index}), compiler)
        lex.patterns += _pattern_specs(index, document, compiler)
    shared_definitions = {cue["id"]: cue for cue in common.get("cues", [])}
    for cue_id, users in sorted(shared_users.items()):
        lex.cues += _cues(f"shared:{cue_id}", shared_definitions[cue_id], frozenset(users), compiler)
    _check_negation_targets(lex.categories)
    return lex


def _load_word_tables(lex: Lexicon, common: dict[str, Any], files: list[dict[str, Any]]) -> None:
    """The word lists (common, then each category file's own), per-language word kinds and scoring."""
    raw_lists: dict[str, Any] = dict(common.get("lists", {}))
    for document in files:
        raw_lists.update(document.get("lists", {}))
    lex.lists = {name: frozenset(_words(v)) for name, v in raw_lists.items()}
    for kind in ("negation", "terminators", "fillers", "first_person", "second_person", "howto"):
        by_lang = common.get(kind, {})
        shared = _words(by_lang.get("all", []))
        lex.words[kind] = {lang: frozenset(_words(by_lang.get(lang, [])) + shared) for lang in LANGS}
    lex.hypothetical = {
        name: {lang: frozenset(_words(v.get(lang, []))) for lang in LANGS}
        for name, v in common.get("hypothetical", {}).items()
    }
    lex.topical = frozenset(_words(common.get("topical", [])))
    lex.boundary = frozenset(_words(common.get("boundary", [])))
    lex.scoring = {k: float(v) for k, v in common["scoring"].items()}


def _category_spec(index: int, document: dict[str, Any]) -> CategorySpec:
    """A category file's header; its rule id must be the one the code knows the category by."""
    category = document["category"]
    if RULE_IDS.get(category) != document["rule_id"]:
        raise ValueError(f"rule id mismatch for {category}: {document['rule_id']!r}")
    return CategorySpec(
        index=index,
        category=category,
        rule_id=document["rule_id"],
        on_negation=document.get("on_negation"),
        hypothetical=document.get("hypothetical", "default"),
        heads=frozenset(_words(document.get("heads", []))),
        dep_verbs=frozenset(document.get("dep_verbs", [])),
        dep_third=bool(document.get("dep_third", False)),
    )


def _add_terms(lex: Lexicon, index: int, document: dict[str, Any], tiers: dict[str, float]) -> None:
    """Term phrases by (category, tier score, case-sensitive?); "=" marks a case-sensitive phrase."""
    for tier, by_lang in (document.get("terms") or {}).items():
        for lang, phrases in by_lang.items():
            for phrase in phrases:
                for variant in _term_variants(str(phrase), lang):
                    exact = variant.startswith("=")
                    text = variant[1:] if exact else variant.lower()
                    lex.terms.setdefault((index, tiers[tier], exact), set()).add(text)


def _add_excludes(lex: Lexicon, index: int, document: dict[str, Any]) -> None:
    """Phrases that cancel an overlapping term of the category ("cancer research")."""
    for lang, phrases in (document.get("exclude") or {}).items():
        for phrase in phrases:
            text = str(phrase) if str(phrase).startswith("=") else str(phrase).lower()
            lex.excludes.setdefault(index, set()).update(_term_variants(text, lang))


def _pattern_specs(index: int, document: dict[str, Any], compiler: _PatternCompiler) -> list[PatternSpec]:
    """One PatternSpec per standalone pattern and language: ``patterns`` is a list (with ``lang``) or by language."""
    specs = []
    for n, pattern in enumerate(document.get("patterns", [])):
        texts_by_lang = pattern["patterns"]
        by_lang = texts_by_lang if isinstance(texts_by_lang, dict) else {pattern["lang"]: texts_by_lang}
        for lang, texts in by_lang.items():
            specs.append(
                PatternSpec(
                    key=f"{document['category']}:p{n}:{lang}",
                    cat=index,
                    score=float(pattern["score"]),
                    lang=LANG_BIT[lang],
                    anchor=pattern.get("anchor", "first"),
                    checks=tuple(pattern.get("checks", [])),
                    patterns=tuple(p for text in texts for p in compiler.patterns(text)),
                    excludable=bool(pattern.get("exclusions", True)),
                )
            )
    return specs


def _check_negation_targets(categories: list[CategorySpec]) -> None:
    """A category that flips when negated must flip to a category of the same group."""
    names = {spec.category for spec in categories}
    for spec in categories:
        if spec.on_negation and spec.on_negation not in names:
            raise ValueError(f"{spec.category}: on_negation target {spec.on_negation} not loaded")


def _cues(key: str, cue: dict[str, Any], cats: frozenset[int], compiler: _PatternCompiler) -> list[CueSpec]:
    """One CueSpec per language: ``patterns`` is a list (with ``lang``) or a {lang: [patterns]} mapping."""
    by_lang = cue["patterns"] if isinstance(cue["patterns"], dict) else {cue["lang"]: cue["patterns"]}
    return [
        CueSpec(
            key=f"{key}:{lang}",
            cats=cats,
            weight=float(cue["weight"]),
            slot=cue.get("slot", "pre"),
            gap=int(cue.get("gap", 3)),
            lang=LANG_BIT[lang],
            anchor=cue.get("anchor", "first"),
            fp_bonus=bool(cue.get("fp_bonus", False)),
            needs_fp=bool(cue.get("needs_fp", False)),
            patterns=tuple(p for t in patterns for p in compiler.patterns(t)),
        )
        for lang, patterns in by_lang.items()
    ]
