"""Small lexical tools shared by the stages: tokens with spans, stems, stopwords.

Deliberately dependency-free (regular expressions only) so the typed checks
run and are tested without any model.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

_TOKEN = re.compile(
    r"[$€£¥]?\d+(?:[.,:]\d+)*(?:%|st|nd|rd|th|s)?"  # numbers, money, times, ordinals, 1990s
    r"|[A-Za-z](?:\.[A-Za-z])+\.?"                # U.S., e.g.
    r"|[\w’'-]+"                                   # words, with inner apostrophes/hyphens
    r"|[^\w\s]",                                   # any other single symbol
    re.UNICODE,
)

STOPWORDS = frozenset(
    """a an the and or but if then than that this these those there here of to in on at by
    for with from as into onto about over under after before between through during without
    within upon out up down off is are was were be been being am do does did doing have has
    had having will would shall should can could may might must it its it's itself he him his
    she her hers they them their theirs we us our ours you your yours i me my mine who whom
    whose which what when where why how all any both each few more most other some such only
    own same so too very just also s t said says say told according""".split()
)


@dataclass(frozen=True)
class Token:
    """A token and its character span in the text it came from."""

    text: str
    start: int
    end: int

    @property
    def lower(self) -> str:
        return self.text.lower()


@lru_cache(maxsize=8192)
def tokenize(text: str) -> tuple[Token, ...]:
    """Split ``text`` into tokens with spans: ``tokenize("U.S. sales fell 5%")``.

    Every typed check reads the same two claims, so results are cached (they are
    immutable).
    """
    return tuple(Token(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text))


def words(text: str) -> list[str]:
    """Lower-cased word and number tokens, punctuation dropped."""
    return [t.lower for t in tokenize(text) if t.text[0].isalnum() or t.text[0] in "$€£¥"]


def normalize_apostrophes(text: str) -> str:
    """Curly apostrophes and quotes to straight ones, so "doesn’t" reads like "doesn't"."""
    return text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')


# (suffix, replacement, letters that must remain), tried in order.
_SUFFIXES = (
    ("ational", "at", 3), ("ations", "at", 3), ("ation", "at", 3), ("ingly", "", 3),
    ("edly", "", 3), ("nesses", "", 3), ("ments", "", 3), ("ment", "", 3), ("ness", "", 3),
    ("ies", "i", 2), ("ied", "i", 2), ("ing", "", 3), ("ers", "", 3), ("er", "", 3),
    ("ed", "", 3), ("es", "", 3), ("ly", "", 5), ("s", "", 3), ("e", "", 3),
)

_UNDOUBLE = {"ed", "ing", "er", "ers"}


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A light suffix-stripping stem: ``stem("provided") == stem("provides") == "provid"``.

    A doubled final consonant left by -ed / -ing / -er is undoubled, so
    ``stem("stopped") == stem("stop")``.
    """
    w = normalize_apostrophes(word.lower())
    if w.endswith("'s"):
        w = w[:-2]
    for suffix, repl, keep in _SUFFIXES:
        if w.endswith(suffix) and len(w) - len(suffix) >= keep:
            if suffix == "s" and w.endswith("ss"):  # "press", "business": not plurals
                return w
            w = w[: -len(suffix)] + repl
            # "stopped" -> "stop", "planning" -> "plan"; not "called" -> "cal".
            if suffix in _UNDOUBLE and w[-1] == w[-2] and w[-1] not in "aeioudlsz":
                w = w[:-1]
            return w
    return w[:-1] + "i" if w.endswith("y") and len(w) > 3 else w


def content_words(text: str) -> list[str]:
    """Lower-cased words that are not stopwords or punctuation."""
    return [w for w in words(normalize_apostrophes(text)) if w not in STOPWORDS]


@lru_cache(maxsize=8192)
def content_stems(text: str) -> frozenset[str]:
    """The stems of ``content_words(text)``, as a (cached, immutable) set."""
    return frozenset(stem(w) for w in content_words(text))


_CLAUSE_EDGE = re.compile(r"[;:!?]|\.(?:\s|$)|\s[—–]\s")


def clause_around(text: str, start: int, end: int) -> tuple[str, str]:
    """The text of ``text[start:end]``'s clause before and after it.

    ``clause_around("It rained; police detained 300 people.", 27, 30)`` gives
    ``(" police detained ", " people")``.
    """
    return _CLAUSE_EDGE.split(text[:start])[-1], _CLAUSE_EDGE.split(text[end:])[0]


def stems_around(text: str, start: int, end: int, window: int = 4) -> set[str]:
    """Content stems of up to ``window`` words each side of ``text[start:end]``, in its clause.

    What a value hangs on: ``stems_around("Police detained 300 people on Sunday.", 16, 19)``
    gives ``{"polic", "detain", "peopl", "sundai"}``.
    """
    before, after = clause_around(text, start, end)
    near = content_words(before)[-window:] + content_words(after)[:window]
    return {stem(w) for w in near if not w[0].isdigit() and w[0] not in "$€£¥"}
