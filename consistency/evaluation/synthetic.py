"""Synthetic contradictions made from real news sentences (in the spirit of FactCC).

Each corruption changes one fact of a sentence and keeps it grammatical: a
number, a date, a duration, the polarity of a verb, a named entity, or who said
it. Light paraphrases that keep every fact give the negatives. The set measures
the pair judge and its typed checks, so it is written independently of them.

    sentences = ("Officials said 40 people were hurt on Monday.", ...)
    synthetic = make_synthetic(sentences, seed=0, per_kind=100)

Every corruption function has the signature ``(sentence, rng, pools) -> str | None``
and returns ``None`` when the sentence offers nothing it can change.
"""

from __future__ import annotations

import logging
import random
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from consistency.evaluation.datasets import LabelledPair, LabelledSet

logger = logging.getLogger(__name__)

KINDS = ("numeric", "date", "duration", "polarity", "entity", "attribution")

# ---------------------------------------------------------------- vocabulary

NUMBER_WORDS = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90,
}
_SMALL_WORDS = {v: k for k, v in NUMBER_WORDS.items() if v <= 9}

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")
_MONTH_ABBR = {"Jan.": 0, "Feb.": 1, "Aug.": 7, "Sept.": 8, "Sep.": 8, "Oct.": 9, "Nov.": 10,
               "Dec.": 11}
_MONTH_ALT = ("Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.",
              "Nov.", "Dec.")
_MONTH_RE = "|".join([*MONTHS, *(re.escape(a) for a in _MONTH_ABBR)])
_MONTH_CONTEXT = ("in", "since", "of", "until", "by", "from", "through", "early", "late", "last",
                  "next", "this", "mid", "mid-", "on", "during", "between", "and")

UNITS = ("second", "minute", "hour", "day", "week", "month", "year", "decade")
_OPEN_ENDED = ("indefinitely", "until further notice")

_AUX_NEGATION = {
    "is": "isn't", "are": "aren't", "was": "wasn't", "were": "weren't", "has": "hasn't",
    "have": "haven't", "had": "hadn't", "will": "won't", "would": "wouldn't",
    "could": "couldn't", "should": "shouldn't", "must": "mustn't", "might": None,
    "can": "can't", "does": "doesn't", "do": "don't", "did": "didn't",
}
_CONTRACTED = {v: k for k, v in _AUX_NEGATION.items() if v}
_PERFECT = ("has", "have", "had")
_DO = ("does", "do", "did")
_NOT_AFTER_AUX = frozenset(
    """the a an so it that this these those what his her their its our my your more much well
    also already still just even only ever actually
    nothing something anything everything not never to of as in on at by for with and or but
    if than then there here who which""".split()
)
_IRREGULAR_PARTICIPLES = frozenset(
    """been said made taken given seen done gone told won lost found held led sent paid bought
    brought thought known shown grown begun become come run kept left met put set cut hit let
    spent built sold stood understood written spoken chosen driven fallen forgotten hidden
    risen struck sworn thrown withdrawn""".split()
)
# base -> (past, third person singular): verbs common in news with easy do-support.
_VERBS = {
    "say": ("said", "says"), "tell": ("told", "tells"), "announce": ("announced", "announces"),
    "agree": ("agreed", "agrees"), "approve": ("approved", "approves"),
    "reject": ("rejected", "rejects"), "vote": ("voted", "votes"),
    "confirm": ("confirmed", "confirms"), "support": ("supported", "supports"),
    "oppose": ("opposed", "opposes"), "sign": ("signed", "signs"), "win": ("won", "wins"),
    "want": ("wanted", "wants"), "expect": ("expected", "expects"),
    "know": ("knew", "knows"), "think": ("thought", "thinks"), "believe": ("believed", "believes"),
    "admit": ("admitted", "admits"), "plan": ("planned", "plans"), "ask": ("asked", "asks"),
    "accept": ("accepted", "accepts"), "attend": ("attended", "attends"),
    "receive": ("received", "receives"), "include": ("included", "includes"),
    "require": ("required", "requires"), "allow": ("allowed", "allows"),
    "deny": ("denied", "denies"), "endorse": ("endorsed", "endorses"),
    "intend": ("intended", "intends"), "comply": ("complied", "complies"),
    "meet": ("met", "meets"), "see": ("saw", "sees"), "make": ("made", "makes"),
    "take": ("took", "takes"), "give": ("gave", "gives"), "find": ("found", "finds"),
    "visit": ("visited", "visits"), "mention": ("mentioned", "mentions"),
    "respond": ("responded", "responds"), "comment": ("commented", "comments"),
}
_PAST = {past: base for base, (past, _) in _VERBS.items()}
# Third-person forms that are rarely nouns, so "X wants" reads as a verb.
_THIRD = {third: base for base, (_, third) in _VERBS.items()
          if base in {"say", "tell", "agree", "oppose", "want", "expect", "know", "think",
                      "believe", "admit", "deny", "intend", "require", "allow", "include"}}
_NO_SUBJECT_BEFORE = frozenset(
    """to be been being get got not never is are was were has have had will would could should
    can may might must do does did the a an and or by of""".split()
)

