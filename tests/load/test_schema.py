"""The JSON Schema that `memokit schema` prints: valid Draft 2020-12, accepts the example memo,
and rejects every structural bad input of the catalogue, as the loader does."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from jsonschema import Draft202012Validator
from jsonschema.validators import validator_for

from memokit.cli import main
from memokit.errors import ContentError
from memokit.resolve import load_memo
from tests.helpers import EXAMPLE
from tests.load.test_catalogue import BAD, CASES, STRUCTURAL


class _JsonLoader(yaml.SafeLoader):
    """Plain PyYAML, but dates stay text, as they are in JSON (2026-03-14 -> "2026-03-14")."""


_JsonLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def json_ready(path: Path) -> object:
    return yaml.load(path.read_text(encoding="utf-8"), Loader=_JsonLoader)


@pytest.fixture(scope="module")
def schema() -> dict:  # type: ignore[type-arg]
    import contextlib
    import io

    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        assert main(["schema"]) == 0
    return json.loads(buf.getvalue())


def _validator(schema: dict) -> Draft202012Validator:  # type: ignore[type-arg]
    return Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)


def test_schema_is_valid_draft_2020_12(schema: dict) -> None:  # type: ignore[type-arg]
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert validator_for(schema) is Draft202012Validator
    Draft202012Validator.check_schema(schema)
    meta = Draft202012Validator(Draft202012Validator.META_SCHEMA)
    assert list(meta.iter_errors(schema)) == []


def test_schema_names_every_field_of_the_format(schema: dict) -> None:  # type: ignore[type-arg]
    top = set(schema["properties"])
    assert {"title", "subtitle", "authors", "date", "number", "series", "project", "approved_by",
            "language", "keywords", "style", "lede", "data", "sections", "footnotes"} <= top
    assert schema["required"] == ["title", "authors", "date", "sections"]
    body = schema["properties"]["sections"]["items"]["properties"]["body"]["items"]["oneOf"][1]
    figure = set(body["properties"]["figure"]["properties"])
    table = set(body["properties"]["table"]["properties"])
    assert {"id", "caption", "data", "chart", "x", "y", "series", "x_label", "y_label", "source",
            "alt", "width", "y_format", "y_unit", "y_from_zero", "legend", "series_order",
            "series_labels", "highlight", "annotations", "aspect", "image"} == figure
    assert {"id", "caption", "data", "rows", "columns", "header", "align", "source",
            "width", "filter", "bin", "group_by", "aggregate", "format"} == table


def test_the_example_memo_validates_against_the_schema(schema: dict) -> None:  # type: ignore[type-arg]
    doc = json_ready(EXAMPLE)
    assert isinstance(doc["date"], str)
    json.dumps(doc)  # JSON-ready: nothing but JSON types
    assert [e.message for e in _validator(schema).iter_errors(doc)] == []


@pytest.mark.parametrize("name", STRUCTURAL)
def test_structural_bad_input_fails_the_schema_and_the_loader(
        name: str, schema: dict) -> None:  # type: ignore[type-arg]
    path = BAD / f"{name}.yaml"
    errors = list(_validator(schema).iter_errors(json_ready(path)))
    assert errors, f"{name} passes the JSON Schema"
    with pytest.raises(ContentError) as caught:
        load_memo(path, f"{name}.yaml")
    assert [d.format() for d in caught.value.diagnostics] == CASES[name]


@pytest.mark.parametrize("name", ["footnote-undefined", "ref-unknown-figure", "column-not-in-data",
                                  "jinja-undefined-name"])
def test_semantic_bad_input_passes_the_schema_and_only_the_loader_catches_it(
        name: str, schema: dict) -> None:  # type: ignore[type-arg]
    path = BAD / f"{name}.yaml"
    assert list(_validator(schema).iter_errors(json_ready(path))) == []
    with pytest.raises(ContentError):
        load_memo(path, f"{name}.yaml")
