"""The numeric check: do two claims give incompatible numbers for the same thing?

Quantities are compared only when they measure the same thing: the same kind
(count, money, percent), the same currency, and for counts the same head noun
("2 cars" ~ "two car"). Intervals from approximators, ranges and rounding must
fail to overlap before anything is called a conflict.

*Comparability from context* (see :mod:`consistency.judges.diff`): when the two
claims are near-identical, two quantities standing in the same short differing
region are compared whatever they count ("Those six" vs "Those three",
"surpassed 125" vs "surpassed 75", "a three-way pact" vs "a four-way pact"),
still through their intervals, so "2" vs "two", "5%" vs "5 percent" and
"1.2 million" vs "1,200,000" agree. In that mode periods of time ("100 days")
are left to the duration check, which owns them.
"""

from __future__ import annotations

import logging
import math
import re

from consistency.judges.diff import changed_values, near_identical
from consistency.judges.duration import periods
from consistency.judges.registry import register_check
from consistency.quantities import Quantity, extract_quantities, pair_values, same_event
from consistency.text import tokenize
from consistency.types import CheckResult, Claim, Conflict, FindingType

logger = logging.getLogger(__name__)


@register_check("numeric")
def check_numeric(a: Claim, b: Claim) -> CheckResult:
    """Conflicting and agreeing quantities between two claims.

    Example::

        >>> r = check_numeric(Claim.bare("The firm paid $2.5 million."),
        ...                   Claim.bare("The firm paid $25 million."))
        >>> (r.conflicts[0].value_a, r.conflicts[0].value_b)
        ('$2.5 million', '$25 million')
    """
    # Periods of time ("40 months", "three years and four months") are the duration check's.
    qa = without_periods(a.text, extract_quantities(a.text))
    qb = without_periods(b.text, extract_quantities(b.text))
    in_context = near_identical(a.text, b.text) is not None
    agreed, clashes = pair_values(qa, qb, same_measure, Quantity.agrees)
    if not in_context:  # differently worded: the values must hang on the same words
        clashes = [(x, y) for x, y in clashes
                   if same_event(a.text, x, b.text, y, manners=(is_increment,))]
    conflicts = tuple(_conflict(x, y) for x, y in clashes)
    if in_context:
        more_agreed, more_conflicts = _aligned(a.text, b.text)
        agreed = _union(agreed, more_agreed)
        conflicts += tuple(c for c in more_conflicts if not _reported(c, conflicts))
    if conflicts:
        logger.debug("numeric conflicts between %s and %s: %s", a.id, b.id, conflicts)
    return CheckResult(conflicts=conflicts, matches=len(agreed))


#: Strength of a conflict between two quantities in the same place of near-identical claims.
DIFF_STRENGTH = 0.85
#: "90 more students", "5 fewer", "another 300", "an additional $2bn": a change, not a total.
_INCREMENT_AFTER = re.compile(r"^\s*(?:more|additional|extra|fewer)\b(?!\s+than\b)",
                              re.IGNORECASE)
_INCREMENT_BEFORE = re.compile(r"\b(?:another|additional|further|extra)\s*$", re.IGNORECASE)


def is_increment(text: str, q: Quantity) -> bool:
    """Whether ``q`` counts an addition to something rather than the whole of it.

    "ICE arrested 90 more students" adds to an earlier count, which "250 students
    were arrested this year" may include, so across differently worded claims an
    increment is compared only with an increment. "5 more than last year" is a
    difference, not an increment, and is compared as stated.

    >>> text = "Police arrested 90 more students."
    >>> is_increment(text, extract_quantities(text)[0])
    True
    """
    return bool(_INCREMENT_AFTER.match(text[q.end:]) or _INCREMENT_BEFORE.search(text[:q.start]))


_HYPHENATED = re.compile(r"^(?P<n>[A-Za-z]+)-(?P<rest>[a-z]+(?:-[a-z]+)*)$")


def without_periods(text: str, quantities: list[Quantity]) -> list[Quantity]:
    """``quantities`` less those the duration check reads as a period of time in ``text``
    ("100 days", "eight additional months"): a duration, not a number."""
    spans = [(p.start, p.end) for p in periods(text) if p.days is not None]
    return [q for q in quantities if not any(s < q.end and q.start < e for s, e in spans)]


def diff_quantities(text: str) -> list[Quantity]:
    """Quantities for the aligned comparison: :func:`extract_quantities` plus numeral
    compounds ("three-way", "two-state"), periods of time left out.

    Example::

        >>> [q.text for q in diff_quantities("A three-way deal for 5 days cost $2m.")]
        ['three-way', '$2m']
    """
    found = extract_quantities(text)
    found += [c for c in _compounds(text)
              if not any(q.start < c.end and c.start < q.end for q in found)]
    return sorted(without_periods(text, found), key=lambda q: q.start)


