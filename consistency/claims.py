"""Stage 2: split an article's cleaned text into sentence claims with exact character spans.

``article.text[claim.start:claim.end] == claim.text`` holds for every claim::

    >>> [c.text for c in split_claims(article)]        # doctest: +SKIP
    ['Acme to cut 300 jobs', 'Acme Corp. said on Monday it would cut 300 jobs.', ...]

Sentence ends are found with a few general rules (end marks followed by a
capitalised word, paragraph and heading breaks) and exceptions for
abbreviations, initials and decimals; no model is involved.
"""

from __future__ import annotations

import logging
import re
from collections import Counter

from consistency.text import STOPWORDS
from consistency.types import Article, Claim, stable_id

log = logging.getLogger(__name__)

_END_MARK = re.compile(r"[.!?…]+[\"'”’»)\]]*")
_OPEN_QUOTES = "\"'“‘«(["
_CLOSERS = "\"'”’»)]"
#: Titles that always precede a name: "Mr. Smith", "Gen. Milley". Never a sentence end.
_TITLES = frozenset(
    "mr mrs ms mx dr prof sen rep gov gen lt col capt cmdr sgt rev hon messrs supt det insp "
    "pres atty adm maj vs v cf e.g i.e approx fig ca".split()
)
#: Abbreviations that can also end a sentence: a sentence end only before a sentence starter.
_AMBIGUOUS = frozenset(
    "inc corp co ltd llc plc jr sr st ave rd blvd bros etc a.m p.m u.s u.k u.n e.u no "
    "jan feb mar apr jun jul aug sep sept oct nov dec mt ft est".split()
)
#: Before a number these never end a sentence: "No. 2", "Jan. 5", "Sept. 11".
_BEFORE_NUMBER = frozenset(
    "no nos jan feb mar apr jun jul aug sep sept oct nov dec art sec".split()
)
#: Words that commonly open an English sentence (used after ambiguous abbreviations).
_STARTERS = frozenset(
    """the a an it he she they we i you this that these those there its his her their our
    but and or so yet in on at for from with after before when while if as however
    meanwhile still also some many most other both each now then last earlier later since
    under according what who why how one two three several""".split()
)
_WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
_MONTHS = frozenset(
    """january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec""".split()
)
_NUMBER_WORDS = frozenset(
    """one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen
    sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety
    hundred thousand million billion trillion dozen dozens half quarter first second third
    fourth fifth sixth seventh eighth ninth tenth once twice percent""".split()
)
_REPORTING = re.compile(
    r"\b(said|says|say|told|tells|announced|announces|stated|states|claimed|claims|reported|"
    r"reports|confirmed|confirms|denied|denies|according\s+to|added|explained|insisted|"
    r"warned|admitted|acknowledged|revealed|declared|estimated|noted)\b",
    re.IGNORECASE,
)
_WORD = re.compile(r"[^\W_][\w’'&.-]*")
_NAME_WORD = re.compile(r"^[A-Z][\w&.-]*$|^[A-Z0-9][A-Z0-9&-]*[A-Z][\w&-]*$")


def _line_segments(text: str) -> list[tuple[int, int]]:
    """Split text into blocks at blank lines and after lines that end a heading."""
    segments: list[tuple[int, int]] = []
    start = None
    pos = 0
    lines = text.split("\n")
    for i, line in enumerate(lines):
        end = pos + len(line)
        if line.strip():
            start = pos if start is None else start
            nxt = lines[i + 1].strip() if i + 1 < len(lines) else ""
            if not nxt or _line_ends_block(line, nxt):
                segments.append((start, end))
                start = None
        pos = end + 1
    return segments


#: Punctuation that ends a sentence of prose (before any closing quote or bracket).
_TERMINAL = ".!?…"


def _line_ends_block(line: str, next_line: str) -> bool:
    """A line without terminal punctuation (a headline, "...that sell:") ends its sentence."""
    tail = line.rstrip().rstrip(_CLOSERS)
    if not tail or tail[-1] in _TERMINAL:
        return False  # the sentence rules decide
    if tail[-1] in ",;(-–—&/" or next_line[0].islower():
        return False  # a hard-wrapped line continues on the next one
    return True


def _next_visible(text: str, pos: int) -> tuple[int, str]:
    """Index and text of the next word after ``pos`` (skipping opening quotes)."""
    m = re.compile(r"\s*[" + re.escape(_OPEN_QUOTES) + r"]*(\S*)").match(text, pos)
    return (m.start(1), m.group(1)) if m else (len(text), "")


def _is_boundary(seg: str, mark: re.Match[str]) -> bool:
    """Does this end mark (with its closers) end a sentence inside ``seg``?"""
    after = mark.end()
    if after >= len(seg) or not seg[after:].strip():
        return True
    if not seg[after].isspace():
        return False  # "2.5", "U.S.-led", "Yahoo!News"
    idx, word = _next_visible(seg, after)
    first = seg[idx] if idx < len(seg) else ""
    opens = seg[after:idx].strip() != ""
    if not (first.isupper() or first.isdigit() or opens):
        return False
    if mark.group().rstrip(_CLOSERS) != ".":
        return True  # "!", "?", "…", "..." before a capital
    return not _is_abbreviation(seg[: mark.start()], word)


