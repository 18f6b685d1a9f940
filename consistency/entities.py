"""Named-entity spans, speakers and subjects, from capitalisation and word order alone.

The typed checks (polarity, attribution, entity) need to know *who* a sentence
is about. No tagger is loaded: a name is a run of capitalised words that is not
a sentence-initial common word, a month, a weekday or a title; a speaker is the
name next to a speech verb ("X said", "said X", "according to X"); the actor of
a verb is the name (or resolved "the company" / "it") just before its verb group.

All spans are character offsets into the text given, so checks can quote the
exact words. Curly apostrophes are read as straight ones without moving offsets.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from consistency.text import STOPWORDS, Token, normalize_apostrophes, stem, tokenize

logger = logging.getLogger(__name__)

MONTHS = frozenset(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec".split()
)
WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())

#: Titles before a person's name; they split "Microsoft President Brad Smith" in two.
TITLES = frozenset(
    """mr mrs ms dr prof professor president vice prime minister senator sen rep representative
    governor gov mayor chancellor chairman chairwoman chair ceo cfo spokesman spokeswoman
    spokesperson sheriff pope king queen prince princess secretary""".split()
)

#: Stems of TITLES: words of a person's role, not of what the person did or said.
TITLE_STEMS = frozenset(stem(w) for w in TITLES)

#: Lower-case role words that may sit between an organisation and a person ("X's president Y").
ROLE_WORDS = TITLES | frozenset(
    """chief executive head director founder official leader analyst lawyer attorney
    officer spokesman co-founder owner manager editor""".split()
)

#: Words that open English sentences with a capital but are not names.
_OPENERS = frozenset(
    """after although though despite however meanwhile moreover furthermore instead still yet
    last next earlier later now today yesterday tomorrow tonight since until unless because
    once even many several one two three four five police officials authorities residents
    critics experts analysts lawmakers protesters researchers witnesses sources investors
    shares sales prices amid among following asked speaking overall finally also both neither
    either every another nearly almost around less people officers firefighters workers
    voters students companies company government nobody everyone everybody someone nothing
    never not no last several thousands hundreds dozens millions meanwhile separately
    indeed instead elsewhere already sometimes often local federal national regional state
    small large big major new former top senior young early late private public foreign
    international global rival other such this that these those""".split()
)

#: Heads of names that take "of"/"for"/"on": "Bank of England", "Committee on Ethics".
_ORG_HEADS = frozenset(
    """department bank university ministry board bureau office institute council court house
    secretary museum college school church republic kingdom state states city federation
    association union society league chamber committee commission agency centre center
    foundation party army academy corporation fund organization organisation centers centres
    school""".split()
)
_HEAD_CONNECTORS = frozenset({"of", "for", "on"})
_PARTICLES = frozenset({"de", "van", "von", "der", "del", "da", "di", "al", "bin", "la", "le"})

#: Verbs of saying that mark a speaker.
SPEECH_VERBS = frozenset(
    """said says say told tells tell announced announces announce claimed claims stated states
    denied denies added adds explained explains wrote writes reported reports confirmed confirms
    insisted insists argued argues warned warns noted notes acknowledged admitted tweeted
    declared declares stressed""".split()
)
_INVERTED_VERBS = frozenset({"said", "says", "added", "wrote", "explained", "noted", "told"})

#: Words allowed between an actor and its verb: auxiliaries, negators, adverbs, catenatives.
VERB_GROUP_WORDS = frozenset(
    """not never no longer also still currently previously now then already just recently once
    reportedly again later publicly repeatedly first further earlier to has have had is are was
    were be been being am will would shall can could may might must should does do did continue
    continues continued plans plan planned intends intend intended refuse refuses refused
    decline declines declined fail fails failed stop stops stopped halt halts halted cease
    ceases ceased end ends ended suspend suspends suspended ban bans banned deny denies denied
    going expects expected aims aimed wants wanted hopes hoped agreed agrees decided decides
    tried tries""".split()
)

#: Pronouns and nouns that refer back to the article's main entity.
_REFERRING_PRONOUNS = frozenset({"it", "he", "she"})
_REFERRING_NOUNS = frozenset(
    "company firm group giant corporation business maker retailer carmaker startup "
    "start-up conglomerate".split()
)
_LISTING = frozenset({"and", ",", "or", "&"})
_TITLE_CASE_EXEMPT = frozenset(
    "a an the and or nor but of to in on at for by with from as vs via".split()
)
_QUOTES = frozenset({'"', "'", "(", "[", "“", "‘"})

_US = frozenset({"us", "usa", "united states", "united states of america", "america"})
_UK = frozenset({"uk", "united kingdom", "britain", "great britain"})
_COUNTRY_ALIASES = (
    _US,
    _UK,
    frozenset({"eu", "european union"}),
    frozenset({"un", "united nations"}),
    frozenset({"nyc", "new york city"}),
    frozenset({"gop", "republican", "republicans", "republican party"}),
)
#: Demonyms that do not share a stem with their place (regular ones are found by
#: :func:`same_place`: Korea / Korean, China / Chinese, Iraq / Iraqi).
_IRREGULAR_DEMONYMS = {
    "britain": "british", "uk": "british", "england": "english", "scotland": "scottish",
    "wales": "welsh", "ireland": "irish", "spain": "spanish", "france": "french",
    "netherlands": "dutch", "holland": "dutch", "switzerland": "swiss", "greece": "greek",
    "turkey": "turkish", "poland": "polish", "denmark": "danish", "sweden": "swedish",
    "finland": "finnish", "philippines": "filipino", "thailand": "thai", "peru": "peruvian",
    "afghanistan": "afghan", "kuwait": "kuwaiti",
}


#: Common English short forms of given names ("Bill Barr" is "William Barr"), each to
#: the full name it shortens.
_GIVEN_NAMES = {
    **dict.fromkeys(("bill", "billy", "willie"), "william"),
    **dict.fromkeys(("bob", "bobby", "rob", "robbie"), "robert"),
    **dict.fromkeys(("jim", "jimmy", "jamie"), "james"),
    **dict.fromkeys(("mike", "mikey", "mick", "mickey"), "michael"),
    **dict.fromkeys(("joe", "joey"), "joseph"),
    **dict.fromkeys(("tom", "tommy"), "thomas"),
    **dict.fromkeys(("dick", "rick", "ricky", "rich", "richie"), "richard"),
    **dict.fromkeys(("ted", "ed", "eddie"), "edward"),
    **dict.fromkeys(("chuck", "charlie"), "charles"),
    **dict.fromkeys(("dave", "davey"), "david"),
    **dict.fromkeys(("steve", "stevie"), "steven"),
    "stephen": "steven", "tony": "anthony", "andy": "andrew",
    "chris": "christopher", "nick": "nicholas", "pat": "patrick", "pete": "peter",
    "matt": "matthew", "jon": "jonathan", "tim": "timothy", "greg": "gregory",
    "jeff": "jeffrey", "geoff": "geoffrey", "jerry": "gerald", "larry": "lawrence",
    "ron": "ronald", "ronnie": "ronald", "don": "donald", "ken": "kenneth",
    "fred": "frederick", "hank": "henry", "harry": "henry", "jack": "john",
    "johnny": "john", "abe": "abraham", "mitch": "mitchell", "newt": "newton",
    "liz": "elizabeth", "beth": "elizabeth", "betsy": "elizabeth", "kate": "katherine",
    "kathy": "katherine", "cathy": "catherine", "jenny": "jennifer", "sue": "susan",
    "peggy": "margaret", "meg": "margaret", "maggie": "margaret",
    "becky": "rebecca", "vicky": "victoria", "debbie": "deborah", "patty": "patricia",
}


@dataclass(frozen=True)
class Span:
    """A name as it appears in a text: ``text == source[start:end]``."""

    text: str
    start: int
    end: int

    @property
    def is_acronym(self) -> bool:
        letters = [c for c in self.text if c.isalpha()]
        return len(letters) >= 2 and all(c.isupper() for c in letters)


@dataclass(frozen=True)
class Speaker:
    """Who a sentence attributes a statement to.

    ``kind`` is ``"name"`` (a name span), ``"noun"`` ("the police") or
    ``"pronoun"`` ("he", "the company"); ``affiliation`` is the organisation in
    "Microsoft's president Brad Smith". ``text == source[start:end]``.
    """

    text: str
    start: int
    end: int
    verb: str
    kind: str = "name"
    affiliation: str | None = None


@dataclass(frozen=True)
class _Parsed:
    text: str
    tokens: tuple[Token, ...]
    names: tuple[Span, ...]


# ---------------------------------------------------------------------------
# Name spans
# ---------------------------------------------------------------------------


def _is_capitalised(tok: Token) -> bool:
    return tok.text[0].isupper() and any(c.isalpha() for c in tok.text)


def _is_acronym_token(tok: Token) -> bool:
    letters = [c for c in tok.text if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def _bare(word: str) -> str:
    """``word`` without a possessive ending: ``Microsoft's`` -> ``Microsoft``."""
    if word.endswith("'s") or word.endswith("'S"):
        return word[:-2]
    return word[:-1] if word.endswith("'") else word


