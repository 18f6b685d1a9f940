"""The numeric check: do two claims give incompatible numbers for the same thing?

Quantities are compared only when they measure the same thing: the same kind
(count, money, percent), the same currency, and for counts the same head noun
("2 cars" ~ "two car"). Intervals from approximators, ranges and rounding must
fail to overlap before anything is called a conflict.
"""

from __future__ import annotations

import logging
import math

from consistency.judges.registry import register_check
from consistency.quantities import Quantity, extract_quantities, pair_values
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
    agreed, clashes = pair_values(
        extract_quantities(a.text), extract_quantities(b.text), same_measure, Quantity.agrees
    )
    conflicts = tuple(_conflict(x, y) for x, y in clashes)
    if conflicts:
        logger.debug("numeric conflicts between %s and %s: %s", a.id, b.id, conflicts)
    return CheckResult(conflicts=conflicts, matches=len(agreed))


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