def _is_abbreviation(before: str, next_word: str) -> bool:
    """True if the full stop after ``before`` belongs to an abbreviation or an initial."""
    m = re.search(r"(\S+)$", before)
    if not m:
        return False
    token = m.group(1).lstrip(_OPEN_QUOTES)
    low = token.lower()
    starter = re.sub(r"\W+$", "", next_word).lower() in _STARTERS
    if low in _TITLES:
        return True
    if low in _BEFORE_NUMBER and next_word[:1].isdigit():
        return True
    if low in _AMBIGUOUS or re.fullmatch(r"(?:[A-Za-z]\.)+[A-Za-z]", token):
        return not starter
    if re.fullmatch(r"[A-Z]", token):  # an initial: "J. K. Rowling", "George W. Bush"
        return not starter
    return False


def _sentence_ends(seg: str) -> list[int]:
    """Offsets in ``seg`` just after each sentence end."""
    return [m.end() for m in _END_MARK.finditer(seg) if _is_boundary(seg, m)]


def _strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def split_text(text: str) -> list[tuple[int, int]]:
    """Character spans of the sentences of ``text``, in order, stripped of whitespace.

    Spans with no letter or digit (a lone "***") are left out.

    Example::

        >>> t = "Mr. Lee paid $2.5 million. Sales rose."
        >>> [t[s:e] for s, e in split_text(t)]
        ['Mr. Lee paid $2.5 million.', 'Sales rose.']
    """
    spans: list[tuple[int, int]] = []
    for seg_start, seg_end in _line_segments(text):
        seg = text[seg_start:seg_end]
        cut = 0
        for end in [*_sentence_ends(seg), len(seg)]:
            start, stop = _strip_span(text, seg_start + cut, seg_start + end)
            if stop > start and any(ch.isalnum() for ch in text[start:stop]):
                spans.append((start, stop))
            cut = end
    return spans


def _words(sentence: str) -> list[str]:
    return [w.rstrip(".-") or w for w in _WORD.findall(sentence)]


def is_checkworthy(sentence: str, names: frozenset[str] = frozenset()) -> bool:
    """A sentence of at least 4 words that carries a checkable fact.

    A fact is a number or number word, a date word, a capitalised name that
    does not open the sentence (or opens it and is one of the article's known
    ``names``), or a reported statement ("said", "according to"). In a
    headline written in title case capitals say nothing, so only a known name
    counts there ("Microsoft Announces ..." is check-worthy when the article
    names Microsoft; "Inflation Eats It Up." is not).

    Example::

        >>> is_checkworthy("The plant will close in March."), is_checkworthy("It was a sad day.")
        (True, False)
    """
    words = _words(sentence)
    if len(words) < 4:
        return False
    lowered = [w.lower() for w in words]
    if any(ch.isdigit() for ch in sentence) or _NUMBER_WORDS & set(lowered):
        return True
    if (_WEEKDAYS | _MONTHS) & set(lowered) or _REPORTING.search(sentence):
        return True
    if title_case(sentence):  # every word is capitalised: only a known name tells
        return any(_bare(w) in names for w in words)
    if _bare(words[0]) in names:
        return True
    return any(_is_name_word(w) for w in words[1:])


#: Short words a headline in title case may leave in lower case.
_TITLE_SMALL = frozenset("a an the of to in on at for and or but by with as vs from into".split())


def title_case(sentence: str) -> bool:
    """A headline written In Title Case: at least three words after the first, all
    but short function words capitalised ("Don't Kill Remote Learning")."""
    rest = [w for w in _words(sentence)[1:] if w[0].isalpha() and w.lower() not in _TITLE_SMALL]
    return len(rest) >= 3 and all(w[0].isupper() for w in rest)


def is_headline(text: str) -> bool:
    """A headline rather than a sentence of prose: written In Title Case, or without the
    punctuation that ends a sentence ("Storm cuts power to thousands")."""
    tail = text.rstrip().rstrip(_CLOSERS)
    return title_case(text) or not tail or tail[-1] not in _TERMINAL


def _is_name_word(word: str) -> bool:
    bare = re.sub(r"['’]s$", "", word)
    return bool(_NAME_WORD.match(bare)) and bare.lower() not in STOPWORDS and bare != "I"


def _bare(word: str) -> str:
    return re.sub(r"['’]s$", "", word)


