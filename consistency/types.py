"""The data that flows through the pipeline, as frozen dataclasses and enums.

articles -> claims -> vectors -> aligned pairs -> judgements -> findings -> report

Every stage takes and returns these types; nothing downstream reaches back
into a stage's internals.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from enum import Enum


class FindingType(str, Enum):
    """What kind of fact two claims disagree on. The value is the stable code."""

    NUMERIC = "numeric"
    DURATION = "duration"
    DATE = "date"
    POLARITY = "polarity"
    ATTRIBUTION = "attribution"
    ENTITY = "entity"
    SEMANTIC = "semantic"

    def __str__(self) -> str:  # so f-strings and CSV cells show "numeric"
        return self.value


class Label(str, Enum):
    """The pair judge's decision on two claims."""

    DISAGREE = "disagree"
    AGREE = "agree"
    UNRELATED = "unrelated"

    def __str__(self) -> str:
        return self.value


@dataclass(frozen=True)
class Article:
    """One article as loaded from the corpus (after cleaning).

    ``text`` is the cleaned body the claims' character spans refer to; ``raw``
    is the text before page furniture was removed (kept for provenance).
    """

    id: str
    source: str
    title: str
    text: str
    path: str = ""
    published: dt.date | None = None
    url: str | None = None
    raw: str = ""


@dataclass(frozen=True)
class Claim:
    """One sentence of an article, with its exact span in ``Article.text``.

    ``article.text[start:end] == text`` always holds for claims made by
    :func:`consistency.claims.split_claims`. Claims given directly (the
    ``pairs`` command) have ``article_id == ""`` and a span over their own text.
    ``subject`` is the article's main named entity (used to resolve "the
    company" / "it" in checks); ``published`` is the article's date.
    """

    id: str
    article_id: str
    source: str
    text: str
    start: int = 0
    end: int = 0
    index: int = 0
    checkworthy: bool = True
    published: dt.date | None = None
    subject: str | None = None

    @classmethod
    def bare(cls, text: str, source: str = "", published: dt.date | None = None,
             id: str = "") -> Claim:
        """A claim with no article behind it, e.g. ``Claim.bare("Sales fell 5%.")``."""
        return cls(id=id or stable_id(source, text), article_id="", source=source,
                   text=text, start=0, end=len(text), published=published)


@dataclass(frozen=True)
class Pair:
    """Two claims from different sources that may talk about the same thing.

    ``mutual`` pairs are each other's nearest neighbours (the same fact, as far as
    the embedder can tell); other pairs are wider candidates that only a typed
    check naming conflicting values can turn into a finding.
    """

    a: Claim
    b: Claim
    similarity: float
    mutual: bool = True


@dataclass(frozen=True)
class Conflict:
    """What one typed check found incompatible between two claims.

    ``value_a`` / ``value_b`` are the conflicting words as they appear in each
    claim; ``strength`` in [0, 1] is how sure the check is that the two values
    cannot both be true; ``detail`` says why in a few words.
    """

    type: FindingType
    value_a: str
    value_b: str
    strength: float = 1.0
    detail: str = ""


@dataclass(frozen=True)
class CheckResult:
    """A typed check's answer: conflicts found, and how many comparable values agreed."""

    conflicts: tuple[Conflict, ...] = ()
    matches: int = 0

    @property
    def strongest(self) -> Conflict | None:
        return max(self.conflicts, key=lambda c: c.strength, default=None)


@dataclass(frozen=True)
class Judgement:
    """The pair judge's decision: label, type (for disagreements), calibrated confidence."""

    label: Label
    confidence: float
    type: FindingType | None = None
    value_a: str = ""
    value_b: str = ""
    explanation: str = ""
    features: dict[str, float] = field(default_factory=dict, compare=False, repr=False)


@dataclass(frozen=True)
class Finding:
    """A reported disagreement between two claims of different sources."""

    id: str
    type: FindingType
    confidence: float
    pair: Pair
    value_a: str
    value_b: str
    explanation: str

    @property
    def similarity(self) -> float:
        return self.pair.similarity


@dataclass(frozen=True)
class Problem:
    """An input that could not be used, with the reason; the run goes on without it."""

    path: str
    reason: str

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


@dataclass(frozen=True)
class Report:
    """Everything a run produced, for reporters and exit-code decisions."""

    articles: tuple[Article, ...]
    claims: int
    pairs: int
    findings: tuple[Finding, ...]
    problems: tuple[Problem, ...] = ()

    @property
    def sources(self) -> tuple[str, ...]:
        return tuple(sorted({a.source for a in self.articles}))

    def counts_by_type(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for f in self.findings:
            counts[f.type.value] = counts.get(f.type.value, 0) + 1
        return dict(sorted(counts.items()))


def stable_id(*parts: str, length: int = 12) -> str:
    """A short hex id that depends only on ``parts``: ``stable_id("a", "b")``."""
    digest = hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()
    return digest[:length]
