"""The only place that wires the stages together.

    articles -> claims -> vectors -> aligned pairs -> judgements -> findings -> report

Python users call :func:`check` (or :func:`check_paths`) exactly as the CLI does.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path

from consistency.align import align
from consistency.claims import split_claims
from consistency.corpus import load_articles
from consistency.errors import NoArticlesError, SettingsError
from consistency.judges.judge import PairJudge
from consistency.settings import Settings
from consistency.types import (
    Article,
    Claim,
    Finding,
    Judgement,
    Label,
    Pair,
    Problem,
    Report,
    stable_id,
)

log = logging.getLogger(__name__)

FAIL_ON = ("none", "any")


def check_paths(paths: Sequence[str | Path], settings: Settings | None = None,
                judge: PairJudge | None = None) -> Report:
    """Load the articles under ``paths`` and check them: ``check_paths(["corpus/"])``.

    Unreadable inputs become ``Report.problems``; raises NoArticlesError when nothing loads.
    """
    articles, problems = load_articles(paths)
    for problem in problems:
        log.warning("%s", problem)
    if not articles:
        shown = ", ".join(str(p) for p in paths)
        raise NoArticlesError(f"no readable article in {shown}")
    return check(articles, settings, judge=judge, problems=problems)


def check(articles: Sequence[Article], settings: Settings | None = None,
          judge: PairJudge | None = None, problems: Sequence[Problem] = ()) -> Report:
    """Compare every source with every other source and report their disagreements.

    A ``judge`` passed in (to reuse loaded models) must carry the same settings.
    """
    settings = settings or (judge.settings if judge else Settings())
    judge = judge or PairJudge(settings)
    if judge.settings != settings:
        raise SettingsError("the judge was built with other settings than the run's")
    claims, pairs = aligned_pairs(articles, judge)
    judgements = judge.judge(pairs)
    findings = _findings(pairs, judgements, settings)
    log.info("%d articles, %d claims, %d pairs, %d findings",
             len(articles), len(claims), len(pairs), len(findings))
    return Report(articles=tuple(articles), claims=len(claims), pairs=len(pairs),
                  findings=tuple(findings), problems=tuple(problems))


def aligned_pairs(articles: Sequence[Article], judge: PairJudge) -> tuple[list[Claim], list[Pair]]:
    """The claims of ``articles`` and the cross-source pairs ``check`` judges, aligned
    with ``judge``'s embedder and settings."""
    claims = [c for article in articles for c in split_claims(article)]
    return claims, align(claims, judge.embedder, judge.settings)


def _findings(pairs: Sequence[Pair], judgements: Sequence[Judgement],
              settings: Settings) -> list[Finding]:
    findings = []
    for pair, j in zip(pairs, judgements):
        if j.label is not Label.DISAGREE:  # the judge decides at settings.min_confidence
            continue
        fid = stable_id(*sorted((pair.a.id, pair.b.id)), j.type.value)
        findings.append(Finding(id=fid, type=j.type, confidence=j.confidence, pair=pair,
                                value_a=j.value_a, value_b=j.value_b, explanation=j.explanation))
    findings.sort(key=lambda f: (-f.confidence, f.id))
    return findings


def exit_code(report: Report, fail_on: str = "none") -> int:
    """0 when the run worked and nothing reaches ``fail_on``; 1 when findings reach it.

    (2, a run that could not do its job, is decided where the error is caught: the CLI.)
    """
    if fail_on not in FAIL_ON:
        raise ValueError(f"fail_on must be one of {FAIL_ON}, got {fail_on!r}")
    return 1 if fail_on == "any" and report.findings else 0
