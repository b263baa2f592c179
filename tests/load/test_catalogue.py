"""The catalogue of bad memos: every one gives its exact located messages, exit code 1, and no output.

Each case is a small memo in ``tests/load/bad/`` (data files in ``bad/data/``). The
expected stderr is written out in full: file as given, line, column, field path,
what is wrong and what would be right. ``validate`` and ``render`` must agree, and
``render`` must leave its output folder empty.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest

from memokit.cli import main

BAD = Path(__file__).resolve().parent / "bad"


CASES: dict[str, list[str]] = {
    "aggregate-bad": [
        "aggregate-bad.yaml:8:24: error: data.staff.aggregate.staff: 'total(staff)' is not an "
        'aggregate; use count, sum(column), mean(column), min(column) or max(column)',
    ],
    "authors-is-number": [
        'authors-is-number.yaml:2:10: error: authors: expected text or a list, got a number; write a '
        'name, or a list of names or {name, affiliation, email} mappings',
    ],
    "body-item-number": [
        'body-item-number.yaml:12:9: error: sections[0].body[1]: expected text or a mapping, got a '
        "number; write Markdown text, or a 'figure:', 'table:' or 'box:' block",
    ],
    "box-kind-unknown": [
        "box-kind-unknown.yaml:11:17: error: sections[0].body[1].box.kind: 'finding' is not a known "
        "value (did you mean 'findings'?); use 'findings', 'recommendations' or 'note'",
    ],
    "box-title-missing": [
        "box-title-missing.yaml:9:11: error: sections[0].body[1].box.title: required field 'title' "
        "is missing; add 'title:' and write the box's title as text",
    ],
    "box-holds-figure": [
        "box-holds-figure.yaml:13:15: error: sections[0].body[1].box.body[1]: expected text, got a "
        "mapping; a box holds Markdown text (paragraphs and lists) only; put figures and tables "
        "before or after the box",
    ],
    "box-ref-unknown": [
        "box-ref-unknown.yaml:7:12: error: sections[0].body[0]: cross-reference '@box:fund' names no "
        "box (did you mean 'found'?); use the id of a box in this memo (found)",
    ],
    "box-id-twice": [
        "box-id-twice.yaml:14:15: error: sections[0].body[2].box.id: box id 'found' is used twice "
        "(first on line 9); give each box its own id",
    ],
    "box-page-wide-note": [
        "box-page-wide-note.yaml:13:34: error: sections[0].body[1].box.body[0]: footnotes are not "
        "allowed in a page-wide box; set the box in the column ('width: column') or move the note "
        "to the text",
    ],
    "chart-kind-unknown": [
        "chart-kind-unknown.yaml:16:18: error: sections[0].body[1].figure.chart: 'lines' is not a "
        "known value (did you mean 'line'?); use 'line', 'bar', 'barh', 'grouped-bar', "
        "'stacked-bar', 'area', 'stacked-area' or 'scatter'",
    ],
    "column-not-in-data": [
        "column-not-in-data.yaml:17:14: error: sections[0].body[1].figure.x: column 'yaer' is not in "
        "data set 'staff' (did you mean 'year'?); its columns are: year, staff, counted_on, unit",
    ],
    "column-not-numeric": [
        "column-not-numeric.yaml:18:14: error: sections[0].body[1].figure.y: column 'staff' of data "
        "set 'staff' is not numeric: data/staff-not-numeric.csv line 3 holds 'n/a'; name a column of "
        'numbers, or fix that value',
    ],
    "control-character": [
        'control-character.yaml:11:22: error: sections[0].body[0]: control character U+0007 is not '
        'allowed in text; delete it',
    ],
    "control-character-escaped": [
        'control-character-escaped.yaml:1:17: error: title: control character U+0007 is not allowed '
        'in text; delete it',
    ],
    "data-bin-not-a-date": [
        "data/staff.csv:2:19: error: data.staff: column 'unit' is binned by month, but it holds "
        "'HQ', which is not a date; write dates as YYYY-MM-DD",
    ],
    "data-file-bad-date": [
        "data/staff-bad-date.csv:3:8: error: data.staff: column 'counted_on' holds dates, but "
        "'2021-02-30' is not a date in the calendar; write it as YYYY-MM-DD (or YYYY-MM)",
    ],
    "data-file-missing": [
        "data-file-missing.yaml:6:11: error: data.staff.file: data file 'data/staffing.csv' does not "
        "exist (did you mean 'data/staff.csv'?); check the name, and write the path relative to the "
        "memo's folder",
    ],
    "data-file-not-data": [
        "data-file-not-data.yaml:6:11: error: data.staff.file: 'data/staff.txt' is not a data file "
        'name; give a .csv, .json or .yaml file relative to the memo',
    ],
    "data-json-invalid": [
        "data/staff-broken.json:2:16: error: data.staff: the file is not valid JSON (expecting ',' "
        'delimiter); fix it here',
    ],
    "data-path-absolute": [
        'data-path-absolute.yaml:6:11: error: data.staff.file: absolute paths are not allowed; write '
        "the path relative to the memo's folder (or allow a data root with --data-root)",
    ],
    "data-path-dotdot": [
        "data-path-dotdot.yaml:6:11: error: data.staff.file: the path leads outside the memo's "
        "folder; keep data files in the memo's folder tree (or allow a data root with --data-root)",
    ],
    "data-set-unknown": [
        "data-set-unknown.yaml:15:17: error: sections[0].body[1].figure.data: data set 'stuff' is "
        "not defined (did you mean 'staff'?); name one defined under 'data:' (staff)",
    ],
    "date-is-text": [
        "date-is-text.yaml:3:7: error: date: 'mid-March 2026' is not an ISO date (YYYY-MM-DD); write "
        'it like 2026-03-14',
    ],
    "date-not-in-calendar": [
        "date-not-in-calendar.yaml:3:7: error: date: '2026-02-30' is not a date in the calendar; "
        'write a real ISO date, e.g. 2026-03-14',
    ],
    "empty-file": [
        "empty-file.yaml:1:1: error: file is empty; a memo needs at least 'title', 'authors', 'date' "
        "and 'sections'",
    ],
    "empty-sections": [
        'empty-sections.yaml:7:11: error: sections: is empty ([]); give a list of sections, each '
        "with 'heading' and 'body'",
    ],
    "figure-id-twice": [
        "figure-id-twice.yaml:21:15: error: sections[0].body[2].figure.id: figure id 'staff' is used "
        'twice (first on line 13); give each figure its own id',
    ],
    "figure-width-full": [
        "figure-width-full.yaml:19:18: error: sections[0].body[1].figure.width: 'full' is not a "
        "known value; use 'page' or 'column'",
    ],
    "figure-y-unknown-in-list": [
        "figure-y-unknown-in-list.yaml:18:22: error: sections[0].body[1].figure.y[1]: column 'staf' "
        "is not in data set 'staff' (did you mean 'staff'?); its columns are: year, staff, "
        'counted_on, unit',
    ],
    "filter-leaves-no-rows": [
        'filter-leaves-no-rows.yaml:7:13: error: data.staff.filter: no rows are left after '
        "filtering; check the 'filter' values against the data",
    ],
    "footnote-cited-twice": [
        "footnote-cited-twice.yaml:11:55: error: sections[0].body[0]: footnote '[^rise]' is cited a "
        'second time (first on line 11); cite each footnote once, or add a new footnote',
    ],
    "footnote-in-caption": [
        'footnote-in-caption.yaml:14:33: error: sections[0].body[1].figure.caption: footnotes are '
        'not allowed in a caption; put them in paragraphs, list items or quotes',
    ],
    "footnote-in-heading": [
        'footnote-in-heading.yaml:8:32: error: sections[0].heading: footnotes are not allowed in a '
        'heading; put them in paragraphs, list items or quotes',
    ],
    "footnote-in-lede": [
        'footnote-in-lede.yaml:4:17: error: lede: footnotes are not allowed in the lede; put them in '
        'paragraphs, list items or quotes',
    ],
    "footnote-nested": [
        'footnote-nested.yaml:11:61: error: sections[0].body[0]: a footnote cannot contain another '
        "footnote; write the inner note's text into the outer note",
    ],
    "footnote-text-jinja-error": [
        "footnote-text-jinja-error.yaml:21:26: error: footnotes.rise: memo has no field 'titel' (did "
        "you mean 'title'?); use one of: title, subtitle, date, number, series, project, "
        'approved_by, language, keywords, authors',
    ],
    "footnote-undefined": [
        "footnote-undefined.yaml:11:43: error: sections[0].body[0]: footnote '[^fal]' is not defined "
        "(did you mean 'fall'?); define it under 'footnotes:' or fix the id",
        "footnote-undefined.yaml:21:3: error: footnotes.fall: footnote 'fall' is never cited; cite "
        'it as [^fall] in a paragraph, or delete it',
    ],
    "footnote-unused": [
        "footnote-unused.yaml:22:3: error: footnotes.method: footnote 'method' is never cited; cite "
        'it as [^method] in a paragraph, or delete it',
    ],
    "jinja-huge-range": [
        'jinja-huge-range.yaml:11:40: error: sections[0].body[0]: range() is limited to 10,000 items '
        '(and 100,000 in one text); loop over fewer items',
    ],
    "jinja-huge-repeat": [
        'jinja-huge-repeat.yaml:11:28: error: sections[0].body[0]: this repetition would make more '
        'than 100,000 characters or items; repeat less',
    ],
    "jinja-sandbox-class": [
        "jinja-sandbox-class.yaml:11:34: error: sections[0].body[0]: '__class__' is not allowed in "
        'memo text (the template sandbox blocks it); use data values and filters only',
    ],
    "jinja-sandbox-cycler": [
        "jinja-sandbox-cycler.yaml:8:36: error: sections[0].heading: 'cycler' is undefined; the "
        "names in scope are 'memo' and 'data'",
    ],
    "jinja-syntax-error": [
        'jinja-syntax-error.yaml:11:28: error: sections[0].body[0]: Jinja2 syntax error: unexpected '
        "'}'; complete the expression between '{{' and '}}' (or '{%' and '%}')",
    ],
    "jinja-undefined-data-set": [
        'jinja-undefined-data-set.yaml:14:43: error: sections[0].body[1].figure.caption: data has no '
        "data set 'staf' (did you mean 'staff'?); use one of: staff",
    ],
    "jinja-undefined-name": [
        "jinja-undefined-name.yaml:12:34: error: sections[0].body[0]: 'stafff' is undefined; the "
        "names in scope are 'memo' and 'data'",
    ],
    "markdown-heading-in-body": [
        'markdown-heading-in-body.yaml:11:9: error: sections[0].body[0]: headings are not allowed in '
        "body text; start a new section with 'heading:'",
    ],
    "language-right-to-left": [
        "language-right-to-left.yaml:4:11: error: language: memos in a right-to-left language ('he-IL') "
        "are not supported yet; write the memo in a left-to-right language",
    ],
    "image-and-chart": [
        'image-and-chart.yaml:10:18: error: sections[0].body[1].figure.image: a figure shows a chart '
        "or an image, not both: this one has 'image:' and the chart fields 'data', 'chart'; remove "
        "'image:', or the chart fields",
    ],
    "image-content-not-its-name": [
        'image-content-not-its-name.yaml:10:18: error: sections[0].body[1].figure.image: '
        "'pictures/photo-named-png.png' is named as PNG but holds a JPEG picture; rename it to end "
        'in .jpg',
    ],
    "image-cut-short": [
        'image-cut-short.yaml:10:18: error: sections[0].body[1].figure.image: the picture '
        "'pictures/cut-short.png' is damaged or cut short (image file is truncated); save it again "
        'as PNG',
    ],
    "image-missing": [
        'image-missing.yaml:10:18: error: sections[0].body[1].figure.image: picture file '
        "'pictures/north.png' does not exist; check the name, and write the path relative to the "
        "memo's folder",
    ],
    "image-not-a-picture": [
        "image-not-a-picture.yaml:10:18: error: sections[0].body[1].figure.image: 'data/staff.csv' "
        'is not a picture memokit shows; an image is a PNG (.png), JPEG (.jpg, .jpeg) or SVG (.svg) '
        'file: save it as one of those',
    ],
    "image-not-a-png": [
        "image-not-a-png.yaml:10:18: error: sections[0].body[1].figure.image: 'pictures/notes.png' "
        'is not a PNG picture (its content is not a PNG, JPEG or SVG file); save it again as PNG',
    ],
    "image-outside": [
        'image-outside.yaml:10:18: error: sections[0].body[1].figure.image: the path leads outside '
        "the memo's folder; keep pictures in the memo's folder tree (or allow a data root with "
        '--data-root)',
    ],
    "image-svg-script": [
        'image-svg-script.yaml:10:18: error: sections[0].body[1].figure.image: the SVG picture '
        "'pictures/script.svg' has a <script> element; an SVG picture is a drawing: delete it",
    ],
    "figure-neither-chart-nor-image": [
        'figure-neither-chart-nor-image.yaml:9:11: error: sections[0].body[1].figure.image: required '
        "field 'image' is missing; add 'image:' and name a PNG, JPEG or SVG file inside the memo's "
        "folder (or draw a chart with 'chart:', 'data:', 'x:' and 'y:')",
    ],
    "markdown-image": [
        "markdown-image.yaml:10:9: error: sections[0].body[0]: pictures are not written in text; show "
        "the picture file as a figure: a 'figure:' block with 'image:' naming the file (and 'id', "
        "'caption', 'alt')",
    ],
    "citation-unknown-key": [
        "citation-unknown-key.yaml:8:40: error: sections[0].body[0]: no entry 'smith2002' in the "
        "bibliography (did you mean 'smith2020'?); check the key, or add the entry to the "
        'bibliography file',
    ],
    "bibliography-malformed-bib": [
        "bib/broken.bib:7:3: error: bibliography: malformed entry 'doe2019': unexpected 't'; check "
        "the braces, commas and '=' signs",
    ],
    "bibliography-malformed-json": [
        "bib/broken.json:3:20: error: bibliography: not valid JSON: Expecting ',' delimiter; check "
        'the commas, quotes and brackets',
    ],
    "bibliography-missing-file": [
        "bibliography-missing-file.yaml:4:15: error: bibliography: bibliography file 'bib/source.bib'"
        " does not exist (did you mean 'bib/sources.bib'?); check the name, and write the path "
        "relative to the memo's folder",
    ],
    "citation-style-unknown": [
        "citation-style-unknown.yaml:5:17: error: citation_style: 'chicago-note' is not a citation "
        "style (did you mean 'chicago-notes'?); name one of chicago-notes, chicago-notes-ibid, "
        "chicago-author-date, apa, harvard, or a .csl file in the memo's folder",
    ],
    "citation-in-caption-notes-style": [
        "citation-in-caption-notes-style.yaml:9:12: error: sections[0].body[0]: '@smith2020' is a "
        "narrative citation, which needs an author-date style; citation style 'chicago-notes' puts "
        'citations in footnotes: write [@smith2020]',
        'citation-in-caption-notes-style.yaml:12:37: error: sections[0].body[1].table.caption: '
        "citations are not allowed in a caption with citation style 'chicago-notes', which puts them "
        'in footnotes; cite the source in a paragraph, or use an author-date style',
    ],
    "citation-in-heading": [
        "citation-in-heading.yaml:5:31: error: sections[0].heading: citations are not allowed in a heading; "
        "cite the source in a paragraph",
    ],
    "citation-without-bibliography": [
        "citation-without-bibliography.yaml:7:39: error: sections[0].body[0]: citations ('[@key]') need "
        "a bibliography: name your .bib, .json or .yaml file under 'bibliography:', or give the source "
        "in a footnote: ^[Author, Title, year.]",
    ],
    "markdown-indented-code": [
        'markdown-indented-code.yaml:13:13: error: sections[0].body[0]: indented code blocks are not '
        'supported; remove the four leading spaces',
    ],
    "missing-sections": [
        "missing-sections.yaml:1:1: error: sections: required field 'sections' is missing; add "
        "'sections:' and give a list of sections, each with 'heading' and 'body'",
        "missing-sections.yaml:8:3: error: footnotes.rise: footnote 'rise' is never cited; cite it "
        'as [^rise] in a paragraph, or delete it',
    ],
    "missing-title": [
        "missing-title.yaml:1:1: error: title: required field 'title' is missing; add 'title:' and "
        'write the title as text',
    ],
    "only-comments": [
        'only-comments.yaml:1:1: error: file has no content, only comments; a memo needs at least '
        "'title', 'authors', 'date' and 'sections'",
    ],
    "ref-unknown-figure": [
        "ref-unknown-figure.yaml:11:38: error: sections[0].body[0]: cross-reference '@fig:staf' "
        "names no figure (did you mean 'staff'?); use the id of a figure in this memo (staff)",
    ],
    "ref-unknown-table": [
        "ref-unknown-table.yaml:11:53: error: sections[0].body[0]: cross-reference '@tbl:staff' "
        'names no table; use the id of a table in this memo (this memo has no tables)',
    ],
    "ref-unknown-section": [
        "ref-unknown-section.yaml:8:34: error: sections[0].body[0]: cross-reference '@sec:metod' "
        "names no section (did you mean 'method'?); use the id of a section in this memo "
        "(standing, method)",
    ],
    "section-id-twice": [
        "section-id-twice.yaml:11:9: error: appendix[0].id: section id 'method' is used twice "
        "(first on line 6); give each section its own id",
    ],
    "appendix-bad-shape": [
        "appendix-bad-shape.yaml:9:3: error: appendix: expected a list, got a mapping; give a list "
        "of at most 26 appendices, each with 'heading' and 'body' like a section",
    ],
    "appendix-too-many": [
        "appendix-too-many.yaml:8:3: error: appendix: holds 27 items, more than the 26 allowed; give "
        "a list of at most 26 appendices, each with 'heading' and 'body' like a section",
    ],
    "toc-not-boolean": [
        'toc-not-boolean.yaml:4:6: error: toc: expected true or false, got text; write true (a '
        'table of contents) or false',
    ],
    "section-too-deep": [
        'section-too-deep.yaml:24:13: error: sections[0].sections[0].sections[0].sections: sections '
        'nest three levels deep at most; make these subsections part of a higher level',
    ],
    "several-errors": [
        "several-errors.yaml:3:7: error: date: '2026-02-30' is not a date in the calendar; write a "
        'real ISO date, e.g. 2026-03-14',
        "several-errors.yaml:4:1: error: datta: unknown key 'datta' (did you mean 'data'?); allowed "
        'keys: memokit, title, subtitle, authors, date, number, series, project, approved_by, '
        'language, keywords, style, lede, data, sections, footnotes, appendix, toc, '
        'bibliography, citation_style, references',
        "several-errors.yaml:9:27: error: sections[0].body[0]: footnote '[^rize]' is not defined "
        "(did you mean 'rise'?); define it under 'footnotes:' or fix the id",
        "several-errors.yaml:9:38: error: sections[0].body[0]: cross-reference '@fig:staf' names no "
        "figure (did you mean 'staff'?); use the id of a figure in this memo (staff)",
        "several-errors.yaml:10:16: error: sections[0].body[0]: 'nope' is undefined; the names in "
        "scope are 'memo' and 'data'",
        "several-errors.yaml:14:17: error: sections[0].body[1].figure.data: data set 'staff' is not "
        "defined; name one defined under 'data:' (none yet)",
        "several-errors.yaml:15:18: error: sections[0].body[1].figure.chart: 'lines' is not a known "
        "value (did you mean 'line'?); use 'line', 'bar', 'barh', 'grouped-bar', 'stacked-bar', "
        "'area', 'stacked-area' or 'scatter'",
        "several-errors.yaml:18:18: error: sections[0].body[1].figure.width: 'full' is not a known "
        "value; use 'page' or 'column'",
        "several-errors.yaml:20:3: error: footnotes.rise: footnote 'rise' is never cited; cite it as "
        '[^rise] in a paragraph, or delete it',
    ],
    "span-bad-language": [
        "span-bad-language.yaml:7:44: error: sections[0].body[0]: 'french_FR' is not a language tag; "
        "a span takes one attribute, lang=TAG, with a language tag such as fr, de-CH, sv or ar "
        "(letters, digits and hyphens, at most 35 characters): [texte]{lang=fr}",
        "span-bad-language.yaml:8:21: error: sections[0].body[1]: '{.role}' is not a span's "
        "attributes; a span takes one attribute, lang=TAG, with a language tag such as fr, de-CH, "
        "sv or ar (letters, digits and hyphens, at most 35 characters): [texte]{lang=fr}",
    ],
    "style-unknown": [
        "style-unknown.yaml:4:8: error: style: style 'memo-wide' is neither a built-in style (did "
        "you mean 'memo'?) nor a folder with a style.yaml; built-in styles: brief, memo",
    ],
    "table-cell-footnote": [
        'table-cell-footnote.yaml:25:19: error: sections[0].body[2].table.rows[1][0]: footnotes are '
        'not allowed in a table cell; put them in paragraphs, list items or quotes',
    ],
    "table-data-and-rows": [
        "table-data-and-rows.yaml:21:11: error: sections[0].body[2].table: has both 'data' and "
        "'rows'; give exactly one of 'data' (a data set name) or 'rows' (inline rows)",
    ],
    "table-row-too-short": [
        'table-row-too-short.yaml:26:15: error: sections[0].body[2].table.rows[2]: row has 1 cell '
        'but the header row has 2; make every row as long as the header row',
    ],
    "title-is-list": [
        'title-is-list.yaml:1:8: error: title: expected text, got a list; write the title as text',
    ],
    "top-level-list": [
        'top-level-list.yaml:1:1: error: the file holds a list; a memo is a mapping of fields: write '
        "'title:', 'authors:', 'date:' and 'sections:' at the start of lines",
    ],
    "highlight-not-a-date": [
        "highlight-not-a-date.yaml:19:22: error: sections[0].body[0].figure.highlight[0].from: "
        "'2021-02-30' is not a date, but 'counted_on' holds dates; write it like 2024-03 or 2024-03-15",
    ],
    "series-order-unknown": [
        "series-order-unknown.yaml:19:30: error: sections[0].body[0].figure.series_order[1]: there is "
        "no series 'Feild' (did you mean 'Field'?); the series are: HQ, Field",
    ],
    "unknown-figure-key": [
        'unknown-figure-key.yaml:19:11: error: sections[0].body[1].figure.colour: unknown key '
        "'colour'; allowed keys: id, caption, data, chart, x, y, series, x_label, y_label, y_format, "
        "y_unit, y_from_zero, legend, series_order, series_labels, highlight, annotations, aspect, "
        'source, alt, width, image',
    ],
    "unknown-section-key": [
        "unknown-section-key.yaml:9:5: error: sections[0].bodyy: unknown key 'bodyy' (did you mean "
        "'body'?); allowed keys: heading, id, body, sections",
    ],
    "unknown-top-level-key": [
        "unknown-top-level-key.yaml:4:1: error: subtitel: unknown key 'subtitel' (did you mean "
        "'subtitle'?); allowed keys: memokit, title, subtitle, authors, date, number, series, "
        'project, approved_by, language, keywords, style, lede, data, sections, footnotes, appendix, '
        'toc, bibliography, citation_style, references',
    ],
    "yaml-alias-bomb": [
        'yaml-alias-bomb.yaml:1:1: error: the document expands to more than 200,000 values through '
        "YAML aliases ('*name' repeating an '&name' anchor); write the content out without nested "
        'aliases',
    ],
    "yaml-bad-indentation": [
        "yaml-bad-indentation.yaml:2:10: error: YAML syntax error: a ':' here starts a new key where "
        "none is allowed; put text that contains ': ' in quotes, or line the key up with the keys "
        'above it',
    ],
    "yaml-bad-indentation-list": [
        'yaml-bad-indentation-list.yaml:14:10: error: YAML syntax error: this line is indented '
        'differently from the lines above it; line it up with the other entries at its level',
    ],
    "yaml-duplicate-key": [
        "yaml-duplicate-key.yaml:4:1: error: title: key 'title' is given twice (first on line 1); "
        'keep one of them',
    ],
    "yaml-missing-colon": [
        "yaml-missing-colon.yaml:2:1: error: YAML syntax error: this line has no ':' after its key; "
        "write 'key: value'",
    ],
    "yaml-python-tag": [
        "yaml-python-tag.yaml:2:10: error: authors: the YAML tag '!!python/object/apply:os.system' "
        'is not allowed; remove it and write plain values',
    ],
    "yaml-tab": [
        'yaml-tab.yaml:6:1: error: YAML syntax error: a tab is used for indentation; indent with '
        'spaces only',
    ],
    "yaml-unclosed-bracket": [
        "yaml-unclosed-bracket.yaml:2:10: error: YAML syntax error: the list opened here with '[' is "
        "not closed; add ']' at its end, and quote items that contain ',', '[', ']' or ': '",
    ],
    "yaml-unclosed-quote": [
        'yaml-unclosed-quote.yaml:1:8: error: YAML syntax error: the quoted text that starts here is '
        'never closed; add the closing quote',
    ],
}

# Cases whose problem is in the structure of the document: the JSON Schema rejects them too.
STRUCTURAL = (
    "aggregate-bad", "authors-is-number", "body-item-number", "chart-kind-unknown",
    "data-file-not-data", "date-is-text", "date-not-in-calendar", "empty-sections",
    "figure-width-full", "missing-sections", "missing-title", "section-too-deep",
    "table-data-and-rows", "figure-neither-chart-nor-image",
    "title-is-list", "top-level-list", "unknown-figure-key", "unknown-section-key",
    "unknown-top-level-key", "appendix-bad-shape", "toc-not-boolean",
    "appendix-too-many",
)

# A few cases also run through the installed console script.
VIA_SCRIPT = ("yaml-tab", "footnote-undefined", "data-file-bad-date", "jinja-sandbox-class",
              "several-errors")


def _installed_memokit() -> str:
    script = Path(sys.executable).with_name("memokit")
    if not script.is_file():
        pytest.fail(f"the 'memokit' command is not installed next to {sys.executable}; run "
                    "'pip install -e .' (make test does)", pytrace=False)
    return str(script)


@pytest.fixture
def in_bad(monkeypatch: pytest.MonkeyPatch) -> Path:
    """Run from the fixture folder, so FILE in messages is the name as typed."""
    monkeypatch.chdir(BAD)
    return BAD


def _files(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*")) if folder.exists() else []


def test_the_catalogue_has_at_least_35_cases_and_one_file_per_case() -> None:
    assert len(CASES) >= 35
    warned = {"missing-alt", "math-dollars", "language-without-labels"}  # warnings, tested below
    on_disk = {p.stem for p in BAD.glob("*.yaml")} - warned
    assert on_disk == set(CASES)
    assert set(STRUCTURAL) <= set(CASES)


@pytest.mark.parametrize("name", sorted(CASES))
def test_validate_prints_the_exact_messages_and_exits_1(
        name: str, in_bad: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["validate", f"{name}.yaml"])
    out, err = capsys.readouterr()
    assert err.splitlines() == CASES[name]
    assert (code, out) == (1, "")


@pytest.mark.parametrize("name", sorted(CASES))
def test_render_prints_the_same_messages_exits_1_and_writes_nothing(
        name: str, in_bad: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out_dir = tmp_path / "out"
    code = main(["render", f"{name}.yaml", "-o", str(out_dir)])
    out, err = capsys.readouterr()
    assert err.splitlines() == CASES[name]
    assert (code, out) == (1, "")
    assert _files(out_dir) == []
    assert _files(BAD / "output") == []


@pytest.mark.parametrize("name", VIA_SCRIPT)
def test_the_installed_command_prints_the_same(name: str, tmp_path: Path) -> None:
    memokit = _installed_memokit()
    for args in (["validate"], ["render", "-o", str(tmp_path / "out")]):
        r = subprocess.run([memokit, *args, f"{name}.yaml"], cwd=BAD, capture_output=True,
                           text=True, timeout=120)
        assert r.stderr.splitlines() == CASES[name]
        assert "Traceback" not in r.stderr
        assert r.returncode == 1
    assert _files(tmp_path / "out") == []


def test_a_path_given_with_folders_is_shown_as_given(capsys: pytest.CaptureFixture[str]) -> None:
    shown = str(BAD.relative_to(Path.cwd()) / "footnote-unused.yaml") \
        if BAD.is_relative_to(Path.cwd()) else str(BAD / "footnote-unused.yaml")
    assert main(["validate", shown]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"{shown}:22:3: error: footnotes.method: ")


def test_data_file_errors_name_the_data_file_relative_to_the_memo_as_given(
        capsys: pytest.CaptureFixture[str]) -> None:
    shown = str(BAD / "data-file-bad-date.yaml")
    assert main(["validate", shown]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"{BAD / 'data' / 'staff-bad-date.csv'}:3:8: error: data.staff: ")


def test_validate_json_gives_the_same_diagnostics(in_bad: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", "--json", "several-errors.yaml"]) == 1
    out, err = capsys.readouterr()
    report = json.loads(out)
    assert err == ""
    assert report[0]["ok"] is False
    diags = report[0]["diagnostics"]
    assert [f"{d['file']}:{d['line']}:{d['column']}: {d['severity']}: {d['field']}: {d['message']}"
            for d in diags] == CASES["several-errors"]


def test_the_alias_bomb_is_refused_fast(in_bad: Path, capsys: pytest.CaptureFixture[str]) -> None:
    start = time.perf_counter()
    assert main(["validate", "yaml-alias-bomb.yaml"]) == 1
    assert time.perf_counter() - start < 30  # ends, not hangs (its speed is in bench/bounds_bench.py)
    assert "YAML aliases" in capsys.readouterr().err


ALT_WARNING = (
    "missing-alt.yaml:13:11: {}: sections[0].body[1].figure: no 'alt' text, so one was composed "
    "from the chart (\"Line chart of staff against year: Staff by year\"); write an 'alt:' that "
    "says what the chart shows")


def test_a_missing_alt_is_a_warning(in_bad: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", "missing-alt.yaml"]) == 0
    assert capsys.readouterr().err.splitlines() == [ALT_WARNING.format("warning")]


def test_strict_turns_the_warning_into_an_error(in_bad: Path, tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", "--strict", "missing-alt.yaml"]) == 1
    assert capsys.readouterr().err.splitlines() == [ALT_WARNING.format("error")]
    out_dir = tmp_path / "out"
    assert main(["render", "--strict", "missing-alt.yaml", "-o", str(out_dir)]) == 1
    assert capsys.readouterr().err.splitlines() == [ALT_WARNING.format("error")]
    assert _files(out_dir) == []


def test_math_in_dollar_signs_is_a_warning_where_pandoc_would_read_math(
        in_bad: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Amounts of money are not math; '$x$' is, and prints as written (in a note too); code and
    an escaped dollar sign are left alone."""
    assert main(["validate", "math-dollars.yaml"]) == 0
    tail = ("prints as written, dollar signs included; write it in words, or write \\$ for a dollar "
            "sign that opens no math")
    assert capsys.readouterr().err.splitlines() == [
        f"math-dollars.yaml:10:22: warning: sections[0].body[0]: math is not supported: '$x^2 + y$' {tail}",
        f"math-dollars.yaml:11:33: warning: sections[0].body[1]: math is not supported: '$p$' {tail}",
    ]


def test_a_language_the_house_style_has_no_labels_for_is_a_warning(
        in_bad: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", "language-without-labels.yaml"]) == 0
    assert capsys.readouterr().err.splitlines() == [
        "language-without-labels.yaml:4:11: warning: language: memokit and house style 'memo' have no "
        "labels for language 'tr-TR', so labels (Figure, Table, page ... of ...) are in English and "
        "numbers and dates follow the language; labels exist for: da, de, en, es, fi, fr, it, nb, nl, "
        "pl, pt, sv (a house style can add a language under 'labels:')"]