TITLES = frozenset(
    """President Vice Sen Senator Rep Representative Gov Governor Mr Mrs Ms Dr Mayor Secretary
    Judge Justice Speaker Leader Chairman Chairwoman Chair Minister Prime General Gen Gov. Sen.
    Rep. Mr. Mrs. Ms. Dr. Gen. Former Attorney Commissioner Chief Director Officer Pope King
    Queen Prince Princess Ambassador Professor Prof""".split()
)
ORG_WORDS = frozenset(
    """Court Party Department Agency Committee Commission Council House Senate Congress
    University College Company Corp Corporation Inc Bank Association Administration Ministry
    Police Army Navy Force Service Times Post News Network Foundation Institute Center Centre
    Office Board Bureau Group Union Organization Organisation Federation Journal Press Club
    Church Airlines Motors Reserve Fund Guard Patrol Coalition Caucus Network Tribune""".split()
)
COUNTRIES = frozenset(
    """America Afghanistan Australia Brazil Britain Canada China Cuba Egypt England France
    Germany Greece Haiti India Indonesia Iran Iraq Ireland Israel Italy Japan Jordan Kenya
    Lebanon Libya Mexico Nigeria Pakistan Poland Qatar Russia Scotland Somalia Spain Sudan Sweden
    Syria Taiwan Turkey Ukraine Venezuela Vietnam Yemen""".split()
) | {"South Africa", "North Korea", "South Korea", "Saudi Arabia", "United States",
     "United Kingdom"}
STATES = frozenset(
    """Alabama Alaska Arizona Arkansas California Colorado Connecticut Delaware Florida Hawaii
    Idaho Illinois Indiana Iowa Kansas Kentucky Louisiana Maine Maryland Massachusetts Michigan
    Minnesota Mississippi Missouri Montana Nebraska Nevada Ohio Oklahoma Oregon Pennsylvania
    Tennessee Texas Utah Vermont Virginia Wisconsin Wyoming""".split()
) | {"New Jersey", "New Mexico", "New Hampshire", "North Carolina", "South Carolina",
     "North Dakota", "South Dakota", "West Virginia", "Rhode Island", "New York"}
CITIES = frozenset(
    """Beijing Moscow London Paris Berlin Tokyo Kabul Chicago Boston Houston Atlanta Seattle
    Miami Detroit Jerusalem Brussels Geneva Baghdad Tehran Dallas Denver Phoenix Philadelphia
    Minneapolis Baltimore Washington""".split()
) | {"Los Angeles", "San Francisco", "Hong Kong", "New Delhi", "New Orleans", "Las Vegas"}
PLACES = COUNTRIES | STATES | CITIES
_NOT_NAMES = frozenset(
    """The A An In On At But And Or If As For From With After Before When While Since During
    This That These Those It Its He She They We I You His Her Their Our My Your There Here What
    Who Why How Where Some Many Most All Both Each Several Other Another One No Not Yet Still
    Also However Meanwhile Although Though Because Last Next Earlier Later Now Then Today
    Tomorrow Yesterday According Under Over Despite Amid Among Instead Even Just Only Mr Mrs Ms
    Dr""".split()
) | set(WEEKDAYS) | set(MONTHS)
_SPEECH_VERBS = ("said", "says", "told", "stated", "added", "wrote", "argued", "noted",
                 "tweeted", "explained", "warned")

_NAME_WORD = (r"(?:[A-Z][a-z]+(?:[A-Z][a-z]+)?(?:[-'’][A-Z][a-z]+)*"  # Ann, McCarthy, O'Neil
              r"|[A-Z]\.(?:[A-Z]\.)+|[A-Z]{2,5}|[A-Z]\.)")
_NAME = re.compile(rf"(?<![\w.'’-]){_NAME_WORD}(?: {_NAME_WORD})*(?![\w-]|['’](?!s\b))")

PLACE_WORDS = frozenset(
    """County City Park Street Avenue Island Islands River Beach Valley Bay Lake Mountains
    Square Airport Province Region Coast Border Harbor Canal""".split()
)
GROUPS = frozenset(
    """Americans Russians Germans Israelis Palestinians Iranians Afghans
    Mexicans Canadians Europeans Ukrainians Syrians Iraqis Catholics
    Muslims Christians Texans Californians Britons""".split()
)
PARTIES = frozenset({"Democrat", "Republican", "Democratic", "Democrats", "Republicans",
                     "Conservatives", "Liberals", "Independents"})
ORG_ACRONYMS = frozenset(
    """FBI CIA CDC FDA NATO NASA NIH IRS EPA DHS DOJ ICE NSA WHO IMF OPEC NFL NBA MLB NCAA
    GOP DNC RNC UN EU BBC CNN NBC CBS ABC NPR AP ACLU NAACP WTO OECD SEC FTC FCC FEMA
    TSA ATF DEA USPS""".split()
)

_SYNONYMS = {
    "large": "big", "big": "large", "huge": "enormous", "enormous": "huge",
    "rapidly": "quickly", "quickly": "rapidly", "nearly": "almost", "almost": "nearly",
    "began": "started", "begin": "start", "begins": "starts", "beginning": "starting",
    "purchased": "bought", "additional": "extra", "remarks": "comments",
    "comments": "remarks", "difficult": "hard", "sufficient": "enough", "roughly": "about",
    "shows": "indicates", "showed": "indicated", "crucial": "vital", "major": "significant",
    "totally": "completely", "completely": "totally",
}
_DROPPABLE = ("also", "actually", "indeed", "really", "certainly")


@dataclass(frozen=True)
class Pools:
    """Names seen across the input sentences, by kind, for entity and speaker swaps.

    ``entities`` maps a kind ("person", "org", "country", "city", ...) to names;
    ``speakers`` holds person names that were the subject of "said" and the like;
    ``first_names`` and ``surnames`` come from names that follow a title ("Sen.",
    "President"), and tell people from other capitalised phrases.
    """

    entities: tuple[tuple[str, tuple[str, ...]], ...] = ()
    speakers: tuple[str, ...] = ()
    first_names: frozenset[str] = frozenset()
    surnames: frozenset[str] = frozenset()

    def of_kind(self, kind: str) -> tuple[str, ...]:
        return dict(self.entities).get(kind, ())


