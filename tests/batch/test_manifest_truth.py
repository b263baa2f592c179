"""The manifest tells the truth about the outputs on disk: their content hashes are recorded
and checked (cheaply: by size, modification time and inode first), it is saved after each
finished memo, atomically, and an entry cannot point the build at files outside OUT."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from memokit.batch import build, manifest
from tests.batch.memos import FORMATS, pdf_text, write_memo
from tests.helpers import ROOT

MANIFEST = ".memokit-build.json"


def _entries(out: Path) -> dict:  # type: ignore[type-arg]
    return json.loads((out / MANIFEST).read_text(encoding="utf-8"))["memos"]


def test_an_output_replaced_by_other_content_of_the_same_size_is_rebuilt(tmp_path: Path) -> None:
    memo = write_memo(tmp_path / "src" / "m.yaml", "Original")
    out = tmp_path / "out"
    assert build([memo], out, jobs=1, formats=FORMATS).built == 1
    good = (out / "m.pdf").read_bytes()
    forged = bytearray(good)
    forged[len(forged) // 2] ^= 0xFF
    (tmp_path / "forged.pdf").write_bytes(bytes(forged))
    os.replace(tmp_path / "forged.pdf", out / "m.pdf")  # same size, other content
    report = build([memo], out, jobs=1, formats=FORMATS)
    assert report.built == 1
    assert (out / "m.pdf").read_bytes() == good


def test_edit_kill_after_the_move_revert_rebuilds_the_reverted_memo(tmp_path: Path) -> None:
    """The state ``kill -9`` leaves after an edited memo's outputs were moved into place but
    before the manifest was saved: new outputs, the manifest of the build before."""
    src = tmp_path / "src"
    for n in "abcde":
        write_memo(src / f"{n}.yaml", f"Memo {n} version one")
    out = tmp_path / "out"
    assert build([src], out, jobs=2, formats=FORMATS).built == 5
    before = (out / MANIFEST).read_bytes()
    write_memo(src / "c.yaml", "Memo c version two")  # same length
    assert build([src], out, jobs=2, formats=FORMATS).built == 1
    (out / MANIFEST).write_bytes(before)  # killed before the manifest was saved
    write_memo(src / "c.yaml", "Memo c version one")
    report = build([src], out, jobs=2, formats=FORMATS)
    assert [Path(m.path).stem for m in report.memos if m.status == "built"] == ["c"]
    assert "version one" in pdf_text(out / "c.pdf")


def test_a_build_with_nothing_to_do_reads_no_output(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    src = tmp_path / "src"
    for n in "abc":
        write_memo(src / f"{n}.yaml", f"Memo {n}")
    out = tmp_path / "out"
    build([src], out, jobs=2, formats=FORMATS)
    recorded = _entries(out)["a"]["outputs"][0]
    assert {"bytes", "sha256", "mtime_ns", "inode"} <= set(recorded)
    real, read = manifest.sha256_file, []

    def counting(path: object, **kw: object) -> object:
        read.append(Path(str(path)))
        return real(path, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(manifest, "sha256_file", counting)
    assert build([src], out, jobs=2, formats=FORMATS).skipped == 3
    assert not [p for p in read if out.resolve() in p.resolve().parents]


def test_copied_outputs_are_hashed_once_and_stay_up_to_date(tmp_path: Path) -> None:
    src = tmp_path / "src"
    write_memo(src / "a.yaml", "Memo a")
    build([src], tmp_path / "out", jobs=1, formats=FORMATS)
    shutil.copytree(tmp_path / "out", tmp_path / "copy")  # new inodes: a restored CI cache
    (tmp_path / "copy" / "a.pdf").touch()
    old = _entries(tmp_path / "copy")["a"]["outputs"]
    assert build([src], tmp_path / "copy", jobs=1, formats=FORMATS).skipped == 1
    new = _entries(tmp_path / "copy")["a"]["outputs"]
    assert [o["sha256"] for o in new] == [o["sha256"] for o in old]
    assert new[0]["inode"] == (tmp_path / "copy" / "a.pdf").stat().st_ino != old[0]["inode"]


def test_an_entry_cannot_point_the_build_at_files_outside_the_output_folder(tmp_path: Path) -> None:
    memo = write_memo(tmp_path / "src" / "m.yaml", "Memo")
    out = tmp_path / "out"
    build([memo], out, jobs=1, formats=FORMATS)
    secret = tmp_path / "secret.pdf"
    shutil.copy(out / "m.pdf", secret)
    doc = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    doc["memos"]["m"]["outputs"][0]["path"] = "../secret.pdf"
    (out / MANIFEST).write_text(json.dumps(doc), encoding="utf-8")
    report = build([memo], out, jobs=1, formats=FORMATS)
    assert report.built == 1
    assert all(Path(o["path"]).parent == out for o in report.memos[0].outputs)
    assert {o["path"] for o in _entries(out)["m"]["outputs"]} == {"m.pdf", "m.docx"}


def test_the_manifest_is_never_written_through_a_link_at_a_temporary_name(tmp_path: Path) -> None:
    memo = write_memo(tmp_path / "src" / "m.yaml", "Memo")
    out = tmp_path / "out"
    out.mkdir()
    secret = tmp_path / "secret.txt"
    secret.write_text("keep me", encoding="utf-8")
    (out / f"{MANIFEST}.{os.getpid()}.tmp").symlink_to(secret)  # the old, predictable name
    assert build([memo], out, jobs=1, formats=FORMATS).built == 1
    assert secret.read_text(encoding="utf-8") == "keep me"
    assert set(_entries(out)) == {"m"}


def test_the_manifest_is_saved_after_each_finished_memo(tmp_path: Path) -> None:
    """While one memo hangs, the one that finished is already in the manifest; a build
    killed then keeps it."""
    write_memo(tmp_path / "content" / "a.yaml", "Finished early")
    write_memo(tmp_path / "content" / "b-hang.yaml", "Never finishes")
    env = {**os.environ, "PYTHONPATH": str(ROOT), "MEMOKIT_CACHE_DIR": str(tmp_path / "cache")}
    proc = subprocess.Popen([sys.executable, "-m", "tests.batch.faults", "build", "-o", "out", "-j", "2",
                             "--format", ",".join(FORMATS)], cwd=tmp_path, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    out = tmp_path / "out"
    end = time.monotonic() + 60
    try:
        while not ((out / MANIFEST).is_file() and "a" in _entries(out)):
            assert time.monotonic() < end and proc.poll() is None, "a.yaml never recorded"
            time.sleep(0.05)
        assert proc.poll() is None  # b-hang is still rendering
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait(30)
    again = build([tmp_path / "content" / "a.yaml"], out, jobs=1, formats=FORMATS,
                  renderer="tests.batch.faults:render")
    assert again.skipped == 1
    assert not list(out.glob(".memokit-tmp*"))
