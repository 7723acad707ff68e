"""API, offsets, thresholds, lexicon data files and purity of the signals package."""

from __future__ import annotations

import ast
import dataclasses
import shutil
import time
from pathlib import Path

import pytest
import yaml
from privscan.engine.signals import GDPR_CATEGORIES, RULE_IDS, Signal, SignalDetector
from privscan.engine.signals.detector import StatementMatcher
from privscan.engine.signals.lexicon import LEXICON_DIR, load_lexicon
from privscan.engine.signals.triggers import cached as cached_triggers

PACKAGE_DIR = LEXICON_DIR.parent


def test_signal_is_a_frozen_slotted_dataclass():
    sig = Signal("GDPR-ART9-HEALTH", "HEALTH_DATA", 0, 5, 0.7)
    assert dataclasses.is_dataclass(sig) and not hasattr(sig, "__dict__")
    with pytest.raises(dataclasses.FrozenInstanceError):
        sig.score = 1.0  # type: ignore[misc]


def test_character_offsets_point_at_the_evidence_in_multi_sentence_text(nlp, detector):
    text = "Thanks for the quick reply. By the way, I'm on antidepressants. Also please delete my account!"
    signals = detector.detect(nlp(text))
    assert [(s.category, text[s.start : s.end]) for s in signals] == [
        ("HEALTH_DATA", "I'm on antidepressants"),
        ("ERASURE_REQUEST", "please delete my account"),
    ]
    assert signals == sorted(signals, key=lambda s: s.start)


def test_detect_text_equals_detect_on_a_doc(nlp, detector):
    text = "I'm 13 and I voted for the Greens in the school election"
    assert detector.detect_text(text) == detector.detect(nlp(text))


def test_default_threshold_hides_unanchored_terms_but_a_lower_one_shows_them(nlp, detector):
    doc = nlp("a cancer research article")
    assert detector.detect(doc) == []
    low = detector.detect(doc, threshold=0.0)
    assert [s.category for s in low] == ["HEALTH_DATA"] and low[0].score < 0.5


def test_threshold_is_configurable_per_detector(nlp):
    strict = SignalDetector(nlp, threshold=0.7)
    assert strict.detect(nlp("I voted for the Greens")) == []  # scores 0.65
    assert [s.category for s in strict.detect(nlp("I'm on antidepressants"))] == ["HEALTH_DATA"]


def test_empty_and_irrelevant_text(nlp, detector):
    assert detector.detect(nlp("")) == []
    assert detector.detect(nlp("The quarterly report is attached; see section 4.2.")) == []


def test_several_categories_in_one_text(nlp, detector):
    text = "I'm 14, I'm Muslim and my dad has a criminal record."
    found = {(s.category, text[s.start : s.end]) for s in detector.detect(nlp(text))}
    assert found == {
        ("CHILD_DATA", "I'm 14"),
        ("RELIGIOUS_BELIEF", "I'm Muslim"),
        ("CRIMINAL_DATA", "my dad has a criminal record"),
    }


def test_negation_scope_ends_at_a_comma_or_conjunction(nlp, detector):
    for text in ("No, I'm Catholic.", "I'm not sure, but I'm Catholic"):
        assert [s.category for s in detector.detect(nlp(text))] == ["RELIGIOUS_BELIEF"], text


def test_doc_without_parser_annotations_does_not_fail(nlp, detector):
    doc = nlp.make_doc("I'm 13. Please delete my account.")
    assert {s.category for s in detector.detect(doc)} == {"CHILD_DATA", "ERASURE_REQUEST"}


def test_categories_property_lists_every_gdpr_rule(detector):
    assert sorted(detector.categories) == sorted((RULE_IDS[c], c) for c in GDPR_CATEGORIES)


# ---------------------------------------------------------------- lexicon data files
def _category_files():
    return [p for p in sorted(LEXICON_DIR.glob("*.yaml")) if p.name != "common.yaml"]


@pytest.mark.parametrize("path", _category_files(), ids=lambda p: p.name)
def test_category_file_schema(path):
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert data["group"] in ("gdpr", "ai", "ethics")
    assert RULE_IDS[data["category"]] == data["rule_id"]
    assert set(data.get("terms", {})) <= {"strong", "medium", "weak", "context"}
    assert data.get("terms") or data.get("patterns"), "a category needs terms or standalone patterns"
    assert path.read_text(encoding="utf-8").startswith("#"), "document the file at its top"


