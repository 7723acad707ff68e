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

import logging

logger = logging.getLogger(__name__)

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


def one_blas_thread() -> bool:
    """Set numpy's BLAS to one thread, once per process (forked workers inherit it), with threadpoolctl;
    False when no BLAS library was found in the process, which leaves its own choice (the same products,
    possibly spread over threads)."""
    global _threads_set
    if _threads_set:
        return True
    import numpy  # noqa: F401 - loads the library whose threads are set
    from threadpoolctl import threadpool_info, threadpool_limits

    if not any(pool.get("user_api") == "blas" for pool in threadpool_info()):
        logger.info("numpy's BLAS library not found: its own thread count is kept")
        return False
    threadpool_limits(limits=1, user_api="blas")
    _threads_set = True
    return True
