"""Which files ``build`` takes for memos, and where their outputs go."""

from __future__ import annotations

from pathlib import Path

import pytest

from memokit.batch import find_memos
from memokit.errors import UsageError
from tests.batch.memos import run_cli, write_memo


@pytest.fixture
def content(tmp_path: Path) -> Path:
    root = tmp_path / "content"
    for rel in ("memo.yaml", "a/memo.yaml", "a/b/deep.yml", "_draft.yaml", "data/table.yaml",
                "a/data/rows.yaml", "templates/skeleton.yaml", "a/templates/x.yml", ".hidden/h.yaml",
                "a/.secret.yaml"):
        write_memo(root / rel, rel)
    (root / "notes.txt").write_text("not yaml", encoding="utf-8")
    (root / "a" / "figure.csv").write_text("x,y\n", encoding="utf-8")
    return root


def rels(targets: list) -> list[str]:  # type: ignore[type-arg]
    return [t.rel.as_posix() for t in targets]


def test_a_folder_gives_every_yaml_below_except_data_templates_and_underscore(content: Path) -> None:
    assert rels(find_memos([content])) == ["memo.yaml", "a/memo.yaml", "a/b/deep.yml"]


def test_outputs_mirror_the_path_below_the_folder(content: Path, tmp_path: Path) -> None:
    deep = find_memos([content])[2]
    assert deep.key == "a/b/deep"
    assert deep.output(tmp_path / "out", "pdf") == tmp_path / "out" / "a" / "b" / "deep.pdf"
    assert deep.source == content / "a" / "b" / "deep.yml"


def test_a_named_file_is_a_memo_and_lands_at_the_top(content: Path) -> None:
    targets = find_memos([content / "a" / "b" / "deep.yml", content / "_draft.yaml"])
    assert rels(targets) == ["deep.yml", "_draft.yaml"]


def test_a_sub_folder_given_as_path_is_the_base(content: Path) -> None:
    assert rels(find_memos([content / "a"])) == ["memo.yaml", "b/deep.yml"]


def test_globs_mirror_below_their_fixed_part(content: Path) -> None:
    assert rels(find_memos([f"{content}/**/*.yml"])) == ["a/b/deep.yml"]
    assert rels(find_memos([f"{content}/*"])) == ["a/memo.yaml", "a/b/deep.yml", "memo.yaml"]
    # a glob that reaches into a data folder still leaves data files alone
    assert rels(find_memos([f"{content}/**/*.yaml"])) == ["a/memo.yaml", "memo.yaml"]


def test_a_memo_named_twice_is_built_once(content: Path) -> None:
    assert rels(find_memos([content, content / "memo.yaml"])) == ["memo.yaml", "a/memo.yaml",
                                                                  "a/b/deep.yml"]


def test_two_memos_for_the_same_output_are_a_usage_error(content: Path) -> None:
    write_memo(content / "a" / "memo.yml", "twin")
    with pytest.raises(UsageError, match=r"a/memo\.yaml and .*a/memo\.yml would both be written to a/memo"):
        find_memos([content])


def test_the_output_folder_inside_the_content_is_not_searched(content: Path) -> None:
    write_memo(content / "out" / "stray.yaml", "stray")
    assert "out/stray.yaml" not in rels(find_memos([content], content / "out"))


def test_a_path_that_names_nothing_is_a_usage_error_exit_2(tmp_path: Path) -> None:
    r = run_cli("build", "nowhere", "-o", "out", cwd=tmp_path)
    assert r.returncode == 2
    assert r.stderr.strip() == "memokit: error: nowhere: no such file or folder"
    r = run_cli("build", "x/*.yaml", "-o", "out", cwd=tmp_path)
    assert r.returncode == 2
    assert "x/*.yaml: the pattern matches no file or folder" in r.stderr
    assert not (tmp_path / "out").exists()


def test_build_without_paths_takes_content(tmp_path: Path) -> None:
    write_memo(tmp_path / "content" / "only.yaml", "Only")
    r = run_cli("build", "-o", "out", "--format", "pdf", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert (tmp_path / "out" / "only.pdf").is_file()


def test_bad_options_are_usage_errors(tmp_path: Path) -> None:
    write_memo(tmp_path / "content" / "only.yaml", "Only")
    for args, message in ((["-j", "0"], "argument -j/--jobs: '0' is out of range; give 1 to 256 workers"),
                          (["--format", "pdf,odt"], "unknown format 'odt'; use pdf or docx"),
                          (["--timeout", "-1"], "argument --timeout: '-1' is out of range")):
        r = run_cli("build", "-o", "out", *args, cwd=tmp_path)
        assert r.returncode == 2, args
        assert message in r.stderr
    assert not (tmp_path / "out").exists()


def test_a_house_style_folder_among_the_memos_is_not_searched(tmp_path: Path) -> None:
    root = tmp_path / "content"
    for rel in ("memo.yaml", "house/style.yaml", "house/labels.yaml", "house/sub/more.yaml",
                "other/memo.yaml"):
        write_memo(root / rel, rel)
    assert rels(find_memos([root])) == ["memo.yaml", "other/memo.yaml"]
    assert rels(find_memos([str(root / "**" / "*.yaml")])) == ["memo.yaml", "other/memo.yaml"]
