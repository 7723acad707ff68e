"""The embedded local AWS: template.yaml deployed to a moto server on 127.0.0.1 (needs the `local` extra)."""
