"""Quantities in a sentence: numbers with their span, the interval they allow, and what they count.

``extract_quantities("More than 200 people were hurt.")`` gives one :class:`Quantity`
spanning "More than 200" with the interval [200, inf) and the head noun "person".
Digits, numeral words ("twenty-five", "a dozen"), scales ("$2.5 million", "1.2bn"),
money, percentages, approximators ("about", "at least", "up to") and ranges
("200-300", "between 2 and 5") are read; years, dates, times, ordinals and ids
("AB 2261", "COVID-19", "G7") are not counts and are skipped.

:func:`pair_values` is the conservative matcher the typed checks share.
"""

from __future__ import annotations

import logging
import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from consistency.entities import TITLE_STEMS, name_spans
from consistency.text import (
    STOPWORDS,
    Token,
    clause_around,
    content_words,
    stem,
    stems_around,
    tokenize,
)

logger = logging.getLogger(__name__)

INF = math.inf

_DIGITS = re.compile(
    r"^(?P<cur>[$€£¥])?(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?P<pct>%)?$"
)
_SMALL = {
    w: i for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen "
        "fourteen fifteen sixteen seventeen eighteen nineteen".split())
}
_TENS = {w: 10 * (i + 2) for i, w in enumerate(
    "twenty thirty forty fifty sixty seventy eighty ninety".split())}
_SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "dozen": 12}
_ABBREVIATED_SCALES = {"k": 1e3, "m": 1e6, "mn": 1e6, "mln": 1e6, "mil": 1e6, "bn": 1e9,
                       "b": 1e9, "bln": 1e9, "bil": 1e9, "tn": 1e12, "trn": 1e12}
#: Headline money letters, read only attached to an amount of money: "$6T", "$100G" (grand).
_MONEY_LETTERS = {"t": 1e12, "g": 1e3}
#: Vague plurals ("dozens of") as the range they can reasonably stand for.
_VAGUE = {"dozens": (20.0, 300.0), "hundreds": (100.0, 3e3), "thousands": (1e3, 3e6),
          "millions": (1e6, 3e9), "billions": (1e9, 3e12)}
_CURRENCY_WORDS = {"dollar": "$", "dollars": "$", "usd": "$", "euro": "€", "euros": "€",
                   "eur": "€", "pound": "£", "pounds": "£", "gbp": "£", "yen": "¥",
                   "yuan": "¥"}
