"""Attribution check: the same statement put in the mouths of different speakers.

"Smith said the plan failed" vs "Jones said the plan failed" is a conflict;
"Microsoft President Brad Smith said ..." vs "Smith said ..." is not. The
statement must be largely the same once the speakers are taken out, and each
side must name its speaker (a name, "the police", or "the company" resolved to
the article's subject); "he"/"she" without a subject never count.

*Comparability from context* (see :mod:`consistency.judges.diff`): when the two
claims are near-identical, a speaker's name replaced by another name in the
same place of the aligned diff ("President Trump told ..." vs "President Wray
told ...") is a conflict, whatever the statement overlap rules above say
(:func:`consistency.judges.entity.changed_names`).
"""

from __future__ import annotations

import logging
import re

from consistency.entities import (
    SPEECH_VERBS,
    Speaker,
    name_spans,
    resolve,
    same_body,
    same_entity,
    speakers,
    stems_outside,
)
from consistency.judges.diff import near_identical
from consistency.judges.entity import changed_names
from consistency.judges.registry import register_check
from consistency.types import CheckResult, Claim, Conflict, FindingType

logger = logging.getLogger(__name__)

#: Share of the smaller statement's content stems that the other must contain.
MIN_OVERLAP = 0.6
#: Statements shorter than this (in content stems) are too thin to compare.
MIN_STEMS = 2
#: Differently worded statements share this many content stems, or nearly all of both.
MIN_SHARED = 3

_SPEECH_STEMS = frozenset(stems_outside(" ".join(SPEECH_VERBS), []))


def _named(claim: Claim) -> list[tuple[Speaker, str]]:
    """The claim's speakers with the name they stand for; unresolvable pronouns dropped."""
    out = []
    for s in speakers(claim.text):
        if s.kind != "pronoun":
            out.append((s, s.text))
        elif s.text.lower() not in {"he", "she", "they", "we"}:
            name = resolve(s.text, claim.subject)
            if name:
                out.append((s, name))
    return out


def _statement(claim: Claim, found: list[Speaker]) -> set[str]:
    """Content stems of the claim with its speakers, their titles and speech verbs removed."""
    spans = [(_title_start(claim.text, s.start), s.end) for s in found]
    stems = stems_outside(claim.text, spans) - _SPEECH_STEMS
    for s in found:
        if s.affiliation:
            stems -= stems_outside(s.affiliation, [])
    return stems


_TITLE_BEFORE = re.compile(r"(?:\b[A-Z][a-z]+\.?\s+)+$")


def _title_start(text: str, start: int) -> int:
    """Where the capitalised words right before a name begin: "Governor Tom Berg" and
    "Mayor Ann Lee" are one speaker each, titles and all."""
    m = _TITLE_BEFORE.search(text[:start])
    return m.start() if m else start


def _overlap(x: set[str], y: set[str]) -> float:
    if min(len(x), len(y)) < MIN_STEMS:
        return 0.0
    return len(x & y) / min(len(x), len(y))


def _one_statement(x: set[str], y: set[str]) -> bool:
    """Whether two differently worded statements say one thing: at least MIN_SHARED
    stems in common, or MIN_OVERLAP of the longer one. Two words of the story's topic
    do not make "Kudlow says China will retaliate over the tariff hike" and "'It's not
    China that pays tariffs,' Wallace said" one statement; "'We will rebuild the
    bridge,' said Lee" and "... said Berg" are one."""
    shared = len(x & y)
    return shared >= MIN_SHARED or shared >= MIN_OVERLAP * max(len(x), len(y))


def _mentioned(name: str, claim: Claim, names: list[str]) -> bool:
    """Whether ``name`` appears anywhere in ``claim`` (then it is not a different speaker):
    as written, or as any name the claim holds ("CDC" in "... the Centers for Disease
    Control and Prevention")."""
    return name.lower() in claim.text.lower() or any(
        same_entity(name, n) for n in names + [s.text for s in name_spans(claim.text)])


@register_check("attribution")
def check_attribution(a: Claim, b: Claim) -> CheckResult:
    """Conflicts where both claims attribute the same statement to different speakers.

    Example::

        check_attribution(Claim.bare("Smith said the plan failed."),
                          Claim.bare("Jones said the plan failed."))
        # -> one ATTRIBUTION conflict, value_a "Smith", value_b "Jones"
    """
    in_context = near_identical(a.text, b.text) is not None
    result = _conservative(a, b, nouns=in_context)
    if result.conflicts or not in_context:
        return result
    return _in_context(a, b) or result


def _conservative(a: Claim, b: Claim, nouns: bool = True) -> CheckResult:
    """Different speakers of largely the same statement, neither one mentioned by the other.

    With ``nouns`` False (differently worded claims), a speaker given only by a common
    noun ("officials", "the rapper") cannot conflict: it may well describe the person
    the other claim names. It still counts towards matches.
    """
    sa, sb = _named(a), _named(b)
    if not sa or not sb:
        return CheckResult()
    stated_a, stated_b = _statement(a, [s for s, _ in sa]), _statement(b, [s for s, _ in sb])
    overlap = _overlap(stated_a, stated_b)
    if overlap < MIN_OVERLAP or (not nouns and not _one_statement(stated_a, stated_b)):
        return CheckResult()
    matches = sum(1 for _, x in sa for _, y in sb if same_entity(x, y))
    if matches:
        return CheckResult(matches=matches)
    if not nouns:
        sa = [(s, n) for s, n in sa if s.kind != "noun"]
        sb = [(s, n) for s, n in sb if s.kind != "noun"]
        if not sa or not sb:
            return CheckResult()
    return CheckResult(_conflicts(a, b, sa, sb, overlap))


def _conflicts(a: Claim, b: Claim, sa: list[tuple[Speaker, str]],
               sb: list[tuple[Speaker, str]], overlap: float) -> tuple[Conflict, ...]:
    names_a, names_b = [n for _, n in sa], [n for _, n in sb]
    if any(_mentioned(n, a, names_a) for n in names_b) or any(
            _mentioned(n, b, names_b) for n in names_a):
        return ()
    (spk_a, name_a), (spk_b, name_b) = sa[0], sb[0]
    if spk_a.text.lower() == spk_b.text.lower():
        return ()  # the same words ("It said ..."): only a guess at what they refer to differs
    if same_body(name_a, name_b):
        return ()  # "Bureau of Labor Statistics" / "Labor Department": one body and its part
    strength = round(min(0.9, 0.4 + 0.5 * overlap), 3)
    both_named = spk_a.kind == spk_b.kind == "name"
    strength = strength if both_named else round(strength * 0.85, 3)
    logger.debug("attribution: %r vs %r (overlap %.2f)", name_a, name_b, overlap)
    detail = f"same statement attributed to {name_a} and to {name_b}"
    return (Conflict(FindingType.ATTRIBUTION, spk_a.text, spk_b.text, strength, detail),)


#: Strength of a changed speaker in near-identical claims.
DIFF_STRENGTH = 0.85


def _in_context(a: Claim, b: Claim) -> CheckResult | None:
    """Speakers replaced by other names in the same place of near-identical claims."""
    conflicts = tuple(
        Conflict(FindingType.ATTRIBUTION, c.a.text, c.b.text, DIFF_STRENGTH,
                 f"same statement attributed to {c.a.text} and to {c.b.text} (same context)")
        for c in changed_names(a.text, b.text)
        if c.speaker and not same_body(c.a.text, c.b.text))
    return CheckResult(conflicts) if conflicts else None