@dataclass(frozen=True)
class _Edit:
    start: int
    end: int
    new: str


Corruption = Callable[[str, random.Random, Pools], "str | None"]


def _apply(sentence: str, edit: _Edit) -> str:
    return sentence[: edit.start] + edit.new + sentence[edit.end:]


def _match_case(word: str, like: str) -> str:
    return word[:1].upper() + word[1:] if like[:1].isupper() else word


def _apostrophe(sentence: str) -> str:
    return "’" if "’" in sentence else "'"


def _pick(rng: random.Random, edits: Sequence[_Edit], sentence: str) -> str | None:
    edits = [e for e in edits if sentence[e.start:e.end] != e.new]
    return _apply(sentence, rng.choice(edits)) if edits else None


# ---------------------------------------------------------------- numbers

_NUMBER = re.compile(
    r"(?<![\w.,:/$€£-])([$€£]?)(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?(?![\w:/]|[.,-]\d)"
    r"(%| percent| per cent| percentage points?)?"
)
_UNIT_AFTER = re.compile(rf"^[ -](?:{'|'.join(UNITS)}|centur(?:y|ies))s?\b")


def _is_duration_or_date(sentence: str, m: re.Match) -> bool:
    """True when a number is a year, a day of the month, an age or a period of time."""
    before, after = sentence[: m.start()], sentence[m.end():]
    digits = m.group(2)
    if not m.group(1) and not m.group(4) and len(digits) == 4 and 1900 <= int(digits) <= 2099:
        return True
    if re.search(rf"(?:{_MONTH_RE}) $", before) or re.match(rf"^ (?:{_MONTH_RE})", after):
        return True
    return bool(_UNIT_AFTER.match(after))


_STARTERS = frozenset(
    "About Nearly Almost Roughly Around Over Just Only More Fewer Exactly Approximately".split())


def _is_identifier(sentence: str, start: int) -> bool:
    """Numbers named by a capitalised word ("Title 42", "No. 2") are labels, not amounts."""
    prev = re.search(r"(\S+) $", sentence[:start])
    if not prev or not prev.group(1)[:1].isupper():
        return False
    return prev.start(1) > 0 or prev.group(1) not in _NOT_NAMES | _STARTERS


def _granularity(digits: str) -> int:
    stripped = digits.replace(",", "")
    zeros = len(stripped) - len(stripped.rstrip("0"))
    return 10 ** min(zeros, max(len(stripped) - 1, 0))


def different_number(value: float, decimals: int, rng: random.Random, *, step: int = 1,
                     cap: float | None = None) -> float | None:
    """A value more than 10% away from ``value``, rounded like it, within ``cap``.

    Example: ``different_number(40, 0, random.Random(1))`` might give 60.
    """
    if value < 10 and decimals == 0:
        options = [v for v in range(0, 21) if v != value and abs(v - value) >= 1]
        options = [v for v in options if v > 0 or value > 3]
    else:
        factors = (0.25, 0.4, 0.5, 0.6, 0.75, 1.3, 1.5, 2.0, 2.5, 3.0, 4.0)
        options = [round(value * f / step) * step if decimals == 0 else round(value * f, decimals)
                   for f in factors]
        options = [v for v in options if v > 0 and abs(v - value) > 0.1 * value]
    options = [v for v in options if cap is None or v <= cap]
    return rng.choice(options) if options else None


def _format_number(value: float, decimals: int, commas: bool) -> str:
    if decimals:
        return f"{value:,.{decimals}f}" if commas else f"{value:.{decimals}f}"
    return f"{int(value):,}" if commas or value >= 10000 else str(int(value))


def _number_edit(sentence: str, m: re.Match, rng: random.Random) -> _Edit | None:
    digits, decimals = m.group(2), m.group(3) or ""
    value = float(digits.replace(",", "") + ("." + decimals if decimals else ""))
    cap = 100.0 if m.group(4) and value <= 100 else None
    new = different_number(value, len(decimals), rng, step=_granularity(digits), cap=cap)
    if new is None:
        return None
    text = _format_number(new, len(decimals), "," in digits)
    return _Edit(m.start(2), m.end(3) if decimals else m.end(2), text)


def _number_word_edits(sentence: str, rng: random.Random) -> list[_Edit]:
    edits = []
    for m in re.finditer(rf"\b({'|'.join(NUMBER_WORDS)})\b", sentence, flags=re.I):
        after = sentence[m.end():]
        if _UNIT_AFTER.match(after) or re.match(r"^-(?:[a-z]+-)?(?:\w+)", after) and re.match(
                rf"^-({'|'.join(NUMBER_WORDS)}|one)\b", after, flags=re.I):
            continue
        if m.group(1)[0].isupper() and m.start() > 1:
            continue  # "Group of Seven" is a name
        value = NUMBER_WORDS[m.group(1).lower()]
        options = [w for w, v in NUMBER_WORDS.items()
                   if abs(v - value) > 0.1 * value and value / 4 <= v <= value * 4]
        edits.append(_Edit(m.start(), m.end(), _match_case(rng.choice(options), m.group(1))))
    return edits


