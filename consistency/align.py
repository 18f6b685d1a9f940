"""Stage 5: pair claims of *different* sources that talk about the same thing.

News sentences are long and often carry several facts, so a claim is compared
through its *units*: the whole sentence plus its clauses (split at ";", ", but",
", while", appositive commas ...). A leading "the company" / "it" is read as
the article's main subject (``Claim.subject``) for embedding only; the claim's
text is never changed. Two claims' similarity is the best cosine similarity
between any unit of one and any unit of the other.

A pair is *mutual* (``Pair.mutual``) when:

1. the claims come from different sources (never two claims of one source);
2. their similarity is at least ``Settings.min_similarity``;
3. they share at least one content word stem (similar wording about nothing
   in common is not the same fact);
4. they are mutual nearest neighbours: each is among the other's
   ``Settings.neighbours`` best matches in the other's source.

A long sentence that states a fact in one clause among others can score low
against the sentence that contradicts it, so *wider* candidates are kept too:
pairs of different sources with similarity >= ``Settings.wide_similarity`` that
share at least two content stems, up to ``Settings.wide_neighbours`` per claim
and source. The judge reports a wide pair only when a typed check names the
conflicting values (a number, a period, a negated predicate about the same
actor ...): the NLI signal alone is not trusted that far from the fact.
"""

from __future__ import annotations

import logging
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from consistency.settings import Settings
from consistency.text import content_stems, words
from consistency.types import Claim, Pair

log = logging.getLogger(__name__)

# Clause boundaries: semicolons, and a comma before a coordinating or
# subordinating word that starts a new clause.
_CLAUSE_BREAK = re.compile(
    r";\s+|,\s+(?=(?:but|while|whereas|although|though|which|who|and then|yet|as)\b)"
    r"|,\s+(?=(?:one|two|three|four|five|six|seven|eight|nine|ten|both|the|a|an)\b"
    r"[^,]{0,40}\b(?:that|which|who)\b)",
    re.IGNORECASE,
)
_LEADING_REFERENCE = re.compile(
    r"^(?:the (?:company|firm|group|giant|organi[sz]ation|agency|government|ministry|department)"
    r"|it|he|she)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Unit:
    """A piece of a claim that is embedded for alignment."""

    claim_index: int
    text: str


def claim_units(claim: Claim, min_words: int = 4) -> list[str]:
    """The texts a claim is aligned through: the sentence, then clauses of >= ``min_words`` words.

    >>> claim_units(Claim.bare("Sales rose 5% in May; profits fell by half."))
    ['Sales rose 5% in May; profits fell by half.', 'Sales rose 5% in May', 'profits fell by half.']
    """
    pieces = [p.strip() for p in _CLAUSE_BREAK.split(claim.text) if p and p.strip()]
    clauses = [p for p in pieces if len(words(p)) >= min_words] if len(pieces) > 1 else []
    return [_resolve_subject(t, claim.subject) for t in [claim.text, *clauses]]


def _resolve_subject(text: str, subject: str | None) -> str:
    if not subject:
        return text
    return _LEADING_REFERENCE.sub(subject, text, count=1)


def eligible(claim: Claim, settings: Settings) -> bool:
    """Whether a claim takes part in alignment: check-worthy and long enough."""
    return claim.checkworthy and len(words(claim.text)) >= settings.min_claim_words


def align(claims: Sequence[Claim], embedder, settings: Settings) -> list[Pair]:
    """Cross-source pairs of claims about the same thing, in a deterministic order.

    ``embedder`` needs one method, ``encode(texts) -> np.ndarray`` of L2-normalised rows.

    >>> pairs = align(claims, Embedder(), Settings())  # doctest: +SKIP
    """
    # A canonical order, so ties break the same way whatever order the claims came in.
    pool = sorted((c for c in claims if eligible(c, settings)),
                  key=lambda c: (c.source, c.article_id, c.index, c.id))
    if len({c.source for c in pool}) < 2:
        return []
    units = [Unit(i, t) for i, c in enumerate(pool) for t in claim_units(c)]
    vectors = embedder.encode([u.text for u in units])
    sims = _claim_similarity(units, np.asarray(vectors, dtype=np.float32), len(pool))
    stems = [content_stems(c.text) for c in pool]
    pairs = _mutual_pairs(pool, sims, stems, settings)
    log.info("aligned %d pairs from %d claims (%d units)", len(pairs), len(pool), len(units))
    return pairs


def _claim_similarity(units: list[Unit], vectors: np.ndarray, n_claims: int) -> np.ndarray:
    """Claim-by-claim matrix of the best unit-to-unit cosine similarity."""
    owner = np.array([u.claim_index for u in units])
    unit_sims = vectors @ vectors.T
    # Max over the units of each claim, first along rows then along columns.
    by_row = np.full((n_claims, len(units)), -1.0, dtype=np.float32)
    np.maximum.at(by_row, owner, unit_sims)
    sims = np.full((n_claims, n_claims), -1.0, dtype=np.float32)
    np.maximum.at(sims.T, owner, by_row.T)
    return sims


def _mutual_pairs(pool: list[Claim], sims: np.ndarray, stems: list[set[str]],
                  settings: Settings) -> list[Pair]:
    by_source: dict[str, list[int]] = defaultdict(list)
    for i, c in enumerate(pool):
        by_source[c.source].append(i)
    best = _best_neighbours(pool, sims, by_source, settings.neighbours)
    wide = _best_neighbours(pool, sims, by_source, settings.wide_neighbours)
    candidates = {(min(x, y), max(x, y)) for x in wide for y in wide[x]}
    pairs = []
    for i, j in sorted(candidates):
        shared = len(stems[i] & stems[j])
        mutual = (j in best[i] and i in best[j] and sims[i, j] >= settings.min_similarity
                  and shared >= 1)
        if not mutual and (sims[i, j] < settings.wide_similarity or shared < 2):
            continue
        a, b = (pool[i], pool[j]) if pool[i].source <= pool[j].source else (pool[j], pool[i])
        pairs.append(Pair(a=a, b=b, similarity=round(float(sims[i, j]), 4), mutual=mutual))
    pairs.sort(key=lambda p: (p.a.source, p.b.source, p.a.article_id, p.a.index,
                              p.b.article_id, p.b.index))
    return pairs


def _best_neighbours(pool: list[Claim], sims: np.ndarray, by_source: dict[str, list[int]],
                     k: int) -> dict[int, set[int]]:
    """For each claim, its ``k`` most similar claims in every other source."""
    best: dict[int, set[int]] = {}
    for i, claim in enumerate(pool):
        chosen: set[int] = set()
        for source, members in by_source.items():
            if source == claim.source:
                continue
            idx = np.asarray(members)
            order = np.argsort(-sims[i, idx], kind="stable")[:k]
            chosen.update(int(idx[o]) for o in order)
        best[i] = chosen
    return best