def _is_possessive(tok: Token) -> bool:
    return tok.text != _bare(tok.text)


def _sentence_initial(tokens: tuple[Token, ...], i: int) -> bool:
    k = i - 1
    while k >= 0 and tokens[k].text in _QUOTES:
        k -= 1
    return k < 0 or tokens[k].text in {".", "!", "?", ":"}


def _looks_like_heading(tokens: tuple[Token, ...]) -> bool:
    """Title Case or ALL CAPS text, where capitals say nothing about names."""
    alpha = [t for t in tokens if t.text.isalpha()]
    lower = [t for t in alpha if t.text[0].islower() and t.lower not in _TITLE_CASE_EXEMPT]
    return len(alpha) >= 3 and not lower


def _name_word(tok: Token, continuing: bool = False) -> bool:
    """A capitalised token that can be part of a name (``continuing`` one: "Omar Said")."""
    if not _is_capitalised(tok):
        return False
    low = _bare(tok.lower)
    if low in TITLES or low in MONTHS or low in WEEKDAYS or low == "the":
        return False
    if continuing and low not in _TITLE_CASE_EXEMPT:
        return True
    return _is_acronym_token(tok) or low not in STOPWORDS


def _starts_name(tokens: tuple[Token, ...], i: int, lowered: frozenset[str]) -> bool:
    tok = tokens[i]
    if not _name_word(tok) or tok.text[0].isdigit():
        return False
    if _is_acronym_token(tok) or not _sentence_initial(tokens, i):
        return True
    low = _bare(tok.lower)
    common = low in _OPENERS or low in lowered or low.endswith("ly") or low.endswith("ing")
    return not common