def corrupt_numeric(sentence: str, rng: random.Random, pools: Pools | None = None) -> str | None:
    """Change one count, amount or percentage to a clearly different value, unit kept.

    Example: "The storm killed 12 people." -> "The storm killed 5 people."
    """
    edits = [
        e for m in _NUMBER.finditer(sentence)
        if not _is_duration_or_date(sentence, m) and not _is_identifier(sentence, m.start())
        for e in [_number_edit(sentence, m, rng)] if e
    ]
    return _pick(rng, edits + _number_word_edits(sentence, rng), sentence)


# ---------------------------------------------------------------- dates

def _weekday_edits(sentence: str, rng: random.Random) -> list[_Edit]:
    edits = []
    for m in re.finditer(rf"\b({'|'.join(WEEKDAYS)})(s?)\b", sentence):
        other = rng.choice([d for d in WEEKDAYS if d != m.group(1)])
        edits.append(_Edit(m.start(1), m.end(1), other))
    return edits


def _is_month(sentence: str, m: re.Match) -> bool:
    """A month name is a month when a number follows or a date word comes before it."""
    if re.match(r"^,? \d", sentence[m.end():]):
        return True
    prev = re.search(r"(\S+) ?$", sentence[: m.start()])
    return bool(prev and prev.group(1).lower() in _MONTH_CONTEXT)


def _month_edits(sentence: str, rng: random.Random) -> list[_Edit]:
    edits = []
    for m in re.finditer(rf"(?<![\w.])({_MONTH_RE})(?![\w])", sentence):
        if not _is_month(sentence, m):
            continue
        name = m.group(1)
        if name in _MONTH_ABBR:
            index = _MONTH_ABBR[name]
            other = rng.choice([a for i, a in enumerate(_MONTH_ALT) if i != index])
        else:
            other = rng.choice([x for x in MONTHS if x != name])
        edits.append(_Edit(m.start(), m.end(), other))
    return edits


def _day_and_year_edits(sentence: str, rng: random.Random) -> list[_Edit]:
    edits = []
    for m in re.finditer(rf"(?:{_MONTH_RE}) (\d{{1,2}})(?!\d)(st|nd|rd|th)?\b", sentence):
        day = int(m.group(1))
        other = rng.choice([d for d in range(1, 29) if abs(d - day) >= 2])
        edits.append(_Edit(m.start(1), m.end(2) if m.group(2) else m.end(1), str(other)))
    for m in re.finditer(r"(?<![\w$€£.,-])(19\d\d|20\d\d)(?![\w%]|[.,]\d| percent)", sentence):
        year = int(m.group(1))
        other = year + rng.choice([-5, -4, -3, -2, -1, 1, 2, 3])
        edits.append(_Edit(m.start(1), m.end(1), str(other)))
    return edits


def corrupt_date(sentence: str, rng: random.Random, pools: Pools | None = None) -> str | None:
    """Move a date: another weekday, month, year or day of the month.

    Example: "Voters went to the polls on Tuesday." -> "... on Friday."
    """
    edits = (_weekday_edits(sentence, rng) + _month_edits(sentence, rng)
             + _day_and_year_edits(sentence, rng))
    return _pick(rng, edits, sentence)


# ---------------------------------------------------------------- durations

_DURATION = re.compile(
    rf"\b(?P<count>\d+|(?i:{'|'.join(NUMBER_WORDS)}|one|a|an))(?P<sep>[ -])"
    rf"(?P<unit>{'|'.join(UNITS)})(?P<plural>s?)\b(?!-old| old| ago| earlier| later)"
)


def _count_text(count: str, rng: random.Random) -> str | None:
    low = count.lower()
    if low in ("a", "an", "one"):
        return rng.choice(["two", "three", "six"])
    value = int(low) if low.isdigit() else NUMBER_WORDS[low]
    new = different_number(float(value), 0, rng)
    if new is None:
        return None
    if low.isdigit():
        return str(int(new))
    return _match_case({1: "one", **_SMALL_WORDS}.get(int(new), str(int(new))), count)


def _duration_phrase(count: str, sep: str, unit: str, plural: bool = True) -> str:
    """ "three", " ", "week" -> "three weeks"; "a", "hour" -> "an hour".

    ``plural=False`` keeps the unit singular, as in "a 10-year sentence" or "a two week ban".
    """
    if count.lower() in ("a", "an"):
        count = _match_case("an" if unit == "hour" else "a", count)
    single = count.lower() in ("a", "an", "one", "1")
    return f"{count}{sep}{unit}{'' if single or not plural else 's'}"


def _plural_slot(m: re.Match) -> bool:
    """False for adjectival periods ("a 10-year term", "a two week ban"), which stay singular."""
    if m.group("sep") == "-":
        return False
    return bool(m.group("plural")) or m.group("count").lower() in ("a", "an", "one", "1")


def _duration_count_edit(sentence: str, m: re.Match, rng: random.Random) -> _Edit | None:
    if m.group("count").lower() in ("a", "an") and not re.search(
            r"\b(?:for|in|within|over|after|about|roughly|nearly|almost|than|past|next|last)\s$",
            sentence[: m.start()]):
        return None  # "10 cases a day" is a rate, not a period
    count = _count_text(m.group("count"), rng)
    if count is None:
        return None
    phrase = _duration_phrase(count, m.group("sep"), m.group("unit"), _plural_slot(m))
    return _Edit(m.start(), m.end(), phrase)


