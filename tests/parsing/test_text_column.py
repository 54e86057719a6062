"""TextColumn: texts made Python strings a block at a time, the same texts as a list."""

from __future__ import annotations

import pandas as pd
import pytest

from mediakit.parsing.text_column import TextColumn


@pytest.mark.parametrize("dtype", ["str", object])
def test_reads_like_the_list_of_texts(dtype):
    values = [f"text {i} ’" for i in range(23)] + [None]
    col = TextColumn(pd.Series(values, dtype=dtype, index=range(100, 124)), block=5)
    expected = [v if isinstance(v, str) else "" for v in values]
    assert list(col) == expected
    assert [col[i] for i in range(len(col))] == expected
    assert col[3:17] == expected[3:17] and col[::7] == expected[::7] and col[-2] == expected[-2]
    assert col.lengths() == [len(t) for t in expected]
    with pytest.raises(IndexError):
        col[24]


def test_reading_in_order_converts_each_block_once(monkeypatch):
    col = TextColumn(pd.Series([str(i) for i in range(10)], dtype="str"), block=4)
    calls = []
    real = col._texts
    monkeypatch.setattr(col, "_texts", lambda lo, hi: calls.append(lo) or real(lo, hi))
    assert [col[i] for i in range(10)] == [str(i) for i in range(10)]
    assert calls == [0, 4, 8]
