"""The one reporter interface, and atomic file writing for every reporter.

A reporter is told ``start(report)``, then ``handle(finding)`` for each
finding in order, then ``finish()``, which writes its file(s) atomically and
returns their paths. Nothing is written until ``finish``: a run that dies
half-way leaves the previous report in place, never half a file.
"""

from __future__ import annotations

import os
import tempfile
from abc import ABC, abstractmethod
from pathlib import Path

from consistency.errors import OutputError
from consistency.types import Finding, Report


class Reporter(ABC):
    """Base class: subclasses set ``name`` and ``filename`` and implement the three steps."""

    name: str = ""
    filename: str = ""

    def __init__(self, out_dir: str | Path):
        self.out_dir = Path(out_dir)

    @property
    def path(self) -> Path:
        return self.out_dir / self.filename

    @abstractmethod
    def start(self, report: Report) -> None: ...

    @abstractmethod
    def handle(self, finding: Finding) -> None: ...

    @abstractmethod
    def finish(self) -> list[Path]: ...

    def write(self, report: Report) -> list[Path]:
        """Run the three steps over a whole report."""
        self.start(report)
        for finding in report.findings:
            self.handle(finding)
        return self.finish()


def atomic_write(path: Path, data: str, encoding: str = "utf-8") -> Path:
    """Write ``data`` to ``path`` via a temporary file in the same folder and a rename."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
        try:
            with os.fdopen(fd, "w", encoding=encoding, newline="") as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError as e:
        raise OutputError(f"cannot write report: {e.strerror or e}", path=str(path)) from e
    return path
