#!/usr/bin/env python3
"""Write the language identifier's model restricted to the languages privscan tells apart.

    python scripts/trim_langid_model.py [layers/models/langid/eu.npz]

py3langid's model (``py3langid/data/model.npz.xz``) scores 142 languages and is LZMA-compressed:
loading it means decompressing about 68 MB and keeping a 28 MB weight table of which privscan uses
the columns of the EU's official languages (privscan.engine.language.EU_LANGUAGES). The trimmed copy
keeps those columns (same float16 values, same order), the class priors of those languages and the
byte n-gram automaton unchanged, in a zlib-compressed numpy archive, so it scores every text exactly
as the full model restricted with ``set_languages`` does, without an LZMA archive to decompress.

The output must be rebuilt when py3langid's model changes (tests/unit/engine/test_language_model.py
compares it with the installed model).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_OUT = REPO / "layers" / "models" / "langid" / "eu.npz"


def trimmed_arrays(languages: tuple[str, ...]) -> dict:
    """The arrays of the trimmed model, from the installed py3langid's full model."""
    import numpy as np
    from py3langid.langid import MODEL_DIR, MODEL_FILE
    from py3langid.modelio import load_model

    ptc, pc, classes, nextmove, row, output = load_model(MODEL_DIR / MODEL_FILE)
    wanted = set(languages)
    unknown = wanted - set(classes)
    if unknown:
        raise SystemExit(f"languages py3langid does not know: {sorted(unknown)}")
    keep = [i for i, code in enumerate(classes) if code in wanted]  # the model's order, as set_languages keeps it
    return {
        "ptc": np.ascontiguousarray(np.asarray(ptc)[:, keep]),
        "pc": np.asarray(pc)[keep],
        "classes": np.array([classes[i] for i in keep]),
        "nextmove": np.frombuffer(nextmove, dtype=np.uint32 if nextmove.itemsize == 4 else np.uint16),
        "nextmove_row": np.frombuffer(row, dtype=np.uint16 if row.itemsize == 2 else np.uint32),
        "out_feat": np.asarray(output, dtype=np.int32),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", nargs="?", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args(argv)
    import numpy as np

    sys.path.insert(0, str(REPO / "layers" / "privscan"))
    from privscan.engine.language import EU_LANGUAGES

    arrays = trimmed_arrays(EU_LANGUAGES)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(args.out, **arrays)
    print(f"{args.out}: {len(arrays['classes'])} languages, {args.out.stat().st_size / 1024**2:.2f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
