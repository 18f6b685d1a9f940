"""Claim pairs given directly (the ``pairs`` command): read, judge in chunks, write.

INPUT is ``.csv`` or ``.jsonl`` with ``claim_a``, ``claim_b`` and optional
``id``, ``source_a``, ``source_b``, ``published_a``, ``published_b``. OUTPUT
(``.csv`` or ``.jsonl``, by extension) repeats ``id`` and adds the judgement.
Rows are judged ``chunk`` at a time and streamed to a temporary file that is
renamed into place at the end, so 10,000 pairs never sit in model memory at
once and a failed run leaves no half-written output.
"""

from __future__ import annotations

import csv
import json
import os
import tempfile
from collections.abc import Iterator
from itertools import islice
from pathlib import Path

from consistency.corpus import parse_date
from consistency.errors import InputError, OutputError
from consistency.reporters.csv import neutralise
from consistency.types import Claim, Judgement

OUTPUT_COLUMNS = ("id", "label", "type", "confidence", "value_a", "value_b", "explanation")
FORMATS = (".csv", ".jsonl")


def read_pairs(path: str | Path) -> Iterator[tuple[str, Claim, Claim]]:
    """Yield ``(id, claim_a, claim_b)`` rows; a bad row raises InputError naming file and row."""
    path = Path(path)
    for number, record in enumerate(_records(path), start=1):
        yield _row_to_claims(record, path, number)


def _records(path: Path) -> Iterator[dict]:
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        raise InputError(f"unsupported pair file type {suffix!r} (use .csv or .jsonl)", str(path))
    try:
        with path.open(encoding="utf-8-sig", newline="") as fh:
            if suffix == ".csv":
                yield from csv.DictReader(fh)
                return
            for number, line in enumerate(fh, start=1):
                if line.strip():
                    yield _json_line(line, path, number)
    except (OSError, UnicodeDecodeError) as e:
        raise InputError(f"cannot read: {getattr(e, 'strerror', None) or e}", str(path)) from e


def _json_line(line: str, path: Path, number: int) -> dict:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as e:
        raise InputError(f"line {number}: not valid JSON ({e.msg})", str(path)) from e
    if not isinstance(record, dict):
        raise InputError(f"line {number}: expected a JSON object", str(path))
    return record


def _row_to_claims(record: dict, path: Path, number: int) -> tuple[str, Claim, Claim]:
    texts = [str(record.get(k) or "").strip() for k in ("claim_a", "claim_b")]
    if not all(texts):
        raise InputError(f"row {number}: claim_a and claim_b must both be non-empty", str(path))
    row_id = str(record.get("id") or number)
    claims = [Claim.bare(text, source=str(record.get(f"source_{s}") or s),
                         published=parse_date(str(record.get(f"published_{s}") or "")),
                         id=f"{row_id}-{s}")
              for text, s in zip(texts, ("a", "b"))]
    return row_id, claims[0], claims[1]


def judgement_row(row_id: str, j: Judgement) -> dict[str, str]:
    """The output row of one judged pair."""
    return {"id": row_id, "label": j.label.value, "type": j.type.value if j.type else "",
            "confidence": f"{j.confidence:.4f}", "value_a": j.value_a, "value_b": j.value_b,
            "explanation": j.explanation}


def judge_file(input_path: str | Path, output_path: str | Path, judge, chunk: int = 256) -> int:
    """Judge every pair of ``input_path`` into ``output_path``; returns the number of rows."""
    output_path = Path(output_path)
    if output_path.suffix.lower() not in FORMATS:
        raise OutputError("output must end in .csv or .jsonl", str(output_path))
    output_path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=output_path.parent, prefix=f".{output_path.name}.")
    count = 0
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            write = _writer(fh, output_path.suffix.lower())
            rows = read_pairs(input_path)
            while batch := list(islice(rows, chunk)):
                judgements = judge.judge_claims([(a, b) for _, a, b in batch])
                for (row_id, _, _), j in zip(batch, judgements):
                    write(judgement_row(row_id, j))
                count += len(batch)
        os.replace(tmp, output_path)
    finally:
        Path(tmp).unlink(missing_ok=True)
    return count


def _writer(fh, suffix: str):
    if suffix == ".jsonl":
        return lambda row: fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    writer = csv.DictWriter(fh, fieldnames=OUTPUT_COLUMNS, lineterminator="\n")
    writer.writeheader()
    return lambda row: writer.writerow({k: neutralise(v) for k, v in row.items()})
