"""The JSON Schema of the memo content format: the one statement of its structure.

The loader validates every memo against it (so the schema editors use and the
loader can never disagree); semantic rules (footnote ids, cross-references,
data columns) are checked by the builder on top. ``x-hint`` is our own
annotation: the "what would be right" half of an error message.
"""

from __future__ import annotations

from typing import Any

ID_PATTERN = r"^[A-Za-z0-9_-]+$"
MAX_APPENDICES = 26  # lettered A to Z
CHART_KINDS = ("line", "bar", "barh", "grouped-bar", "stacked-bar", "area", "stacked-area",
               "scatter")

_TEXT = {"type": "string", "x-hint": "write it as text"}
_ID = {"type": "string", "pattern": ID_PATTERN, "x-is": "a valid id",
       "x-hint": "use letters, digits, '-' and '_' only, e.g. 'events-2021'"}
_WIDTH = {"enum": ["page", "column"], "x-hint": "use 'page' or 'column'"}

_AUTHOR = {
    "oneOf": [
        {"type": "string", "minLength": 1},
        {
            "type": "object",
            "properties": {"name": _TEXT, "affiliation": _TEXT, "email": _TEXT},
            "required": ["name"],
            "additionalProperties": False,
        },
    ],
    "x-hint": "write a name, or a mapping with 'name' and optional 'affiliation' and 'email'",
}

_X_VALUE = {"type": ["string", "number"], "x-hint": "write a date, number or category of the x axis"}
_HIGHLIGHT = {
    "type": "object",
    "properties": {"from": _X_VALUE, "to": _X_VALUE, "label": _TEXT},
    "required": ["from", "to"],
    "additionalProperties": False,
    "x-hint": "give 'from:' and 'to:' (x values) and an optional 'label:'",
}
_ANNOTATION = {
    "type": "object",
    "properties": {"x": _X_VALUE, "y": {"type": "number", "x-hint": "give a number"}, "text": _TEXT},
    "required": ["x", "text"],
    "additionalProperties": False,
    "x-hint": "give 'x:' and 'text:', and 'y:' for a point",
}

_FIGURE_PROPERTIES: dict[str, Any] = {
        "id": _ID,
        "caption": _TEXT,
        "data": {"type": "string", "x-hint": "name a data set from the 'data' section"},
        "chart": {"enum": list(CHART_KINDS), "x-hint": "use one of " + ", ".join(CHART_KINDS)},
        "x": {"type": "string", "x-hint": "name a column of the data set"},
        "y": {
            "oneOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"},
                                            "minItems": 1}],
            "x-hint": "name a column, or give a list of columns",
        },
        "series": {"type": "string", "x-hint": "name a column of the data set"},
        "x_label": _TEXT,
        "y_label": _TEXT,
        "y_format": {"type": "string", "x-hint": "write 'percent' or a format such as '{:,.0f}'"},
        "y_unit": {"type": "string", "x-hint": "write the unit as text, e.g. ' bn' or ' %'"},
        "y_from_zero": {"type": "boolean", "x-hint": "write true or false"},
        "legend": {"enum": ["top", "bottom", "right", "none"],
                   "x-hint": "use 'top', 'bottom', 'right' or 'none'"},
        "series_order": {"type": "array", "items": {"type": ["string", "number"]}, "minItems": 1,
                         "x-hint": "list the series in the order wanted"},
        "series_labels": {"type": "object", "additionalProperties": {"type": "string"},
                          "x-hint": "map series names to the labels shown"},
        "highlight": {"type": "array", "minItems": 1, "items": _HIGHLIGHT,
                      "x-hint": "give a list of {from, to, label} periods"},
        "annotations": {"type": "array", "minItems": 1, "items": _ANNOTATION,
                        "x-hint": "give a list of {x, y, text} notes (y optional)"},
        "aspect": {"type": "number", "exclusiveMinimum": 0.1, "maximum": 3,
                   "x-hint": "give height / width as a number, e.g. 0.5"},
        "source": _TEXT,
        "alt": _TEXT,
        "width": _WIDTH,
        "image": {"type": "string", "minLength": 1,
                  "x-hint": "name a PNG, JPEG or SVG file inside the memo's folder, e.g. "
                            "'maps/region.png'"},
}
_CHART_REQUIRED = ("data", "chart", "x", "y")

_FIGURE = {
    "type": "object",
    "description": "A chart drawn from a named data set at render time, or a picture file "
                   "(PNG, JPEG or SVG) given by 'image'.",
    "properties": _FIGURE_PROPERTIES,
    "required": ["id", "caption"],
    # a picture ('image') needs nothing more; a chart needs its data set, kind and columns;
    # a figure with neither is asked for one of them
    "if": {"required": ["image"]},
    "else": {
        "if": {"anyOf": [{"required": [k]} for k in _CHART_REQUIRED]},
        "then": {"required": list(_CHART_REQUIRED),
                 "properties": {k: _FIGURE_PROPERTIES[k] for k in _CHART_REQUIRED}},
        "else": {"required": ["image"], "properties": {"image": {
            "x-hint": "name a PNG, JPEG or SVG file inside the memo's folder (or draw a chart "
                      "with 'chart:', 'data:', 'x:' and 'y:')"}}},
    },
    "additionalProperties": False,
}

