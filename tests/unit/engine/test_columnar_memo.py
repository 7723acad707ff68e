"""ValueMemo (engine/columnar.py): per-value answers asked once per distinct value and remembered across batches,
and the values a settling process has given to the scanning process."""

from __future__ import annotations

import numpy as np
import pyarrow as pa
import pytest
from privscan.engine import columnar
from privscan.engine.columnar import ValueMemo


class Recorder:
    """A per-value function (length and whether the value starts with "a") that records what it was asked."""

    def __init__(self):
        self.asked: list[list[str]] = []

    def __call__(self, values: pa.Array) -> tuple[np.ndarray, np.ndarray]:
        texts = values.to_pylist()
        self.asked.append(texts)
        return np.array([len(t) for t in texts], np.int64), np.array([t.startswith("a") for t in texts], bool)


def _present(array: pa.Array) -> np.ndarray:
    return np.asarray(array.is_valid().to_numpy(zero_copy_only=False), bool)


def test_each_distinct_value_is_asked_once_and_remembered_across_batches():
    memo, function = ValueMemo(), Recorder()
    first = pa.array(["ab", "xyz", None, "ab", "q"])
    (lengths, starts), places = memo.apply(first, _present(first), function)
    assert function.asked == [["ab", "xyz", "q"]]
    assert lengths.tolist() == [2, 3, 0, 2, 1]
    assert starts.tolist() == [True, False, False, True, False]
    assert places.tolist() == [0, 1, -1, 0, 2]
    second = pa.array(["q", "ab", "abcd", "q", "xyz"])
    (lengths, starts), places = memo.apply(second, _present(second), function)
    assert function.asked[1:] == [["abcd"]]  # only the value not met before
    assert lengths.tolist() == [1, 2, 4, 1, 3]
    assert starts.tolist() == [False, True, True, False, False]
    assert places.tolist() == [2, 0, 3, 2, 1]


def test_a_batch_of_values_met_before_asks_nothing():
    memo, function = ValueMemo(), Recorder()
    batch = pa.array(["a", "b", "a"])
    memo.apply(batch, _present(batch), function)
    (lengths, _), _ = memo.apply(batch, _present(batch), function)
    assert len(function.asked) == 1
    assert lengths.tolist() == [1, 1, 1]


def test_values_that_do_not_repeat_leave_the_memo_unused_for_a_while():
    memo, function = ValueMemo(), Recorder()
    memo.apply(pa.array(["v0", "v1"]), np.ones(2, bool), function)
    batch = pa.array([f"w{i}" for i in range(10)] + ["v0"])  # 1 of 11 known: under a fifth
    memo.apply(batch, np.ones(11, bool), function)
    for _ in range(columnar._MEMO_RETRY):
        again = pa.array(["v0", "v0", "new"])
        (lengths, _), places = memo.apply(again, np.ones(3, bool), function)
        assert function.asked[-1] == ["v0", "v0", "new"]  # the whole batch, as it is
        assert lengths.tolist() == [2, 2, 3]
        assert places.tolist() == [-1, -1, -1]
    (lengths, _), places = memo.apply(pa.array(["v0", "v1"]), np.ones(2, bool), function)  # in use again
    assert len(function.asked) == 2 + columnar._MEMO_RETRY  # both held: nothing asked
    assert places.tolist() == [0, 1]


def test_a_memo_with_a_fifth_or_more_known_stays_in_use():
    memo, function = ValueMemo(), Recorder()
    memo.apply(pa.array(["k"]), np.ones(1, bool), function)
    memo.apply(pa.array(["k", "n1", "n2", "n3", "n4"]), np.ones(5, bool), function)  # exactly a fifth known
    memo.apply(pa.array(["n1", "k", "n5"]), np.ones(3, bool), function)
    assert function.asked == [["k"], ["n1", "n2", "n3", "n4"], ["n5"]]


def test_values_past_the_memos_room_get_their_own_answers(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(columnar, "MEMO_VALUES", 2)
    memo, function = ValueMemo(), Recorder()
    batch = pa.array(["aa", "b", "ccc", "aa", "dddd", "ccc"])
    (lengths, starts), places = memo.apply(batch, np.ones(6, bool), function)
    assert lengths.tolist() == [2, 1, 3, 2, 4, 3]
    assert starts.tolist() == [True, False, False, True, False, False]
    assert places.tolist() == [0, 1, -1, 0, -1, -1]
    (lengths, _), places = memo.apply(pa.array(["ccc", "b"]), np.ones(2, bool), function)
    assert function.asked[-1] == ["ccc"]  # not held: asked again
    assert lengths.tolist() == [3, 1]
    assert places.tolist() == [-1, 1]


def test_first_given_names_each_held_value_once_and_every_row_of_a_value_not_held():
    memo, function = ValueMemo(), Recorder()
    batch = pa.array(["x", "y", "x", "z"])
    _, places = memo.apply(batch, np.ones(4, bool), function)
    assert memo.first_given(places).tolist() == [0, 1, 3]
    assert memo.first_given(places).tolist() == []  # given already
    mixed = np.array([2, -1, 0, -1, 2])  # "z" given, two rows of values not held
    assert memo.first_given(mixed).tolist() == [1, 3]


def test_a_batch_of_another_array_type_takes_the_function_whole():
    memo, function = ValueMemo(), Recorder()
    memo.apply(pa.array(["a"]), np.ones(1, bool), function)
    large = pa.array(["a", "b"], pa.large_string())
    (lengths, _), places = memo.apply(large, np.ones(2, bool), function)
    assert function.asked[-1] == ["a", "b"]
    assert lengths.tolist() == [1, 1]
    assert places.tolist() == [-1, -1]


def test_long_values_are_not_held_and_are_asked_in_each_batch():
    memo, function = ValueMemo(), Recorder()
    long = "a" * (columnar.MEMO_VALUE_BYTES + 1)
    edge = "b" * columnar.MEMO_VALUE_BYTES  # exactly the limit: held
    batch = pa.array([long, "c", edge, long])
    (lengths, starts), places = memo.apply(batch, np.ones(4, bool), function)
    assert lengths.tolist() == [len(long), 1, len(edge), len(long)]
    assert starts.tolist() == [True, False, False, True]
    assert places.tolist() == [-1, 0, 1, -1]
    (lengths, _), places = memo.apply(pa.array(["c", long, edge]), np.ones(3, bool), function)
    assert function.asked[-1] == [long]
    assert lengths.tolist() == [1, len(long), len(edge)]
    assert places.tolist() == [0, -1, 1]
