"""libyaml's composer gives the loader the very tree PyYAML's gives (marks, styles, values), and
leaves text it refuses or that nests too deeply to PyYAML, whose messages the loader reports."""

from __future__ import annotations

import pytest
import yaml

from memokit.source import located
from memokit.source.located import MAX_NESTING, load_yaml_text
from tests.helpers import EXAMPLE
from tests.pdf.generate import long_memo_yaml

EVERY_NODE = EXAMPLE.parent.parent / "tests" / "fixtures" / "every-node.yaml"


def _tree(node: yaml.Node, out: list[tuple[object, ...]]) -> list[tuple[object, ...]]:
    out.append((type(node).__name__, node.tag, node.start_mark.index, node.start_mark.line,
                 node.start_mark.column, node.end_mark.index, getattr(node, "style", None),
                 node.value if isinstance(node, yaml.ScalarNode) else None))
    if isinstance(node, yaml.MappingNode):
        for k, v in node.value:
            _tree(k, out)
            _tree(v, out)
    elif isinstance(node, yaml.SequenceNode):
        for v in node.value:
            _tree(v, out)
    return out


@pytest.mark.parametrize("text", [
    EXAMPLE.read_text(encoding="utf-8"),
    EVERY_NODE.read_text(encoding="utf-8"),
    long_memo_yaml(pages=6),
    "a: 😀 x\r\nb: |\r\n  y\r\n  z\r\nc: 'it''s'\nd: [1, {e: &x f}]\ng: *x\n"
    "h: >\n  é\n\n  ✓\ni: p\u2028q: r\n",
], ids=["example", "every-node", "generated", "odd"])
def test_libyaml_gives_the_tree_pyyaml_gives(text: str) -> None:
    assert yaml.__with_libyaml__, "PyYAML without libyaml: memos load at PyYAML's speed"
    fast = located._compose_c(text)
    assert fast is not located._FALLBACK
    assert _tree(fast, []) == _tree(yaml.compose(text, Loader=located._Loader), [])


def test_text_nested_too_deeply_is_read_by_pyyaml_and_located() -> None:
    deep = "a:\n" + "".join(" " * i + "k:\n" for i in range(1, MAX_NESTING + 5)) + "  v\n"
    assert located._compose_c(deep) is located._FALLBACK
    with pytest.raises(Exception) as err:
        load_yaml_text(deep, "deep.yaml")
    assert f"nested more than {MAX_NESTING} levels" in str(err.value.diagnostics[0].message)


def test_a_syntax_error_is_reported_in_pyyaml_words() -> None:
    text = "title: A\nsections:\n  - heading: x\n   body: y\n"
    assert located._compose_c(text) is located._FALLBACK
    with pytest.raises(Exception) as err:
        load_yaml_text(text, "bad.yaml")
    assert err.value.diagnostics[0].line == 4
