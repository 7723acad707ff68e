"""The trimmed language-identification model (layers/models/langid/eu.npz, scripts/trim_langid_model.py) against
py3langid's own model restricted to the same languages: the same arrays, and the same language and confidence
on every sentence of the project's real-text data."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from privscan.engine.language import EU_LANGUAGES, LanguageIdentifier, default_model_path, load_trimmed

REPO = Path(__file__).resolve().parents[3]
REAL_SENTENCES = sorted((REPO / "data" / "real-ner").glob("*/sentences.jsonl")) + [
    REPO / "data" / "statements-challenge" / "sentences.jsonl"
]


@pytest.fixture(scope="module")
def trimmed():
    return LanguageIdentifier()


@pytest.fixture(scope="module")
def full(tmp_path_factory):
    return LanguageIdentifier(model_path=tmp_path_factory.mktemp("none") / "absent.npz")


def _sentences() -> list[str]:
    texts = []
    for path in REAL_SENTENCES:
        texts += [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return texts


def test_the_trimmed_model_ships_in_the_models_directory_and_is_what_the_identifier_loads(trimmed):
    assert default_model_path() == REPO / "layers" / "models" / "langid" / "eu.npz"
    assert default_model_path().is_file()
    model = trimmed.model()
    assert sorted(model.nb_classes) == sorted(EU_LANGUAGES)
    assert model.nb_ptc.shape[1] == len(EU_LANGUAGES)


def test_the_trimmed_model_holds_exactly_the_restricted_full_models_arrays(trimmed, full):
    small, large = trimmed.model(), full.model()
    assert small.nb_classes == large.nb_classes  # the full model's order, as set_languages keeps it
    assert small.nb_ptc.dtype == large.nb_ptc.dtype == np.float16
    assert np.array_equal(small.nb_ptc, large.nb_ptc)
    assert small.nb_pc.dtype == large.nb_pc.dtype
    assert np.array_equal(small.nb_pc, large.nb_pc)
    assert small.tk_nextmove.typecode == large.tk_nextmove.typecode
    assert small.tk_nextmove == large.tk_nextmove
    assert small.tk_row == large.tk_row
    assert small.tk_output == large.tk_output


def test_every_real_sentence_gets_the_same_language_and_confidence_from_both_models(trimmed, full):
    texts = _sentences()
    assert len(texts) == 7478
    differences = [
        (index, a, b)
        for index, text in enumerate(texts)
        if (a := trimmed.model().classify(text)) != (b := full.model().classify(text))
    ]
    assert differences == []
    identified = [trimmed.identify(text) for text in texts]
    assert identified == [full.identify(text) for text in texts]
    assert {"de", "en", "es", "fr", "it", "nl", "pt"} <= set(identified)  # the data does exercise several languages


def test_a_model_file_for_other_languages_is_not_used_and_the_full_model_is_restricted_instead(tmp_path):
    path = tmp_path / "eu.npz"
    with np.load(default_model_path()) as data:
        arrays = {key: data[key] for key in data.files}
    keep = [i for i, code in enumerate(arrays["classes"].tolist()) if code in ("de", "fr")]
    arrays["ptc"], arrays["pc"], arrays["classes"] = arrays["ptc"][:, keep], arrays["pc"][keep], arrays["classes"][keep]
    np.savez_compressed(path, **arrays)
    assert load_trimmed(path).nb_classes == ["de", "fr"]
    identifier = LanguageIdentifier(languages=("de", "nl"), model_path=path)
    assert identifier.model().nb_classes == ["de", "nl"]
    assert identifier.identify("Gisteren ben ik met mijn zus naar het park gegaan, het weer was heerlijk.") == "nl"
    only = LanguageIdentifier(languages=("fr", "de"), model_path=path)
    assert only.model().nb_classes == ["de", "fr"]
    assert only.identify("Hier soir, nous avons dîné chez des amis et la soirée était très agréable.") == "fr"
