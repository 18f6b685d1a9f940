"""The date check: do two claims date the same event differently?

Absolute dates ("June 10, 2020", "10 June", "2020-06-10"), years ("in 2019"),
months, weekdays, clock times and relative dates ("yesterday", "last week",
"earlier this week") are read as :class:`DateMention` values. A relative date
is resolved against the claim's publication date when it is known; without
one it constrains nothing. Two mentions conflict only when no single day (or
clock time) satisfies both.

*Comparability from context* (see :mod:`consistency.judges.diff`): when the two
claims are near-identical, date mentions standing in the same short differing
region are compared even when they name different actors, and a bare year is
read wherever it stands ("its Q1 2021 update" vs "its Q1 2016 update").
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace

from consistency.judges.diff import changed_values, near_identical
from consistency.judges.registry import register_check
from consistency.quantities import pair_values, same_event
from consistency.text import STOPWORDS, Token, normalize_apostrophes, tokenize
from consistency.types import CheckResult, Claim, Conflict, FindingType

logger = logging.getLogger(__name__)

_MONTH_NAMES = ("january february march april may june july august september october "
                "november december").split()
_WEEKDAYS = "monday tuesday wednesday thursday friday saturday sunday".split()
_FULL_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|" \
              r"November|December)"
_MONTH = rf"(?:{_FULL_MONTH}|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?)"
_ORD = r"(?:st|nd|rd|th)?"
_YEAR_BEFORE = re.compile(
    r"(?:\b(?:in|since|by|until|till|from|during|before|after|of|early|late|through|to|and|"
    r"year|fiscal|the|this|that|between)|mid-|,)\s*$", re.IGNORECASE)
_TIME_BOUND = re.compile(r"\b(?:after|before|until|till|by|past|since|from|around|about)\s*$",
                         re.IGNORECASE)
_MAY_BEFORE = re.compile(r"\b(?:in|on|since|until|by|of|early|late|last|next|this|through|"
                         r"from|during|mid|end)\W*$", re.IGNORECASE)

_ABSOLUTE = (
    ("iso", re.compile(r"\b(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})\b")),
    ("mdy", re.compile(rf"\b(?P<mon>{_MONTH})\s+(?P<d>\d{{1,2}}){_ORD}\b"
                       rf"(?:,?\s+(?P<y>\d{{4}})\b)?")),
    ("dmy", re.compile(rf"\b(?P<d>\d{{1,2}}){_ORD}\s+(?:of\s+)?(?P<mon>{_MONTH})(?:,?\s+"
                       rf"(?P<y>\d{{4}})\b)?")),
    ("my", re.compile(rf"\b(?P<mon>{_MONTH})\s+(?P<y>\d{{4}})\b")),
    ("month", re.compile(rf"\b(?P<mon>{_FULL_MONTH})\b")),
    ("year", re.compile(r"\b(?P<y>19\d\d|20\d\d)\b(?![-%\d])(?!\s*(?:%|percent))")),
    ("weekday", re.compile(r"\b(?P<wd>" + "|".join(_WEEKDAYS) + r")\b(?!s)", re.IGNORECASE)),
    ("clock", re.compile(r"\b(?P<h>\d{1,2})(?::(?P<min>[0-5]\d))?\s*(?P<ap>[ap]\.m\.|[ap]m\b)",
                         re.IGNORECASE)),
    ("clock24", re.compile(r"\b(?P<h>[01]?\d|2[0-3]):(?P<min>[0-5]\d)\b(?!\s*[ap]\.?m)")),
    ("noon", re.compile(r"\b(?P<word>noon|midday|midnight)\b", re.IGNORECASE)),
)
# Relative expressions -> (unit, offset, part): resolved against the publication date.
_RELATIVE = {
    "yesterday": ("day", -1, ""), "last night": ("day", -1, ""), "the day before": ("day", -1, ""),
    "the previous day": ("day", -1, ""), "today": ("day", 0, ""), "tonight": ("day", 0, ""),
    "tomorrow": ("day", 1, ""), "this week": ("week", 0, ""),
    "earlier this week": ("week", 0, "early"), "last week": ("week", -1, ""),
    "next week": ("week", 1, ""), "at the beginning of the week": ("week", 0, "start"),
    "at the start of the week": ("week", 0, "start"), "this month": ("month", 0, ""),
    "earlier this month": ("month", 0, "early"), "last month": ("month", -1, ""),
    "next month": ("month", 1, ""), "this year": ("year", 0, ""),
    "earlier this year": ("year", 0, "early"), "last year": ("year", -1, ""),
    "next year": ("year", 1, ""),
}
_RELATIVE_RE = re.compile(
    r"\b(?:" + "|".join(sorted((re.escape(k) for k in _RELATIVE), key=len, reverse=True))
    + r"|(?P<n>\d+|two|three|four|five|six|seven) days ago)\b", re.IGNORECASE)
_SMALL = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}
_MAX_SCAN_DAYS = 800


@dataclass(frozen=True)
class DateMention:
    """A date or time expression, its span, and what it says about the day.

    Fields that the words do not fix are None. ``first``/``last`` bound the
    days the mention allows when a year (or a publication date) anchors it.
    """

    text: str
    start: int
    end: int
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None  # Monday == 0
    hour: int | None = None
    minute: int | None = None
    first: dt.date | None = None
    last: dt.date | None = None
    relative: bool = False
    actor: str | None = None  # the nearest name: who or what the date is about

    @property
    def is_time(self) -> bool:
        return self.hour is not None

    def dims(self) -> frozenset[str]:
        """The parts of the date this mention fixes: year, month, day, weekday or time."""
        if self.is_time:
            return frozenset({"time"})
        fixed = {f for f in ("year", "month", "day", "weekday") if getattr(self, f) is not None}
        if self.first is not None and self.first == self.last:
            fixed |= {"year", "month", "day", "weekday"}
        elif self.first is not None and (self.last - self.first).days < 6:
            fixed |= {"weekday"}  # "earlier this week": some days of one week
        return frozenset(fixed)

    def admits(self, day: dt.date) -> bool:
        """True when ``day`` is one the mention allows."""
        if self.first is not None and not self.first <= day <= self.last:
            return False
        wanted = (self.year, self.month, self.day, self.weekday)
        actual = (day.year, day.month, day.day, day.weekday())
        return all(w is None or w == a for w, a in zip(wanted, actual, strict=True))


def extract_dates(text: str, published: dt.date | None = None) -> list[DateMention]:
    """Date and time mentions in ``text``, in order; relative ones resolved against ``published``.

    Example::

        >>> [m.text for m in extract_dates("On Wednesday, June 10, 2020, at 10 a.m.")]
        ['Wednesday, June 10, 2020', '10 a.m.']
    """
    taken: list[tuple[int, int]] = []
    found: list[DateMention] = []
    for m in _RELATIVE_RE.finditer(text):
        found.append(_relative(m, published))
        taken.append(m.span())
    for kind, pattern in _ABSOLUTE:
        for m in pattern.finditer(text):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            mention = _absolute(kind, m, text, published)
            if mention is not None:
                found.append(mention)
                taken.append(m.span())
    merged = _merge_weekdays(text, sorted(found, key=lambda d: d.start))
    return [replace(m, actor=_actor(text, m)) for m in merged]


def _actor(text: str, mention: DateMention) -> str | None:
    """The capitalised name nearest the date in its sentence ("Amazon said on Wednesday").

    The closest name before the date wins, else the closest after it; None when
    the sentence names nobody.
    """
    names = [t for t in tokenize(text) if _is_name(t)]
    before = [t for t in names if t.end <= mention.start]
    after = [t for t in names if t.start >= mention.end]
    chosen = before[-1] if before else (after[0] if after else None)
    return normalize_apostrophes(chosen.lower).removesuffix("'s") if chosen else None


def _is_name(tok: Token) -> bool:
    word = normalize_apostrophes(tok.lower).removesuffix("'s")
    return (tok.text[0].isupper() and word.replace("-", "").isalpha() and word not in STOPWORDS
            and word not in _WEEKDAYS and _month_number(word) is None and word not in _RELATIVE
            and not word.startswith(("yesterday", "today", "tomorrow", "tonight", "last")))


def _merge_weekdays(text: str, found: list[DateMention]) -> list[DateMention]:
    """"Monday, June 8, 2020" is one mention: a weekday joined to the date right after it."""
    merged: list[DateMention] = []
    for m in found:
        prev = merged[-1] if merged else None
        joined = prev is not None and prev.weekday is not None and prev.day is None
        if joined and m.day is not None and re.fullmatch(r",?\s*", text[prev.end:m.start]):
            m = replace(m, text=text[prev.start:m.end], start=prev.start, weekday=prev.weekday)
            merged[-1] = m
        else:
            merged.append(m)
    return merged


def _absolute(kind: str, m: re.Match, text: str, published: dt.date | None) -> DateMention | None:
    groups = m.groupdict()
    if kind in ("clock", "clock24", "noon"):
        # "after midnight", "by 5 p.m.": a bound on the time, not the time itself
        return None if _TIME_BOUND.search(text[: m.start()]) else _clock(m)
    groups.setdefault("m", None)
    if kind == "weekday":
        return DateMention(m.group(), m.start(), m.end(),
                           weekday=_WEEKDAYS.index(groups["wd"].lower()))
    if kind == "year" and not _YEAR_BEFORE.search(text[: m.start()]):
        return None
    if groups.get("mon") == "May" and kind == "month" and not _MAY_BEFORE.search(
            text[: m.start()]):
        return None
    year = int(groups["y"]) if groups.get("y") else None
    month = _month_number(groups.get("mon") or "") or (int(groups["m"]) if groups["m"] else None)
    day = int(groups["d"]) if groups.get("d") else None
    if day is not None and not 1 <= day <= 31:
        return None
    if year is None and day is not None and published is not None:
        year = published.year
    return _anchored(m.group(), m.start(), m.end(), year, month, day)


def _anchored(text: str, start: int, end: int, year: int | None, month: int | None,
              day: int | None) -> DateMention:
    """A mention with its day interval when the year anchors it."""
    first = last = None
    try:
        if year is not None and month is not None and day is not None:
            first = last = dt.date(year, month, day)
        elif year is not None:
            first, last = _span(year, month)
    except ValueError:  # "February 30": keep the words, drop the interval
        first = last = None
    return DateMention(text, start, end, year=year, month=month, day=day, first=first, last=last)


def _span(year: int, month: int | None) -> tuple[dt.date, dt.date]:
    if month is None:
        return dt.date(year, 1, 1), dt.date(year, 12, 31)
    nxt = dt.date(year + month // 12, month % 12 + 1, 1)
    return dt.date(year, month, 1), nxt - dt.timedelta(days=1)


def _month_number(name: str) -> int | None:
    key = name.rstrip(".").lower()
    if key in _MONTH_NAMES:
        return _MONTH_NAMES.index(key) + 1
    if key in ("jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
               "dec"):
        return [m[:3] for m in _MONTH_NAMES].index(key[:3]) + 1
    return None


def _clock(m: re.Match) -> DateMention:
    groups = m.groupdict()
    if groups.get("word"):
        hour = 0 if groups["word"].lower() == "midnight" else 12
        return DateMention(m.group(), m.start(), m.end(), hour=hour, minute=0)
    hour, minute = int(groups["h"]), int(groups.get("min") or 0)
    ap = (groups.get("ap") or "").lower().replace(".", "")
    if ap == "pm" and hour < 12:
        hour += 12
    elif ap == "am" and hour == 12:
        hour = 0
    return DateMention(m.group(), m.start(), m.end(), hour=hour % 24, minute=minute)


def _relative(m: re.Match, published: dt.date | None) -> DateMention:
    """A relative date, resolved to a day interval when the publication date is known."""
    if published is None:
        return DateMention(m.group(), m.start(), m.end(), relative=True)
    if m.group("n"):
        n = _SMALL.get(m.group("n").lower()) or int(m.group("n"))
        first = last = published - dt.timedelta(days=n)
    else:
        unit, offset, part = _RELATIVE[m.group().lower()]
        first, last = _relative_span(published, unit, offset, part)
    return _from_interval(m.group(), m.start(), m.end(), first, last)


def _relative_span(p: dt.date, unit: str, offset: int, part: str) -> tuple[dt.date, dt.date]:
    if unit == "day":
        day = p + dt.timedelta(days=offset)
        return day, day
    if unit == "week":
        monday = p - dt.timedelta(days=p.weekday()) + dt.timedelta(weeks=offset)
        first, last = monday, monday + dt.timedelta(days=6)
    elif unit == "month":
        index = p.year * 12 + p.month - 1 + offset
        first, last = _span(index // 12, index % 12 + 1)
    else:
        first, last = _span(p.year + offset, None)
    if part == "early":
        last = min(last, p)
    elif part == "start":
        last = first + dt.timedelta(days=2)
    return first, last


def _from_interval(text: str, start: int, end: int, first: dt.date, last: dt.date) -> DateMention:
    """A resolved relative mention, with the fields its interval fixes."""
    year = first.year if first.year == last.year else None
    month = first.month if year is not None and first.month == last.month else None
    day = first.day if first == last else None
    weekday = first.weekday() if first == last else None
    return DateMention(text, start, end, year=year, month=month, day=day, weekday=weekday,
                       first=first, last=last, relative=True)


def comparable(x: DateMention, y: DateMention) -> bool:
    """True when both mentions fix a common part of the date (or both are clock times)
    and do not name different actors ("Amazon on Wednesday", "Microsoft on Thursday")."""
    if x.actor and y.actor and x.actor != y.actor:
        return False
    return bool(_dims(x) & _dims(y))


def _dims(m: DateMention) -> frozenset[str]:
    dims = m.dims()
    if m.year is not None and m.month is not None and m.day is not None:
        dims |= {"weekday"}
    return dims


def compatible(x: DateMention, y: DateMention) -> bool:
    """True when one day (or clock time) satisfies both mentions.

    ``compatible`` of "June 2020" and "June 10, 2020" is True; of "Wednesday"
    and "Thursday" it is False.
    """
    if x.is_time or y.is_time:
        return x.is_time and y.is_time and (x.hour, x.minute) == (y.hour, y.minute)
    days = _candidate_days(x, y)
    if days is None:
        fields = ("year", "month", "day", "weekday")
        return all(getattr(x, f) is None or getattr(y, f) is None
                   or getattr(x, f) == getattr(y, f) for f in fields)
    return any(x.admits(d) and y.admits(d) for d in days)


def _candidate_days(x: DateMention, y: DateMention) -> Iterator[dt.date] | None:
    """The days both intervals allow, or None when neither mention is anchored."""
    firsts = [m.first for m in (x, y) if m.first is not None]
    lasts = [m.last for m in (x, y) if m.last is not None]
    if not firsts:
        return None
    first, last = max(firsts), min(lasts)
    count = min((last - first).days + 1, _MAX_SCAN_DAYS)
    return (first + dt.timedelta(days=i) for i in range(max(count, 0)))


@register_check("date")
def check_dates(a: Claim, b: Claim) -> CheckResult:
    """Conflicting and agreeing dates between two claims.

    Example::

        >>> r = check_dates(Claim.bare("Amazon spoke on Wednesday."),
        ...                 Claim.bare("Amazon spoke on Thursday."))
        >>> (r.conflicts[0].value_a, r.conflicts[0].value_b)
        ('Wednesday', 'Thursday')
    """
    dates_a = extract_dates(a.text, a.published)
    dates_b = extract_dates(b.text, b.published)
    agreed, clashes = pair_values(dates_a, dates_b, comparable, compatible)
    if near_identical(a.text, b.text) is None:  # differently worded: same event words
        clashes = [(x, y) for x, y in clashes
                   if same_event(a.text, x, b.text, y, manners=(is_bound,), names=False)]
    conflicts = tuple(_conflict(x, y) for x, y in clashes)
    matches = len(agreed)
    if not conflicts and near_identical(a.text, b.text) is not None:
        in_context, conflicts = _aligned(a, b)
        matches = max(matches, in_context)
    if conflicts:
        logger.debug("date conflicts between %s and %s: %s", a.id, b.id, conflicts)
    return CheckResult(conflicts=conflicts, matches=matches)


#: Words that make the date after them a bound of a period, not the day something happened.
_DATE_BOUND = re.compile(r"\b(?:until|till|through|thru|by|before|after|since|from|starting|"
                         r"beginning|effective)(?:\s+(?:at\s+least|on|in|the))?\s*$",
                         re.IGNORECASE)


def is_bound(text: str, mention: DateMention) -> bool:
    """Whether a date bounds a period ("suspended until December 31", "starting Sunday")
    rather than dating an event ("announced on Monday"). Across differently worded
    claims a bound is compared only with a bound: "announced on Monday" and "until
    December 31" are two facts.

    >>> text = "Visas are suspended until December 31."
    >>> is_bound(text, extract_dates(text)[0])
    True
    """
    return bool(_DATE_BOUND.search(text[:mention.start]))


#: A four-digit year standing alone: "Q1 2021", "the 2020 nomination" (not "2020%").
_BARE_YEAR = re.compile(r"(?<![$€£¥\d.,])\b(?P<y>19\d\d|20\d\d)\b(?![-%\d]|[.,]\d|\s*percent)")


def context_dates(text: str, published: dt.date | None = None) -> list[DateMention]:
    """Date mentions for the aligned comparison: :func:`extract_dates` plus bare years.

    Example::

        >>> [m.text for m in context_dates("Moderna's Q1 2021 update came on Monday.")]
        ['2021', 'Monday']
    """
    found = extract_dates(text, published)
    for m in _BARE_YEAR.finditer(text):
        if not any(d.start < m.end() and m.start() < d.end for d in found):
            found.append(_anchored(m.group(), m.start(), m.end(), int(m.group("y")), None, None))
    return sorted(found, key=lambda d: d.start)


def _aligned(a: Claim, b: Claim) -> tuple[int, tuple[Conflict, ...]]:
    """(agreeing count, conflicts) of dates in the same place of near-identical claims."""
    agreed, conflicts = 0, []
    for xs, ys in changed_values(a.text, b.text,
                                 lambda t: context_dates(t, a.published or b.published)):
        ok, clashes = pair_values(xs, ys, lambda x, y: bool(_dims(x) & _dims(y)), compatible)
        agreed += len(ok)
        conflicts += [_conflict(x, y) for x, y in clashes]
    return agreed, tuple(conflicts)


def _conflict(x: DateMention, y: DateMention) -> Conflict:
    fields = ("year", "month", "day", "weekday")
    differing = [f for f in fields if None not in (getattr(x, f), getattr(y, f))
                 and getattr(x, f) != getattr(y, f)]
    what = "time" if x.is_time else (differing[0] if differing else "day")
    strength = 0.75 if x.relative or y.relative else 0.9
    detail = f"different {what}" + (" (relative date resolved)" if x.relative or y.relative else "")
    return Conflict(FindingType.DATE, x.text, y.text, strength, detail)
