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
