"""The ethics probe reads only the development rows of an ordinary-conversation file, and swaps roles on request."""

import gzip
import json

from privscan_tools.evaluation.ethics_probe import dev_rows, probe, turns_of


def _write(path, rows):
    with gzip.open(path, "wt", encoding="utf-8") as handle:
        handle.writelines(json.dumps(row) + "\n" for row in rows)


def _row(n, split, messages):
    return {"id": f"x/{n}", "lang": "en", "split": split, "source": "x", "messages": messages}


FAREWELL = [
    {"role": "user", "content": "hi"},
    {"role": "assistant", "content": "Hi!"},
    {"role": "user", "content": "Bye, I have to go now."},
    {"role": "assistant", "content": "You're leaving already?"},
]


def test_reserved_rows_are_skipped_and_dev_rows_counted(tmp_path):
    path = tmp_path / "x.jsonl.gz"
    _write(path, [_row(0, "dev", FAREWELL), _row(1, "reserved", FAREWELL), _row(2, "dev", FAREWELL[:2])])
    assert [row["id"] for row in dev_rows(path)] == ["x/0", "x/2"]
    assert probe([path], swap=False, show=False) == [
        "x.jsonl.gz: 1 / 2 conversations with a hit; AIACT-ART5-1-A-MANIPULATIVE-RETENTION 1"
    ]


def test_swapping_roles_judges_the_other_speaker_as_the_assistant(tmp_path):
    row = _row(0, "dev", FAREWELL)
    assert [(t.role, t.index) for t in turns_of(row, swap=True)] == [
        ("assistant", 0),
        ("user", 1),
        ("assistant", 2),
        ("user", 3),
    ]
    path = tmp_path / "x.jsonl.gz"
    _write(path, [row])
    assert probe([path], swap=True, show=False) == ["x.jsonl.gz: 0 / 1 conversations with a hit"]
