"""The Lambda layer leaves out spaCy's command-line packages (scripts/build_layer.py COMMAND_LINE_ONLY_DISTS):
a scan must never import them, also when it loads a language's NER pipeline from the models directory."""

import json
import subprocess
import sys

from tests.conftest import REPO_ROOT

COMMAND_LINE_ONLY_MODULES = ("typer", "click", "rich", "pygments", "markdown_it", "mdurl", "shellingham")
NOT_AT_RUN_TIME = (*COMMAND_LINE_ONLY_MODULES, "setuptools", "pkg_resources")

CHILD = """
import io, json, sys
from privscan.engine import get_scanner
from privscan.engine.masking import Fingerprinter
from privscan.pipeline import scan_stream
found = []
text = "Gestern hat Angela Merkel in Berlin mit den Schülern über die Zukunft der Schule gesprochen.\\n"
scan_stream("notiz.txt", io.BytesIO(text.encode()), scanner=get_scanner(), fingerprinter=Fingerprinter("k" * 32),
            sink=found.append)
print(json.dumps({"entities": sorted(f.entity_type for f in found), "modules": sorted(sys.modules)}))
"""


def test_a_scan_with_a_routed_ner_pipeline_imports_no_command_line_package(tmp_path):
    import spacy

    nlp = spacy.blank("de")
    nlp.add_pipe("entity_ruler", name="ner").add_patterns(
        [{"label": "PER", "pattern": "Angela Merkel"}, {"label": "LOC", "pattern": "Berlin"}]
    )
    nlp.to_disk(tmp_path / "de")
    env = {"NER_MODELS_DIR": str(tmp_path), "PRIVSCAN_WORKERS": "1", "PATH": "/usr/bin:/bin"}
    path = [str(REPO_ROOT / "layers" / "privscan"), *sys.path]
    code = f"import sys; sys.path[:0] = {path!r}\n" + CHILD
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=300, check=False
    )
    assert result.returncode == 0, result.stderr[-2000:]
    outcome = json.loads(result.stdout.strip().splitlines()[-1])
    assert {"PERSON", "LOCATION"} <= set(outcome["entities"])
    assert "spacy.lang.de" in outcome["modules"]  # the German pipeline was loaded for the German text
    imported = {name.split(".")[0] for name in outcome["modules"]}
    assert imported.isdisjoint(NOT_AT_RUN_TIME), sorted(imported & set(NOT_AT_RUN_TIME))