def _continues_name(tokens: tuple[Token, ...], j: int) -> int:
    """How many tokens from ``j`` extend the name before it (0 when none)."""
    prev, tok = tokens[j - 1], tokens[j]
    if _is_possessive(prev):
        return 0
    if _name_word(tok, continuing=True) and tok.start - prev.end <= 1:
        return 1
    if j + 1 < len(tokens) and _name_word(tokens[j + 1]):
        head_ok = tok.lower in _HEAD_CONNECTORS and _bare(prev.lower) in _ORG_HEADS
        if head_ok or tok.lower in _PARTICLES:
            return 2
    return 0


def _make_span(text: str, tokens: tuple[Token, ...]) -> Span:
    start, end = tokens[0].start, tokens[-1].end
    end -= len(tokens[-1].text) - len(_bare(tokens[-1].text))
    return Span(text[start:end], start, end)


def _find_names(text: str, tokens: tuple[Token, ...]) -> tuple[Span, ...]:
    if _looks_like_heading(tokens):
        return ()
    lowered = frozenset(t.text for t in tokens if t.text.islower())
    spans, i = [], 0
    while i < len(tokens):
        if not _starts_name(tokens, i, lowered):
            i += 1
            continue
        j = i + 1
        while j < len(tokens) and (step := _continues_name(tokens, j)):
            j += step
        spans.append(_make_span(text, tokens[i:j]))
        i = j
    return tuple(spans)


@lru_cache(maxsize=4096)
def _parse(text: str) -> _Parsed:
    tokens = tuple(tokenize(normalize_apostrophes(text)))
    return _Parsed(text, tokens, _find_names(text, tokens))


def name_spans(text: str) -> list[Span]:
    """Capitalised names in ``text`` with their spans.

    >>> [s.text for s in name_spans("On Monday, Microsoft President Brad Smith met the ACLU.")]
    ['Microsoft', 'Brad Smith', 'ACLU']
    """
    return list(_parse(text).names)


# ---------------------------------------------------------------------------
# Comparing names
# ---------------------------------------------------------------------------


def _name_words(name: str) -> list[str]:
    """Lower-cased words of a name, accents dropped ("Moïse": "moise"); hyphens split
    ("Manning-WikiLeaks": two words)."""
    text = normalize_apostrophes(_fold_accents(name)).replace(".", "").replace("-", " ")
    return [w for w in (_bare(w).lower() for w in text.split()) if w]


def _fold_accents(text: str) -> str:
    """``text`` without combining accents: "Moïse" -> "Moise", "São Paulo" -> "Sao Paulo"."""
    if text.isascii():
        return text
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def initials(name: str) -> str:
    """The acronym a multi-word name would have: ``initials("American Civil Liberties Union")``
    is ``"ACLU"``. Connectors ("of", "for", "the", "and") are skipped."""
    skip = _HEAD_CONNECTORS | _PARTICLES | {"the", "and", "&"}
    return "".join(w[0] for w in _name_words(name) if w not in skip).upper()


def _alias(name: str) -> str:
    key = " ".join(_name_words(name))
    for group in _COUNTRY_ALIASES:
        if key in group:
            return min(group)
    return key


