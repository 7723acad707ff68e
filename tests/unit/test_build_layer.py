"""The layer script's bytecode step: Lambda's /opt is read-only, so the layers must ship their .pyc."""

import importlib.util
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]


def _build_layer():
    spec = importlib.util.spec_from_file_location("build_layer", REPO_ROOT / "scripts" / "build_layer.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_bytecode_is_written_beside_every_module_and_never_checks_the_source(tmp_path):
    package = tmp_path / "pkg"
    (package / "sub").mkdir(parents=True)
    (package / "__init__.py").write_text("")
    (package / "sub" / "mod.py").write_text("VALUE = 1\n")
    _build_layer().compile_bytecode(tmp_path, sys.executable)
    tag = sys.implementation.cache_tag
    pycs = sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*.pyc"))
    assert pycs == [f"pkg/__pycache__/__init__.{tag}.pyc", f"pkg/sub/__pycache__/mod.{tag}.pyc"]
    flags = int.from_bytes((package / "sub" / "__pycache__" / f"mod.{tag}.pyc").read_bytes()[4:8], "little")
    assert flags == 0b01  # hash-based, check_source off (PEP 552): an unzipped layer's mtimes do not matter


def test_without_an_interpreter_of_the_target_version_the_layer_ships_without_bytecode(tmp_path, capsys):
    (tmp_path / "mod.py").write_text("VALUE = 1\n")
    module = _build_layer()
    assert module.find_bytecode_python(sys.executable) == (sys.executable if sys.version.startswith("3.12.") else None)
    module.compile_bytecode(tmp_path, None)
    assert not list(tmp_path.rglob("*.pyc"))
    assert "ships without bytecode" in capsys.readouterr().err
