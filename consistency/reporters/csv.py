"""findings.csv: one row per disagreement, UTF-8 with a header row.

Cells that a spreadsheet would run as a formula (starting with = + - @ or a
tab / carriage return) are prefixed with an apostrophe, so a hostile article
cannot put a live formula in a reviewer's spreadsheet.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from consistency.reporters.base import Reporter, atomic_write
from consistency.types import Finding, Report

COLUMNS = (
    "finding_id", "type", "confidence",
    "source_a", "article_a", "claim_a", "value_a",
    "source_b", "article_b", "claim_b", "value_b",
    "explanation", "similarity", "verdict",
    "title_a", "title_b", "span_a", "span_b",
)
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise(cell: str) -> str:
    """``neutralise("=HYPERLINK(...)") == "'=HYPERLINK(...)"``; other text is unchanged."""
    return "'" + cell if cell.startswith(_FORMULA_START) else cell


def finding_row(finding: Finding, titles: dict[str, str]) -> dict[str, str]:
    """The CSV row of one finding (all cells as text)."""
    a, b = finding.pair.a, finding.pair.b
    return {
        "finding_id": finding.id, "type": finding.type.value,
        "confidence": f"{finding.confidence:.3f}",
        "source_a": a.source, "article_a": a.article_id, "claim_a": a.text,
        "value_a": finding.value_a,
        "source_b": b.source, "article_b": b.article_id, "claim_b": b.text,
        "value_b": finding.value_b,
        "explanation": finding.explanation, "similarity": f"{finding.similarity:.3f}",
        "verdict": "",
        "title_a": titles.get(a.article_id, ""), "title_b": titles.get(b.article_id, ""),
        "span_a": f"{a.start}-{a.end}", "span_b": f"{b.start}-{b.end}",
    }


class CsvReporter(Reporter):
    name = "csv"
    filename = "findings.csv"

    def start(self, report: Report) -> None:
        self._titles = {a.id: a.title for a in report.articles}
        self._buffer = io.StringIO()
        self._writer = csv.DictWriter(self._buffer, fieldnames=COLUMNS, lineterminator="\n")
        self._writer.writeheader()

    def handle(self, finding: Finding) -> None:
        row = finding_row(finding, self._titles)
        self._writer.writerow({k: neutralise(v) for k, v in row.items()})

    def finish(self) -> list[Path]:
        return [atomic_write(self.path, self._buffer.getvalue())]
