"""The command line contract, through click's CliRunner."""

from __future__ import annotations

import csv
import json

import pytest
from click.testing import CliRunner

from consistency.cli import cli
from consistency.reporters.csv import COLUMNS

from ..conftest import REPO

CORPUS = REPO / "corpus"


def _run(*args):
    return CliRunner().invoke(cli, list(map(str, args)), catch_exceptions=False)


@pytest.mark.parametrize("command", [[], ["check"], ["pairs"]])
def test_cli_help_describes_every_option(command):
    result = _run(*command, "--help")
    assert result.exit_code == 0
    if command == ["check"]:
        for option in ("--out", "--embedder", "--judge", "--min-confidence", "--fail-on"):
            assert option in result.output
    if command == ["pairs"]:
        for option in ("--out", "--judge", "--batch-size"):
            assert option in result.output
        assert "--embedder" not in result.output  # pairs given directly are not aligned


def test_cli_check_missing_path_exits_2_with_one_line(tmp_path):
    result = CliRunner().invoke(cli, ["check", str(tmp_path / "nope"), "--out", str(tmp_path)])
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines() if result.stderr else result.output.splitlines()
    assert lines[-1].startswith("error: ")
    assert "no readable article" in lines[-1]
    assert not (tmp_path / "findings.csv").exists()


def test_cli_check_bad_min_confidence_is_usage_error(tmp_path):
    result = CliRunner().invoke(cli, ["check", str(CORPUS), "--min-confidence", "2"])
    assert result.exit_code == 2
    assert "min-confidence" in result.output


def test_cli_check_unloadable_embedder_exits_2(tmp_path):
    result = CliRunner().invoke(cli, ["check", str(CORPUS), "--out", str(tmp_path),
                                      "--embedder", str(tmp_path / "no-such-model")])
    assert result.exit_code == 2
    assert "error:" in result.output
    assert "no-such-model" in result.output


@pytest.fixture(scope="module")
def seed_rows(tmp_path_factory):
    out = tmp_path_factory.mktemp("seed")
    result = _run("check", CORPUS, "--out", out)
    assert result.exit_code == 0, result.output
    assert "articles: 2" in result.output
    return list(csv.DictReader((out / "findings.csv").open(encoding="utf-8")))


@pytest.mark.model
def test_cli_check_seed_corpus_rows_are_well_formed(seed_rows):
    assert seed_rows
    assert set(COLUMNS) <= set(seed_rows[0].keys())
    assert len(seed_rows) <= 5  # the two expected disagreements and at most 3 others
    for row in seed_rows:
        assert row["source_a"] != row["source_b"]
        assert 0.5 <= float(row["confidence"]) <= 1.0
        assert row["value_a"] and row["value_b"] and row["explanation"]
        assert row["verdict"] == ""


@pytest.mark.model
def test_cli_check_seed_corpus_flags_prior_sales_polarity(seed_rows):
    polarity = [r for r in seed_rows if r["type"] == "polarity"
                and "provided" in r["explanation"] and "supply" in r["explanation"]]
    assert polarity, seed_rows


@pytest.mark.model
def test_cli_check_seed_corpus_flags_pause_length_duration(seed_rows):
    duration = [r for r in seed_rows if r["type"] == "duration"
                and "1 year" in r["explanation"] and "until Congress" in r["explanation"]]
    assert duration, seed_rows


@pytest.mark.model
def test_cli_check_fail_on_any_exits_1_and_ids_are_stable(tmp_path):
    first = _run("check", CORPUS, "--out", tmp_path / "one", "--fail-on", "any")
    second = _run("check", CORPUS, "--out", tmp_path / "two", "--fail-on", "any")
    assert first.exit_code == 1 and second.exit_code == 1
    one = (tmp_path / "one" / "findings.csv").read_bytes()
    assert one == (tmp_path / "two" / "findings.csv").read_bytes()


@pytest.mark.model
def test_cli_pairs_judges_rows_in_order(tmp_path):
    rows = [
        {"id": "p1", "claim_a": "The factory will close for two years, the company said.",
         "claim_b": "The factory will close for six months, the company said."},
        {"id": "p2", "claim_a": "The mayor opened the new library on Monday.",
         "claim_b": "On Monday the mayor opened the new library."},
        {"id": "p3", "claim_a": "Shares of the bank rose 4% on Friday.",
         "claim_b": "The river flooded three villages in the north."},
    ]
    src = tmp_path / "in.jsonl"
    src.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    result = _run("pairs", src, "--out", tmp_path / "out.csv")
    assert result.exit_code == 0, result.output
    out = list(csv.DictReader((tmp_path / "out.csv").open(encoding="utf-8")))
    assert [r["id"] for r in out] == ["p1", "p2", "p3"]
    assert out[0]["label"] == "disagree" and out[0]["type"] == "duration"
    assert out[1]["label"] != "disagree"
    assert out[2]["label"] != "disagree"
    assert all(0.0 <= float(r["confidence"]) <= 1.0 for r in out)


def test_cli_pairs_bad_row_exits_2_naming_file(tmp_path):
    src = tmp_path / "in.csv"
    src.write_text("id,claim_a,claim_b\n1,Only one side,\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["pairs", str(src), "--out", str(tmp_path / "o.csv")])
    assert result.exit_code == 2
    assert "in.csv" in result.output and "row 1" in result.output
    assert not (tmp_path / "o.csv").exists()
