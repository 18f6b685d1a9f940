"""The checker on real cross-outlet coverage: speed, and how much it flags.

    HF_HUB_OFFLINE=1 python benchmarks/corpus_run.py [--events 100] [--data ../shared/data]

Reads ``corpus/allsides/allsides_2021.jsonl`` (real events, up to three outlets
each: left / center / right) at run time, keeps the events that share no article
with ``neus_train.source`` (the combiner's training events; the files overlap),
and runs the full pipeline
(claims -> alignment -> judge) on each event separately: the event id is the
ground-truth story grouping. Prints claims, aligned pairs and findings per
event, findings by type, and seconds per event. Real coverage of one event does
disagree sometimes, so findings here are not all false alarms; the figure is an
upper bound on the false-alarm rate and a reading of what an editor would see.
Also times the full CLI path on the sample corpus (model loading included).
"""

from __future__ import annotations

import argparse
import collections
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from consistency.corpus import parse_date
from consistency.evaluation.datasets import data_root, heldout_allsides_events
from consistency.judges.judge import PairJudge
from consistency.pipeline import check
from consistency.settings import Settings
from consistency.types import Article, stable_id

REPO = Path(__file__).resolve().parents[1]


def allsides_events(root: Path, limit: int, seed: int) -> list[list[Article]]:
    """A seeded sample of events with at least two outlets, as lists of articles."""
    events = heldout_allsides_events(root)
    random.Random(seed).shuffle(events)
    out = []
    for event in events:
        articles = []
        for side, item in sorted(event.get("news", {}).items()):
            body = " ".join(item.get("newBody") or [])
            if not body.strip():
                continue
            title = (item.get("newsTitle") or "").strip()
            source = item.get("newsSource") or side
            articles.append(Article(id=stable_id(str(event["id"]), side), source=source,
                                    title=title, text=f"{title}\n\n{body}",
                                    published=parse_date(event.get("date") or "")))
        if len({a.source for a in articles}) >= 2:
            out.append(articles)
        if len(out) == limit:
            break
    return out


def time_cli_on_sample_corpus() -> float:
    with tempfile.TemporaryDirectory() as out:
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "consistency", "check", str(REPO / "corpus"),
                        "--out", out], check=True, capture_output=True)
        return time.perf_counter() - start


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default=None)
    parser.add_argument("--events", type=int, default=100)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--show", type=int, default=10, help="print this many findings")
    parser.add_argument("--claims", action="store_true",
                        help="print both claims under each finding shown (for reviewing them)")
    args = parser.parse_args(argv)

    print(f"sample corpus, full CLI run incl. model loading: {time_cli_on_sample_corpus():.1f} s")
    settings = Settings()
    judge = PairJudge(settings)
    judge.embedder.encode(["warm up"])
    events = allsides_events(data_root(args.data), args.events, args.seed)
    types: collections.Counter = collections.Counter()
    claims = pairs = flagged_events = 0
    shown = []
    start = time.perf_counter()
    for articles in events:
        report = check(articles, settings, judge=judge)
        claims, pairs = claims + report.claims, pairs + report.pairs
        types.update(f.type.value for f in report.findings)
        flagged_events += bool(report.findings)
        shown.extend(report.findings[: max(0, args.show - len(shown))])
    seconds = time.perf_counter() - start
    n = len(events)
    total = sum(types.values())
    print(f"events: {n}  articles: {sum(map(len, events))}  claims: {claims}  pairs: {pairs}")
    print(f"findings: {total} ({total / n:.2f} per event; "
          f"events with any: {flagged_events / n:.1%})")
    print("by type: " + ", ".join(f"{t} {c}" for t, c in sorted(types.items())))
    print(f"time: {seconds:.1f} s ({seconds / n:.2f} s per event, models loaded)")
    for f in shown:
        print(f"- [{f.type.value} {f.confidence:.2f}] {f.explanation}")
        if args.claims:
            print(f"    a: {f.pair.a.text}\n    b: {f.pair.b.text}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
