import csv

import pytest

from consistency.errors import OutputError, SettingsError
from consistency.reporters import get_reporter
from consistency.reporters.base import atomic_write
from consistency.reporters.csv import COLUMNS, neutralise
from consistency.types import Article, Claim, Finding, FindingType, Pair, Report


def _report(claim_b_text="Sales rose 9% in May."):
    a = Claim.bare("Sales rose 5% in May.", source="alpha")
    b = Claim.bare(claim_b_text, source="beta")
    finding = Finding(id="f1", type=FindingType.NUMERIC, confidence=0.87654,
                      pair=Pair(a, b, 0.91234), value_a="5%", value_b="9%",
                      explanation="numeric: '5%' in alpha vs '9%' in beta")
    articles = (Article(id="x", source="alpha", title="T", text=a.text),)
    return Report(articles=articles, claims=2, pairs=1, findings=(finding,))


def test_reporters_csv_writes_header_and_rows(tmp_path):
    [path] = get_reporter("csv", tmp_path).write(_report())
    assert path == tmp_path / "findings.csv"
    rows = list(csv.DictReader(path.open(encoding="utf-8")))
    assert tuple(rows[0].keys()) == COLUMNS
    assert rows[0]["type"] == "numeric"
    assert rows[0]["confidence"] == "0.877"
    assert rows[0]["value_a"] == "5%" and rows[0]["value_b"] == "9%"
    assert rows[0]["similarity"] == "0.912"
    assert rows[0]["verdict"] == ""


def test_reporters_csv_empty_report_has_only_header(tmp_path):
    report = Report(articles=(), claims=0, pairs=0, findings=())
    [path] = get_reporter("csv", tmp_path).write(report)
    assert path.read_text(encoding="utf-8").strip() == ",".join(COLUMNS)


@pytest.mark.parametrize("cell, expected", [
    ("=1+1", "'=1+1"), ("+33 1", "'+33 1"), ("-5%", "'-5%"), ("@SUM(A1)", "'@SUM(A1)"),
    ("\tx", "'\tx"), ("Sales rose", "Sales rose"), ("", ""),
])
def test_reporters_csv_neutralises_formulas(cell, expected):
    assert neutralise(cell) == expected


def test_reporters_csv_hostile_claim_is_neutralised(tmp_path):
    [path] = get_reporter("csv", tmp_path).write(_report('=HYPERLINK("http://x","y")'))
    row = next(csv.DictReader(path.open(encoding="utf-8")))
    assert row["claim_b"].startswith("'=")


def test_reporters_unknown_format_is_an_error(tmp_path):
    with pytest.raises(SettingsError, match="unknown report format 'pdf'"):
        get_reporter("pdf", tmp_path)


def test_reporters_atomic_write_replaces_whole_file(tmp_path):
    target = tmp_path / "sub" / "out.txt"
    atomic_write(target, "first")
    atomic_write(target, "second")
    assert target.read_text() == "second"
    assert [p.name for p in target.parent.iterdir()] == ["out.txt"]


def test_reporters_atomic_write_unwritable_folder_raises_output_error(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(OutputError, match="cannot write report"):
        atomic_write(blocker / "out.csv", "data")
