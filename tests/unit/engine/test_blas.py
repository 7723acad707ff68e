"""privscan's pipelines multiply matrices with numpy on one thread, with the annotations of thinc's BLIS backend."""

from privscan.engine import blas
from thinc.api import NumpyOps, get_current_ops

TEXTS = [
    "Hi, I'm Anna Schneider and I live in Berlin.",
    "Please send the invoice to Marie Dubois in Lyon.",
    "Thanks, I have noted that.",
    "I was diagnosed with diabetes last year and want my data deleted.",
]


def _ops_of(nlp) -> set:
    return {
        (type(node.ops), getattr(node.ops, "use_blis", None))
        for _, component in nlp.pipeline
        if getattr(component, "model", None) is not None
        for node in component.model.walk()
    }


def _annotations(nlp) -> list:
    return [[(t.text, t.tag_, t.dep_, t.head.i, t.ent_iob_, t.ent_type_) for t in doc] for doc in nlp.pipe(list(TEXTS))]


def test_the_english_pipeline_asks_numpy_and_annotates_as_with_blis(scanner):
    nlp = scanner.detector._nlp
    assert _ops_of(nlp) == {(NumpyOps, False)}
    assert get_current_ops().use_blis  # other pipelines of the process keep thinc's default
    ours = _annotations(nlp)
    with_blis = NumpyOps(use_blis=True)
    saved = {
        id(node): (node, node.ops)
        for _, c in nlp.pipeline
        if getattr(c, "model", None) is not None
        for node in c.model.walk()
    }
    try:
        for node, _ in saved.values():
            node.ops = with_blis
        assert _annotations(nlp) == ours
    finally:
        for node, ops in saved.values():
            node.ops = ops
    assert any(ent for doc in ours for (_, _, _, _, _, ent) in doc if ent == "PERSON")


def test_openblas_runs_one_thread():
    from threadpoolctl import threadpool_info

    assert blas.one_blas_thread()
    pools = [pool for pool in threadpool_info() if pool["user_api"] == "blas"]
    assert pools and all(pool["num_threads"] == 1 for pool in pools)
