"""The layer script's bytecode step: Lambda's /opt is read-only, so the layers must ship their .pyc."""

import sys

from tests.unit.scripts import load_script


def _build_layer():
    return load_script("build_layer")


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
