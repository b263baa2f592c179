"""The result of a build, per memo and in sum, and its JSON form."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

Status = Literal["built", "skipped", "failed", "cancelled"]


def readable(text: str) -> str:
    """A path as a person can read it: bytes that are not UTF-8 (which Python keeps as lone
    surrogates) shown as ``\\xff`` escapes."""
    try:
        raw = text.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:  # a surrogate that stands for no byte
        return text.encode("utf-8", "backslashreplace").decode("utf-8")
    return raw.decode("utf-8", "backslashreplace")


def _clean(value: Any) -> Any:
    """``value`` with every string made encodable (see ``readable``)."""
    if isinstance(value, str):
        return readable(value)
    if isinstance(value, dict):
        return {_clean(k): _clean(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_clean(v) for v in value]
    return value


@dataclass
class MemoReport:
    """One memo's fate. ``outputs`` entries: path, format, bytes, sha256; ``errors`` and
    ``warnings`` entries: file, line, column, field, message. ``duration_s`` is 0 for a
    skipped memo. ``worker``: who rendered it, ``pid N`` (a local worker process) or a Dask
    worker's address (``tcp://10.0.0.5:40123``); None for a skipped or cancelled memo and
    for a memo whose worker gave no result."""

    path: str
    status: Status
    outputs: list[dict[str, Any]] = field(default_factory=list)
    warnings: list[dict[str, Any]] = field(default_factory=list)
    errors: list[dict[str, Any]] = field(default_factory=list)
    duration_s: float = 0.0
    worker: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return {"path": self.path, "status": self.status, "outputs": self.outputs,
                "warnings": self.warnings, "errors": self.errors, "duration_s": self.duration_s,
                "worker": self.worker}


@dataclass
class BuildReport:
    """Every memo of a build, in the order they were found."""

    version: str
    memos: list[MemoReport]
    duration_s: float

    def count(self, status: Status) -> int:
        return sum(m.status == status for m in self.memos)

    @property
    def built(self) -> int:
        return self.count("built")

    @property
    def skipped(self) -> int:
        return self.count("skipped")

    @property
    def failed(self) -> int:
        return self.count("failed")

    @property
    def cancelled(self) -> int:
        return self.count("cancelled")

    @property
    def ok(self) -> bool:
        """True when no memo failed or was cancelled."""
        return self.failed == 0 and self.cancelled == 0

    @property
    def outputs(self) -> list[Path]:
        """Every output of a built or up-to-date memo."""
        return [Path(o["path"]) for m in self.memos for o in m.outputs]

    def summary_line(self) -> str:
        parts = [f"{self.built} built", f"{self.skipped} skipped", f"{self.failed} failed"]
        if self.cancelled:
            parts.append(f"{self.cancelled} cancelled")
        return f"memokit build: {', '.join(parts)} in {self.duration_s:.1f} s"

    def as_dict(self) -> dict[str, Any]:
        return {"memokit": self.version, "duration_s": self.duration_s,
                "summary": {"built": self.built, "skipped": self.skipped, "failed": self.failed},
                "memos": [m.as_dict() for m in self.memos]}

    def to_json(self) -> str:
        return json.dumps(_clean(self.as_dict()), indent=2, ensure_ascii=False) + "\n"
