"""``memokit import EDITED.docx [MEMO.yaml]``: an editor's changes merged back into the memo.

Blocks are found by the identity bookmarks memokit wrote; each edited block is merged three ways
(the text recorded in the DOCX, the editor's, the YAML's) by text patches (see ``merge``). Without
``--write`` the YAML it would write is shown as a unified diff (exit 0: no changes, 4: changes).
"""

from __future__ import annotations

import argparse
import difflib
import json
import os
import sys
import zipfile
from dataclasses import asdict, dataclass, field
from pathlib import Path

from memokit.errors import EXIT_CONTENT, EXIT_OK, UsageError

EXIT_CHANGES = 4


def import_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "import", help="merge an edited DOCX back into its memo's YAML",
        description="Read EDITED.docx (written by memokit, then edited in Word or LibreOffice) "
        "and merge its text changes into MEMO.yaml (default: the memo recorded in the DOCX). "
        "Without --write, print the changes as a unified diff: exit 0 when there are none, 4 when "
        "there are. With --write, write MEMO.yaml (the previous one kept as MEMO.yaml.bak), "
        "Word comments kept as YAML comments. Paragraphs, lists, quotes, headings, captions, "
        "footnotes, boxes, the title block and tables written in the YAML come back. "
        "Exit 1 for conflicts, refused tracked changes or a DOCX memokit did not write.")
    p.add_argument("docx", metavar="EDITED.docx", help="the edited Word document")
    p.add_argument("memo", nargs="?", metavar="MEMO.yaml", help="the memo to update")
    p.add_argument("--write", action="store_true",
                   help="write the merged YAML (Word comments become '# comment (Author): text' "
                   "lines above the blocks they sit on)")
    p.add_argument("--changes", choices=("accept", "reject", "refuse"), default="refuse",
                   help="tracked changes: accept, reject, or refuse to import (default)")
    p.add_argument("--json", action="store_true", help="print changes and conflicts as JSON")
    p.add_argument("--debug", action="store_true", help="show tracebacks of internal errors")


@dataclass
class Outcome:
    memo: str
    docx: str
    changes: list[dict[str, object]] = field(default_factory=list)
    conflicts: list[dict[str, object]] = field(default_factory=list)
    tracked: list[dict[str, object]] = field(default_factory=list)
    comments: list[dict[str, object]] = field(default_factory=list)
    diff: str = ""
    written: bool = False


