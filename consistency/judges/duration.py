"""The duration check: do two claims give incompatible lengths for the same pause, ban or term?

Three shapes of duration are read:

* fixed periods: "for 1 year", "for a year", "a one-year moratorium", "90 days";
* open-ended ones: "indefinitely", "permanently", "until further notice", and
  conditional ones: "until Congress passes a law", "unless a law is passed";
* end-dated ones: "until June", "until the end of 2021".

A fixed period conflicts with a different fixed period (12 months = 1 year)
and with an open-ended or conditional one; two conditions never conflict
(they may be the same condition in other words). Durations are compared only
when both qualify a stop / pause / ban / hold / serve / last kind of event, or
share the predicate they qualify.

*Comparability from context* (see :mod:`consistency.judges.diff`): when the two
claims are near-identical, a period standing in the same short differing region
on both sides is compared without any trigger or shared subject: "four months"
vs "four weeks", "for 800 years" vs "indefinitely", "90-minute" vs
"90-second", "a decade" vs "a year". Periods in that mode also cover seconds,
minutes and centuries and expressions with no number ("months-long").
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from dataclasses import dataclass

from consistency.entities import same_entity, sentence_subject
from consistency.judges.dates import comparable as dates_comparable
from consistency.judges.dates import compatible as dates_agree
from consistency.judges.dates import extract_dates
from consistency.judges.diff import changed_values, near_identical
from consistency.judges.registry import register_check
from consistency.quantities import extract_quantities, pair_values
from consistency.text import STOPWORDS, content_stems, stem
from consistency.types import CheckResult, Claim, Conflict, FindingType

logger = logging.getLogger(__name__)

FIXED, OPEN, CONDITIONAL, END_DATED = "fixed", "open", "conditional", "end-dated"

_DAYS = {"hour": 1 / 24, "day": 1.0, "week": 7.0, "month": 365.25 / 12, "year": 365.25,
         "decade": 3652.5}
_NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15,
    "eighteen": 18, "twenty": 20, "thirty": 30, "forty": 40, "forty-five": 45, "sixty": 60,
    "ninety": 90, "hundred": 100,
}
_NUM = r"(?:\d+(?:\.\d+)?|" + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True)) + ")"
_UNIT = r"(?:hour|day|week|month|year|decade)"
_FOR = re.compile(
    rf"\bfor\s+(?:(?:the\s+)?(?:next|first|coming|following)\s+|a\s+period\s+of\s+"
    rf"|(?:at\s+least|up\s+to|about|around|nearly|some)\s+)?(?P<n>{_NUM})\s+(?P<u>{_UNIT})s?\b",
    re.IGNORECASE)
#: Two periods read as one sum: "three years and four months", "3 years, 4 months".
_SUM = re.compile(
    rf"(?:\bfor\s+)?\b(?P<n>{_NUM})\s+(?P<u>{_UNIT})s?(?:\s*,\s*(?:and\s+)?|\s+and\s+)"
    rf"(?P<n2>{_NUM})\s+(?P<u2>{_UNIT})s?\b", re.IGNORECASE)
_COMPOUND = re.compile(
    rf"(?P<core>(?:\b(?:a|an|the)\s+)?\b(?P<n>{_NUM})-(?P<u>{_UNIT})(?:-long)?)\b"
    rf"(?:\s+(?P<noun>[a-z]+))?", re.IGNORECASE)
_LONG = re.compile(
    rf"(?P<core>(?:\b(?:a|an|the)\s+)?\b(?P<u>{_UNIT})-?long)\b(?:\s+(?P<noun>[a-z]+))?",
    re.IGNORECASE)
_BARE = re.compile(rf"\b(?P<n>{_NUM})\s+(?P<u>{_UNIT})s?\b", re.IGNORECASE)
_BARE_BAD_BEFORE = re.compile(
    r"\b(?:in|within|after|over|past|last|than|every|next|first|for|the|those|these|times|"
    r"twice|per)\s+$",
    re.IGNORECASE)
_BARE_BAD_AFTER = re.compile(r"^\s*(?:ago|later|earlier|before|after|from|since|old|of)\b",
                             re.IGNORECASE)
_OPEN = re.compile(
    r"\b(?:indefinitely|permanently|forever|for\s+good|until\s+further\s+notice|"
    r"indefinite|permanent|open-ended|with\s+no\s+end\s+date)\b", re.IGNORECASE)
_UNTIL = re.compile(r"\b(?:until|till|unless|pending)\s+", re.IGNORECASE)
_CLAUSE_END = re.compile(r"\s*(?:[,;:()\"“”—–]|\.(?:\s|$)|\s(?:and|but|or|while|because)\s)"
                         r"|[.!?]?\"?\s*$", re.IGNORECASE)
_END_DATE_START = re.compile(
    r"^(?:(?:the\s+)?(?:end|start|beginning|middle)\s+of\s+|(?:early|late|mid)[-\s]+)?"
    r"(?:the\s+)?(?:january|february|march|april|may|june|july|august|september|october|"
    r"november|december|monday|tuesday|wednesday|thursday|friday|saturday|sunday|\d|"
    r"next\b|this\b|tomorrow|midnight|year|month|week|summer|autumn|fall|winter|spring)",
    re.IGNORECASE)
_MAX_CLAUSE_WORDS = 15
_TOLERANCE = 0.05  # 52 weeks vs 1 year, 12 months vs 365 days

_TRIGGER_WORDS = """stop stopped stopping pause paused pausing halt halted ban banned banning
    suspend suspended suspension moratorium freeze frozen hold held holding serve served serving
    last lasted lasting sentence sentenced jail jailed prison imprisoned block blocked bar barred
    withhold withheld restrict restricted restriction refrain delay delayed postpone postponed
    shut closed close closure break hiatus embargo cease ceased end""".split()
_TRIGGERS = frozenset(stem(w) for w in _TRIGGER_WORDS)
_NEGATIONS = frozenset({"not", "never", "no", "longer", "cannot"})
_WINDOW_WORDS = 8
_ANCHOR_WORDS = 1  # the content word right before the expression: what it governs


@dataclass(frozen=True)
class Duration:
    """A duration expression: its words, span, shape and (for fixed periods) length in days."""

    text: str
    start: int
    end: int
    kind: str
    days: float | None = None
    triggered: bool = False
    anchor: frozenset[str] = frozenset()


def extract_durations(text: str) -> list[Duration]:
    """Duration expressions in ``text``, in order, each with the words it qualifies.

    Example::

        >>> [(d.text, d.kind) for d in extract_durations("Sales stop for 1 year.")]
        [('for 1 year', 'fixed')]
    """
    spans: list[tuple[int, int, str, float | None]] = []
    for start, end, kind, days in _raw_durations(text):
        if not any(s < end and start < e for s, e, _, _ in spans):
            spans.append((start, end, kind, days))
    return [_with_anchor(text, *span) for span in sorted(spans)]


def _raw_durations(text: str):
    """Candidate (start, end, kind, days), most specific patterns first."""
    for m in _OPEN.finditer(text):
        yield m.start(), m.end(), OPEN, None
    for m in _UNTIL.finditer(text):
        yield _until_clause(text, m)
    for m in _SUM.finditer(text):
        if _sum_is_period(m) and (m.group().lower().startswith("for") or _bare_is_period(text, m)):
            yield m.start(), m.end(), FIXED, _days(m.group("n"), m.group("u")) + _days(
                m.group("n2"), m.group("u2"))
    for m in _FOR.finditer(text):
        yield m.start(), m.end(), FIXED, _days(m.group("n"), m.group("u"))
    for m in _COMPOUND.finditer(text):
        yield _compound(m, _days(m.group("n"), m.group("u")))
    for m in _LONG.finditer(text):
        yield _compound(m, _days("1", m.group("u")))
    for m in _BARE.finditer(text):
        if _bare_is_period(text, m):
            yield m.start(), m.end(), FIXED, _days(m.group("n"), m.group("u"))


def _bare_is_period(text: str, m: re.Match) -> bool:
    """"lasts 12 months" / "serve 10 years" but not "10 years ago" nor "rule out one day"."""
    before, after = text[: m.start()], text[m.end():]
    if _BARE_BAD_BEFORE.search(before) or _BARE_BAD_AFTER.match(after):
        return False
    near = [w.lower().strip(",\"'") for w in before.split()[-3:] + after.split()[:1]]
    return any(stem(w) in _TRIGGERS for w in near)


def _sum_is_period(m: re.Match) -> bool:
    """"3 years, 4 months" adds up; "2 days and 3 days" or "4 months, 3 years" do not."""
    return _DAYS[m.group("u").lower()] > _DAYS[m.group("u2").lower()]


def _days(number: str, unit: str) -> float:
    n = _NUMBER_WORDS.get(number.lower())
    return (n if n is not None else float(number)) * _DAYS[unit.lower()]


def _compound(m: re.Match, days: float) -> tuple[int, int, str, float]:
    """"a one-year moratorium": the noun is kept when a content word follows the compound."""
    noun = m.group("noun")
    keep_noun = noun is not None and noun.lower() not in STOPWORDS
    return m.start(), (m.end() if keep_noun else m.end("core")), FIXED, days


def _until_clause(text: str, m: re.Match) -> tuple[int, int, str, None]:
    """"until Congress passes a law": the clause up to a boundary, at most 15 words."""
    rest = text[m.end():]
    stop = _CLAUSE_END.search(rest)
    clause = rest[: stop.start() if stop else len(rest)]
    words = clause.split()
    if len(words) > _MAX_CLAUSE_WORDS:
        clause = " ".join(words[:_MAX_CLAUSE_WORDS])
    kind = END_DATED if _END_DATE_START.match(clause) and m.group().strip().lower() in (
        "until", "till") else CONDITIONAL
    if "further notice" in clause.lower()[:16]:
        kind = OPEN
    return m.start(), m.end() + len(clause.rstrip()), kind, None


def _with_anchor(text: str, start: int, end: int, kind: str, days: float | None) -> Duration:
    """Attach what the expression qualifies: the clause before it and a compound's noun."""
    before = re.split(r"[.;:!?]", text[:start])[-1].split()[-_WINDOW_WORDS:]
    words = [w.lower().strip(",\"'") for w in before]
    noun = _compound_noun(text[start:end])
    triggered = any(stem(w) in _TRIGGERS for w in words + [noun]) or any(
        w in _NEGATIONS or w.endswith("n't") or w.endswith("n’t") for w in words)
    nearest = content_stems(" ".join(before))
    governed = [stem(w) for w in words if stem(w) in nearest][-_ANCHOR_WORDS:]
    anchor = frozenset(governed + ([stem(noun)] if noun else []))
    return Duration(text[start:end], start, end, kind, days, triggered, anchor)


