from dataclasses import replace

import pytest

from consistency.align import align, claim_units, eligible
from consistency.settings import Settings
from consistency.types import Claim


def _claim(text, source, index=0, subject=None):
    c = Claim.bare(text, source=source)
    return replace(c, article_id=f"art-{source}", index=index, subject=subject)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Sales rose 5% in May; profits fell by half.",
         ["Sales rose 5% in May; profits fell by half.", "Sales rose 5% in May",
          "profits fell by half."]),
        ("The mayor said the road will reopen on Monday.",
         ["The mayor said the road will reopen on Monday."]),
        ("Prices rose sharply in the city, but wages stayed flat for most workers.",
         ["Prices rose sharply in the city, but wages stayed flat for most workers.",
          "Prices rose sharply in the city", "but wages stayed flat for most workers."]),
    ],
)
def test_align_claim_units_split_clauses(text, expected):
    assert claim_units(Claim.bare(text)) == expected


def test_align_claim_units_resolve_leading_reference_for_embedding_only():
    claim = replace(Claim.bare("The company said it would hire 300 people."), subject="Acme")
    assert claim_units(claim) == ["Acme said it would hire 300 people."]
    assert claim.text.startswith("The company")


def test_align_never_pairs_claims_of_one_source(hashing_embedder):
    claims = [_claim("The bridge will close for two weeks in June.", "a", 0),
              _claim("The bridge will close for two weeks in June.", "a", 1)]
    assert align(claims, hashing_embedder, Settings()) == []


def test_align_pairs_matching_claims_across_sources(hashing_embedder):
    claims = [
        _claim("The bridge will close for two weeks in June for repairs.", "a", 0),
        _claim("The council approved a new budget for the schools.", "a", 1),
        _claim("The bridge will close for three weeks in June for repairs.", "b", 0),
        _claim("Local schools get a new budget after the council vote.", "b", 1),
    ]
    pairs = align(claims, hashing_embedder, Settings(min_similarity=0.3, neighbours=1))
    got = {(p.a.index, p.b.index) for p in pairs}
    assert (0, 0) in got
    assert (0, 1) not in got and (1, 0) not in got
    assert all(p.a.source == "a" and p.b.source == "b" for p in pairs)
    assert all(0.3 <= p.similarity <= 1.0 for p in pairs)


def test_align_drops_pairs_below_threshold(hashing_embedder):
    claims = [_claim("The bridge will close for two weeks in June.", "a"),
              _claim("Voters in the north elected a new governor on Sunday.", "b")]
    assert align(claims, hashing_embedder, Settings(min_similarity=0.3)) == []


def test_align_skips_short_and_non_checkworthy_claims():
    settings = Settings()
    assert not eligible(Claim.bare("Read more."), settings)
    assert not eligible(replace(Claim.bare("The bridge will close in June."), checkworthy=False),
                        settings)
    assert eligible(Claim.bare("The bridge will close in June."), settings)


def test_align_is_deterministic(hashing_embedder):
    claims = [_claim(f"The bridge number {i} will close for {i} weeks in June.", s, i)
              for s in ("a", "b", "c") for i in range(3)]
    first = align(claims, hashing_embedder, Settings(min_similarity=0.2))
    second = align(list(reversed(claims)), hashing_embedder, Settings(min_similarity=0.2))
    assert [(p.a.id, p.b.id) for p in first] == [(p.a.id, p.b.id) for p in second]
    assert first


def test_align_keeps_wide_candidates_marked_not_mutual(hashing_embedder):
    claims = [
        _claim("The bridge will close for two weeks in June for repairs.", "a", 0),
        _claim("The bridge repairs in June were approved by the council.", "a", 1),
        _claim("The bridge will close for three weeks in June for repairs.", "b", 0),
    ]
    pairs = align(claims, hashing_embedder, Settings(min_similarity=0.3, neighbours=1,
                                                     wide_similarity=0.1))
    flags = {(p.a.index, p.b.index): p.mutual for p in pairs}
    assert flags[(0, 0)] is True
    assert flags[(1, 0)] is False


def test_align_settings_reject_wide_below_mutual():
    with pytest.raises(Exception, match="wide_neighbours"):
        Settings(neighbours=5, wide_neighbours=2)
