"""The command line: parse options -> Settings -> library call -> reporters -> exit code.

Exit codes: 0 the run worked and no finding reaches --fail-on; 1 findings reach
--fail-on; 2 the run could not do its job (bad usage, no readable input, a
model that does not load), with a one-line message on stderr.
"""

from __future__ import annotations

import logging
import os
import sys

import click

from consistency.errors import ConsistencyError
from consistency.settings import DEFAULT_EMBEDDER, DEFAULT_JUDGE, Settings

# Nothing in this tool may reach a model hub: models load from installed packages or paths.
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

EMBEDDER_HELP = (f"Sentence-transformers model for alignment: an installed model package, a local "
                 f"folder, or a cached model name. Default: {DEFAULT_EMBEDDER}.")
JUDGE_HELP = (f"NLI signal for the pair judge: '{DEFAULT_JUDGE}' (ONNX, installed package), "
              f"a folder with an .onnx model and tokenizer, or a sentence-transformers "
              f"CrossEncoder NLI model name or path. Default: {DEFAULT_JUDGE}.")


def _fail(error: Exception) -> None:
    click.echo(f"error: {error}", err=True)
    sys.exit(2)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="consistency")
@click.option("-v", "--verbose", count=True, help="More log output on stderr (-v info, -vv debug).")
def cli(verbose: int) -> None:
    """Find where news sources disagree on facts.

    `consistency check corpus/` reads the articles, aligns claims across sources,
    judges each aligned pair and writes reports/findings.csv.
    """
    level = logging.WARNING - 10 * min(verbose, 2)
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--out", "out_dir", default="reports", show_default=True, type=click.Path(),
              help="Folder the report (findings.csv) is written to.")
@click.option("--embedder", default=DEFAULT_EMBEDDER, show_default=True, help=EMBEDDER_HELP)
@click.option("--judge", default=DEFAULT_JUDGE, show_default=True, help=JUDGE_HELP)
@click.option("--min-confidence", default=Settings.min_confidence, show_default=True,
              type=click.FloatRange(0.0, 1.0),
              help="Report only findings with at least this confidence (see README).")
@click.option("--fail-on", type=click.Choice(["none", "any"]), default="none", show_default=True,
              help="Exit 1 when findings reach this level: 'any' finding, or 'none' (never).")
def check(paths, out_dir, embedder, judge, min_confidence, fail_on) -> None:
    """Compare every source with every other source in PATHS (files or folders)."""
    from consistency.pipeline import check_paths, exit_code
    from consistency.reporters import get_reporter

    try:
        settings = Settings(embedder=embedder, judge=judge, min_confidence=min_confidence)
        report = check_paths(paths, settings)
        written = get_reporter("csv", out_dir).write(report)
    except ConsistencyError as e:
        _fail(e)
    for problem in report.problems:
        click.echo(f"warning: {problem}", err=True)
    click.echo(summary(report))
    for path in written:
        click.echo(f"report: {path}")
    sys.exit(exit_code(report, fail_on))


def summary(report) -> str:
    """The short run summary printed by ``check``."""
    by_type = ", ".join(f"{t} {n}" for t, n in report.counts_by_type().items())
    lines = [
        f"articles: {len(report.articles)}  sources: {len(report.sources)}  "
        f"claims: {report.claims}  aligned pairs: {report.pairs}",
        f"findings: {len(report.findings)}" + (f" ({by_type})" if by_type else ""),
    ]
    return "\n".join(lines)


@cli.command()
@click.argument("input_path", type=click.Path())
@click.option("--out", "output_path", required=True, type=click.Path(),
              help="Output file, .csv or .jsonl (format by extension).")
@click.option("--judge", default=DEFAULT_JUDGE, show_default=True, help=JUDGE_HELP)
@click.option("--batch-size", default=Settings.batch_size, show_default=True,
              type=click.IntRange(1, 4096), help="Pairs per model batch.")
def pairs(input_path, output_path, judge, batch_size) -> None:
    """Judge claim pairs given directly in INPUT_PATH (.csv or .jsonl with claim_a, claim_b).

    Writes one row per pair, in input order: id, label (disagree / agree / unrelated),
    type, confidence (P(disagree)), value_a, value_b, explanation.
    """
    from consistency.judges.judge import PairJudge
    from consistency.pairfile import judge_file

    try:
        settings = Settings(judge=judge, batch_size=batch_size)
        count = judge_file(input_path, output_path, PairJudge(settings))
    except ConsistencyError as e:
        _fail(e)
    click.echo(f"pairs: {count}\nreport: {output_path}")


@cli.command(name="eval")
@click.option("--sets", "set_names", default="rte3,sick_test,msrp,synthetic", show_default=True,
              help="Comma-separated labelled sets: rte3, sick_test, snli, msrp, synthetic.")
@click.option("--data", "data_root", default=None, type=click.Path(),
              help="Folder of the public labelled data (default: ../shared/data beside the "
                   "repository, or $CONSISTENCY_DATA).")
@click.option("--limit", default=None, type=click.IntRange(1),
              help="Seeded sample of N pairs per set.")
@click.option("--seed", default=0, show_default=True, help="Seed for sampling and synthetic pairs.")
@click.option("--judge", default=DEFAULT_JUDGE, show_default=True, help=JUDGE_HELP)
def evaluate(set_names, data_root, limit, seed, judge) -> None:
    """Measure the pair judge on public labelled sets and print a Markdown table.

    Per set: AUC of confidence for contradiction vs rest, precision / recall / F1 of
    label == disagree at the shipped threshold, share flagged, precision among pairs
    with confidence >= 0.8, and pairs per second; for the synthetic set, recall per
    corruption type, type accuracy and the share of light paraphrases flagged.
    """
    from consistency.evaluation.harness import available_sets, evaluate, format_table
    from consistency.judges.judge import PairJudge

    try:
        settings = Settings(judge=judge)
        names = [n.strip() for n in set_names.split(",") if n.strip()]
        sets = available_sets(names, data_root, limit=limit, seed=seed)
        results = evaluate(PairJudge(settings), sets, seed=seed)
    except (ConsistencyError, FileNotFoundError) as e:
        _fail(e)
    click.echo(format_table(results))