def _compound_noun(expression: str) -> str:
    """The noun of "a one-year moratorium" ("moratorium"); "" for other shapes."""
    words = expression.lower().split()
    last = words[-1] if words else ""
    if not words or words[0] in ("for", "until", "till", "unless", "pending"):
        return ""
    if re.search(_UNIT + r"s?$", last) or _OPEN.fullmatch(last):
        return ""
    return last


def comparable(x: Duration, y: Duration) -> bool:
    """True when both durations qualify the same kind of event."""
    return (x.triggered and y.triggered) or bool(x.anchor & y.anchor)


def compatible(x: Duration, y: Duration, published: dt.date | None = None) -> bool:
    """True when both durations can hold at once (see :func:`_clash`)."""
    return _clash(x, y, published) is None


def _clash(x: Duration, y: Duration, published: dt.date | None = None) -> str | None:
    """Why two durations cannot both hold, or None when they can."""
    kinds = {x.kind, y.kind}
    if kinds == {FIXED}:
        longer, shorter = max(x.days, y.days), min(x.days, y.days)
        return "different periods" if longer - shorter > _TOLERANCE * longer else None
    if FIXED in kinds and kinds & {OPEN, CONDITIONAL}:
        return "fixed period vs open-ended"
    if END_DATED in kinds and kinds & {OPEN, CONDITIONAL}:
        return "end date vs open-ended"
    if kinds == {END_DATED}:
        return _end_dates_clash(x, y)
    if kinds == {FIXED, END_DATED} and published is not None:
        return _period_vs_end(x if x.kind == FIXED else y, y if x.kind == FIXED else x, published)
    return None


