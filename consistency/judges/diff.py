"""Comparability from context: an aligned token diff of two near-identical claims.

The typed checks only compare two values when something says they are about
the same thing: a shared head noun, actor or trigger word. Outlets that re-use
wire copy often change one value and nothing else::

    "The ban will last four months, officials said."
    "The ban will last four weeks, officials said."

Here the *context* says it: when two claims share nearly all their words, the
words that differ stand in the same place of the same statement, so they are
about the same thing even without a head noun, actor or trigger.

**Near-identical** (the rule every check uses, via :func:`align`):

* the claims' normalised word tokens (:func:`diff_tokens`: lower case, curly
  apostrophes straightened, punctuation dropped, "doesn't" -> "does not",
  "can't" / "cannot" -> "can not", "won't" -> "will not") are aligned with
  :class:`difflib.SequenceMatcher`;
* the match ratio ``2 * matched / (len_a + len_b)`` is at least
  :data:`MIN_RATIO` (0.8) and at least :data:`MIN_SHARED` tokens match;
* there are at most :data:`MAX_SEGMENTS` differing regions.

Changes at most :data:`MAX_GAP` matched tokens apart form one differing region.
Only *short* regions (at most :data:`MAX_SEGMENT_TOKENS` tokens on each side)
with words on both sides are compared: a longer one is a rewrite, and words
only added or dropped change no value.

Each check keeps ownership of its type: it reads its own values from both
texts and asks :func:`changed_values` which of them sit in the same differing
region. Example::

    >>> from consistency.quantities import extract_quantities
    >>> pairs = changed_values("Police arrested 12 people on Monday.",
    ...                        "Police arrested 40 people on Monday.", extract_quantities)
    >>> [(x[0].text, y[0].text) for x, y in pairs]
    [('12', '40')]
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache
from typing import TypeVar

from consistency.text import normalize_apostrophes, tokenize

logger = logging.getLogger(__name__)

#: Share of matched tokens (SequenceMatcher ratio) from which two claims are near-identical.
MIN_RATIO = 0.8
#: At least this many tokens must match: short claims give too little context.
MIN_SHARED = 4
#: More differing regions than this and the claims are a rewrite, not a changed value.
MAX_SEGMENTS = 3
#: A differing region longer than this (tokens, on either side) is not compared.
MAX_SEGMENT_TOKENS = 5
#: Changes this few matched tokens apart are one differing region.
MAX_GAP = 1

#: Contractions whose stem is not simply the word without "n't".
_CONTRACTED = {"can't": "can", "won't": "will", "shan't": "shall", "ain't": "is"}

V = TypeVar("V")


@dataclass(frozen=True)
class DiffToken:
    """A normalised word and the character span of the token it came from."""

    word: str
    start: int
    end: int


@dataclass(frozen=True)
class Segment:
    """One differing region: tokens ``a[i1:i2]`` stand where ``b[j1:j2]`` stand.

    ``a_span`` / ``b_span`` are character spans; an empty span (start == end)
    marks the insertion point on the side that has no tokens there.
    """

    i1: int
    i2: int
    j1: int
    j2: int
    a_words: tuple[str, ...]
    b_words: tuple[str, ...]
    a_span: tuple[int, int]
    b_span: tuple[int, int]

    @property
    def short(self) -> bool:
        """True when both sides are short enough to be one changed value."""
        return max(len(self.a_words), len(self.b_words)) <= MAX_SEGMENT_TOKENS


@dataclass(frozen=True)
class Alignment:
    """The aligned diff of two texts: match ratio, matched token count, differing regions."""

    a: tuple[DiffToken, ...]
    b: tuple[DiffToken, ...]
    ratio: float
    shared: int
    segments: tuple[Segment, ...]

    @property
    def near_identical(self) -> bool:
        """True when the texts share nearly all their words (see the module docstring)."""
        return (self.ratio >= MIN_RATIO and self.shared >= MIN_SHARED
                and 0 < len(self.segments) <= MAX_SEGMENTS)


def diff_tokens(text: str) -> list[DiffToken]:
    """Lower-cased word tokens with spans; punctuation dropped, negative contractions split.

    Example::

        >>> [t.word for t in diff_tokens("It doesn't rain, he can't say.")]
        ['it', 'does', 'not', 'rain', 'he', 'can', 'not', 'say']
    """
    out: list[DiffToken] = []
    for tok in tokenize(normalize_apostrophes(text)):
        word = tok.lower.lstrip("-")  # "90-minute" tokenizes as "90", "-minute"
        if not word or not (word[0].isalnum() or word[0] in "$€£¥"):
            continue
        out.extend(DiffToken(w, tok.start, tok.end) for w in _split_contraction(word))
    return out


def _split_contraction(word: str) -> tuple[str, ...]:
    """ "doesn't" -> ("does", "not"); "cannot" -> ("can", "not"); other words unchanged."""
    if word == "cannot":
        return "can", "not"
    if word.endswith("n't") and len(word) > 3:
        return _CONTRACTED.get(word, word[:-3]), "not"
    return (word,)


@lru_cache(maxsize=2048)
def align(a: str, b: str) -> Alignment:
    """The aligned token diff of two texts.

    Example::

        >>> al = align("The ban lasts four months.", "The ban lasts four weeks.")
        >>> al.near_identical, [(s.a_words, s.b_words) for s in al.segments]
        (True, [(('months',), ('weeks',))])
    """
    ta, tb = tuple(diff_tokens(a)), tuple(diff_tokens(b))
    matcher = SequenceMatcher(None, [t.word for t in ta], [t.word for t in tb], autojunk=False)
    shared = sum(block.size for block in matcher.get_matching_blocks())
    ratio = 2 * shared / (len(ta) + len(tb)) if ta or tb else 1.0
    segments = tuple(_segment(ta, tb, *region) for region in _regions(matcher))
    return Alignment(ta, tb, ratio, shared, segments)


def _regions(matcher: SequenceMatcher) -> list[tuple[int, int, int, int]]:
    """Differing regions (i1, i2, j1, j2); two changes with at most :data:`MAX_GAP` matched
    tokens between them are one region ("Barr told the AP" vs "said the top US official"
    is one rewrite, not two changed values)."""
    regions: list[tuple[int, int, int, int]] = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            continue
        if regions and i1 - regions[-1][1] <= MAX_GAP and j1 - regions[-1][3] <= MAX_GAP:
            regions[-1] = (regions[-1][0], i2, regions[-1][2], j2)
        else:
            regions.append((i1, i2, j1, j2))
    return regions


def _segment(ta: Sequence[DiffToken], tb: Sequence[DiffToken], i1: int, i2: int, j1: int,
             j2: int) -> Segment:
    return Segment(i1, i2, j1, j2, tuple(t.word for t in ta[i1:i2]),
                   tuple(t.word for t in tb[j1:j2]), _span(ta, i1, i2), _span(tb, j1, j2))


def _span(tokens: Sequence[DiffToken], i: int, j: int) -> tuple[int, int]:
    """Character span of ``tokens[i:j]``; an empty span at the insertion point when i == j."""
    if i < j:
        return tokens[i].start, tokens[j - 1].end
    at = tokens[i - 1].end if i > 0 else (tokens[0].start if tokens else 0)
    return at, at


def near_identical(a: str, b: str) -> Alignment | None:
    """The alignment of ``a`` and ``b`` when they are near-identical, else None.

    Example::

        >>> near_identical("Acme sold 5 cars on Monday.", "Acme sold 7 cars on Monday.") is None
        False
        >>> near_identical("Acme sold cars.", "Rain is expected in Paris.") is None
        True
    """
    alignment = align(a, b)
    return alignment if alignment.near_identical else None


def changed_values(
    a: str, b: str, find: Callable[[str], Sequence[V]],
    span: Callable[[V], tuple[int, int]] = lambda v: (v.start, v.end),  # type: ignore[attr-defined]
) -> list[tuple[tuple[V, ...], tuple[V, ...]]]:
    """Values of ``a`` and ``b`` that stand in the same short differing region.

    ``find(text)`` reads a check's values from a whole text (so a value keeps
    its whole expression, e.g. "four months" when only "months" changed);
    ``span(value)`` gives its character span. One entry per short differing
    region where both sides have words and at least one value overlapping them
    (words only added or dropped change no value); an empty list when the
    claims are not near-identical.
    """
    alignment = near_identical(a, b)
    if alignment is None:
        return []
    values_a, values_b = find(a), find(b)
    out = []
    for seg in alignment.segments:
        if not (seg.short and seg.a_words and seg.b_words):
            continue
        xs = tuple(v for v in values_a if _overlaps(span(v), seg.a_span))
        ys = tuple(v for v in values_b if _overlaps(span(v), seg.b_span))
        if xs and ys:
            out.append((xs, ys))
    return out


def _overlaps(value: tuple[int, int], region: tuple[int, int]) -> bool:
    return value[0] < region[1] and region[0] < value[1]


def segment_text(text: str, alignment: Alignment, seg: Segment, side: str, pad: int = 0) -> str:
    """The words of one side of ``seg`` as they appear in ``text``, with ``pad`` tokens of
    context on the left (so an inserted "not" reads "is not", not just "not").

    Example::

        >>> al = align("Acme is open today.", "Acme isn't open today.")
        >>> segment_text("Acme isn't open today.", al, al.segments[0], "b", pad=1)
        "isn't"
    """
    tokens = alignment.a if side == "a" else alignment.b
    i, j = (seg.i1, seg.i2) if side == "a" else (seg.j1, seg.j2)
    i = max(0, i - pad)
    if i >= j:
        return ""
    return text[tokens[i].start:tokens[j - 1].end]