_CELL = {"type": ["string", "number", "boolean", "null"], "x-hint": "write a value"}

_TABLE = {
    "type": "object",
    "description": "A table from a named data set or from inline rows.",
    "properties": {
        "id": _ID,
        "caption": _TEXT,
        "data": {"type": "string", "x-hint": "name a data set from the 'data' section"},
        "rows": {"type": "array", "minItems": 1, "items": {"type": "array", "items": _CELL},
                 "x-hint": "give a list of rows, each a list of cells; the first row is the header"},
        "columns": {"type": "array", "items": {"type": "string"}, "minItems": 1,
                    "x-hint": "list column names of the data set"},
        "header": {"type": "array", "items": {"type": "string"}, "minItems": 1,
                   "x-hint": "list one display name per column"},
        "align": {"type": "array", "items": {"enum": ["left", "right", "center"]},
                  "x-hint": "list 'left', 'right' or 'center' per column"},
        "format": {"type": "object", "additionalProperties": {"type": "string"},
                   "x-hint": "map column names to 'percent' or a format such as '{:,}' or '{:.1f}'"},
        "source": _TEXT,
        "width": _WIDTH,
    },
    "required": ["id", "caption"],
    "oneOf": [{"required": ["data"]}, {"required": ["rows"]}],
    "x-hint": "give exactly one of 'data' (a data set name) or 'rows' (inline rows)",
    "additionalProperties": False,
}

_BOX = {
    "type": "object",
    "description": "A titled, shaded panel of paragraphs and lists set apart from the text.",
    "properties": {
        "id": _ID,
        "title": {"type": "string", "minLength": 1, "pattern": r"\S",
                  "x-hint": "write the box's title as text"},
        "kind": {"enum": ["findings", "recommendations", "note"],
                 "x-hint": "use 'findings', 'recommendations' or 'note'"},
        "body": {"type": "array", "minItems": 1, "maxItems": 200,
                 "items": {"type": "string", "x-hint": "a box holds Markdown text (paragraphs and "
                           "lists) only; put figures and tables before or after the box"},
                 "x-hint": "give a list of Markdown texts (paragraphs and lists)"},
        "width": _WIDTH,
    },
    "required": ["id", "title", "body"],
    "additionalProperties": False,
}

_BLOCK = {
    "oneOf": [
        {"type": "string", "description": "Markdown paragraphs, lists and quotes."},
        {
            "type": "object",
            "properties": {"figure": _FIGURE, "table": _TABLE, "box": _BOX},
            "minProperties": 1,
            "maxProperties": 1,
            "x-hint": "write 'figure:', 'table:' or 'box:' with its fields, or Markdown text",
            "additionalProperties": False,
        },
    ],
    "x-hint": "write Markdown text, or a 'figure:', 'table:' or 'box:' block",
}


def _section(depth: int) -> dict[str, Any]:
    props: dict[str, Any] = {
        "heading": {"type": "string", "minLength": 1, "pattern": r"\S",
                    "x-hint": "write the heading as text"},
        "id": _ID,
        "body": {"type": "array", "items": _BLOCK,
                 "x-hint": "give a list of Markdown text and figure/table blocks"},
    }
    if depth < 3:
        props["sections"] = {"type": "array", "minItems": 1, "items": _section(depth + 1),
                             "x-hint": "give a list of subsections"}
    return {
        "type": "object",
        "properties": props,
        "required": ["heading"],
        "additionalProperties": False,
    }


_FILTER_VALUE = {
    "oneOf": [
        {"type": ["string", "number", "boolean"]},
        {"type": "array", "items": {"type": ["string", "number", "boolean"]}},
        {"type": "object", "properties": {"min": {}, "max": {}}, "minProperties": 1,
         "x-hint": "give 'min:', 'max:' or both",
         "additionalProperties": False},
    ],
    "x-hint": "give a value, a list of values, or {min: .., max: ..}",
}