def _end_dates_clash(x: Duration, y: Duration) -> str | None:
    dx, dy = extract_dates(x.text), extract_dates(y.text)
    if dx and dy and dates_comparable(dx[0], dy[0]) and not dates_agree(dx[0], dy[0]):
        return "different end dates"
    return None


def _period_vs_end(fixed: Duration, ended: Duration, published: dt.date) -> str | None:
    """"for 1 year" published 2020-06-10 vs "until June 2021": does the period end then?"""
    dates = extract_dates(ended.text, published)
    if not dates or dates[0].first is None:
        return None
    end = published + dt.timedelta(days=fixed.days)
    slack = dt.timedelta(days=max(31.0, 0.1 * fixed.days))
    if dates[0].first - slack <= end <= dates[0].last + slack:
        return None
    return "period does not reach the end date"


# ---------------------------------------------------------------------------
# Periods in near-identical claims (comparability from context)
# ---------------------------------------------------------------------------

#: Strength of a conflict between two periods in the same place of near-identical claims.
DIFF_STRENGTH = 0.85
#: Days per time unit for periods read in near-identical claims.
UNIT_DAYS = {"second": 1 / 86400, "minute": 1 / 1440, **_DAYS, "century": 36525.0}
_UNIT_STEMS = {stem(u): u for u in UNIT_DAYS} | {stem("centuries"): "century"}
_PERIOD = re.compile(
    r"(?:\b(?P<for>for)\s+)?(?:\b(?P<n>\d+(?:[.,]\d+)*|[A-Za-z]+(?:-[a-z]+)?)[\s-]+"
    r"(?:(?:more|additional|extra|full|straight|consecutive|whole|further)\s+)?)?"
    r"\b(?P<u>(?:second|minute|hour|day|week|month|year|decade)s?|century|centuries)\b"
    r"(?:-long)?(?!-old|\s+old\b)", re.IGNORECASE)