def _duration_unit_edit(m: re.Match, rng: random.Random) -> _Edit:
    i = UNITS.index(m.group("unit").lower())
    near = [u for u in (UNITS[i - 1] if i else None, UNITS[(i + 1) % len(UNITS)]) if u]
    phrase = _duration_phrase(m.group("count"), m.group("sep"), rng.choice(near), _plural_slot(m))
    return _Edit(m.start(), m.end(), phrase)


def _open_ended_edits(sentence: str, rng: random.Random) -> list[_Edit]:
    edits = []
    for m in re.finditer(rf"\bfor {_DURATION.pattern}", sentence, flags=re.I):
        if m.group("sep") == " ":
            edits.append(_Edit(m.start(), m.end(), rng.choice(_OPEN_ENDED)))
    for m in re.finditer(rf"\b({'|'.join(_OPEN_ENDED)})\b", sentence):
        count, unit = rng.choice(["two", "three", "six"]), rng.choice(("week", "month", "year"))
        edits.append(_Edit(m.start(), m.end(), f"for {_duration_phrase(count, ' ', unit)}"))
    return edits


def corrupt_duration(sentence: str, rng: random.Random, pools: Pools | None = None) -> str | None:
    """Change how long something lasts: another length, another unit, or open-ended.

    Example: "The ban will last for six months." -> "The ban will last indefinitely."
    """
    edits: list[_Edit] = []
    for m in _DURATION.finditer(sentence):
        edits += [e for e in (_duration_count_edit(sentence, m, rng), _duration_unit_edit(m, rng))
                  if e]
    return _pick(rng, edits + _open_ended_edits(sentence, rng), sentence)


# ---------------------------------------------------------------- polarity

def _next_word(sentence: str, end: int) -> str:
    m = re.match(r" ([A-Za-z][\w'’-]*)", sentence[end:])
    return m.group(1) if m else ""


def _aux_negation_edit(sentence: str, m: re.Match, rng: random.Random) -> _Edit | None:
    aux, nxt = m.group(1), _next_word(sentence, m.end())
    if not nxt or not nxt[0].islower() or nxt in _NOT_AFTER_AUX or nxt.endswith("ly"):
        return None
    if aux in _PERFECT and not (nxt.endswith(("ed", "en")) or nxt in _IRREGULAR_PARTICIPLES):
        return None
    contracted = _AUX_NEGATION[aux]
    if contracted and rng.random() < 0.4:
        return _Edit(m.start(), m.end(), contracted.replace("'", _apostrophe(sentence)))
    return _Edit(m.start(), m.end(), "cannot" if aux == "can" else f"{aux} not")


def _verb_negation_edit(sentence: str, m: re.Match) -> _Edit | None:
    prev = re.search(r"([A-Za-z][\w'’]*) $", sentence[: m.start()])
    nxt = _next_word(sentence, m.end())
    if not prev or prev.group(1).lower() in _NO_SUBJECT_BEFORE or nxt == "by":
        return None
    word = m.group(1)
    if word in _SPEECH_VERBS and (
            re.search(r"[,\"”]\s+(?:\S+ ){0,4}$", sentence[: m.start()])
            or nxt.lower() in _SPEECH_BREAK or nxt in WEEKDAYS or not nxt):
        return None  # "..., Smith said." or "Smith said in a statement" read oddly negated
    if word in _PAST:
        return _Edit(m.start(), m.end(), f"did not {_PAST[word]}")
    return _Edit(m.start(), m.end(), f"does not {_THIRD[word]}")


_SPEECH_BREAK = frozenset("on in at during after before to with for last this".split())
_NEGATIVE_SUBJECT = re.compile(r"\b(?:no|nobody|nothing|none|neither|nor|few)\b", re.I)


def _negation_insertions(sentence: str, rng: random.Random) -> list[_Edit]:
    edits = [_aux_negation_edit(sentence, m, rng)
             for m in re.finditer(rf"\b({'|'.join(_AUX_NEGATION)})\b(?![’'-])", sentence)]
    verbs = "|".join([*_PAST, *_THIRD])
    edits += [_verb_negation_edit(sentence, m)
              for m in re.finditer(rf"\b({verbs})\b(?![’'-])", sentence)]
    # "No one has been found" -> "No one has not been found" is a double negative.
    return [e for e in edits if e and not _NEGATIVE_SUBJECT.search(sentence[: e.start])]


def _do_removal(sentence: str, m: re.Match, aux: str) -> _Edit | None:
    """ "did not say" -> "said", "does not want" -> "wants"; other verbs are left alone."""
    verb = _next_word(sentence, m.end())
    if verb not in _VERBS:
        return None
    past, third = _VERBS[verb]
    form = {"did": past, "does": third, "do": verb}[aux]
    return _Edit(m.start(), m.end() + 1 + len(verb), form)


def _negation_removals(sentence: str) -> list[_Edit]:
    edits: list[_Edit | None] = []
    for m in re.finditer(rf"\b({'|'.join(_AUX_NEGATION)}) not\b(?! only)", sentence):
        aux = m.group(1)
        edits.append(_do_removal(sentence, m, aux) if aux in _DO
                     else _Edit(m.start(), m.end(), aux))
    for m in re.finditer(r"\b(cannot|[a-z]+n['’]t)\b", sentence):
        aux = "can" if m.group(1) == "cannot" else _CONTRACTED.get(m.group(1).replace("’", "'"))
        if aux:
            edits.append(_do_removal(sentence, m, aux) if aux in _DO
                         else _Edit(m.start(), m.end(), aux))
    edits += [_Edit(m.start(), m.end(), "") for m in re.finditer(r"(?<=[a-z] )never ", sentence)]
    return [e for e in edits if e]


