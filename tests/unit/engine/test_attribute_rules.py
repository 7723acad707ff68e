"""The indexed match step of the attribute ruler gives spaCy's own matches, so Docs are annotated identically."""

import pytest
import spacy
from faker import Faker
from privscan.engine.analyzer import build_analyzer
from privscan.engine.attribute_rules import IndexedRuleMatcher, index_attribute_ruler
from privscan.engine.config import EngineConfig
from spacy.tokens import Doc

MODEL = EngineConfig().spacy_model
# the model's multi-token, REGEX and DEP rules: contractions, dialect, "there is", auxiliaries, spaces
EDGE_TEXTS = [
    "I ain't got nothin' to say.",
    "Y'all know it's broken.",
    "There's a problem and there are two more.",
    "Don't you do that again, did you?",
    "What do you do?",
    "He gets it, she got it.",
    "  two  spaces \n\n new line",
    "I'm diagnosed with diabetes; it's been hard for me.",
    "Which one? That one. Those who know.",
    "I have to go to the hospital to have surgery.",
    "They'd said we'd been told.",
]


def synthetic_texts(count: int) -> list[str]:
    fake = Faker(["en_GB", "de_DE", "fr_FR"])
    Faker.seed(31)
    texts = []
    for _ in range(count):
        texts += [
            fake.sentence(nb_words=12),
            f"Hi, I'm {fake.name()} and I can't log in since {fake.day_of_week()}.",
            f"{fake.name()} ain't at {fake.street_address()}; y'all call {fake.phone_number()}!",
        ]
    return texts + EDGE_TEXTS


@pytest.fixture(scope="module")
def stock_and_indexed():
    stock, indexed = spacy.load(MODEL), spacy.load(MODEL)
    assert index_attribute_ruler(indexed)
    return stock, indexed


def annotations(nlp, texts):
    return [
        [(t.text, t.pos_, t.tag_, str(t.morph), t.lemma_, t.dep_) for t in doc]
        for doc in nlp.pipe(texts, disable=["ner"])
    ]


def test_the_model_rules_give_spacys_matches_and_annotations(stock_and_indexed):
    stock, indexed = stock_and_indexed
    texts = synthetic_texts(150)
    docs = list(stock.pipe(texts, disable=["ner", "attribute_ruler", "lemmatizer"]))  # tagged and parsed
    stock_ruler, indexed_ruler = stock.get_pipe("attribute_ruler"), indexed.get_pipe("attribute_ruler")
    assert [indexed_ruler.match(doc) for doc in docs] == [stock_ruler.match(doc) for doc in docs]
    assert annotations(indexed, texts) == annotations(stock, texts)


def test_edge_rules_land_on_the_expected_tokens(stock_and_indexed):
    _, indexed = stock_and_indexed
    ain_t, y_all, nothin = (indexed(text) for text in ("I ain't sure.", "Y all know.", "I got nothin'."))
    assert [t.lemma_ for t in ain_t][1:3] == ["be", "not"]  # two-token rule: "ai" + REGEX ^n'?t$
    assert [t.lemma_ for t in y_all][:2] == ["you", "all"]  # REGEX ^y'?$ followed by "all"
    assert nothin[2].lemma_ == "nothing"  # single-token REGEX ^n[ou]thin'$


def hand_made_ruler(extra_rule=None):
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"TAG": "NN"}]], {"POS": "NOUN"})
    ruler.add([[{"TAG": {"IN": ["VBZ", "VBD"]}, "LOWER": {"NOT_IN": ["is", "was"]}}]], {"POS": "VERB"})
    ruler.add([[{"LOWER": {"REGEX": "^colou?r$"}}]], {"LEMMA": "colour"})
    ruler.add([[{"DEP": "expl"}, {"LOWER": {"IN": ["is", "was"]}}]], {"POS": "AUX"}, index=1)
    ruler.add([[{"IS_SPACE": True}]], {"POS": "SPACE"})
    ruler.add([[{"LOWER": "paint", "TAG": "NN"}]], {"POS": "PROPN"})  # later rule: overrides NOUN
    if extra_rule:
        ruler.add(*extra_rule)
    return nlp, ruler


def hand_made_doc(nlp):
    words = ["There", "is", "paint", ";", "color", "fades", "and", "colour", "was", "red", " "]
    tags = ["EX", "VBZ", "NN", ":", "NN", "VBZ", "CC", "NN", "VBD", "JJ", "_SP"]
    deps = ["expl", "ROOT", "attr", "punct", "nsubj", "conj", "cc", "nsubj", "conj", "acomp", "dep"]
    heads = [1, 1, 1, 1, 5, 1, 5, 8, 5, 8, 9]
    return Doc(nlp.vocab, words=words, tags=tags, deps=deps, heads=heads)


def test_operators_order_and_multi_token_rules_as_spacy_applies_them():
    nlp, ruler = hand_made_ruler()
    expected = ruler.match(hand_made_doc(nlp))
    assert IndexedRuleMatcher(ruler)(hand_made_doc(nlp)) == expected
    assert index_attribute_ruler(nlp)
    doc = ruler(hand_made_doc(nlp))
    assert [t.pos_ for t in doc] == ["", "AUX", "PROPN", "", "NOUN", "VERB", "", "NOUN", "", "", "SPACE"]
    assert [t.lemma_ for t in doc][4:8] == ["colour", "", "", "colour"]


def test_a_rule_it_does_not_understand_keeps_spacys_matcher():
    nlp, ruler = hand_made_ruler(([[{"LENGTH": {">=": 5}}]], {"POS": "X"}))
    assert not index_attribute_ruler(nlp)
    assert "match" not in vars(ruler)  # the class's own match step
    assert not index_attribute_ruler(spacy.blank("en"))  # no ruler at all


def test_the_engine_pipeline_uses_the_indexed_step():
    nlp = build_analyzer(EngineConfig()).nlp_engine.nlp["en"]
    assert isinstance(vars(nlp.get_pipe("attribute_ruler"))["match"], IndexedRuleMatcher)