@dataclass(frozen=True)
class Period:
    """A period read in a near-identical claim: "four months", "90-minute", "indefinitely".

    ``days`` is None for open-ended periods and for a bare unit ("for months");
    ``unit`` is None for open-ended ones.
    """

    text: str
    start: int
    end: int
    days: float | None = None
    unit: str | None = None


def time_unit(word: str) -> str | None:
    """The time unit ``word`` names, or None: ``time_unit("Weeks") == "week"``."""
    return _UNIT_STEMS.get(stem(word.lower().lstrip("-")))


def periods(text: str) -> list[Period]:
    """Every period of time in ``text``, with no trigger needed (used on near-identical claims).

    Example::

        >>> [(p.text, p.days) for p in periods("It lasted for two weeks, or indefinitely.")]
        [('for two weeks', 14.0), ('indefinitely', None)]
    """
    found = [Period(m.group(), m.start(), m.end()) for m in _OPEN.finditer(text)]
    for m in _SUM.finditer(text):
        if _sum_is_period(m) and not any(p.start < m.end() and m.start() < p.end for p in found):
            days = _days(m.group("n"), m.group("u")) + _days(m.group("n2"), m.group("u2"))
            found.append(Period(m.group(), m.start(), m.end(), days, m.group("u2").lower()))
    for m in _PERIOD.finditer(text):
        period = _period(text, m)
        if period and not any(p.start < m.end() and m.start() < p.end for p in found):
            found.append(period)
    return sorted(found, key=lambda p: p.start)


def _period(text: str, m: re.Match) -> Period | None:
    """A fixed period when a count precedes the unit, else the bare unit ("months-long");
    None for a bare "second", which is usually the ordinal ("the second day")."""
    unit = time_unit(m.group("u"))
    plural = m.group("u").lower().endswith("s")
    count = _count(m.group("n"), plural) if m.group("n") else None
    if count is None:
        if m.group("u").lower() == "second":
            return None
        return Period(text[m.start("u"):m.end()], m.start("u"), m.end(), None, unit)
    return Period(m.group(), m.start(), m.end(), count * UNIT_DAYS[unit], unit)


