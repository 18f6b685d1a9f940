"""Stage 1b: remove page furniture (comment forms, credits, share bars, ...) from article text.

Every rule looks at one whole line and either keeps it verbatim or drops it, so
the text that remains is the text the page printed: claims' character spans
index into it. The rules are general patterns of English news pages, not lists
of sentences from particular articles::

    >>> clean_text("World News\\n\\nMayor opens a new bridge\\n\\nIt cost $4m.\\n\\nLeave a reply")
    'Mayor opens a new bridge\\n\\nIt cost $4m.'
"""

from __future__ import annotations

import logging
import re

from consistency.text import content_words

log = logging.getLogger(__name__)

#: Lines longer than this many words are never furniture: they are reporting.
_MAX_FURNITURE_WORDS = 60
#: Short generic lines ("Share this", "Related articles") only count when this short.
_SHORT_WORDS = 12


def _rx(pattern: str, flags: int = re.IGNORECASE) -> re.Pattern[str]:
    return re.compile(pattern, flags)


# Whole-line patterns, matched against the stripped line. Each one is a kind of furniture.
_ANY_LENGTH = (
    # comment forms: "Please enter your comment!", "Leave a reply", "Post a comment"
    _rx(r"^(please\s+)?(enter|leave|post|add|write|submit)\s+(your|a|an)\s+"
        r"(comment|reply|name|e-?mail|response)\b.{0,40}$"),
    _rx(r"^(cancel\s+reply|(\d+\s+)?comments?|no\s+comments(\s+yet)?|reply)\W*$"),
    _rx(r"^save\s+my\s+name,?\s+e-?mail.*\bcomment\b"),
    _rx(r"^you\s+must\s+be\s+logged\s+in\s+to\s+(post\s+a\s+)?comment"),
    # credits: "Article Edited by ...", "Edited by ...", "Reporting by ...; Editing by ..."
    _rx(r"^\W*(article\s+|story\s+)?(edited|written|compiled|produced|translated|curated)\s+by\b"
        r".{0,80}$"),
    _rx(r"^\W*([Aa]dditional\s+)?([Rr]eporting|REPORTING)\s+(by|BY)\s+[A-Z].{0,160}$", 0),
    _rx(r"^\W*([Ee]diting|[Ww]riting)\s+by\s+[A-Z].{0,120}$", 0),
    _rx(r"^(By|BY)\s+[A-Z][\w.'’-]*(\s+(and\s+)?[A-Z][\w.'’-]*){0,3}(\s*[,|].{0,60})?$", 0),
    # notices: "... let us know on our contact page", "if you see any mistakes ..."
    _rx(r"\blet\s+us\s+know\b.*\b(contact|mistakes?|errors?|typos?|inappropriate|corrections?)\b"),
    _rx(r"\b(contact|mistakes?|errors?|typos?|inappropriate)\b.*\blet\s+us\s+know\b"),
    _rx(r"^\W*if\s+you\s+(see|find|spot|notice)\s+(any|an?)\s+.{0,40}"
        r"\b(mistakes?|errors?|typos?|inappropriate)\b"),
    # copyright: "© 2020 Example Media", "Copyright 2021 ...", "All rights reserved."
    _rx(r"^\W*(©|\(c\)\s*\d{4}|copyright\s*(©|\(c\)|\d{4}))"),
    _rx(r"\ball\s+rights\s+reserved\b\W*$"),
    # cookie banners: "We use cookies ...", "This site uses cookies ...", "Accept all cookies"
    _rx(r"^\W*(we|this\s+(web)?site|our\s+(web)?site)\s+(use|uses)\s+cookies\b"),
    _rx(r"^\W*by\s+(continuing|using|clicking)\b.{0,80}\bcookies\b"),
    _rx(r"^\W*(accept|reject|manage)\s+(all\s+)?cookies\b.{0,40}$"),
    _rx(r"^\W*click\s+here\b"),
)
_SHORT_ONLY = (
    _rx(r"^\W*share\s*(this|on|via|article|story|post|page|:|$)"),
    _rx(r"^\W*(tweet|e-?mail|print|whatsapp|pin|save)\s*(this|it|article|story|$)\W*$"),
    _rx(r"^\W*follow\s+(us|me|him|her|them|@)"),
    _rx(r"^\W*(subscribe|sign\s+up|register|join)\b.{0,40}"
        r"\b(newsletter|updates|subscribe|for\s+free|now|today|here|alerts?)\b"),
    _rx(r"^\W*subscribe\W*$"),
    _rx(r"^\W*(read|see|watch|view)\s+(more|also|next|full\s+story)\b"),
    _rx(r"^\W*(related|recommended|more\s+from|more\s+on|you\s+may\s+also\s+like|trending|"
        r"most\s+read|popular)(\s+(articles?|stories|posts|news|coverage|content|links?))?"
        r"\s*(:.*)?$"),
    _rx(r"^\W*(advertisements?|sponsored(\s+content)?|ad|promoted|story\s+continues\s+below)\W*$"),
    _rx(r"^\W*(cookie\s+(policy|settings|preferences)|privacy\s+policy|terms\s+of\s+(use|service))"
        r"\W*$"),
)
_SENTENCE_PUNCT = re.compile(r"[.!?:;,\"“”]")
_LABEL_WORD = re.compile(r"^[A-Z0-9&][\w&'’.-]*$|^&$")


