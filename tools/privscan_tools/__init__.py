"""privscan's tools: the command line, the local AWS stack, evaluation, benchmarks and reports.

None of this runs on Lambda: the layer ships the runtime package `privscan` only.
"""