def _count(word: str, plural: bool) -> float | None:
    """ "four" -> 4, "1,000" -> 1000, "a" -> 1 (before a singular unit only); else None."""
    if word.lower() in ("a", "an", "one"):
        return None if plural else 1.0
    found = extract_quantities(word)
    if len(found) != 1 or found[0].text != word or found[0].low != found[0].high:
        return None
    return found[0].low


def period_clash(x: Period, y: Period) -> str | None:
    """Why two periods in the same place cannot both hold, or None when they can or
    cannot be compared ("three years" vs "years")."""
    if x.unit is None or y.unit is None:
        return None if x.unit is None and y.unit is None else "fixed period vs open-ended"
    if x.days is not None and y.days is not None:
        longer, shorter = max(x.days, y.days), min(x.days, y.days)
        return "different periods" if longer - shorter > _TOLERANCE * longer else None
    return "different time units" if x.unit != y.unit else None


def _aligned(a: Claim, b: Claim) -> tuple[int, tuple[Conflict, ...]]:
    """(agreeing, conflicting) periods standing in the same place of near-identical claims."""
    agreed, conflicts = 0, []
    for xs, ys in changed_values(a.text, b.text, periods):
        if len(xs) != len(ys):
            continue
        for x, y in zip(xs, ys, strict=True):
            reason = period_clash(x, y)
            if reason is None:
                agreed += 1
                continue
            vague = None not in (x.unit, y.unit) and None in (x.days, y.days)  # "for months"
            strength = 0.75 if vague else DIFF_STRENGTH
            conflicts.append(Conflict(FindingType.DURATION, x.text, y.text, strength,
                                      f"{reason} (same context)"))
    return agreed, tuple(conflicts)


@register_check("duration")
def check_duration(a: Claim, b: Claim) -> CheckResult:
    """Conflicting and agreeing durations between two claims.

    Example::

        >>> r = check_duration(Claim.bare("Amazon will pause sales for 1 year."),
        ...                    Claim.bare("Amazon will pause sales indefinitely."))
        >>> r.conflicts[0].detail
        'fixed period vs open-ended'
    """
    result = _conservative(a, b)
    if result.conflicts or near_identical(a.text, b.text) is None:
        return result
    agreed, conflicts = _aligned(a, b)
    if conflicts:
        logger.debug("duration conflicts in context between %s and %s: %s", a.id, b.id,
                     conflicts)
    return CheckResult(conflicts=conflicts, matches=max(agreed, result.matches))


def _conservative(a: Claim, b: Claim) -> CheckResult:
    """Durations compared only through a trigger or a shared anchor, for the same actor."""
    if not same_actor(a, b):
        return CheckResult()
    published = a.published or b.published
    agreed, clashes = pair_values(
        extract_durations(a.text), extract_durations(b.text), comparable,
        lambda x, y: compatible(x, y, published))
    conflicts = tuple(_conflict(x, y, published) for x, y in clashes)
    if conflicts:
        logger.debug("duration conflicts between %s and %s: %s", a.id, b.id, conflicts)
    return CheckResult(conflicts=conflicts, matches=len(agreed))


def same_actor(a: Claim, b: Claim) -> bool:
    """False when the two claims name different subjects ("Amazon will pause ..." vs
    "Microsoft will pause ..."): their durations are about different events."""
    x, y = sentence_subject(a.text, a.subject), sentence_subject(b.text, b.subject)
    return not (x and y) or same_entity(x, y)


def _conflict(x: Duration, y: Duration, published: dt.date | None) -> Conflict:
    reason = _clash(x, y, published) or "different durations"
    strength = 0.85 if {x.kind, y.kind} == {FIXED} else 0.75
    if not (x.triggered and y.triggered):
        strength -= 0.15
    return Conflict(FindingType.DURATION, x.text, y.text, strength, reason)
