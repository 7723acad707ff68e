"""Per-token context flags and NegEx-style scope scans.

Each word of the common lists gets a bit mask per flag kind (one bit per language)
once, keyed by its LOWER hash. Per Doc, one ``to_array`` call plus one dict lookup
per token gives the flags; the scans below only walk a few tokens back from a hit.
"""

from __future__ import annotations

from spacy.attrs import IS_PUNCT, LIKE_NUM, LOWER, POS, SENT_START
from spacy.strings import StringStore
from spacy.symbols import ADJ, ADV, DET, NUM, PART
from spacy.tokens import Doc

from privscan.engine.signals.lexicon import ALL_LANGS, EN, LANG_BIT, Lexicon

NEG, STOP, FILL, HOWTO, FP, SP, TOPICAL, BOUNDARY = range(8)
_KINDS = {"negation": NEG, "terminators": STOP, "fillers": FILL, "howto": HOWTO}
_EN_FILL_POS = frozenset({int(DET), int(ADJ), int(NUM), int(ADV), int(PART)})
_N_FLAGS = 8


class FlagTable:
    """LOWER hash -> per-kind language masks (plus hypothetical masks per named list)."""

    def __init__(self, lex: Lexicon, strings: StringStore):
        self.hyp_names = tuple(sorted(lex.hypothetical))
        width = _N_FLAGS + len(self.hyp_names)
        table: dict[int, list[int]] = {}

        def mark(word: str, slot: int, mask: int) -> None:
            table.setdefault(strings.add(word), [0] * width)[slot] |= mask

        for kind, slot in _KINDS.items():
            for lang, words in lex.words[kind].items():
                for w in words:
                    mark(w, slot, LANG_BIT[lang])
        for lang, words in lex.words["first_person"].items():
            for w in words:
                mark(w, FP, ALL_LANGS)
        for lang, words in lex.words["second_person"].items():
            for w in words:
                mark(w, SP, ALL_LANGS)
        for w in lex.topical:
            mark(w, TOPICAL, ALL_LANGS)
        for w in lex.boundary:
            mark(w, BOUNDARY, ALL_LANGS)
        for i, name in enumerate(self.hyp_names):
            for lang, words in lex.hypothetical[name].items():
                for w in words:
                    mark(w, _N_FLAGS + i, LANG_BIT[lang])
        # negation words never block a gap between cue and term: they are scored instead
        for row in table.values():
            row[FILL] |= row[NEG]
        self.table = {h: tuple(row) for h, row in table.items()}
        self.zero = (0,) * width

    def hyp_slot(self, name: str) -> int:
        return _N_FLAGS + self.hyp_names.index(name)


_SENTENCE_END = frozenset({".", "!", "?", "…", "!?", "?!", "..."})


def _punct_boundaries(doc: Doc) -> frozenset[int]:
    """Indices of the tokens that open a sentence after sentence-final punctuation or a line break."""
    return frozenset(
        token.i + 1 for token in doc[:-1] if token.text in _SENTENCE_END or (token.is_space and "\n" in token.text)
    )


class DocContext:
    """Flags and sentence bounds for every token of one Doc (built only when a Doc has candidate hits)."""

    __slots__ = ("_fp_cache", "doc", "flags", "n", "sent_end", "sent_start")

    def __init__(self, doc: Doc, table: FlagTable, punct_sentences: bool = False):
        """`punct_sentences`: sentences end after ".", "!", "?", "…" or a line break instead of where the parser
        puts them (the English parser splits text of other languages at random places: "Ich bin ein" |
        "Chatbot mit KI")."""
        self.doc = doc
        self.n = n = len(doc)
        rows = doc.to_array([LOWER, POS, IS_PUNCT, LIKE_NUM, SENT_START]).tolist()
        get, zero = table.table.get, table.zero
        flags: list[tuple[int, ...]] = []
        starts: list[int] = [0] * n
        has_sents = doc.has_annotation("SENT_START") and not punct_sentences
        boundary = _punct_boundaries(doc) if punct_sentences else ()
        cur = 0
        for i, (lower, pos, punct, num, sstart) in enumerate(rows):
            if (has_sents and sstart == 1 and i) or i in boundary:
                cur = i
            starts[i] = cur
            row = get(lower, zero)
            if num or (pos in _EN_FILL_POS and not punct):
                row = list(row)
                row[FILL] |= ALL_LANGS if num else EN
                row = tuple(row)
            flags.append(row)
        ends = [n] * n
        for i in range(n - 2, -1, -1):
            ends[i] = ends[i + 1] if starts[i + 1] == starts[i] else i + 1
        self.flags = flags
        self.sent_start = starts
        self.sent_end = ends
        self._fp_cache: dict[int, bool] = {}

    def sentence_has_fp(self, i: int) -> bool:
        s = self.sent_start[i]
        hit = self._fp_cache.get(s)
        if hit is None:
            hit = any(self.flags[j][FP] for j in range(s, self.sent_end[i]))
            self._fp_cache[s] = hit
        return hit

    def sentence_has(self, i: int, slot: int) -> bool:
        return any(self.flags[j][slot] for j in range(self.sent_start[i], self.sent_end[i]))

    def negation(self, start: int, stop_at: int, lang: int) -> int:
        """Index of a negation cue of *lang* in [stop_at, start) not cut off by a scope terminator, else -1."""
        lo = max(stop_at, self.sent_start[start] if start < self.n else 0)
        for j in range(start - 1, lo - 1, -1):
            row = self.flags[j]
            if row[NEG] & lang:
                return j
            if row[STOP] & lang:
                return -1
        return -1

    def hypothetical(self, start: int, stop_at: int, slot: int, lang: int) -> bool:
        """A hypothetical cue ("if", "wenn", "si", "se"...) in [stop_at, start) of the clause.

        ("if you" is a request.)
        """
        lo = max(self.sent_start[start] if start < self.n else 0, stop_at)
        for j in range(start - 1, lo - 1, -1):
            row = self.flags[j]
            if row[slot] & lang and not (j + 1 < self.n and self.flags[j + 1][SP]):
                return True
            if row[STOP] & lang:
                return False
        return False

    def preceded_by(self, start: int, slot: int, lang: int) -> bool:
        """Any token flagged *slot* for *lang* earlier in the same sentence."""
        return any(self.flags[j][slot] & lang for j in range(self.sent_start[start], start))

    def boundary_after(self, end: int) -> bool:
        """The token after a match ends the statement: end of text, punctuation or a boundary word."""
        if end >= self.n:
            return True
        row = self.flags[end]
        return bool(row[BOUNDARY]) or self.doc[end].is_punct
