"""Entity check: the same statement made about a different person, organisation or place.

"The fire broke out in Oakland on Monday" vs "The fire broke out in Fresno on
Monday" is a conflict: the rest of the sentence is the same and the name in the
same role differs. One claim listing more entities ("IBM and Amazon" vs
"Amazon"), partial names and acronyms of the same entity ("ACLU" vs "American
Civil Liberties Union"), and sentences that share little besides a name are
not; nor is a country against a name that may lie in it or stand for it ("Tel
Aviv" / "Israel", "Trump" / "U.S."). Speakers are left to the attribution check.

*Comparability from context* (see :mod:`consistency.judges.diff`): when the two
claims are near-identical, the aligned diff itself says which names stand in
the same role: a name replaced by a different one in the same short differing
region is a conflict, without the overlap and role heuristics above (and a
name that only moved, as in "X said Y" vs "Y, X said", is none). A changed
speaker of said / told / according to is reported by the attribution check
from the same :func:`changed_names`.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from consistency.entities import (
    SPEECH_VERBS,
    TITLES,
    Span,
    may_contain,
    name_spans,
    same_entity,
    speakers,
    stems_outside,
)
from consistency.judges.diff import changed_values, near_identical
from consistency.judges.registry import register_check
from consistency.text import normalize_apostrophes, tokenize
from consistency.types import CheckResult, Claim, Conflict, FindingType

logger = logging.getLogger(__name__)

#: Share of content stems (names left out) the two claims must have in common.
MIN_OVERLAP = 0.6
#: Fewer shared content stems than this and the claims say too little to compare.
MIN_SHARED = 2

_LIST_WORDS = frozenset({"and", "or", ",", "&", "nor"})
_ARTICLES = frozenset({"the", "a", "an"})


@dataclass(frozen=True)
class _Role:
    """A name with the words around it, and whether it stands in a list of names."""

    span: Span
    before: str
    after: str
    listed: bool = False
    uncertain: bool = False


def _joined(text: str, left: Span, right: Span) -> bool:
    """Whether only list words stand between two names: "IBM, Amazon and Acme"."""
    between = [t.lower for t in tokenize(normalize_apostrophes(text[left.end:right.start]))]
    return bool(between) and all(w in _LIST_WORDS | {"'s"} for w in between)


def _uncertain(text: str, span: Span) -> bool:
    """A lone capitalised word opening a sentence ("Firemen ...") may be a common noun."""
    opening = text[:span.start].rstrip(" \"'“‘(")
    return (" " not in span.text and not span.is_acronym
            and (opening == "" or opening[-1] in ".!?:"))


def _roles(claim: Claim) -> list[_Role]:
    """The claim's names that are not speakers, with their neighbouring words."""
    spoken = {(s.start, s.end) for s in speakers(claim.text)}
    tokens = tokenize(normalize_apostrophes(claim.text))
    spans = name_spans(claim.text)
    roles = []
    for i, span in enumerate(spans):
        if (span.start, span.end) in spoken:
            continue
        # an article says nothing of the role: "the College Board" / "in the Journal"
        before = [t.lower for t in tokens if t.end <= span.start]
        while before and before[-1] in _ARTICLES:
            before.pop()
        after = [t.lower for t in tokens if t.start >= span.end and t.text not in {"'s", "'"}]
        listed = (i > 0 and _joined(claim.text, spans[i - 1], span)) or (
            i + 1 < len(spans) and _joined(claim.text, span, spans[i + 1]))
        roles.append(_Role(span, before[-1] if before else "", after[0] if after else "",
                           listed, _uncertain(claim.text, span)))
    return roles


def _overlap(a: Claim, b: Claim, ra: list[_Role], rb: list[_Role]) -> tuple[float, int]:
    """(shared / larger set, shared count) of content stems outside the names."""
    xa = stems_outside(a.text, [(r.span.start, r.span.end) for r in ra])
    xb = stems_outside(b.text, [(r.span.start, r.span.end) for r in rb])
    if not xa or not xb:
        return 0.0, 0
    shared = len(xa & xb)
    return shared / max(len(xa), len(xb)), shared


def _unmatched(xs: list[_Role], ys: list[_Role]) -> list[_Role]:
    return [x for x in xs if not any(same_entity(x.span.text, y.span.text) for y in ys)]


def _same_role(x: _Role, y: _Role) -> bool:
    return (x.before != "" and x.before == y.before) or (x.after != "" and x.after == y.after)


@register_check("entity")
def check_entity(a: Claim, b: Claim) -> CheckResult:
    """Conflicts where the claims say the same thing about different named entities.

    Example::

        check_entity(Claim.bare("The fire broke out in Oakland on Monday."),
                     Claim.bare("The fire broke out in Fresno on Monday."))
        # -> one ENTITY conflict, value_a "Oakland", value_b "Fresno"
    """
    ra, rb = _roles(a), _roles(b)
    if not ra or not rb:
        return CheckResult()
    overlap, shared = _overlap(a, b, ra, rb)
    matches = sum(1 for x in ra if any(same_entity(x.span.text, y.span.text) for y in rb))
    if near_identical(a.text, b.text) is not None:
        conflicts = tuple(_context_conflict(c) for c in changed_names(a.text, b.text)
                          if not c.speaker and not may_contain(c.a.text, c.b.text))
        return CheckResult(conflicts, matches)
    if overlap < MIN_OVERLAP or shared < MIN_SHARED:
        return CheckResult(matches=matches)
    conflicts = _pair_up(_unmatched(ra, rb), _unmatched(rb, ra), overlap)
    logger.debug("entity: %d conflicts, %d matches, overlap %.2f", len(conflicts), matches,
                 overlap)
    return CheckResult(conflicts, matches)