def corrupt_polarity(sentence: str, rng: random.Random, pools: Pools | None = None) -> str | None:
    """Negate one verb ("has said" -> "has not said", "said" -> "did not say") or drop a negation.

    Example: "The council approved the plan." -> "The council did not approve the plan."
    """
    removals = _negation_removals(sentence)
    if removals and rng.random() < 0.5:
        return _pick(rng, removals, sentence)
    return _pick(rng, _negation_insertions(sentence, rng) or removals, sentence)


# ---------------------------------------------------------------- names

@dataclass(frozen=True)
class _Name:
    text: str
    start: int
    end: int
    kind: str
    speaker: bool
    titled: bool


def _strip_leading(text: str, start: int) -> tuple[str, int]:
    """Drop leading words that are not part of a name ("In", "The", titles)."""
    words = text.split(" ")
    if words[-1] in ORG_WORDS:  # "Justice Department" keeps its first word
        return (text[4:], start + 4) if words[0] == "The" else (text, start)
    while words and (words[0] in _NOT_NAMES or words[0].rstrip(".") in TITLES):
        start += len(words[0]) + 1
        words = words[1:]
    return " ".join(words), start


def _split_at_dates(text: str, start: int) -> list[tuple[str, int]]:
    """ "Senate Republicans Thursday" -> "Senate Republicans" (weekdays and months end a name)."""
    parts, words, offset = [], [], start
    for word in text.split(" "):
        if word in WEEKDAYS or word in MONTHS or word in _MONTH_ABBR:
            if words:
                parts.append((" ".join(words), offset))
            offset += sum(len(w) + 1 for w in words) + len(word) + 1
            words = []
        else:
            words.append(word)
    if words:
        parts.append((" ".join(words), offset))
    return parts


def _is_titled(sentence: str, start: int) -> bool:
    before = sentence[:start].rstrip().split(" ")[-1] if start else ""
    return before.rstrip(".") in TITLES


def _name_kind(text: str, titled: bool, pools: Pools) -> str | None:
    words = text.split(" ")
    for kind, names in (("country", COUNTRIES), ("state", STATES), ("city", CITIES),
                        ("group", GROUPS), ("party", PARTIES)):
        if text in names:
            return kind
    if words[-1] in PLACE_WORDS:
        return "place"
    if text in ORG_ACRONYMS or (len(words) > 1 and words[-1] in ORG_WORDS):
        return "org"
    if "." in text or any(w.isupper() for w in words):
        return None
    if titled or (len(words) > 1 and words[0] in pools.first_names):
        return "person"
    if len(words) == 1 and text in pools.surnames:
        return "person"
    return None


def _is_speaker(sentence: str, start: int, end: int) -> bool:
    after, before = sentence[end:], sentence[:start]
    if re.match(rf"^ ({'|'.join(_SPEECH_VERBS)})\b", after):
        return not re.search(r"\b(the|a|an)\s+$", before, flags=re.I)
    title = rf"(?:(?:{'|'.join(t for t in TITLES if t[-1] != '.')})\.? )*"
    return bool(re.search(rf"(?:[,\"”’] (?:said|says)|\baccording to),? {title}$", before))


def _name_spans(sentence: str) -> list[tuple[str, int]]:
    spans = []
    lead = len(sentence) - len(sentence.lstrip("\"“‘( "))
    for m in _NAME.finditer(sentence):
        text, start = _strip_leading(m.group(), m.start())
        for part, offset in _split_at_dates(text, start) if text else ():
            if offset == lead and " " not in part and part not in PLACES | GROUPS | PARTIES:
                continue  # a lone capitalised first word is usually not a name
            spans.append((part, offset))
    return spans


def find_names(sentence: str, pools: Pools | None = None) -> list[_Name]:
    """Names in ``sentence`` with their kind (person, org, place, group) and speaker role.

    Capitalised phrases of no recognisable kind are left out. Example:
    ``find_names("Sen. Ann Lee said Ohio will vote.")`` finds "Ann Lee" (a speaker) and "Ohio".
    """
    pools = pools or Pools()
    names = []
    for text, start in _name_spans(sentence):
        end, titled = start + len(text), _is_titled(sentence, start)
        kind = _name_kind(text, titled, pools)
        if kind:
            names.append(_Name(text, start, end, kind, _is_speaker(sentence, start, end), titled))
    return names


def _person_parts(sentences: Sequence[str]) -> tuple[frozenset[str], frozenset[str]]:
    first, last = set(), set()
    for sentence in sentences:
        for text, start in _name_spans(sentence):
            words = text.split(" ")
            if _is_titled(sentence, start) and "." not in text and not text.isupper():
                last.add(words[-1])
                if 1 < len(words) <= 3:
                    first.add(words[0])
    not_people = PLACES | GROUPS | PARTIES | ORG_WORDS | PLACE_WORDS | TITLES | _NOT_NAMES
    return frozenset(first - not_people), frozenset(last - not_people)


def build_pools(sentences: Iterable[str]) -> Pools:
    """Collect names by kind, and person speakers, from ``sentences`` (sorted, unique).

    Example: ``build_pools(["Gov. Ann Lee said Ohio will vote."]).speakers == ("Ann Lee",)``.
    """
    sentences = list(sentences)
    first, last = _person_parts(sentences)
    known = Pools(first_names=first, surnames=last)
    by_kind: dict[str, set[str]] = {}
    speakers: set[str] = set()
    for sentence in sentences:
        for name in find_names(sentence, known):
            by_kind.setdefault(name.kind, set()).add(name.text)
            if name.speaker and name.kind == "person":
                speakers.add(name.text)
    entities = tuple((k, tuple(sorted(v))) for k, v in sorted(by_kind.items()))
    return Pools(entities, tuple(sorted(speakers)), first, last)


