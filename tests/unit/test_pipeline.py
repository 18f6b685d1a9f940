import pytest

from consistency.errors import NoArticlesError, SettingsError
from consistency.judges.judge import FEATURES, Combiner, PairJudge
from consistency.pipeline import check, check_paths, exit_code
from consistency.settings import Settings
from consistency.types import Article, FindingType, Report

from ..conftest import FixedNLI, HashingEmbedder


def _judge(settings=None):
    w = [0.0] * len(FEATURES)
    w[FEATURES.index("conflict_numeric")] = 6.0
    return PairJudge(settings or Settings(), nli=FixedNLI(), embedder=HashingEmbedder(),
                     combiner=Combiner(tuple(w), bias=-2.0, threshold=0.5))


ARTICLES = [
    Article(id="a1", source="Daily Alpha", title="Storm hits coast",
            text="Storm hits coast\n\nThe storm destroyed 120 homes in Port Lenna on Monday. "
                 "Officials said schools would reopen next week."),
    Article(id="b1", source="Beta News", title="Coast counts damage",
            text="Coast counts damage\n\nThe storm destroyed 45 homes in Port Lenna on Monday. "
                 "The mayor praised the volunteers."),
]


def test_pipeline_check_reports_cross_source_numeric_disagreement():
    report = check(ARTICLES, Settings(), judge=_judge())
    assert report.claims >= 4 and report.pairs >= 1
    [finding] = [f for f in report.findings if f.type is FindingType.NUMERIC]
    assert {finding.pair.a.source, finding.pair.b.source} == {"Daily Alpha", "Beta News"}
    assert {finding.value_a, finding.value_b} == {"120", "45"}
    assert report.counts_by_type() == {"numeric": 1}


def test_pipeline_finding_ids_are_stable_and_order_independent():
    first = check(ARTICLES, Settings(), judge=_judge())
    second = check(list(reversed(ARTICLES)), Settings(), judge=_judge())
    assert [f.id for f in first.findings] == [f.id for f in second.findings]


def test_pipeline_min_confidence_filters_findings():
    settings = Settings(min_confidence=0.999)
    report = check(ARTICLES, settings, judge=_judge(settings))
    assert report.findings == ()


def test_pipeline_rejects_a_judge_with_other_settings():
    with pytest.raises(SettingsError, match="judge"):
        check(ARTICLES, Settings(min_confidence=0.9), judge=_judge())


def test_pipeline_single_source_has_no_pairs():
    report = check(ARTICLES[:1], Settings(), judge=_judge())
    assert report.pairs == 0 and report.findings == ()


def test_pipeline_no_readable_article_raises(tmp_path):
    with pytest.raises(NoArticlesError, match="no readable article"):
        check_paths([tmp_path / "missing"], Settings(), judge=_judge())


@pytest.mark.parametrize("fail_on, findings, code", [("none", 1, 0), ("any", 1, 1),
                                                     ("any", 0, 0), ("none", 0, 0)])
def test_pipeline_exit_code(fail_on, findings, code):
    report = check(ARTICLES, Settings(), judge=_judge())
    if not findings:
        report = Report(articles=report.articles, claims=0, pairs=0, findings=())
    assert exit_code(report, fail_on) == code


def test_pipeline_exit_code_rejects_unknown_level():
    with pytest.raises(ValueError):
        exit_code(Report(articles=(), claims=0, pairs=0, findings=()), "some")