def same_entity(a: str, b: str) -> bool:
    """Whether two name strings can refer to the same entity.

    Partial names, possessives, acronyms and common country forms count:
    ``same_entity("Brad Smith", "Smith")``, ``same_entity("ACLU", "American Civil
    Liberties Union")`` and ``same_entity("U.S.", "United States")`` are all true;
    ``same_entity("Brad Smith", "John Smith")`` is false.
    """
    wa, wb = _name_words(a), _name_words(b)
    if not wa or not wb:
        return False
    if _alias(a) == _alias(b):
        return True
    if _words_within(wa, wb) or _words_within(wb, wa):
        return True
    if len(wa) >= 2 and len(wb) >= 2 and wa[-2:] == wb[-2:]:
        return True  # "Iron Lady Margaret Thatcher" / "British PM Margaret Thatcher"
    ka, kb = _alias(a).split(), _alias(b).split()
    if (ka, kb) != (wa, wb) and (_words_within(ka, kb) or _words_within(kb, ka)):
        return True  # "NYC" vs "New York": "new york city" holds "new york"
    if _acronym_of(a, b) or _acronym_of(b, a):
        return True
    # a one-word name spelling the other's initials, in any case ("Aclu")
    joined_a, joined_b = "".join(wa), "".join(wb)
    if len(wa) == 1 and len(wb) > 1 and joined_a.upper() == initials(b):
        return True
    return len(wb) == 1 and len(wa) > 1 and joined_b.upper() == initials(a)


def same_body(a: str, b: str) -> bool:
    """Whether two organisation names can be parts of one body: both are organisations
    (a head such as "department", "bureau") and they share a word that is not a head
    ("Bureau of Labor Statistics" / "Labor Department": labor). People never are."""
    wa, wb = set(_name_words(a)), set(_name_words(b))
    if not (wa & _ORG_HEADS and wb & _ORG_HEADS):
        return False
    skip = _ORG_HEADS | _HEAD_CONNECTORS | _PARTICLES | {"the", "and", "&", "us", "u", "s"}
    return bool((wa & wb) - skip)


def _words_within(x: list[str], y: list[str]) -> bool:
    """Every word of ``x`` stands for a word of ``y``: the same word, its demonym ("North
    Korean" in "North Korea"), its short form ("N Korea", "Pak", "Lit Fest") or a spelling
    variant of a long name ("Rowhani" / "Rohani", "Taliban" / "Taleban")."""
    return all(any(_same_word(w, v) for v in y) for w in x)


def _same_word(w: str, v: str) -> bool:
    if w == v or same_place(w, v) or _alias(w) == _alias(v):
        return True
    if _GIVEN_NAMES.get(w, w) == _GIVEN_NAMES.get(v, v):  # "bill" / "william"
        return True
    short, long_ = sorted((w, v), key=len)
    # "n" / "north", "pak" / "pakistan", "fest" / "festival"; two letters are an acronym
    # rather than a short form ("UK" is not "Ukraine")
    if len(short) in (1, 3, 4) and len(long_) > len(short) and long_.startswith(short):
        return True
    return min(len(w), len(v)) >= 6 and w[0] == v[0] and _one_edit(w, v)


def _one_edit(x: str, y: str) -> bool:
    """Whether ``x`` becomes ``y`` by one insertion, deletion, substitution or swap of
    neighbouring letters (Damerau distance 1)."""
    if abs(len(x) - len(y)) > 1:
        return False
    i = 0
    while i < min(len(x), len(y)) and x[i] == y[i]:
        i += 1
    if len(x) == len(y):
        swapped = i + 1 < len(x) and x[i] == y[i + 1] and x[i + 1] == y[i]
        return x[i + 1:] == y[i + 1:] or (swapped and x[i + 2:] == y[i + 2:])
    longer, shorter = (x, y) if len(x) > len(y) else (y, x)
    return longer[i + 1:] == shorter[i:]


def _acronym_of(acronym_name: str, name: str) -> bool:
    """Whether a short capitalised word of ``acronym_name`` stands for a run of words of
    ``name`` and the remaining words agree: "Kenya SC" / "Kenya Supreme Court", "BoE" /
    "Bank of England", "USGS" / "US Geological Survey"."""
    words = normalize_apostrophes(acronym_name).replace(".", "").split()
    others = normalize_apostrophes(name).replace(".", "").split()
    for k, word in enumerate(words):
        letters = "".join(ch for ch in word if ch.isupper())
        if not 2 <= len(letters) <= 6 or len(letters) < len(word) - 2:
            continue
        forms = {letters, word.upper()}
        rest = [w.lower() for w in words[:k] + words[k + 1:]]
        for start in range(len(others)):
            for end in range(start + 1, len(others) + 1):
                if forms & _run_initials(others[start:end]) and _words_within(
                        rest, [w.lower() for w in others[:start] + others[end:]]):
                    return True
    return False