_MONTHS = frozenset(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec".split())
_TIME_WORDS = frozenset({"a.m.", "p.m.", "am", "pm", "a.m", "p.m", "o'clock", "gmt", "utc"})
_ID_WORDS = frozenset({"no", "no.", "number", "#", "version", "v", "page"})
_NOT_ONE_BEFORE = frozenset({"no", "any", "every", "the", "this", "that", "which", "each",
                             "some", "someone"})
_IRREGULAR = {"people": "person", "persons": "person", "men": "man", "women": "woman",
              "children": "child", "police": "police", "staff": "staff", "news": "news"}
_NOT_NOUNS = frozenset("per last next ago earlier later each apiece year's".split())
_MODIFIERS = frozenset(
    "new more additional other extra total full confirmed reported further of the its their "
    "his her our those these all local".split())

# Approximators and bounds, longest first: phrase -> how the interval is widened.
_BOUNDS = {
    "more than": "min", "over": "min", "above": "min", "upwards of": "min",
    "in excess of": "min", "exceeding": "min", "at least": "min", "a minimum of": "min",
    "no fewer than": "min", "no less than": "min", "just over": "just_over",
    "fewer than": "max", "less than": "max", "under": "max", "below": "max", "up to": "max",
    "as many as": "max", "as much as": "max", "at most": "max", "a maximum of": "max",
    "no more than": "max", "just under": "near", "nearly": "near", "almost": "near",
    "about": "about", "around": "about", "approximately": "about", "roughly": "about",
    "some": "about", "an estimated": "about", "estimated": "about", "close to": "about",
    "circa": "about", "between": "between", "from": "from",
}
_ABOUT = 0.10  # "about 100" allows 90..110
_NEAR = 0.15  # "nearly 100" allows 85..100


@dataclass(frozen=True)
class Quantity:
    """One quantity: its words, span, the interval of values it allows and what it measures.

    ``kind`` is "count", "money", "percent" or "points" (percentage points);
    ``unit`` is the lightly stemmed head noun ("person" for "people"), or None.
    """

    text: str
    start: int
    end: int
    low: float
    high: float
    kind: str = "count"
    unit: str | None = None
    currency: str | None = None
    approximate: bool = False

    @property
    def value(self) -> float:
        """A representative value: the midpoint, or the finite bound of an open interval."""
        if math.isinf(self.high):
            return self.low
        return (self.low + self.high) / 2

    def agrees(self, other: Quantity) -> bool:
        """True when both quantities can hold at once (their intervals overlap)."""
        eps = 1e-9 * max(1.0, abs(self.value), abs(other.value))
        return self.low <= other.high + eps and other.low <= self.high + eps


#: Half-width of the interval a whole percentage stands for (rounding to the point).
WHOLE_PERCENT = 0.49


@dataclass(frozen=True)
class _Number:
    value: float
    precision: float
    end: int  # index of the token after the number
    currency: str | None = None
    kind: str = "count"
    scale: float = 1.0
    vague: tuple[float, float] | None = None


def extract_quantities(text: str) -> list[Quantity]:
    """All quantities in ``text`` that count something, in order.

    Example::

        >>> [q.text for q in extract_quantities("Sales rose 5% to $2.5 million in 2019.")]
        ['5%', '$2.5 million']
    """
    toks = tokenize(text)
    found: list[Quantity] = []
    i = 0
    while i < len(toks):
        quantity, nxt = _quantity_at(text, toks, i)
        if quantity is not None:
            found.append(quantity)
        i = max(nxt, i + 1)
    return found


def _quantity_at(text: str, toks: list[Token], i: int) -> tuple[Quantity | None, int]:
    num = _number_at(toks, i)
    if num is None or _is_not_a_count(toks, i, num):
        return None, i + 1
    bound, first = _bound_before(toks, i)
    low, high, end, marks = _interval(toks, num, bound)
    kind, currency, end = _kind_after(toks, end, marks)
    if kind == "percent" and low == high and low == int(low):
        # A whole percentage is usually a rounded one ("94%" for 94.1%): allow just
        # under half a point either side, so 94% still differs from 95%.
        low, high = low - WHOLE_PERCENT, high + WHOLE_PERCENT
    end_tok = toks[end - 1]
    start = toks[first].start
    quantity = Quantity(
        text=text[start:end_tok.end], start=start, end=end_tok.end, low=low, high=high,
        kind=kind, unit=_head_noun(toks, end), currency=currency,
        approximate=bound not in (None, "between", "from") or num.vague is not None,
    )
    return quantity, end


def _number_at(toks: list[Token], i: int) -> _Number | None:
    """A number starting at token ``i`` (digits or words), with its scale."""
    m = _DIGITS.match(toks[i].text)
    if m:
        raw = m.group("num").replace(",", "")
        decimals = len(raw.split(".")[1]) if "." in raw else 0
        base = _Number(float(raw), 0.5 * 10 ** -decimals if decimals else 0.0, i + 1,
                       currency=m.group("cur"), kind="percent" if m.group("pct") else "count")
    else:
        base = _words_at(toks, i)
    if base is None:
        return None
    return _scaled(toks, base)


def _words_at(toks: list[Token], i: int) -> _Number | None:
    """Numeral words: "twenty-five", "two hundred", "a dozen", "dozens of", "half a million"."""
    w = toks[i].lower
    nxt = toks[i + 1].lower if i + 1 < len(toks) else ""
    if w in _VAGUE and nxt == "of":
        return _Number(0.0, 0.0, i + 1, vague=_VAGUE[w])
    if w == "a" and nxt in ("dozen", "hundred", "thousand", "million", "billion"):
        return _Number(1.0, 0.0, i + 1)
    if w == "half" and nxt in ("a", "an") and i + 2 < len(toks) and toks[i + 2].lower in _SCALES:
        return _Number(0.5, 0.0, i + 2)
    if w == "half" and nxt in ("of", "the"):
        return _Number(50.0, 5.0, i + 1, kind="percent")
    value, j = _word_value(toks, i)
    if j == i:
        return None
    return _Number(float(value), 0.0, j)


def _word_value(toks: list[Token], i: int) -> tuple[int, int]:
    """The integer spelled by words from token ``i``, and the index after them."""
    total, j = 0, i
    while j < len(toks):
        w = toks[j].lower
        parts = w.split("-")
        if w in _SMALL or w in _TENS:
            total += _SMALL.get(w, 0) + _TENS.get(w, 0)
        elif len(parts) == 2 and parts[0] in _TENS and parts[1] in _SMALL:
            total += _TENS[parts[0]] + _SMALL[parts[1]]
        elif w == "hundred" and j > i:
            total = max(total, 1) * 100
        elif (w == "and" and j > i and toks[j - 1].lower == "hundred" and j + 1 < len(toks)
              and (toks[j + 1].lower in _SMALL or toks[j + 1].lower.split("-")[0] in _TENS)):
            pass
        else:
            break
        j += 1
    return total, j


def _scaled(toks: list[Token], num: _Number) -> _Number:
    """Apply a following scale word ("million") or attached abbreviation ("bn", "m")."""
    j = num.end
    if j >= len(toks) or num.vague:
        return num
    w = toks[j].lower
    attached = toks[j].start == toks[j - 1].end
    if attached and w.startswith("-"):  # "$250-M"
        w = w[1:]
    scale = _SCALES.get(w)
    # "$1.0 bn" / "5 mln": a spaced abbreviation counts when it cannot be a letter or unit
    spelled = attached or len(w) >= 2
    if scale is None and spelled and w in _ABBREVIATED_SCALES and (w != "m" or num.currency):
        scale = _ABBREVIATED_SCALES[w]
    if scale is None and attached and num.currency and w in _MONEY_LETTERS:
        scale = _MONEY_LETTERS[w]
    if scale is None:
        return num
    # "2 million" is rounded: allow 5% either side when no decimals say otherwise.
    rounded = 0.05 * num.value * scale if scale >= 1e3 else 0.0
    precision = num.precision * scale if num.precision else rounded
    return _Number(num.value * scale, precision, j + 1, num.currency, num.kind, scale=scale)


def _is_not_a_count(toks: list[Token], i: int, num: _Number) -> bool:
    """Years, dates, times, ordinals and ids are numbers but not counts."""
    tok = toks[i]
    prev = toks[i - 1] if i > 0 else None
    nxt = toks[num.end].lower if num.end < len(toks) else ""
    digits = _DIGITS.match(tok.text) is not None
    if not digits:
        return tok.lower == "one" and (
            (prev is not None and prev.lower in _NOT_ONE_BEFORE) or nxt in ("of", "another"))
    if (prev is not None and _is_month(prev)) or nxt in _MONTHS or nxt in _TIME_WORDS:
        return True
    if _looks_like_year(tok.text, num):
        return True
    return prev is not None and not num.currency and _is_id_prefix(toks, i - 1)


def _is_month(tok: Token) -> bool:
    return tok.lower.rstrip(".") in _MONTHS and tok.text[0].isupper()


def _looks_like_year(raw: str, num: _Number) -> bool:
    plain = raw.isdigit() and len(raw) == 4
    return plain and 1900 <= num.value <= 2100 and num.scale == 1.0 and not num.currency


def _is_id_prefix(toks: list[Token], j: int) -> bool:
    """"AB 2261", "Section 230", "No. 5": a label right before the number."""
    prev = toks[j]
    if prev.lower in _ID_WORDS:
        return True
    if not prev.text.isalpha() or prev.lower in STOPWORDS or prev.lower in _BOUNDS:
        return False
    if prev.text.isupper():
        return True
    sentence_start = j == 0 or toks[j - 1].text in (".", "!", "?", '"', ":")
    return prev.text[0].isupper() and not sentence_start and prev.lower not in _MONTHS


def _bound_before(toks: list[Token], i: int) -> tuple[str | None, int]:
    """The approximator or bound right before token ``i`` and the index where it starts."""
    for size in (3, 2, 1):
        if i - size < 0:
            continue
        phrase = " ".join(t.lower for t in toks[i - size:i])
        if phrase in _BOUNDS:
            bound = _BOUNDS[phrase]
            return bound, (i if bound == "from" else i - size)
    return None, i


def _interval(
    toks: list[Token], num: _Number, bound: str | None,
) -> tuple[float, float, int, _Number]:
    """The interval a number allows given its bound, the token index after it (ranges),
    and the number whose kind and currency mark the whole ("5 to 7%" is a percentage)."""
    if num.vague:
        return num.vague[0], num.vague[1], num.end, num
    second, end = _range_end(toks, num, bound)
    v, p = num.value, num.precision
    if second is not None:
        first = v * second.scale if num.scale == 1.0 else v
        marks = num if (num.kind, num.currency) != ("count", None) else second
        return first - p * second.scale, second.value + second.precision, end, marks
    widen = {
        "min": (v, INF), "just_over": (v, v * 1.2 + p), "max": (0.0, v + p),
        "near": (v * (1 - _NEAR) - p, v + p), "about": (v * (1 - _ABOUT) - p, v * (1 + _ABOUT) + p),
    }
    low, high = widen.get(bound or "", (v - p, v + p))
    return low, high, end, num


def _range_end(toks: list[Token], num: _Number, bound: str | None) -> tuple[_Number | None, int]:
    """The upper end of "200-300", "2 to 5" or "between 2 and 5", if there is one."""
    j = num.end
    if j >= len(toks):
        return None, j
    tok = toks[j]
    second: _Number | None = None
    if tok.text.startswith("-") and tok.start == toks[j - 1].end and _DIGITS.match(tok.text[1:]):
        second = _scaled(toks, _Number(float(tok.text[1:].replace(",", "")), 0.0, j + 1))
    elif (tok.lower == "to" and bound != "from") or (tok.lower == "and" and bound == "between"):
        second = _number_at(toks, j + 1) if j + 1 < len(toks) else None
    if second is None or second.vague or second.value < num.value:
        return None, j
    marks = {(n.kind, n.currency) for n in (num, second)} - {("count", None)}
    if len(marks) > 1:  # "5% to $2.5 million" is two quantities, not a range
        return None, j
    return second, second.end


def _kind_after(toks: list[Token], j: int, num: _Number) -> tuple[str, str | None, int]:
    """Percent / money words after the number: "5 percent", "per cent", "20 euros"."""
    kind, currency = num.kind, num.currency
    w = toks[j].lower if j < len(toks) else ""
    w2 = toks[j + 1].lower if j + 1 < len(toks) else ""
    if w in ("percent", "pct") or (w == "per" and w2 == "cent"):
        return "percent", None, j + (2 if w == "per" else 1)
    if w == "percentage" and w2 in ("point", "points"):
        return "points", None, j + 2
    if w in _CURRENCY_WORDS and kind == "count":
        return "money", _CURRENCY_WORDS[w], j + 1
    return ("money" if currency else kind), currency, j


def _head_noun(toks: list[Token], j: int) -> str | None:
    """The noun a number counts: "200 new jobs" -> "job"; None when none follows."""
    for k in range(j, min(j + 4, len(toks))):
        tok = toks[k]
        word = tok.lower
        if k == j and word.startswith("-") and word[1:].isalpha():
            return _unit_stem(word[1:])
        if not word.replace("'", "").isalpha():
            return None
        if word in _MODIFIERS:
            continue
        return None if word in STOPWORDS or word in _NOT_NOUNS else _unit_stem(word)
    return None


def _unit_stem(word: str) -> str:
    """``_unit_stem("people") == "person"``; otherwise the light stem from consistency.text."""
    return _IRREGULAR.get(word, stem(word))


T = TypeVar("T")


def pair_values(
    a_items: Sequence[T], b_items: Sequence[T],
    comparable: Callable[[T, T], bool], compatible: Callable[[T, T], bool],
) -> tuple[list[tuple[T, T]], list[tuple[T, T]]]:
    """Pair values of two claims conservatively: (agreeing pairs, conflicting pairs).

    Comparable values that agree are paired first, one to one. Of what is left,
    a value conflicts only when it has exactly one comparable counterpart and
    that counterpart has no other, so an unmatched extra value is never a conflict.

    Example::

        >>> pair_values([2, 5], [5, 3], lambda x, y: True, lambda x, y: x == y)
        ([(5, 5)], [(2, 3)])
    """
    agreed: list[tuple[T, T]] = []
    used_a: set[int] = set()
    used_b: set[int] = set()
    for i, x in enumerate(a_items):
        for j, y in enumerate(b_items):
            if j not in used_b and comparable(x, y) and compatible(x, y):
                agreed.append((x, y))
                used_a.add(i)
                used_b.add(j)
                break
    rest_a = [x for i, x in enumerate(a_items) if i not in used_a]
    rest_b = [y for j, y in enumerate(b_items) if j not in used_b]
    clashes = []
    for x in rest_a:
        partners = [y for y in rest_b if comparable(x, y)]
        if len(partners) == 1 and sum(comparable(z, partners[0]) for z in rest_a) == 1:
            clashes.append((x, partners[0]))
    return agreed, clashes


#: How a value is stated, for :func:`same_event`: ``(text, value) -> bool``.
Manner = Callable[[str, object], bool]


def same_event(text_a: str, x, text_b: str, y, manners: Sequence[Manner] = (),
               names: bool = True) -> bool:
    """Whether two values in differently worded claims hang on the same words.

    "1,400 people were detained" vs "3,500 people gathered" share only the head
    noun: different facts, not a conflict. The words around each value (its
    clause, four content words each side, the head noun right after it left
    out) must share a stem, and both values must be stated the same way: both as
    expectations or both as outcomes (:func:`expected`), and alike by each of the
    check's own ``manners`` (the date check adds ``dates.is_bound``).

    With ``names=False`` a shared name or title does not count (:func:`name_stems`,
    ``entities.TITLE_STEMS``): "President Trump on Monday slammed the professor" and "the
    quote he attributed to the president on Sunday" share a participant, not the
    event the day belongs to.
    """
    shared = (_around(text_a, x) & _around(text_b, y)) - _NUMBER_STEMS
    if not names:  # a word of a name in either claim ("Biden's first day" / "Joe Biden")
        shared -= name_stems(text_a) | name_stems(text_b) | TITLE_STEMS
    return (bool(shared)
            and all(m(text_a, x) == m(text_b, y) for m in (expected, *manners)))


#: Words that state a value as an expectation: a forecast, a projection, a consensus.
_EXPECTATION = re.compile(r"(expect|forecast|predict|anticipat|projected$|projecting$"
                          r"|projections?$|consensus)")
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
#: An expectation word after one of these is an outcome measured against it ("beat expectations").
_AGAINST = frozenset("beat beats beating exceeded exceeds exceed exceeding topped tops top "
                     "surpassed surpasses missed misses miss above below than outpaced".split())


def expected(text: str, value) -> bool:
    """Whether ``value`` is stated as an expectation rather than an outcome.

    "Economists expect employers to add 500,000 jobs" and "the consensus was that
    700,000 jobs would be added" are expectations; "employers added 916,000 jobs" and
    "the economy beat expectations by adding 916,000 jobs" are outcomes. An expected
    and an actual figure are two facts, so they are not compared across differently
    worded claims. Looks at the value's clause: up to 15 words before, 6 after.
    """
    before, after = clause_around(text, value.start, value.end)
    ahead = [w.lower() for w in _WORD.findall(before)[-15:]]
    words = ahead + [w.lower() for w in _WORD.findall(after)[:6]]
    for i, word in enumerate(words):
        if word in ("project", "projects"):
            cue = i < len(ahead) and _projects(words, i)
        else:
            cue = bool(_EXPECTATION.match(word))
        if cue and not _AGAINST.intersection(words[max(0, i - 2):i]):
            return True
    return False


def _projects(words: list[str], i: int) -> bool:
    """'project' as a verb of forecasting ("economists project employers will add"),
    not the noun ("the project will cost"): no determiner before, a forecast after."""
    noun = i > 0 and words[i - 1] in _DETERMINERS
    return not noun and any(w in ("will", "would", "to") for w in words[i + 1:i + 4])


_DETERMINERS = frozenset("a an the this that these those its their his her our your my "
                         "each every one new".split())


#: Numeral and scale words: part of another value ("on Thursday saw 1.3 million"), never
#: what a value hangs on.
_NUMBER_STEMS = frozenset(stem(w) for w in (*_SMALL, *_TENS, *_SCALES, *_VAGUE, "hundred"))


def _around(text: str, value) -> set[str]:
    after = content_words(text[value.end:])[:1]
    head = {stem(w) for w in after}
    return stems_around(text, value.start, value.end) - head


def name_stems(text: str) -> frozenset[str]:
    """Stems of the words of the names in ``text`` (:func:`entities.name_spans`).

    >>> sorted(name_stems("Police said President Trump spoke in New York on Monday."))
    ['new', 'trump', 'york']
    """
    return frozenset(stem(w) for span in name_spans(text) for w in span.text.split())
