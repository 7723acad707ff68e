"""scripts/slim_ner_model.py: a stored tokenizer's token_match alternation is rewritten factored, nothing else."""

import re

import spacy
import srsly
from spacy.tokenizer import Tokenizer

from tests.unit.scripts import load_script


def _tokenizer_file(tmp_path, token_match):
    nlp = spacy.blank("en")
    tokenizer = Tokenizer(
        nlp.vocab,
        rules={"don't": [{"ORTH": "do"}, {"ORTH": "n't"}]},
        prefix_search=re.compile(r"^[\[(]").search,
        token_match=token_match,
    )
    path = tmp_path / "tokenizer"
    tokenizer.to_disk(path, exclude=["vocab"])
    return path


def test_an_alternation_is_stored_factored_and_the_other_fields_are_kept(tmp_path):
    script = load_script("slim_ner_model")
    path = _tokenizer_file(tmp_path, re.compile("(?i)(?:^ab-x+$)|(?:^cd-x+$)").match)
    before = srsly.msgpack_loads(path.read_bytes())
    assert script.factor_token_match(path) is True
    after = srsly.msgpack_loads(path.read_bytes())
    assert after.pop("token_match") == "(?i)(?:^ab|^cd)-x+$"
    before.pop("token_match")
    assert after == before
    assert script.factor_token_match(path) is False  # already factored: left as it is


def test_a_tokenizer_without_an_alternation_or_without_token_match_is_left_alone(tmp_path):
    script = load_script("slim_ner_model")
    for token_match in (None, re.compile("^a+$").match):
        path = _tokenizer_file(tmp_path, token_match)
        stored = path.read_bytes()
        assert script.factor_token_match(path) is False
        assert path.read_bytes() == stored
