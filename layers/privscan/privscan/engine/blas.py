"""The matrix products of privscan's spaCy pipelines by numpy's BLAS, on one thread.

thinc's CPU backend multiplies matrices with its bundled BLIS; numpy's OpenBLAS, which the same process
already holds, multiplies the pipelines' matrices (a batch's tokens by a layer's weights) several times as
fast on x86-64 (docs/performance.md). `numpy_matrix_products` gives the models of the pipelines privscan
loads their own backend that asks numpy (thinc's own `use_blis=False` path), so that other pipelines in the
process (the benchmark's stock Presidio) keep thinc's default. The parser's transition loop multiplies in
compiled code and keeps BLIS.

OpenBLAS would split a product over every core: worker processes already run one per vCPU, and the
annotations must not depend on how the work was split, so `one_blas_thread` keeps it to one thread.
"""

from __future__ import annotations

import ctypes
import logging
import sys
from pathlib import Path

logger = logging.getLogger(__name__)

# OpenBLAS's thread setter under the names numpy's bundled builds (scipy-openblas, 64-bit integers or not) and a
# system OpenBLAS give it
_SET_THREADS = (
    "scipy_openblas_set_num_threads64_",
    "scipy_openblas_set_num_threads",
    "openblas_set_num_threads64_",
    "openblas_set_num_threads",
)
_threads_set = False


def numpy_matrix_products(nlp) -> None:
    """Have the models of `nlp`'s components multiply matrices with numpy (one shared backend object for
    the pipeline; a component without a thinc model, or on another backend, is left as it is)."""
    from thinc.api import NumpyOps

    ops = NumpyOps(use_blis=False)
    for _, component in nlp.pipeline:
        model = getattr(component, "model", None)
        if model is None or not hasattr(model, "walk"):
            continue
        for node in model.walk():
            if type(node.ops) is NumpyOps:
                node.ops = ops
    one_blas_thread()


def _openblas_libraries() -> list[Path]:
    """The OpenBLAS libraries numpy loaded: those mapped into this process (Linux), else those numpy ships."""
    maps = Path("/proc/self/maps")
    found: list[Path] = []
    if maps.exists():
        for line in maps.read_text().splitlines():
            path = line.split(maxsplit=5)[-1] if line.count(" ") >= 5 else ""
            if "openblas" in path.lower() and path.startswith("/") and Path(path) not in found:
                found.append(Path(path))
    if not found:
        numpy = sys.modules.get("numpy")
        root = Path(numpy.__file__).parent.parent if numpy is not None and numpy.__file__ else None
        if root is not None:
            found = sorted(root.glob("numpy.libs/*openblas*.so*"))
    return found


def one_blas_thread() -> bool:
    """Set numpy's OpenBLAS to one thread, once per process (forked workers inherit it); False when it was
    not found, which leaves OpenBLAS's own choice (the same products, possibly spread over threads)."""
    global _threads_set
    if _threads_set:
        return True
    import numpy  # noqa: F401 - loads the library whose threads are set

    for library in _openblas_libraries():
        try:
            handle = ctypes.CDLL(str(library))
        except OSError:
            continue
        for name in _SET_THREADS:
            setter = getattr(handle, name, None)
            if setter is not None:
                setter.argtypes = [ctypes.c_int]
                setter(1)
                _threads_set = True
                return True
    logger.info("numpy's OpenBLAS thread setting not found: its own thread count is kept")
    return False