def _name_runs(sentence: str, known: set[str]) -> list[list[str]]:
    """Maximal runs of capitalised words (months and weekdays excluded).

    The word opening the sentence starts a name only when it is an acronym or
    in ``known`` (words seen capitalised mid-sentence): "Ferry fares rose" is
    not about someone called Ferry.
    """
    runs: list[list[str]] = [[]]
    for i, word in enumerate(_words(sentence)):
        bare = _bare(word)
        is_name = _is_name_word(word) and bare.lower() not in _MONTHS | _WEEKDAYS
        if is_name and i == 0:
            is_name = bare in known or (bare.isupper() and len(bare) > 1)
        if not is_name:
            runs.append([])
            continue
        runs[-1].append(bare)
        if bare != word:  # a possessive closes the name: "Acme's chief"
            runs.append([])
    return [run for run in runs if run]


def _known_names(sentences: list[str]) -> set[str]:
    """Words that read as names: capitalised mid-sentence somewhere, or opening two or more
    sentences while never written in lower case."""
    firsts = Counter(_bare(_words(s)[0]) for s in sentences if _words(s))
    lower = {w.lower() for s in sentences for w in _words(s) if w.islower()}
    known = {_bare(w) for s in sentences for w in _words(s)[1:] if _is_name_word(w)}
    return known | {w for w, n in firsts.items() if n >= 2 and w.lower() not in lower}


def _name_counts(body: str) -> tuple[Counter[str], Counter[str]]:
    """Counts of every name in ``body``: (each name and the shorter names inside it, whole runs)."""
    sentences = [body[start:end] for start, end in split_text(body)]
    known = _known_names(sentences)
    parts: Counter[str] = Counter()
    whole: Counter[str] = Counter()
    for sentence in sentences:
        for run in _name_runs(sentence, known):
            whole[" ".join(run)] += 1
            parts.update(" ".join(run[i:j]) for i in range(len(run))
                         for j in range(i + 1, len(run) + 1))
    return parts, whole


def _in_text(name: str, text: str) -> bool:
    return re.search(r"(?<!\w)" + re.escape(name) + r"(?!\w)", text, re.IGNORECASE) is not None


def _expand_name(name: str, whole: Counter[str]) -> str:
    """A name never used alone stands for the longer name it is part of.

    "Ferry" seen only inside "Alder Ferry Co" becomes "Alder Ferry Co".
    """
    if whole[name]:
        return name
    containing = [(n, len(full), full) for full, n in whole.items() if _in_text(name, full)]
    return max(containing)[2] if containing else name


def main_subject(article: Article) -> str | None:
    """The article's main named entity: the most frequent body name that is also in the title.

    Ties go to the longer name, then to the one seen first. The winner is
    widened to the longest title name containing it ("Smith" -> "Brad Smith"),
    and a part of a name never used alone to the whole name. ``None`` if no
    name of the body appears in the title.

    Example::

        >>> text = "Acme to cut jobs\\n\\nAcme said it will cut 300 jobs. Acme shares fell."
        >>> main_subject(Article(id="1", source="s", title="Acme to cut jobs", text=text))
        'Acme'
    """
    body = article.text
    first_line = body.split("\n", 1)[0]
    title = article.title or first_line.strip()
    if first_line.strip() == title.strip():
        body = body[len(first_line) :]
    parts, whole = _name_counts(body)
    order = {name: i for i, name in enumerate(parts)}
    in_title = [(count, len(name.split()), -order[name], name)
                for name, count in parts.items() if _in_text(name, title)]
    if not in_title:
        return None
    best = max(in_title)[3]
    fuller = max((len(n.split()), c, n) for c, _, _, n in in_title if _in_text(best, n))
    return _expand_name(fuller[2], whole)


def split_claims(article: Article) -> list[Claim]:
    """Every sentence of ``article.text`` as a :class:`Claim` with its exact span.

    Ids depend only on the article id, the sentence text and how many times
    that text occurred before in the article, so they are stable across runs.

    Example::

        >>> art = Article(id="a1", source="Wire", title="", text="Rain fell. Roads shut.")
        >>> [(c.text, c.start, c.end) for c in split_claims(art)]
        [('Rain fell.', 0, 10), ('Roads shut.', 11, 22)]
    """
    subject = main_subject(article)
    # names as prose uses them: a title-case headline would make every word one
    prose = " ".join(article.text[a:b] for a, b in split_text(article.text)
                     if not title_case(article.text[a:b]))
    names = frozenset(_name_counts(prose)[0])
    seen: Counter[str] = Counter()
    claims: list[Claim] = []
    for index, (start, end) in enumerate(split_text(article.text)):
        sentence = article.text[start:end]
        claim_id = stable_id(article.id, str(seen[sentence]), sentence)
        seen[sentence] += 1
        claims.append(Claim(
            id=claim_id, article_id=article.id, source=article.source, text=sentence,
            start=start, end=end, index=index, checkworthy=is_checkworthy(sentence, names),
            published=article.published, subject=subject,
        ))
    log.debug("article %s: %d claims, subject %r", article.id, len(claims), subject)
    return claims