def import_command(args: argparse.Namespace) -> int:
    from memokit.cli.importing import read_docx

    path = Path(args.docx)
    if not path.is_file():
        raise UsageError(f"{args.docx}: no such file")
    try:
        edited = read_docx(path, args.changes)
    except zipfile.BadZipFile:
        print(f"{path}: error: not a DOCX (not a zip file); import reads a DOCX that 'memokit "
              "render' or 'memokit build' wrote", file=sys.stderr)
        return EXIT_CONTENT
    except (KeyError, ValueError) as exc:
        print(f"{path}: error: cannot import it: {str(exc).strip(chr(39))}; import reads a DOCX "
              "that 'memokit render' or 'memokit build' wrote", file=sys.stderr)
        return EXIT_CONTENT
    except OSError as exc:
        raise UsageError(f"{path}: cannot read it: {exc.strerror or exc}") from None
    if edited.merged == "merged":
        print(f"{path}: note: already merged into its memo by 'memokit import --write'; render the "
              "memo again for a fresh DOCX", file=sys.stderr)
        return _finish(Outcome(args.memo or edited.source, str(path)), args, EXIT_OK)
    if edited.merged == "edited":
        print(f"{path}: error: edited again after 'memokit import --write' merged it; render the "
              "memo again and make the new edits in the new DOCX", file=sys.stderr)
        return EXIT_CONTENT
    memo = Path(args.memo) if args.memo else Path(os.path.normpath(path.parent / edited.source))
    if not memo.is_file():
        raise UsageError(f"{memo}: no such memo (name it after the DOCX: "
                         f"memokit import {args.docx} MEMO.yaml)")
    out = Outcome(str(memo), str(path))
    out.tracked = [{"kind": k, "author": a, "text": t, "field": f} for k, a, t, f in edited.tracked]
    if edited.tracked and args.changes == "refuse":
        for t in out.tracked:
            print(f"{path}: error: tracked {t['kind']} by {t['author']} in {t['field']}: "
                  f"'{t['text'][:60]}'; accept or reject it in Word, or import with "  # type: ignore[index]
                  "--changes accept|reject", file=sys.stderr)
        return _finish(out, args, EXIT_CONTENT)
    from memokit.cli.importing import merge_into

    source = memo.read_text(encoding="utf-8")
    _comments(edited.comments, source, memo, out)
    new = merge_into(source, str(memo), edited, out, comments=args.write)
    _say_comments(memo, out)
    if not out.conflicts and new != source:
        out.conflicts += _check(memo, new)
    if out.conflicts:
        for c in out.conflicts:
            print(f"{memo}:{c['line']}:{c['column']}: error: {c['field']}: {c['message']}",
                  file=sys.stderr)
        return _finish(out, args, EXIT_CONTENT)
    out.diff = "".join(difflib.unified_diff(source.splitlines(keepends=True),
                                            new.splitlines(keepends=True),
                                            f"a/{memo.name}", f"b/{memo.name}"))
    if args.write:
        from memokit.pipeline.outputs import write_atomic
        from memokit.writers.docx.record import mark_merged

        if new != source:
            write_atomic(memo.with_name(memo.name + ".bak"), source.encode("utf-8"))
            write_atomic(memo, new.encode("utf-8"))
        write_atomic(path, mark_merged(path))
        out.written = True
        return _finish(out, args, EXIT_OK)
    return _finish(out, args, EXIT_CHANGES if out.diff else EXIT_OK)


def _check(memo: Path, text: str) -> list[dict[str, object]]:
    """The merged memo's errors, as 'memokit validate' would report them (bad content the editor
    typed, such as a note id never defined)."""
    import tempfile

    from memokit.errors import ContentError
    from memokit.pipeline import check_memo

    fd, tmp = tempfile.mkstemp(dir=memo.parent, prefix=f".{memo.stem}.import-", suffix=memo.suffix)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        check_memo(tmp)
    except ContentError as exc:
        return [{"line": d.line, "column": d.column, "field": d.field or "",
                 "message": "the merged memo would not render: " + d.message}
                for d in exc.diagnostics if d.severity == "error"]
    finally:
        os.unlink(tmp)
    return []


def _comments(said: list[tuple[str, str, str, int]], source: str, memo: Path, out: Outcome) -> None:
    """Word comments, reported at the YAML block they sit on (and kept as YAML comments above
    it by ``merge_into`` with ``--write``)."""
    from memokit.cli.merge import field_path, region
    from memokit.source.located import load_yaml_text

    doc = load_yaml_text(source, str(memo))
    for author, text, where, index in said:
        line, col = (None, None)
        if where:
            span = region(doc, where, index)
            line, col = doc.position_of_index(span[0]) if isinstance(span, tuple) else doc.pos(
                field_path(where))
        out.comments.append({"author": author, "text": text, "field": where or None,
                             "line": line, "column": col, "kept": False})


def _say_comments(memo: Path, out: Outcome) -> None:
    for c in out.comments:
        where = c["field"]
        at = f"{memo}:{c['line']}:{c['column']}: {where}" if where else f"{memo}: (text memokit generated)"
        kept = " (kept as a YAML comment above it)" if c["kept"] else ""
        print(f"{at}: note: comment by {c['author']}: {c['text']}{kept}", file=sys.stderr)


def _finish(out: Outcome, args: argparse.Namespace, code: int) -> int:
    if args.json:
        print(json.dumps(asdict(out), indent=2, ensure_ascii=False))
    elif out.diff and not args.write:
        sys.stdout.write(out.diff)
    return code