def _replacement(name: str, pool: Sequence[str], sentence: str, rng: random.Random,
                 number: bool = False) -> str | None:
    """Another name from ``pool``: same length, no word shared with ``name``.

    ``number=True`` also keeps singular or plural ("Democrats" -> "Republicans").
    """
    words = set(name.lower().split())
    options = [p for p in pool if p not in sentence and not words & set(p.lower().split())
               and (not number or p.endswith("s") == name.endswith("s"))]
    same_length = [p for p in options if len(p.split()) == len(name.split())]
    options = same_length or options
    head = name.split()[-1]
    if head in ORG_WORDS | PLACE_WORDS:  # "Justice Department" -> "Defense Department"
        options = [p for p in options if p.split()[-1] == head]
    return rng.choice(options) if options else None


def _fixed_name(sentence: str, name: _Name) -> bool:
    """Names a swap would garble: part of a longer name ("Court of Appeals"), "the United
    States", "Washington, D.C."."""
    after = sentence[name.end:]
    m = re.match(r"^ (?:of|for) (?:the )?([A-Z][a-z]*)", after)
    if m and m.group(1) not in WEEKDAYS and m.group(1) not in MONTHS:
        return True
    if name.kind not in ("country", "state", "city"):
        return False
    return bool(re.search(r"\bthe $", sentence[: name.start], flags=re.I) or re.match(
        r"^, (?:[A-Z]\.)+|^, [A-Z][a-z]{1,4}\.", after))


def corrupt_entity(sentence: str, rng: random.Random, pools: Pools | None = None) -> str | None:
    """Swap a named entity (not the speaker) for another of the same kind from ``pools``.

    Example: "Officials in Ohio said ..." -> "Officials in Texas said ..."
    """
    pools = pools or build_pools([sentence])
    edits = []
    for name in find_names(sentence, pools):
        if name.speaker or _fixed_name(sentence, name):
            continue
        pool = pools.of_kind(name.kind)
        if name.kind == "person" and " " not in name.text:  # "Biden" -> another surname
            pool = [p for p in pool if p in pools.surnames and p not in pools.first_names]
        new = _replacement(name.text, pool, sentence, rng, name.kind in ("group", "party"))
        if new:
            edits.append(_Edit(name.start, name.end, new))
    return _pick(rng, edits, sentence)


def corrupt_attribution(sentence: str, rng: random.Random,
                        pools: Pools | None = None) -> str | None:
    """Give a statement to another speaker: "X said" / "according to X" with X swapped.

    Example: "Smith said the plan would fail." -> "Garcia said the plan would fail."
    """
    pools = pools or build_pools([sentence])
    edits = []
    for name in find_names(sentence, pools):
        if name.speaker and name.kind == "person":
            new = _replacement(name.text, pools.speakers, sentence, rng)
            if new:
                edits.append(_Edit(name.start, name.end, new))
    return _pick(rng, edits, sentence)


CORRUPTIONS: dict[str, Corruption] = {
    "numeric": corrupt_numeric,
    "date": corrupt_date,
    "duration": corrupt_duration,
    "polarity": corrupt_polarity,
    "entity": corrupt_entity,
    "attribution": corrupt_attribution,
}


# ---------------------------------------------------------------- paraphrases

def _numeral_edits(sentence: str) -> list[_Edit]:
    edits = []
    for m in re.finditer(r"(?<![\w.,:/$€£-])([2-9])(?= [a-z]+s\b)", sentence):
        if not _is_identifier(sentence, m.start()):
            edits.append(_Edit(m.start(), m.end(), _SMALL_WORDS[int(m.group(1))]))
    words = "|".join(_SMALL_WORDS.values())
    for m in re.finditer(rf"(?<![\w-])({words})(?= [a-z]+s\b)", sentence):
        edits.append(_Edit(m.start(), m.end(), str(NUMBER_WORDS[m.group(1)])))
    return edits


def _percent_edits(sentence: str) -> list[_Edit]:
    edits = [_Edit(m.start(1), m.end(1), " percent")
             for m in re.finditer(r"\d(%)", sentence)]
    edits += [_Edit(m.start(1), m.end(1), "%")
              for m in re.finditer(r"\d( percent)\b", sentence)]
    return edits


def _said_edits(sentence: str) -> list[_Edit]:
    edits = []
    for m in re.finditer(r"(?<=[\w,] )(said|stated)\b(?! to\b)", sentence):
        prev = sentence[: m.start()].split()[-1].lower()
        if prev not in _NO_SUBJECT_BEFORE:
            edits.append(_Edit(m.start(), m.end(), "stated" if m.group(1) == "said" else "said"))
    return edits


def _contraction_edits(sentence: str) -> list[_Edit]:
    edits = []
    for m in re.finditer(r"\b(cannot|[a-z]+n['’]t)\b", sentence):
        full = "can" if m.group(1) == "cannot" else _CONTRACTED.get(m.group(1).replace("’", "'"))
        if full and m.group(1) != "cannot":
            edits.append(_Edit(m.start(), m.end(), "cannot" if full == "can" else f"{full} not"))
    for m in re.finditer(rf"\b({'|'.join(_AUX_NEGATION)}) not\b", sentence):
        short = "can't" if m.group(1) == "can" else _AUX_NEGATION[m.group(1)]
        if short:
            edits.append(_Edit(m.start(), m.end(), short.replace("'", _apostrophe(sentence))))
    return edits


