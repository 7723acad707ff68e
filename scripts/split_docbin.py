"""Cut an evaluation DocBin into a development half and a held-out half, in document order.

    python scripts/split_docbin.py build/ner-train/es/europarl-es.spacy --lang es
    # -> build/ner-train/es/europarl-es-dev.spacy (the first half) and europarl-es-holdout.spacy (the rest)

Europarl's sentences follow the proceedings, so the halves are two stretches of debate rather than alternate
sentences: a speaker named in one half is less often named in the other. Tune on ``-dev``; ``-holdout`` is
reported, never tuned on.
"""

from __future__ import annotations

import argparse
from pathlib import Path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("docbin", type=Path)
    parser.add_argument("--lang", required=True)
    args = parser.parse_args()
    import spacy
    from spacy.tokens import DocBin

    docs = list(DocBin().from_disk(args.docbin).get_docs(spacy.blank(args.lang).vocab))
    half = (len(docs) + 1) // 2
    for split, part in (("dev", docs[:half]), ("holdout", docs[half:])):
        target = args.docbin.with_name(f"{args.docbin.stem}-{split}.spacy")
        DocBin(docs=part, store_user_data=False).to_disk(target)
        print(f"{len(part)} documents -> {target}")


if __name__ == "__main__":
    main()
