"""The layer script's bytecode step: Lambda's /opt is read-only, so the layers must ship their .pyc."""

import sys

import pytest

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


TOOL_PACKAGES = {"cli", "local", "evaluation", "bench", "reports"}
TOOL_MODULES = {"console", "api_client", "sarif", "samples"}
# Imported by the tools only: the command line's argument parsing aside, these are test and
# development dependencies (the local AWS, generated evaluation data) that the layer does not carry.
TOOL_ONLY_IMPORTS = {"privscan_tools", "moto", "faker", "hypothesis", "pytest"}


def _imported_roots(source: str) -> set[str]:
    import ast

    roots = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            roots.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            roots.add(node.module.split(".")[0])
    return roots


def test_the_runtime_layer_holds_the_runtime_package_only(tmp_path):
    _build_layer().build_privscan(tmp_path, None)
    shipped = tmp_path / "python" / "privscan"
    modules = {p.relative_to(shipped).as_posix() for p in shipped.rglob("*.py")}
    assert "wiring.py" in modules and "ingest/service.py" in modules and "engine/detect.py" in modules
    packages = {m.split("/")[0] for m in modules if "/" in m}
    top_modules = {m.removesuffix(".py") for m in modules if "/" not in m}
    assert not packages & TOOL_PACKAGES and not top_modules & TOOL_MODULES  # privscan/console/ is the runtime's
    assert [p for p in (tmp_path / "python").iterdir()] == [shipped]
    offending = {
        module: sorted(_imported_roots((shipped / module).read_text(encoding="utf-8")) & TOOL_ONLY_IMPORTS)
        for module in sorted(modules)
    }
    assert {module: roots for module, roots in offending.items() if roots} == {}


def test_the_runtime_layer_carries_the_packages_data_files(tmp_path):
    """Package data ships beside the modules: the rule catalogue and the review console's page and assets."""
    from importlib import resources

    _build_layer().build_privscan(tmp_path, None)
    shipped = tmp_path / "python" / "privscan"
    assets = resources.files("privscan.console").joinpath("assets")
    names = sorted(p.name for p in assets.iterdir() if p.is_file())
    assert {"index.html", "console.css", "console.js", "api.js", "views.js", "charts.js"} <= set(names)
    for name in names:
        assert (shipped / "console" / "assets" / name).read_bytes() == assets.joinpath(name).read_bytes()
    assert (shipped / "engine" / "rules" / "catalogue.yaml").is_file()


def test_the_import_check_sees_a_tool_import_hidden_inside_a_function():
    source = "def f():\n    from privscan_tools.local.stack import LocalStack\n    import moto.core\n"
    assert _imported_roots(source) & TOOL_ONLY_IMPORTS == {"privscan_tools", "moto"}


ROUTED_LANGUAGES = {"en", "de", "fr", "nl", "es", "it"}


def test_the_layer_keeps_the_spacy_tokenizers_of_every_routed_language_and_shipped_model():
    module = _build_layer()
    assert ROUTED_LANGUAGES <= module.SPACY_KEEP_LANGS
    shipped = module.MODELS_SRC / "ner"
    languages = {p.name for p in shipped.iterdir() if (p / "config.cfg").is_file()} if shipped.is_dir() else set()
    assert languages <= module.SPACY_KEEP_LANGS


def test_the_ner_pipelines_go_to_models_ner_in_the_layer_and_a_language_without_its_tokenizer_fails(tmp_path):
    module = _build_layer()
    source = tmp_path / "src"
    for language in ("de", "fr"):
        (source / "ner" / language / "ner").mkdir(parents=True)
        (source / "ner" / language / "config.cfg").write_text("[nlp]\n")
        (source / "ner" / language / "README.md").write_text("about the model\n")
    (source / "ner" / "notes").mkdir()  # no config.cfg: not a pipeline, not shipped
    (source / "langid").mkdir()
    for name in ("eu.npz", "LICENSE", "README.md"):
        (source / "langid" / name).write_text(name)
    layer = tmp_path / "layer"
    module.copy_models(layer, source)
    shipped = sorted(p.relative_to(layer).as_posix() for p in layer.rglob("*"))
    assert shipped == [
        "models",
        "models/langid",
        "models/langid/LICENSE",
        "models/langid/eu.npz",
        "models/ner",
        "models/ner/de",
        "models/ner/de/config.cfg",
        "models/ner/de/ner",
        "models/ner/fr",
        "models/ner/fr/config.cfg",
        "models/ner/fr/ner",
    ]
    (source / "langid" / "eu.npz").unlink()
    with pytest.raises(SystemExit, match="eu.npz"):
        module.copy_models(layer, source)
    (source / "ner" / "ja" / "ner").mkdir(parents=True)
    (source / "ner" / "ja" / "config.cfg").write_text("[nlp]\n")
    with pytest.raises(SystemExit, match="ja"):
        module.copy_models(layer, source)


def test_the_repository_ships_the_language_identifiers_model_and_licence_and_the_deps_layer_drops_the_full_one(
    tmp_path,
):
    module = _build_layer()
    assert all((module.MODELS_SRC / "langid" / name).is_file() for name in module.LANGID_FILES)
    site = tmp_path / "site"
    (site / module.PY3LANGID_FULL_MODEL).parent.mkdir(parents=True)
    (site / module.PY3LANGID_FULL_MODEL).write_bytes(b"x" * 10)
    (site / "py3langid" / "langid.py").write_text("")
    removed = module.Removed()
    module._remove_unused_data(site, None, removed)
    assert not (site / module.PY3LANGID_FULL_MODEL).exists()
    assert (site / "py3langid" / "langid.py").exists()
    assert sum(removed.bytes_by_rule.values()) == 10