def _run_initials(run: list[str]) -> set[str]:
    """Acronyms a run of words can have: first letters, with or without the connectors,
    an all-capitals word giving all its letters ("US Geological Survey" -> "USGS")."""
    skip = _HEAD_CONNECTORS | _PARTICLES | {"the", "and", "&"}

    def part(w: str) -> str:
        return w if w.isupper() and len(w) <= 4 else w[0].upper()

    return {"".join(part(w) for w in run if w.lower() not in skip),
            "".join(part(w) for w in run)}


#: Countries by their usual English short names (more forms in _COUNTRY_ALIASES). Left
#: out: names that in news are as often a US state or a person (Georgia, Jordan, Chad,
#: Holland), since a country exempts the other name from an entity conflict.
COUNTRIES = frozenset("""
    afghanistan albania algeria andorra angola argentina armenia australia austria azerbaijan
    bahamas bahrain bangladesh barbados belarus belgium belize benin bhutan bolivia bosnia
    botswana brazil brunei bulgaria burkina burundi cambodia cameroon canada chile china
    colombia comoros congo croatia cuba cyprus czechia denmark djibouti dominica ecuador egypt
    eritrea estonia eswatini ethiopia fiji finland france gabon gambia germany ghana
    greece grenada guatemala guinea guyana haiti honduras hungary iceland india indonesia iran
    iraq ireland israel italy jamaica japan kazakhstan kenya kiribati kosovo kuwait
    kyrgyzstan laos latvia lebanon lesotho liberia libya liechtenstein lithuania luxembourg
    madagascar malawi malaysia maldives mali malta mauritania mauritius mexico micronesia moldova
    monaco mongolia montenegro morocco mozambique myanmar burma namibia nauru nepal netherlands
    nicaragua niger nigeria norway oman pakistan palau palestine panama paraguay peru
    philippines poland portugal qatar romania russia rwanda samoa senegal serbia seychelles
    singapore slovakia slovenia somalia spain sudan suriname sweden switzerland syria taiwan
    tajikistan tanzania thailand togo tonga tunisia turkey turkmenistan tuvalu uganda ukraine
    uruguay uzbekistan vanuatu venezuela vietnam yemen zambia zimbabwe england scotland wales
    """.split()) | frozenset({
        "north korea", "south korea", "new zealand", "saudi arabia", "south africa",
        "sri lanka", "costa rica", "el salvador", "sierra leone", "south sudan", "east timor",
        "ivory coast", "cape verde", "dominican republic", "czech republic", "north macedonia",
        "papua new guinea", "united arab emirates", "uae"}) | _US | _UK
_PLACE_ENDINGS = ("", "a", "e", "o", "y")
_DEMONYM_ENDINGS = ("n", "an", "ian", "ean", "ese", "i", "ish")


def is_country(name: str) -> bool:
    """Whether a name is a country's: ``is_country("U.S.")`` and ``is_country("Israel")``
    are true, ``is_country("Tel Aviv")`` is false."""
    return " ".join(_name_words(name)) in COUNTRIES


def may_contain(a: str, b: str) -> bool:
    """Whether one name is a country and the other is not: the other may lie inside it
    ("Tel Aviv" / "Israel", "Arizona" / "US"), so the two can both be right."""
    return is_country(a) != is_country(b)


def same_place(x: str, y: str) -> bool:
    """Whether one word is the other's demonym: Korea/Korean, China/Chinese, Italy/Italian.

    The words share a stem of at least four letters; what is left is a place
    ending on one side and a demonym ending on the other ("Johns" / "Johnson": no).
    """
    x, y = x.lower(), y.lower()
    if _IRREGULAR_DEMONYMS.get(x) == y or _IRREGULAR_DEMONYMS.get(y) == x:
        return True
    if x.endswith("s") != y.endswith("s"):  # a plural demonym: "Syrians" / "Syria"
        plural, single = (x, y) if x.endswith("s") else (y, x)
        if plural[:-1] != single and same_place(plural[:-1], single):
            return True
    n = 0
    while n < min(len(x), len(y)) and x[n] == y[n]:
        n += 1
    if n < 4 or x == y:
        return False
    rx, ry = x[n:], y[n:]
    return (rx in _PLACE_ENDINGS and ry in _DEMONYM_ENDINGS) or (
        ry in _PLACE_ENDINGS and rx in _DEMONYM_ENDINGS)


# ---------------------------------------------------------------------------
# Speakers
# ---------------------------------------------------------------------------


def _span_ending_at(parsed: _Parsed, tok: Token) -> Span | None:
    for span in parsed.names:
        if span.start <= tok.start and _bare(tok.text) and span.end == tok.end - (
            len(tok.text) - len(_bare(tok.text))
        ):
            return span
    return None