def _pair_up(xs: list[_Role], ys: list[_Role], overlap: float) -> tuple[Conflict, ...]:
    """Different names standing in the same role on each side."""
    conflicts, used = [], set()
    xs = [x for x in xs if not x.uncertain]
    ys = [y for y in ys if not y.uncertain]
    # Only names with the same word before or after them stand in the same role. (Until
    # 2026-12-01 a lone unmatched name on each side was paired whatever its role; in the
    # combiner's real training pairs that made 4 of the 7 entity conflicts, all between
    # names of different roles: "Manchin says ..." / "Sen. Joe Manchin to vote against
    # ... Democrats' bill".)
    for x in (x for x in xs if not x.listed):
        y = next((y for y in ys if id(y) not in used and _same_role(x, y)), None)
        if y is None or y.listed or may_contain(x.span.text, y.span.text):
            continue
        used.add(id(y))
        strength = round(min(0.9, 0.4 + 0.5 * overlap), 3)
        detail = f"same statement about {x.span.text} and about {y.span.text}"
        conflicts.append(Conflict(FindingType.ENTITY, x.span.text, y.span.text, strength, detail))
    return tuple(conflicts)


# ---------------------------------------------------------------------------
# Names in near-identical claims (comparability from context)
# ---------------------------------------------------------------------------

#: Strength of a changed name in near-identical claims.
DIFF_STRENGTH = 0.85


@dataclass(frozen=True)
class NameChange:
    """A name of claim a replaced by another entity's name in the same place of claim b."""

    a: Span
    b: Span
    speaker: bool  # the name is the speaker of said / told / according to on either side


def changed_names(a: str, b: str) -> list[NameChange]:
    """Names that differ in the same short region of two near-identical texts.

    Example::

        >>> [(c.a.text, c.b.text, c.speaker) for c in changed_names(
        ...     "Storms hit Ohio on Monday, Smith said.", "Storms hit Iowa on Monday, Smith said.")]
        [('Ohio', 'Iowa', False)]
    """
    changes = []
    spoken_a, spoken_b = speakers(a), speakers(b)
    for xs, ys in changed_values(a, b, name_spans):
        if len(xs) != len(ys):
            continue
        lists_differ = len(name_spans(a)) != len(name_spans(b))
        for x, y in zip(xs, ys, strict=True):
            if same_entity(x.text, y.text) or _unsure(a, x, lists_differ) or _unsure(
                    b, y, lists_differ) or _reordered(a, x, b, y):
                continue
            speaker = _speaks(a, x, spoken_a) or _speaks(b, y, spoken_b)
            changes.append(NameChange(x, y, speaker))
    return changes


def _reordered(a: str, x: Span, b: str, y: Span) -> bool:
    """Both names occur on both sides: a list said in another order ("U.S. and Turkey" vs
    "Turkey, US"), not one entity swapped for another."""
    return (any(same_entity(x.text, s.text) for s in name_spans(b))
            and any(same_entity(y.text, s.text) for s in name_spans(a)))


def _unsure(text: str, name: Span, lists_differ: bool) -> bool:
    """A lone capitalised word opening the sentence (maybe a common noun: "Firemen"), or a
    name in a list when the claims name different numbers of entities ("IBM, Amazon and
    Acme" vs "Amazon and Orbis": one side lists more, it does not swap one)."""
    before = text[:name.start].split()
    after_title = bool(before) and before[-1].rstrip(".").lower() in TITLES  # "Mr. Lee"
    if _uncertain(text, name) and not after_title:
        return True
    spans = name_spans(text)
    i = next((k for k, s in enumerate(spans) if s.start == name.start), None)
    return lists_differ and i is not None and (
        (i > 0 and _joined(text, spans[i - 1], name))
        or (i + 1 < len(spans) and _joined(text, name, spans[i + 1])))


def _speaks(text: str, name: Span, found: list) -> bool:
    """Whether ``name`` is a speaker: found by :func:`speakers`, or right after a speech
    verb and its titles (as in: "It failed," said Dr. Ann Lee)."""
    if any(s.kind == "name" and s.start < name.end and name.start < s.end for s in found):
        return True
    if normalize_apostrophes(text[name.end:name.end + 2]) == "'s":  # "said Mr. Lee's plan"
        return False
    tokens = tokenize(normalize_apostrophes(text[:name.start]))
    before = [t.lower for t in tokens if t.text[0].isalnum()]
    while before and before[-1] in TITLES:
        before.pop()
    return bool(before) and before[-1] in SPEECH_VERBS


def _context_conflict(change: NameChange) -> Conflict:
    detail = f"same statement about {change.a.text} and about {change.b.text} (same context)"
    return Conflict(FindingType.ENTITY, change.a.text, change.b.text, DIFF_STRENGTH, detail)
