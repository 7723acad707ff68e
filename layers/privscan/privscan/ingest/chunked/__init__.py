"""Chunked scans of objects too big for one invocation: plan → scan each chunk → reduce.

    plan = plan_object(name, source, chunk_bytes=..., scanner=..., fingerprinter=...)   # plan.py
    result = scan_chunk(plan, i, source, ...)     # work.py: one chunk, findings in canonical order
    report = reduce_chunks(plan, parts, sink)     # reduce.py: merged columns, summary

The findings are those of one pass over the whole object (`privscan.pipeline.scan_stream`), record
numbers included, in the canonical order of `canonical_key`.
"""