def _date_format_edits(sentence: str) -> list[_Edit]:
    months = "|".join(MONTHS)
    edits = [_Edit(m.start(), m.end(), f"{m.group(2)} {m.group(1)}" + (
        f" {m.group(3)}" if m.group(3) else ""))
        for m in re.finditer(rf"\b({months}) (\d{{1,2}})(?:, (\d{{4}}))?\b(?!,\d)", sentence)]
    edits += [_Edit(m.start(), m.end(), f"{m.group(2)} {m.group(1)}" + (
        f", {m.group(3)}" if m.group(3) else ""))
        for m in re.finditer(rf"\b(\d{{1,2}}) ({months})(?: (\d{{4}}))?\b", sentence)]
    return edits


def _word_edits(sentence: str) -> list[_Edit]:
    edits = [_Edit(m.start(), m.end(), "") for m in
             re.finditer(rf"(?<=[a-z] )(?:{'|'.join(_DROPPABLE)}) (?=[a-z])", sentence)]
    edits += [_Edit(m.start(), m.end(), _SYNONYMS[m.group(1)]) for m in
              re.finditer(rf"(?<![\w-])({'|'.join(_SYNONYMS)})(?![\w-])", sentence)]
    return edits


_SUBJECT = re.compile(
    r"^(?P<x>(?:The|A|An|His|Her|Their|Its) [a-z]+(?: [a-z]+)?"
    rf"|{_NAME_WORD}(?: {_NAME_WORD}){{0,3}})"
    r" said,? (?:that )?(?P<y>[a-z][^\"“”]{15,}?)(?P<end>[.!])$"
)
_PREPOSITIONS = frozenset("on in at during after before last this that to with for".split())
_COMMON_SUBJECTS = frozenset(
    """Officials Police Authorities Experts Analysts Researchers Scientists Doctors
    Investigators Prosecutors Witnesses Residents Critics Economists Lawmakers Officers
    Organizers Sources""".split()
)


def _reorder(sentence: str) -> str | None:
    """ "X said (that) Y." -> "Y, X said." for plain reported speech without quotes."""
    m = _SUBJECT.match(sentence)
    if not m or " said" in m.group("y") or m.group("y").split()[0] in _PREPOSITIONS:
        return None
    x, y = m.group("x"), m.group("y").rstrip(",")
    if x.split()[0] in ("The", "A", "An", "His", "Her", "Their", "Its") or x in _COMMON_SUBJECTS:
        x = x[0].lower() + x[1:]
    elif " " not in x and x.endswith("s") and x not in GROUPS | PARTIES:
        return None  # "Officials" or "Williams"? not sure enough to move it
    return f"{y[0].upper()}{y[1:]}, {x} said{m.group('end')}"


def paraphrase(sentence: str, rng: random.Random, pools: Pools | None = None) -> str | None:
    """A light rewording that keeps every fact: numerals, "%", "said", contractions, order...

    Example: "Sales rose 5% in June, the company said." -> "Sales rose 5 percent in June, ..."
    """
    edits = (_numeral_edits(sentence) + _percent_edits(sentence) + _said_edits(sentence)
             + _contraction_edits(sentence) + _date_format_edits(sentence)
             + _word_edits(sentence))
    reordered = _reorder(sentence)
    if reordered and (not edits or rng.random() < 0.3):
        return reordered
    return _pick(rng, edits, sentence)


# ---------------------------------------------------------------- the set

def _generate(kind: str, make: Corruption, sentences: Sequence[str], rng: random.Random,
              pools: Pools, wanted: int) -> list[tuple[str, str]]:
    order = list(range(len(sentences)))
    rng.shuffle(order)
    made: list[tuple[str, str]] = []
    for i in order:
        if len(made) >= wanted:
            break
        changed = make(sentences[i], rng, pools)
        if changed and " ".join(changed.split()) != " ".join(sentences[i].split()):
            made.append((sentences[i], changed))
    if len(made) < wanted:
        logger.warning("only %d of %d %s pairs could be made", len(made), wanted, kind)
    return made


def make_synthetic(sentences: Sequence[str], seed: int = 0, per_kind: int = 50,
                   paraphrases: int | None = None, name: str = "synthetic") -> LabelledSet:
    """Corrupted (contradiction) and paraphrased (not) pairs from news sentences.

    ``per_kind`` pairs are made for each kind in :data:`KINDS` and ``paraphrases``
    (default ``2 * per_kind``) paraphrase pairs; each kind has its own seeded
    random stream, so the set depends only on ``sentences`` and ``seed``.

    Example: ``make_synthetic(news_sentences("eval"), seed=0, per_kind=100)``.
    """
    pools = build_pools(sentences)
    pairs: list[LabelledPair] = []
    jobs = [(kind, fn, per_kind) for kind, fn in CORRUPTIONS.items()]
    jobs.append(("paraphrase", paraphrase, 2 * per_kind if paraphrases is None else paraphrases))
    for kind, fn, wanted in jobs:
        rng = random.Random(f"{seed}:{kind}")
        corrupt = kind != "paraphrase"
        for n, (a, b) in enumerate(_generate(kind, fn, sentences, rng, pools, wanted)):
            pairs.append(LabelledPair(id=f"{name}-{kind}-{n}", claim_a=a, claim_b=b,
                                      contradiction=corrupt, gold=kind,
                                      type=kind if corrupt else None))
    return LabelledSet(name, tuple(pairs))
