"""Ingest: S3 notifications in, one object version scanned (per-object service, scale-out for large
objects, backfill of what a bucket already holds)."""