_DATASET = {
    "type": "object",
    "properties": {
        "file": {"type": "string", "pattern": r"\.(csv|json|ya?ml)$", "x-is": "a data file name",
                 "x-hint": "give a .csv, .json or .yaml file relative to the memo"},
        "rows": {"type": "array", "minItems": 1, "items": {"type": "array", "items": _CELL},
                 "x-hint": "give a header row, then rows of values"},
        "filter": {"type": "object", "additionalProperties": _FILTER_VALUE,
                   "x-hint": "map column names to a value, a list or {min, max}"},
        "bin": {
            "type": "object",
            "properties": {
                "column": {"type": "string"},
                "by": {"enum": ["month", "quarter", "year"],
                       "x-hint": "use 'month', 'quarter' or 'year'"},
                "as": {"type": "string"},
            },
            "required": ["column", "by"],
            "additionalProperties": False,
        },
        "group_by": {"type": "array", "items": {"type": "string"}, "minItems": 1,
                     "x-hint": "list column names"},
        "aggregate": {
            "type": "object",
            "additionalProperties": {
                "type": "string",
                "pattern": r"^(count|(sum|mean|min|max)\([A-Za-z0-9_ -]+\))$", "x-is": "an aggregate",
                "x-hint": "use count, sum(column), mean(column), min(column) or max(column)",
            },
            "minProperties": 1,
            "x-hint": "map each new column to count, sum(column), mean(column), min(column) or "
                      "max(column)",
        },
    },
    "oneOf": [{"required": ["file"]}, {"required": ["rows"]}],
    "x-hint": "give exactly one of 'file' or 'rows'",
    "additionalProperties": False,
}

# A table reshapes its data set with the same keys as a data set does.
_TABLE["properties"].update(  # type: ignore[attr-defined]
    {k: _DATASET["properties"][k] for k in ("filter", "bin", "group_by", "aggregate")})

SCHEMA: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "https://memokit.invalid/schema/memo-1.json",
    "title": "memokit memo",
    "description": "One policy memo: metadata, lede, sections, footnotes and data. Edits made "
                   "to its DOCX in Word come back into this file with 'memokit import'.",
    "type": "object",
    "properties": {
        "memokit": {"const": 1, "x-hint": "use 1 (the only format version so far)"},
        "title": {"type": "string", "minLength": 1, "pattern": r"\S",
                  "x-hint": "write the title as text"},
        "subtitle": _TEXT,
        "authors": {
            "oneOf": [
                {"type": "string", "minLength": 1},
                {"type": "array", "minItems": 1, "items": _AUTHOR},
            ],
            "x-hint": "write a name, or a list of names or {name, affiliation, email} mappings",
        },
        "date": {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}$", "format": "date",
                 "x-is": "an ISO date (YYYY-MM-DD)", "x-hint": "write it like 2026-03-14"},
        "number": {"type": ["string", "integer"], "x-hint": "write the memo number, e.g. \"8123\""},
        "series": _TEXT,
        "project": {"type": ["string", "integer"], "x-hint": "write the project code as text"},
        "approved_by": _TEXT,
        "language": {"type": "string", "pattern": r"^[a-z]{2,3}(-[A-Za-z]{2,4})?$",
                     "x-is": "a language tag", "x-hint": "write a language tag such as en-GB or sv-SE"},
        "keywords": {"type": "array", "items": {"type": "string"},
                     "x-hint": "give a list of keywords"},
        "style": {"type": "string", "minLength": 1,
                  "x-hint": "name a built-in style ('memo', 'brief') or a style folder"},
        "lede": _TEXT,
        "data": {"type": "object", "propertyNames": {"pattern": ID_PATTERN},
                 "additionalProperties": _DATASET, "x-hint": "map data set names to their source"},
        "sections": {"type": "array", "minItems": 1, "items": _section(1),
                     "x-hint": "give a list of sections, each with 'heading' and 'body'"},
        "footnotes": {"type": "object", "propertyNames": {"pattern": ID_PATTERN},
                      "additionalProperties": _TEXT,
                      "x-hint": "map footnote ids (letters, digits, '-', '_') to their text"},
        "appendix": {"type": "array", "minItems": 1, "maxItems": MAX_APPENDICES, "items": _section(1),
                     "x-hint": f"give a list of at most {MAX_APPENDICES} appendices, each with "
                               "'heading' and 'body' like a section"},
        "toc": {"type": "boolean", "x-hint": "write true (a table of contents) or false"},
        "bibliography": {
            "oneOf": [{"type": "string", "minLength": 1},
                      {"type": "array", "minItems": 1, "maxItems": 20,
                       "items": {"type": "string", "minLength": 1}}],
            "x-hint": "name a bibliography file (.bib, .json or .yaml) in the memo's folder, or a "
                      "list of at most 20"},
        "citation_style": {"type": "string", "minLength": 1,
                           "x-hint": "name a citation style (chicago-notes, chicago-notes-ibid, "
                                     "chicago-author-date, apa, harvard) or a .csl file"},
        "references": {"type": "boolean",
                       "x-hint": "write false to leave the bibliography or reference list out"},
    },
    "required": ["title", "authors", "date", "sections"],
    "additionalProperties": False,
}


def json_schema() -> dict[str, Any]:
    """The schema as published by ``memokit schema`` (our x-hints kept as annotations)."""
    return SCHEMA