def _span_starting_at(parsed: _Parsed, tok: Token) -> Span | None:
    return next((s for s in parsed.names if s.start == tok.start), None)


def _index_at(parsed: _Parsed, offset: int) -> int:
    """The index of the first token that starts at or after ``offset``."""
    return next((i for i, t in enumerate(parsed.tokens) if t.start >= offset), len(parsed.tokens))


def _affiliation_before(parsed: _Parsed, span: Span) -> str | None:
    """The organisation in "Microsoft's president <span>" or "Microsoft President <span>"."""
    k = _index_at(parsed, span.start) - 1
    steps = 0
    while k >= 0 and _bare(parsed.tokens[k].lower) in ROLE_WORDS and steps < 3:
        k, steps = k - 1, steps + 1
    if steps == 0 or k < 0:
        return None
    org = _span_ending_at(parsed, parsed.tokens[k])
    return org.text if org else None


def _name_speaker(parsed: _Parsed, span: Span, verb: str) -> Speaker:
    return Speaker(span.text, span.start, span.end, verb, "name", _affiliation_before(parsed, span))


def _noun_phrase_before(parsed: _Parsed, k: int, verb: str) -> Speaker | None:
    """ "the police said" / "local officials said" / "it said" -> a noun or pronoun speaker."""
    tokens = parsed.tokens
    tok = tokens[k]
    if tok.lower in _REFERRING_PRONOUNS or tok.lower in {"they", "we"}:
        return Speaker(tok.text, tok.start, tok.end, verb, "pronoun")
    if not tok.text.isalpha() or tok.lower in STOPWORDS | ROLE_WORDS:
        return None
    if tok.text[0].isupper() and not _sentence_initial(parsed.tokens, k):
        return None
    if tok.lower in _REFERRING_NOUNS and k > 0 and tokens[k - 1].lower == "the":
        start = tokens[k - 1].start
        return Speaker(parsed.text[start:tok.end], start, tok.end, verb, "pronoun")
    first = k - 1 if k > 0 and _modifier(tokens, k - 1) else k
    start = tokens[first].start
    return Speaker(parsed.text[start:tok.end], start, tok.end, verb, "noun")


def _modifier(tokens: tuple[Token, ...], k: int) -> bool:
    """A lower-case word before a noun ("local" police), capitalised only at sentence start."""
    tok = tokens[k]
    if not tok.text.isalpha() or tok.lower in STOPWORDS | ROLE_WORDS:
        return False
    return tok.text.islower() or _sentence_initial(tokens, k)


def _speaker_before(parsed: _Parsed, v: int) -> Speaker | None:
    """ "X said", "X also stated", "X, the firm's lawyer, said"."""
    tokens, verb = parsed.tokens, parsed.tokens[v].lower
    k = v - 1
    while k >= 0 and tokens[k].lower in {"also", "has", "have", "had", "later", "again",
                                         "previously", "then", "publicly", "reportedly"}:
        k -= 1
    if k < 0:
        return None
    span = _span_ending_at(parsed, tokens[k])
    if span:
        place = _place_of_noun(parsed, span)
        if place is not None:
            return _noun_phrase_before(parsed, place, verb)
        return _name_speaker(parsed, span, verb)
    if tokens[k].text == ",":
        for c in range(k - 1, max(-1, k - 10), -1):
            if tokens[c].text == "," and c > 0:
                span = _span_ending_at(parsed, tokens[c - 1])
                return _name_speaker(parsed, span, verb) if span else None
        return None
    return _noun_phrase_before(parsed, k, verb)


def _place_of_noun(parsed: _Parsed, span: Span) -> int | None:
    """The noun's index when ``span`` only says where a common-noun speaker is, or
    what body the speaker belongs to.

    In "the top commander in the Middle East said" the speaker is the commander,
    not the Middle East; in "a Democratic member of the House Judiciary Committee
    says", a member, not the committee: a name after "in" or "of" that follows a
    lower-case noun (not a role: "the chairman of Acme" speaks for Acme).
    """
    tokens = parsed.tokens
    k = _index_at(parsed, span.start) - 1
    if k >= 0 and tokens[k].lower == "the":
        k -= 1
    if k < 1 or tokens[k].lower not in ("in", "of"):
        return None
    noun = tokens[k - 1]
    if tokens[k].lower == "of" and noun.lower in ROLE_WORDS:
        return None  # "the chairman of Acme said": he speaks for Acme
    lower = noun.text.islower() or _sentence_initial(tokens, k - 1)
    return k - 1 if noun.text.isalpha() and lower else None


