"""Presidio is imported without re-checking its own predefined regexes, and every Pattern built after
that import is checked as before; its recognizers work unchanged."""

import subprocess
import sys

PROBE = """
import sys, time
import privscan.engine.detect  # imports Presidio through the hook
import presidio_analyzer
from presidio_analyzer import Pattern, PatternRecognizer
from presidio_analyzer.predefined_recognizers import UrlRecognizer
print("hook_left", [type(f).__name__ for f in sys.meta_path if type(f).__name__ == "_Finder"])
print("real_loader", type(presidio_analyzer.__loader__).__name__, type(presidio_analyzer.pattern.__loader__).__name__)
try:
    Pattern("broken", "(unclosed", 0.5)
    print("checked False")
except ValueError:
    print("checked True")
found = UrlRecognizer().analyze("see https://example.com/x now", ["URL"], None)
print("url", [(r.start, r.end) for r in found])
"""


def test_presidio_patterns_are_checked_again_after_its_import_and_its_recognizers_work():
    out = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, check=True).stdout.splitlines()
    assert out == ["hook_left []", "real_loader SourceFileLoader SourceFileLoader", "checked True", "url [(4, 25)]"]


def test_the_check_is_skipped_only_while_presidio_itself_is_imported():
    code = (
        "import sys\n"
        "from privscan.engine import lean_presidio\n"
        "import presidio_analyzer.pattern as p\n"
        "print(p.Pattern.__dict__['_Pattern__validate_regex'].__func__.__name__)\n"
        "lean_presidio.defer_checks()\n"  # Presidio is already imported: nothing to do
        "print([type(f).__name__ for f in sys.meta_path if type(f).__name__ == '_Finder'])\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.splitlines()
    assert out == ["__validate_regex", "[]"]
