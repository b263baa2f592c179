"""Generated hostile data files (CSV, JSON, YAML): read into a data set or refused with a
located problem, never an internal error."""

from __future__ import annotations

import json
import math
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from memokit.data.read import DataProblem, read_file

_CELLS = st.one_of(
    st.integers(min_value=-(10 ** 400), max_value=10 ** 400),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=30),
    st.sampled_from(["", "1e309", "-1e309", "nan", "9" * 500, "2026-02-30", "2026-01-01",
                     "\ud800", "\x07", "\ufffe"]),
    st.none(), st.booleans())

_NESTED = st.recursive(_CELLS, lambda kids: st.lists(kids, max_size=3), max_leaves=20)


def _read(tmp: Path, name: str, text: str) -> None:
    path = tmp / name
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    try:
        loaded = read_file("s", path, name)
    except DataProblem as exc:
        assert exc.message
        assert exc.file == name and exc.row is not None
        return
    except UnicodeDecodeError:
        return  # a lone surrogate written out is not UTF-8: the loader says so, located
    for row in loaded.data.rows:
        for v in row:
            assert not (isinstance(v, float) and not math.isfinite(v))


@settings(max_examples=80, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(st.lists(st.lists(_CELLS, min_size=2, max_size=2), min_size=1, max_size=5))
def test_generated_csv(tmp_path: Path, rows: list[list[object]]) -> None:
    text = "a,b\n" + "".join(",".join(str(c) for c in r) + "\n" for r in rows)
    _read(tmp_path, "s.csv", text)


@settings(max_examples=80, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(st.lists(st.fixed_dictionaries({"a": _NESTED, "b": _CELLS}), min_size=1, max_size=5),
       st.integers(0, 300))
def test_generated_json_and_yaml(tmp_path: Path, rows: list[dict[str, object]], depth: int) -> None:
    try:
        text = json.dumps(rows)
    except (ValueError, OverflowError):
        return
    wrapped = "[" * depth + text + "]" * depth
    _read(tmp_path, "s.json", wrapped)
    _read(tmp_path, "s.yaml", wrapped)