def _name_after(parsed: _Parsed, k: int, verb: str) -> Speaker | None:
    """The speaker in "said Smith" / "according to Microsoft's president Brad Smith"."""
    tokens = parsed.tokens
    steps = 0
    while k < len(tokens) and steps < 4:
        span = _span_starting_at(parsed, tokens[k])
        if span:
            later = _name_after_role(parsed, span)
            return _name_speaker(parsed, later or span, verb)
        if tokens[k].lower not in ROLE_WORDS | {"the", "a", "an"}:
            return None
        k, steps = k + 1, steps + 1
    return None


def _name_after_role(parsed: _Parsed, span: Span) -> Span | None:
    k = _index_at(parsed, span.end)
    tokens = parsed.tokens
    steps = 0
    while k < len(tokens) and _bare(tokens[k].lower) in ROLE_WORDS and steps < 3:
        k, steps = k + 1, steps + 1
    return _span_starting_at(parsed, tokens[k]) if steps and k < len(tokens) else None


def _according_to(parsed: _Parsed, k: int) -> Speaker | None:
    tokens = parsed.tokens
    named = _name_after(parsed, k, "according to")
    if named:
        return named
    if k < len(tokens) and tokens[k].lower == "the":
        k += 1
    end = k
    while end < len(tokens) and end - k < 3 and tokens[end].text.isalpha() and (
        tokens[end].text.islower() and tokens[end].lower not in STOPWORDS
    ):
        end += 1
    if end == k:
        return None
    start, stop = tokens[k].start, tokens[end - 1].end
    return Speaker(parsed.text[start:stop], start, stop, "according to", "noun")


def speakers(text: str) -> list[Speaker]:
    """Who ``text`` says is speaking, in order of appearance.

    >>> [s.text for s in speakers('"It failed," said Jones, and Microsoft\\'s president '
    ...                            'Brad Smith told reporters so.')]
    ['Jones', 'Brad Smith']
    """
    parsed = _parse(text)
    tokens = parsed.tokens
    found: dict[int, Speaker] = {}
    for v, tok in enumerate(tokens):
        speaker = None
        if tok.lower == "according" and v + 1 < len(tokens) and tokens[v + 1].lower == "to":
            speaker = _according_to(parsed, v + 2)
        elif tok.lower in SPEECH_VERBS and tok.text.islower() and not _told_to(tokens, v):
            if tok.lower in _INVERTED_VERBS and v > 0 and tokens[v - 1].text in {",", '"', "'"}:
                speaker = _name_after(parsed, v + 1, tok.lower)
            speaker = speaker or _speaker_before(parsed, v)
        if speaker and speaker.start not in found:
            found[speaker.start] = speaker
    tag = _headline_tag(parsed)
    if tag and tag.start not in found:
        found[tag.start] = tag
    return sorted(found.values(), key=lambda s: s.start)


def _told_to(tokens: list, v: int) -> bool:
    """'Hospitals told to send data': a headline's passive, whose subject is told."""
    return (tokens[v].lower in ("told", "tells", "tell") and v + 1 < len(tokens)
            and tokens[v + 1].lower == "to")


_TAG = re.compile(r"\s[-–—]\s+([^-–—]+?)\s*$")


def _headline_tag(parsed: _Parsed) -> Speaker | None:
    """The source tag closing a headline: "President killed in 'barbaric act' - PM"."""
    m = _TAG.search(parsed.text)
    if not m:
        return None
    span = next((s for s in parsed.names if (s.start, s.end) == m.span(1)), None)
    return Speaker(span.text, span.start, span.end, "-") if span else None


# ---------------------------------------------------------------------------
# Subjects and actors
# ---------------------------------------------------------------------------


def resolve(word: str, subject: str | None) -> str | None:
    """``subject`` when ``word`` refers back to it ("it", "he", "the company"), else None."""
    words = normalize_apostrophes(word).lower().split()
    if not words or subject is None:
        return None
    if len(words) == 1 and words[0] in _REFERRING_PRONOUNS:
        return subject
    if len(words) == 2 and words[0] == "the" and words[1] in _REFERRING_NOUNS:
        return subject
    return None


def _name_list_before(parsed: _Parsed, k: int) -> tuple[str, ...]:
    """Names ending at token ``k`` and those listed before it: "IBM, Amazon and Acme"."""
    tokens, names = parsed.tokens, []
    while k >= 0:
        span = _span_ending_at(parsed, tokens[k])
        if not span:
            break
        names.append(span.text)
        k = _index_at(parsed, span.start) - 1
        while k >= 0 and tokens[k].lower in _LISTING | {"finally", "also"}:
            k -= 1
    return tuple(reversed(names))