def _compounds(text: str) -> list[Quantity]:
    """Numeral words joined to a noun: "three-way" -> 3 (unit "way")."""
    out = []
    for tok in tokenize(text):
        m = _HYPHENATED.match(tok.text)
        inner = extract_quantities(m.group("n")) if m else []
        if len(inner) == 1 and inner[0].low == inner[0].high and m.group("n")[0].islower():
            rest = m.group("rest")
            out.append(Quantity(tok.text, tok.start, tok.end, inner[0].low, inner[0].high,
                                unit=rest.split("-")[0]))
    return out


def _aligned(a: str, b: str) -> tuple[list[tuple[Quantity, Quantity]], tuple[Conflict, ...]]:
    """(agreeing pairs, conflicts) of quantities in the same place of near-identical claims."""
    agreed, conflicts = [], []
    for xs, ys in changed_values(a, b, diff_quantities):
        if len(xs) != len(ys):
            continue
        for x, y in zip(xs, ys, strict=True):
            if (x.kind, x.currency) != (y.kind, y.currency):
                continue
            if _agree_in_context(x, y):
                agreed.append((x, y))
            else:
                conflicts.append(_context_conflict(x, y))
    return agreed, tuple(conflicts)


def _agree_in_context(x: Quantity, y: Quantity) -> bool:
    """Whether two quantities in the same place agree. When they share their leading words
    ("more than 60 percent" vs "more than 40 percent", "2 to 3" vs "2 to 5") the numbers
    after those words are compared as given: the same bound with another number is another
    claim, even though both open intervals could hold at once."""
    wx, wy = x.text.split(), y.text.split()
    shared = 0
    while shared < min(len(wx), len(wy)) - 1 and wx[shared].lower() == wy[shared].lower():
        shared += 1
    rest_x, rest_y = " ".join(wx[shared:]), " ".join(wy[shared:])
    qx, qy = extract_quantities(rest_x), extract_quantities(rest_y)
    if shared and len(qx) == len(qy) == 1 and qx[0].text == rest_x and qy[0].text == rest_y:
        return qx[0].agrees(qy[0])
    return x.agrees(y)


def _context_conflict(x: Quantity, y: Quantity) -> Conflict:
    strength = round(DIFF_STRENGTH - (0.05 if x.approximate or y.approximate else 0.0), 3)
    detail = f"{_describe(x)} vs {_describe(y)} (same context)"
    return Conflict(FindingType.NUMERIC, x.text, y.text, strength, detail)


def _union(first: list[tuple[Quantity, Quantity]],
           second: list[tuple[Quantity, Quantity]]) -> list[tuple[Quantity, Quantity]]:
    seen = {(x.start, y.start) for x, y in first}
    return first + [(x, y) for x, y in second if (x.start, y.start) not in seen]


def _reported(conflict: Conflict, conflicts: tuple[Conflict, ...]) -> bool:
    """Whether an equivalent conflict (same values, or values inside them) is already there."""
    return any(conflict.value_a in c.value_a and conflict.value_b in c.value_b
               or c.value_a in conflict.value_a and c.value_b in conflict.value_b
               for c in conflicts)


def same_measure(x: Quantity, y: Quantity) -> bool:
    """True when two quantities measure the same thing and can be compared.

    ``same_measure`` of "200 people" and "two hundred persons" is True; of
    "200 people" and "200 cars", or "$5" and "5 euros", it is False.
    """
    if x.kind != y.kind or x.currency != y.currency:
        return False
    if x.kind == "count":
        return x.unit is not None and x.unit == y.unit
    return x.unit is None or y.unit is None or x.unit == y.unit


def _conflict(x: Quantity, y: Quantity) -> Conflict:
    gap = _relative_gap(x, y)
    strength = 0.6 + 0.4 * min(1.0, 2 * gap)
    if x.approximate or y.approximate:
        strength -= 0.15
    detail = f"{_describe(x)} vs {_describe(y)}"
    return Conflict(FindingType.NUMERIC, x.text, y.text, round(min(strength, 1.0), 3), detail)


def _relative_gap(x: Quantity, y: Quantity) -> float:
    """How far apart two disjoint intervals are, relative to the larger value."""
    lo, hi = (x, y) if x.high < y.low else (y, x)
    scale = max(abs(hi.low), abs(lo.high), 1e-9)
    return (hi.low - lo.high) / scale


def _describe(q: Quantity) -> str:
    """A short reading of the interval: "2.5m", "~100", ">=200"."""
    if math.isinf(q.high):
        return f">={_human(q.low)}"
    if q.approximate or q.high - q.low > 0.2 * max(abs(q.high), 1e-9):
        return f"{_human(q.low)}-{_human(q.high)}"
    return _human(q.value)


def _human(v: float) -> str:
    for size, suffix in ((1e9, "bn"), (1e6, "m"), (1e3, "k")):
        if abs(v) >= size:
            return f"{v / size:.3g}{suffix}"
    return f"{v:.3g}"