def test_every_category_has_exactly_one_file():
    names = [yaml.safe_load(p.read_text(encoding="utf-8"))["category"] for p in _category_files()]
    assert sorted(names) == sorted(RULE_IDS)


def test_both_lexicon_groups_compile():
    gdpr, ai = load_lexicon("gdpr"), load_lexicon("ai")
    assert {c.category for c in gdpr.categories} == set(GDPR_CATEGORIES)
    assert {c.category for c in ai.categories} == {"AI_DISCLOSURE", "HUMAN_CLAIM"}
    assert gdpr.cues and gdpr.patterns and gdpr.terms


def test_every_lexicon_pattern_passes_spacys_schema(nlp):
    """Production builds the matchers without spaCy's per-pattern validation (cold start): it is done here."""
    for group in ("gdpr", "ai", "ethics"):
        StatementMatcher(nlp.make_doc, nlp.vocab, load_lexicon(group), validate=True)  # raises on an invalid pattern
    broken = dataclasses.replace(load_lexicon("ai"))
    broken.cues = [dataclasses.replace(broken.cues[0], patterns=(({"LOWER": {"NOT_A_PREDICATE": ["x"]}},),))]
    with pytest.raises(ValueError):
        StatementMatcher(nlp.make_doc, nlp.vocab, broken, validate=True)


@pytest.mark.parametrize("group", ["gdpr", "ai"])
def test_the_committed_trigger_words_are_those_the_lexicon_gives(nlp, group):
    """If this fails, a lexicon changed: regenerate with `python -m privscan.engine.signals.triggers`."""
    stored = cached_triggers(group, LEXICON_DIR, nlp.vocab.strings)
    built = StatementMatcher(nlp.make_doc, nlp.vocab, load_lexicon(group)).triggers
    assert stored is not None and stored.to_dict() == built.to_dict() and stored.ids == built.ids


def test_the_gdpr_matchers_wait_for_the_first_text_with_a_trigger_word(nlp):
    detector = SignalDetector(nlp)
    assert detector._engine is None
    assert not detector.might_fire(nlp.make_doc("Contact Lukas Weber at lukas@example.com"))
    assert detector._engine is None  # answered from the stored trigger words
    doc = nlp("I was diagnosed with diabetes last year.")
    assert detector.might_fire(doc) and [s.category for s in detector.detect(doc)] == ["HEALTH_DATA"]
    assert detector._engine is not None


def test_a_lexicon_changed_without_new_trigger_words_builds_the_matchers_at_start(nlp, tmp_path):
    for path in LEXICON_DIR.iterdir():
        shutil.copy(path, tmp_path / path.name)
    assert cached_triggers("gdpr", tmp_path, nlp.vocab.strings) is not None
    health = tmp_path / "health.yaml"
    health.write_text(health.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    assert cached_triggers("gdpr", tmp_path, nlp.vocab.strings) is None
    assert SignalDetector(nlp, lexicon_dir=tmp_path)._engine is not None


def test_lexicons_are_data_a_reduced_directory_gives_a_reduced_detector(nlp, tmp_path):
    for name in ("common.yaml", "health.yaml"):
        shutil.copy(LEXICON_DIR / name, tmp_path / name)
    only_health = SignalDetector(nlp, lexicon_dir=tmp_path)
    assert only_health.categories == [("GDPR-ART9-HEALTH", "HEALTH_DATA")]
    doc = nlp("I'm on antidepressants and I'm Catholic")
    assert [s.category for s in only_health.detect(doc)] == ["HEALTH_DATA"]


# ---------------------------------------------------------------- purity and speed
def test_package_is_pure_no_aws_or_network_imports():
    banned = {"boto3", "botocore", "requests", "urllib", "http", "socket", "aiohttp", "httpx"}
    for path in PACKAGE_DIR.glob("*.py"):
        tree = ast.parse(Path(path).read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                roots = {a.name.split(".")[0] for a in node.names}
            elif isinstance(node, ast.ImportFrom):
                roots = {(node.module or "").split(".")[0]}
            else:
                continue
            assert not roots & banned, f"{path.name} imports {roots & banned}"


def test_detection_on_premade_docs_is_fast(nlp, detector):
    texts = [
        "I was diagnosed with type 2 diabetes last year",
        "The meeting moved to Thursday at 3pm, see the agenda.",
        "please delete my account",
        "the union of two sets is commutative",
    ] * 75
    docs = list(nlp.pipe(texts))
    start = time.perf_counter()
    for doc in docs:
        detector.detect(doc)
    assert time.perf_counter() - start < 3.0  # very loose: measured at several thousand docs/s