def _antecedent(parsed: _Parsed, k: int) -> tuple[str, ...]:
    """The names a relative pronoun at ``k`` refers to ("Acme and Beta, two firms that ...")."""
    tokens = parsed.tokens
    names = _name_list_before(parsed, k - 1)
    if names:
        return names
    c = k - 1
    while c >= 0 and c > k - 5 and tokens[c].text.isalnum() and tokens[c].text[0].islower():
        c -= 1
    if c < k - 1 and c > 0 and tokens[c].text == ",":
        return _name_list_before(parsed, c - 1)
    return ()


def _subject_at(parsed: _Parsed, k: int, subject: str | None) -> tuple[str, ...]:
    tokens = parsed.tokens
    tok = tokens[k]
    names = _name_list_before(parsed, k)
    if names:
        return names
    if tok.lower in {"that", "which", "who"}:
        return _antecedent(parsed, k)
    two = f"{tokens[k - 1].lower} {tok.lower}" if k > 0 else tok.lower
    noun = two != tok.lower and resolve(two, "x") is not None
    if tok.lower in _REFERRING_PRONOUNS | {"they"} or noun:
        reporter = _reporter_before(parsed, k - 1 if noun else k)
        if reporter:
            return reporter
    resolved = resolve(tok.lower, subject) or resolve(two, subject)
    if resolved or noun:
        return (resolved,) if resolved else ()
    if tok.text.isalpha() and tok.text.islower() and tok.lower not in STOPWORDS:
        return (tok.lower,)
    return ()


def _reporter_before(parsed: _Parsed, k: int) -> tuple[str, ...]:
    """The names in "Acme said (that) it ...": who a reported pronoun at ``k`` refers to."""
    tokens = parsed.tokens
    j = k - 1
    if j >= 0 and tokens[j].lower == "that":
        j -= 1
    if j < 1 or tokens[j].lower not in SPEECH_VERBS:
        return ()
    return _name_list_before(parsed, j - 1)


def actors_before(text: str, offset: int, subject: str | None = None) -> tuple[str, ...]:
    """Who does the verb whose group starts at ``offset`` (character index in ``text``).

    Auxiliaries, negators and adverbs before ``offset`` are skipped; the names
    listed just before are the actors; "it" / "the company" resolve to ``subject``;
    a relative "that"/"which"/"who" takes the names it refers to; a common noun
    subject is returned lower-cased; anything else gives ``()``.

    >>> actors_before("Acme and Beta, two firms that provided it", 29)
    ('Acme', 'Beta')
    """
    parsed = _parse(text)
    k = _index_at(parsed, offset) - 1
    while k >= 0 and parsed.tokens[k].lower in VERB_GROUP_WORDS | {"n't"}:
        k -= 1
    return _subject_at(parsed, k, subject) if k >= 0 else ()


def sentence_subject(text: str, subject: str | None = None) -> str | None:
    """A guess at what ``text`` is about: the first name before its first verb.

    A leading phrase closed by a comma ("On Monday, ...") is skipped; "it",
    "he", "she", "the company", "the firm" resolve to ``subject``.

    >>> sentence_subject("On Monday, the firm said it would close.", subject="Acme")
    'Acme'
    """
    parsed = _parse(text)
    tokens = parsed.tokens
    start = _main_clause_start(tokens)
    for k in range(start, len(tokens)):
        tok = tokens[k]
        span = _span_starting_at(parsed, tok)
        if span:
            return span.text
        two = f"{tok.lower} {tokens[k + 1].lower}" if k + 1 < len(tokens) else ""
        resolved = resolve(tok.lower, subject) or resolve(two, subject)
        if resolved or _verb_like(tok):
            return resolved
    return None


def _main_clause_start(tokens: tuple[Token, ...]) -> int:
    first = next((i for i, t in enumerate(tokens) if t.text[0].isalnum()), 0)
    if first < len(tokens) and _bare(tokens[first].lower) in _OPENERS | STOPWORDS:
        comma = next((i for i, t in enumerate(tokens[:12]) if t.text == ","), None)
        if comma is not None:
            return comma + 1
    return first


def _verb_like(tok: Token) -> bool:
    low = tok.lower
    aux = {"is", "are", "was", "were", "has", "have", "had", "will", "would", "does", "did",
           "can", "could", "may", "might", "must", "should"}
    return low in aux or low in SPEECH_VERBS or low.endswith("n't") or (
        tok.text.islower() and low.endswith("ed") and len(low) > 4
    )


def stems_outside(text: str, spans: list[tuple[int, int]]) -> set[str]:
    """Content stems of ``text`` with the character ``spans`` blanked out."""
    chars = list(text)
    for start, end in spans:
        chars[start:end] = " " * (end - start)
    blank = "".join(chars)
    return {stem(t.lower) for t in tokenize(normalize_apostrophes(blank))
            if t.text[0].isalnum() and t.lower not in STOPWORDS}
