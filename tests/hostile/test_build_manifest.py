"""A hostile manifest: entries naming a device, a FIFO, a folder or a huge file, and a manifest
that is itself a FIFO or a link. The build reads only regular files, each up to a bound, so it
ends in seconds, rebuilds what it cannot verify, and changes nothing outside its folder."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from tests.hostile.harness import changed, memo_site, memokit, small_memo, snapshot

MEMO = small_memo("Manifest")
MANIFEST = ".memokit-build.json"


@pytest.fixture
def site(tmp_path: Path) -> Path:
    """Two memos in ``src`` built into ``out``; a secret beside them."""
    memo_site(tmp_path, MEMO, ("a", "b"))
    run = memokit(["build", "src", "-o", "out", "-j", "1"], tmp_path)
    assert run.code == 0, run.err
    return tmp_path


def _tamper(site: Path, recorded: str, where: str = "inputs") -> None:
    path = site / "out" / MANIFEST
    doc = json.loads(path.read_text(encoding="utf-8"))
    entry = doc["memos"]["a"]
    if where == "inputs":
        entry["inputs"] = {recorded: "0" * 64, **entry["inputs"]}
    else:
        entry["outputs"][0]["path"] = recorded
        entry["outputs"][0]["inode"] = -1  # make the build look at the file
    path.write_text(json.dumps(doc), encoding="utf-8")


def _rebuilds_a_only(site: Path) -> None:
    before = snapshot(site)
    run = memokit(["build", "src", "-o", "out", "-j", "1"], site, timeout=30)
    assert run.code == 0, run.err
    assert run.seconds < 20
    assert "memokit build: 1 built, 1 skipped, 0 failed" in run.err
    assert changed(before, snapshot(site), allowed=["out"]) == []
    assert "a" in json.loads((site / "out" / MANIFEST).read_text(encoding="utf-8"))["memos"]


@pytest.mark.parametrize("target", ["/dev/zero", "/dev/urandom", "/dev/tty"])
def test_an_input_entry_naming_a_device(site: Path, target: str) -> None:
    _tamper(site, target)
    _rebuilds_a_only(site)


def test_an_input_entry_naming_a_fifo(site: Path) -> None:
    os.mkfifo(site / "fifo")
    _tamper(site, "../fifo")
    _rebuilds_a_only(site)


def test_an_input_entry_naming_a_folder_or_a_huge_file(site: Path,
                                                       tmp_path_factory: pytest.TempPathFactory) -> None:
    huge = tmp_path_factory.mktemp("huge") / "huge.bin"
    with open(huge, "wb") as f:
        f.truncate(64 << 30)  # sparse: 64 GiB that would take minutes to hash
    doc_path = site / "out" / MANIFEST
    _tamper(site, str(huge))
    doc = json.loads(doc_path.read_text(encoding="utf-8"))
    doc["memos"]["a"]["inputs"]["../src"] = "0" * 64
    doc_path.write_text(json.dumps(doc), encoding="utf-8")
    _rebuilds_a_only(site)


def test_an_output_entry_naming_a_device_or_a_path_outside(site: Path) -> None:
    _tamper(site, "../../../../../dev/zero", where="outputs")
    _rebuilds_a_only(site)
    _tamper(site, "../secret.txt", where="outputs")
    _rebuilds_a_only(site)


def test_an_output_replaced_by_a_link_is_rebuilt_and_the_link_replaced(site: Path) -> None:
    out = site / "out" / "a.pdf"
    out.unlink()
    out.symlink_to(site / "secret.txt")
    _rebuilds_a_only(site)
    assert not out.is_symlink()
    assert (site / "secret.txt").read_text(encoding="utf-8") == "keep me"


@pytest.mark.parametrize("kind", ["fifo", "link to /dev/zero", "link to a secret", "huge"])
def test_a_manifest_that_is_not_a_regular_file_means_a_full_build(site: Path, kind: str) -> None:
    path = site / "out" / MANIFEST
    path.unlink()
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "huge":
        with open(path, "wb") as f:
            f.truncate(8 << 30)
    else:
        path.symlink_to("/dev/zero" if kind == "link to /dev/zero" else site / "secret.txt")
    before = snapshot(site / "src")
    run = memokit(["build", "src", "-o", "out", "-j", "1"], site, timeout=30)
    assert run.code == 0, run.err
    assert (site / "secret.txt").read_text(encoding="utf-8") == "keep me"
    assert "memokit build: 2 built, 0 skipped, 0 failed" in run.err
    assert changed(before, snapshot(site / "src")) == []
    assert path.is_file() and not path.is_symlink()
    assert set(json.loads(path.read_text(encoding="utf-8"))["memos"]) == {"a", "b"}
