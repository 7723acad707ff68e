"""Evaluation: a labelled synthetic EU corpus, span and rule metrics, and a stock-Presidio baseline.

    privscan eval                       # generate a corpus, run privscan and stock Presidio, print tables
    privscan eval --corpus DIR --json results.json

Modules:
    ids                 synthetic identifiers (national IDs, IBANs, cards, phones), validated by python-stdnum
    templates           multilingual sentences with placeholders and the rules they must fire
    corpus              the deterministic generator (files + gold JSONL per file + manifest)
    metrics             type mapping, overlap matching, P/R/F1 per entity and per rule
    baseline            stock Presidio (default registry, offline), one analyze() call per cell
    presidio_benchmark  Presidio's synth_dataset_v2 benchmark (full_text + spans)
    runner              runs both tools on the same corpus and renders the report

Everything here is synthetic: no value in the corpus belongs to a real person. Nothing touches the network.
"""