def is_furniture(line: str) -> bool:
    """True if ``line`` as a whole is page furniture: ``is_furniture("Leave a reply") is True``."""
    stripped = line.strip(" \t\u00a0\r")
    if not stripped:
        return False
    n_words = len(stripped.split())
    if n_words > _MAX_FURNITURE_WORDS:
        return False
    if any(rx.search(stripped) for rx in _ANY_LENGTH):
        return True
    return n_words <= _SHORT_WORDS and any(rx.search(stripped) for rx in _SHORT_ONLY)


def _is_label(line: str) -> bool:
    """A short section label: <= 4 capitalised words and no sentence punctuation."""
    words = line.split()
    if not 1 <= len(words) <= 4 or _SENTENCE_PUNCT.search(line):
        return False
    return all(_LABEL_WORD.match(w) for w in words)


def _is_headline_after(label: str, line: str) -> bool:
    """``line`` reads as the headline a section ``label`` sits above (not as its own lede)."""
    n_words = len(line.split())
    if not max(4, len(label.split()) + 1) <= n_words <= 30:
        return False
    if re.search(r"[.!?…][\"”’')]*\s+[A-Z]", line):  # two sentences: a paragraph, not a headline
        return False
    label_words = set(content_words(label))  # exact words: "News" must not match "new"
    shared = label_words & set(content_words(line))
    return not label_words or len(shared) / len(label_words) < 0.5


def _drop_leading_label(lines: list[str]) -> list[str]:
    """Drop a stray section label line sitting directly above the headline."""
    filled = [i for i, line in enumerate(lines) if line.strip()]
    if len(filled) < 3:  # a label needs a headline and a body under it
        return lines
    first, second = lines[filled[0]].strip(), lines[filled[1]].strip()
    if _is_label(first) and _is_headline_after(first, second):
        log.debug("dropping section label %r", first)
        return lines[: filled[0]] + lines[filled[0] + 1 :]
    return lines


def clean_text(text: str) -> str:
    """Drop furniture lines and a leading section label; keep every other line verbatim.

    Runs of three or more newlines left behind are collapsed to two, and the
    result has no leading or trailing blank space.

    Example::

        >>> clean_text("Prices rose 3% in May.\\n\\nShare this article\\n\\nRents fell.")
        'Prices rose 3% in May.\\n\\nRents fell.'
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = [line for line in text.split("\n") if not is_furniture(line)]
    lines = _drop_leading_label(lines)
    joined = "\n".join(lines)
    joined = re.sub(r"\n(?:[ \t\u00a0]*\n){2,}", "\n\n", joined)
    return joined.strip()


def headline(text: str) -> str:
    """The first non-empty line of ``clean_text(text)``, stripped.

    Example::

        >>> headline("Business\\n\\nShares of Acme jump after a strong quarter\\n\\nAcme said ...")
        'Shares of Acme jump after a strong quarter'
    """
    for line in clean_text(text).split("\n"):
        if line.strip():
            return line.strip()
    return ""
