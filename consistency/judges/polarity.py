"""Polarity check: one claim says an actor does something, the other says it does not.

A *predicate* is a verb with its negation state, tense/aspect, actors and
object words. Two predicates are comparable when their verbs are the same or
near-synonyms (see :data:`VERB_GROUPS`), their actors name the same entity and
their objects share words. A conflict is a comparable pair where one is negated
and the other affirmed at compatible times, or two affirmed antonyms (rise vs
fall). The check is conservative: unknown actors, hedged modals ("may", "could")
and a future refusal against a past fact never make a conflict.

*Comparability from context* (see :mod:`consistency.judges.diff`): when the two
claims are near-identical and no predicate pair above conflicts, a negation
present on one side of the aligned diff and not the other ("are rising" vs
"aren't rising", "took" vs "did not take", "is no longer" vs "is") is a
conflict; contractions are split first, so "doesn't" vs "does not" is no
difference, and a negation that only moves ("did not say it would" vs "said it
would not") is left alone.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from consistency.entities import VERB_GROUP_WORDS, actors_before, same_entity
from consistency.judges.diff import Alignment, DiffToken, Segment, near_identical, segment_text
from consistency.judges.registry import register_check
from consistency.text import STOPWORDS, Token, normalize_apostrophes, stem, tokenize
from consistency.types import CheckResult, Claim, Conflict, FindingType

logger = logging.getLogger(__name__)

#: Near-synonym groups of common news verbs (base forms). Verbs in one group are
#: treated as the same predicate: "does not supply X" vs "provided X" compare.
VERB_GROUPS: dict[str, tuple[str, ...]] = {
    "give": ("give", "provide", "supply", "deliver", "sell", "offer", "grant", "ship", "hand"),
    "say": ("say", "state", "claim", "tell", "announce", "declare", "assert"),
    "rise": ("rise", "increase", "grow", "climb", "jump", "surge", "soar", "gain"),
    "fall": ("fall", "drop", "decline", "decrease", "slip", "sink", "plunge", "tumble", "shrink",
             "slump"),
    "approve": ("approve", "pass", "back", "support", "endorse", "adopt", "accept", "favour",
                "favor"),
    "reject": ("reject", "oppose", "refuse", "veto", "block"),
    "win": ("win", "secure", "clinch"),
    "lose": ("lose", "forfeit"),
    "open": ("open", "reopen"),
    "close": ("close", "shut"),
    "confirm": ("confirm", "acknowledge", "admit", "verify"),
    "deny": ("deny", "dispute", "refute"),
    "start": ("start", "begin", "launch", "resume", "commence"),
    "stop": ("stop", "end", "halt", "suspend", "cease", "terminate"),
}

#: Groups whose affirmed predicates contradict each other.
ANTONYMS = frozenset(
    frozenset(p) for p in (("rise", "fall"), ("win", "lose"), ("approve", "reject"),
                           ("confirm", "deny"), ("open", "close"), ("start", "stop"))
)

#: Irregular past forms and participles, mapped to their base form.
IRREGULAR = {
    "sold": "sell", "gave": "give", "given": "give", "won": "win", "lost": "lose",
    "rose": "rise", "risen": "rise", "fell": "fall", "fallen": "fall", "began": "begin",
    "begun": "begin", "grew": "grow", "grown": "grow", "said": "say", "told": "tell",
    "made": "make", "took": "take", "taken": "take", "bought": "buy", "paid": "pay",
    "sent": "send", "held": "hold", "met": "meet", "left": "leave", "led": "lead", "ran": "run",
    "went": "go", "gone": "go", "came": "come", "became": "become", "wrote": "write",
    "written": "write", "spoke": "speak", "spoken": "speak", "broke": "break", "broken": "break",
    "chose": "choose", "chosen": "choose", "knew": "know", "known": "know", "saw": "see",
    "seen": "see", "did": "do", "done": "do", "got": "get", "kept": "keep", "built": "build",
    "spent": "spend", "struck": "strike", "found": "find", "fought": "fight", "thought": "think",
    "stood": "stand", "brought": "bring", "withdrew": "withdraw", "withdrawn": "withdraw",
    "drew": "draw", "forbade": "forbid", "sank": "sink", "sunk": "sink", "shrank": "shrink",
    "shut": "shut", "cut": "cut", "hit": "hit", "put": "put", "set": "set", "quit": "quit",
    "caught": "catch", "taught": "teach", "threw": "throw", "thrown": "throw", "ate": "eat",
    "eaten": "eat", "drove": "drive", "driven": "drive", "rode": "ride", "ridden": "ride",
    "swam": "swim", "sat": "sit", "slept": "sleep", "wore": "wear", "worn": "wear",
    "flew": "fly", "flown": "fly", "fed": "feed", "hung": "hang", "laid": "lay", "fled": "flee",
    "shot": "shoot", "stole": "steal", "stolen": "steal", "hid": "hide", "hidden": "hide",
    "froze": "freeze", "frozen": "freeze", "sought": "seek", "dealt": "deal", "meant": "mean",
}

#: Nouns that name a verb's act, negated by "stop/halt/ban ... sales".
NOMINALS = {"sale": "sell", "sales": "sell", "deliveries": "deliver", "shipments": "ship"}

_NEGATORS = frozenset({"not", "never", "no", "cannot", "without"})
#: Words after a negator that make it a scalar "not only", not a denial of the verb.
_FOCUS = frozenset({"just", "only", "merely", "simply"})
_REFUSALS = frozenset(
    "refuse refuses refused decline declines declined fail fails failed".split()
)
_CESSATIONS = frozenset(
    """stop stops stopped halt halts halted cease ceases ceased end ends ended suspend suspends
    suspended ban bans banned quit quits""".split()
)
_DENIALS = frozenset({"deny", "denies", "denied"})
_FUTURE = frozenset({"will", "'ll", "wo", "would", "shall", "plans", "plan", "planned",
                     "intends", "intend", "going", "expects", "aims"})
_MODAL = frozenset({"may", "might", "could"})
_PAST_AUX = frozenset({"has", "have", "had", "did", "was", "were"})
_PRESENT_AUX = frozenset({"does", "do", "is", "are", "am", "can", "continue", "continues"})
_BE = frozenset({"be", "been", "being", "is", "are", "was", "were", "am"})
_PAST_MARKERS = ("previously", "formerly", "in the past", "last year", "ago", "once")
_PRESENT_MARKERS = ("currently", "at the moment", "today", "now", "still", "at present",
                    "presently", "these days")
_ASPECT_STEMS = frozenset(stem(w) for w in "moment today currently now still previously past "
                          "present formerly longer".split())
_DETERMINERS = frozenset("the a an its their his her this these those our my your every each "
                         "any".split())
_PREPOSITIONS = frozenset("in on at by for with from of into about over under after before "
                          "during through".split())
_VERB_CONTEXT = frozenset("""to will would shall can could may might must should does do did
    has have had not never longer he she it we they i you who that which also still currently
    now often previously already just cannot""".split())
_FUNCTION = frozenset("""not never no longer also still currently previously now then already
    just recently once reportedly again later publicly repeatedly first further earlier going
    cannot without""".split())
_AUX_CONTEXT = frozenset("""will would shall can could may might must should does do did has
    have had not never longer also still currently previously already just cannot""".split())
_OBJECT_STOP = frozenset("""and or but while because until unless although though which who
    that whereas as after before since if when""".split())
_BOUNDARY = frozenset(",;:()[]\"!?.")
_AMBIGUOUS_BARE = frozenset({"back", "close", "end", "pass", "state", "claim", "supply", "offer",
                             "increase", "decline", "drop", "fall", "rise", "gain", "start",
                             "stop", "halt", "ban", "deny", "support", "hand", "ship", "block",
                             "open", "jump"})

# How sure a negated predicate (first tense) contradicts an affirmed one (second tense).
_STRENGTH = {
    ("never", "past"): 0.9, ("never", "present"): 0.9,
    ("present", "present"): 0.85, ("present", "past"): 0.6,
    ("past", "past"): 0.85, ("future", "future"): 0.8, ("ceased", "present"): 0.75,
}
_ANTONYM_STRENGTH = 0.75


def _collapse_double(s: str) -> str:
    if len(s) > 3 and s[-1] == s[-2] and s[-1] not in "lsfz" and s[-1].isalpha():
        return s[:-1]
    return s


def lemma(word: str) -> str:
    """The stem used to compare verbs: ``lemma("sold") == lemma("sells") == "sell"``."""
    w = normalize_apostrophes(word.lower())
    w = IRREGULAR.get(w, NOMINALS.get(w, w))
    return _collapse_double(stem(w))


_GROUP_OF = {lemma(v): group for group, verbs in VERB_GROUPS.items() for v in verbs}


def verb_key(word: str) -> str:
    """The predicate a verb stands for: its group name, or its own lemma.

    >>> verb_key("supplied"), verb_key("provides"), verb_key("arrested")
    ('give', 'give', 'arrest')
    """
    return _GROUP_OF.get(lemma(word), lemma(word))


@dataclass(frozen=True)
class Predicate:
    """A verb in a claim: ``text[start:end]`` is its phrase, from negator to object."""

    key: str
    negated: bool
    tense: str  # "past" | "present" | "future" | "modal" | "never" | "ceased"
    actors: tuple[str, ...]
    objects: frozenset[str]
    start: int
    end: int


# ---------------------------------------------------------------------------
# Finding predicates
# ---------------------------------------------------------------------------


def _is_past_form(word: str) -> bool:
    return word in IRREGULAR or word.endswith("ed")


def _is_verb(tokens: list[Token], i: int) -> bool:
    tok = tokens[i]
    word = tok.lower
    if not tok.text.isalpha() or not tok.text.islower() or word in STOPWORDS | _FUNCTION:
        return False
    prev = tokens[i - 1].lower if i > 0 else ""
    if prev in _DETERMINERS:
        return False
    inflected = _is_past_form(word) or word.endswith("ing")
    if lemma(word) in _GROUP_OF and word not in NOMINALS:
        if inflected and prev not in _PREPOSITIONS:
            return True
        bare_ok = word not in _AMBIGUOUS_BARE or prev in _VERB_CONTEXT or prev.endswith("n't")
        return (prev in _VERB_CONTEXT or prev.endswith("n't") or _after_name(tokens, i)) \
            and bare_ok
    if prev in _AUX_CONTEXT or prev.endswith("n't") or _after_catenative(tokens, i):
        return True
    if prev in _BE and (word.endswith("ing") or _is_past_form(word)):
        return True
    if word.endswith("ing") and _cessation_index(tokens, i) is not None:
        return True
    past = word in IRREGULAR or (word.endswith("ed") and len(word) > 4)
    return past and prev not in _PREPOSITIONS and prev != ""


def _after_name(tokens: list[Token], i: int) -> bool:
    return i > 0 and tokens[i - 1].text[0].isupper()


def _after_catenative(tokens: list[Token], i: int) -> bool:
    """ "refused to sell", "plans to open": a verb after "to" after a verb of intent."""
    if i < 2 or tokens[i - 1].lower != "to":
        return False
    return tokens[i - 2].lower in VERB_GROUP_WORDS | _REFUSALS | _FUTURE


def _cessation_index(tokens: list[Token], i: int) -> int | None:
    """Where "stopped" is in "stopped selling" / "halt all sales" / "denied providing"."""
    if i >= len(tokens):
        return None
    word = tokens[i].lower
    if not (word.endswith("ing") or word in NOMINALS):
        return None
    k = i - 1
    while word in NOMINALS and k > 0 and tokens[k].lower in _DETERMINERS | {"all", "further"}:
        k -= 1
    return k if k >= 0 and tokens[k].lower in _CESSATIONS | _DENIALS else None


def _group_start(tokens: list[Token], i: int) -> int:
    g = i
    cessation = _cessation_index(tokens, i)
    if cessation is not None:
        g = cessation
    while g > 0 and (tokens[g - 1].lower in VERB_GROUP_WORDS | _NEGATORS
                     or tokens[g - 1].lower.endswith("n't")):
        g -= 1
    return g


def _negation(tokens: list[Token], g: int, i: int) -> str | None:
    """The kind of negation on verb ``i`` from its group ``g..i``: None when affirmed."""
    words = [t.lower for t in tokens[g:i]]
    # "didn't just win", "not only sold": the negator bears on the focus word, and the
    # event itself happened. Such a negator is set aside.
    words = [w for k, w in enumerate(words)
             if not (k + 1 < len(words) and words[k + 1] in _FOCUS
                     and (w in _NEGATORS or w.endswith("n't")))]
    text = " ".join(words)
    if "never" in words:
        return "never"
    if "no longer" in text or _cessation_index(tokens, i) is not None:
        return "ceased"
    if any(w in _NEGATORS or w.endswith("n't") for w in words):
        return "not"
    if any(w in _REFUSALS for w in words) and words[-1] == "to":
        return "not"
    after = [t.lower for t in tokens[i + 1:i + 3]]
    return "not" if after[:1] in (["no"], ["none"], ["nothing"]) else None


def _tense(tokens: list[Token], g: int, i: int, negation: str | None, clause: str) -> str:
    words = [t.lower for t in tokens[g:i]]
    aux = {w[:-3] if w.endswith("n't") else w for w in words}
    if aux & _MODAL or (negation is None and _aim(tokens, g, words, aux)):
        return "modal"
    future = bool(aux & _FUTURE)
    if negation in {"never", "ceased"}:
        return "future" if future else negation
    if future:
        return "future"
    if aux & _PAST_AUX:
        return "past"
    if aux & _PRESENT_AUX:
        return "present"
    if _is_past_form(tokens[i].lower):
        return "past"
    padded = f" {clause} "
    if any(f" {m} " in padded for m in _PAST_MARKERS):
        return "past"
    return "present"


#: Words before "to" that make the verb after it a fact, not an aim: "continues to supply",
#: "had to close", "used to sell"; the future and refusals have their own readings.
_TO_ASSERTS = _FUTURE | _REFUSALS | {"continue", "continues", "continued", "has", "have", "had",
                                     "used"}


def _aim(tokens: list[Token], g: int, words: list[str], aux: set[str]) -> bool:
    """A verb after a bare "to" states an aim, not a fact: "a lawsuit to block the
    subpoena", "tried to block it", "voted to block it". Read like a modal, it is never
    set against a negation ("cannot block").

    >>> [p.tense for p in predicates("He filed a lawsuit to block the subpoena.")]
    ['modal']
    """
    before = tokens[g - 1].lower if g > 0 else ""
    return bool(words) and words[-1] == "to" and not (aux | {before}) & _TO_ASSERTS


def _object_end(tokens: list[Token], i: int) -> int:
    """Index one past the last token of the verb's object phrase (at most 8 tokens)."""
    j = i + 1
    while j < len(tokens) and j - i <= 8:
        if tokens[j].text in _BOUNDARY or tokens[j].lower in _OBJECT_STOP:
            break
        j += 1
    return j


def _clause(tokens: list[Token], g: int, end: int) -> str:
    start = g
    while start > 0 and tokens[start - 1].text not in _BOUNDARY:
        start -= 1
    return " ".join(t.lower for t in tokens[start:end])


def _actors(text: str, tokens: list[Token], g: int, i: int, end: int,
            subject: str | None) -> tuple[str, ...]:
    passive = any(t.lower in _BE for t in tokens[g:i]) and _is_past_form(tokens[i].lower)
    if not passive:
        return actors_before(text, tokens[g].start, subject)
    by = next((k for k in range(i + 1, end) if tokens[k].lower == "by"), None)
    return actors_before(text, tokens[by + 1].end + 1, subject) if by and by + 1 < end else ()


def _objects(tokens: list[Token], i: int, end: int) -> frozenset[str]:
    words = [t.lower for t in tokens[i + 1:end] if t.text[0].isalnum()]
    return frozenset(stem(w) for w in words if w not in STOPWORDS) - _ASPECT_STEMS


def _predicate(text: str, tokens: list[Token], i: int, subject: str | None) -> Predicate:
    g = _group_start(tokens, i)
    end = _object_end(tokens, i)
    negation = _negation(tokens, g, i)
    tense = _tense(tokens, g, i, negation, _clause(tokens, g, end))
    actors = _actors(text, tokens, g, i, end, subject)
    stop = tokens[end - 1].end if end > i else tokens[i].end
    return Predicate(verb_key(tokens[i].text), negation is not None, tense, actors,
                     _objects(tokens, i, end), tokens[g].start, stop)


def predicates(text: str, subject: str | None = None) -> list[Predicate]:
    """The verbs of ``text`` with negation, tense, actors and objects.

    >>> [(p.key, p.negated, p.tense) for p in predicates("Acme does not sell it now.")]
    [('give', True, 'present')]
    """
    tokens = tokenize(normalize_apostrophes(text))
    found = []
    for i in range(len(tokens)):
        nominal = tokens[i].lower in NOMINALS and _cessation_index(tokens, i) is not None
        if _is_verb(tokens, i) or nominal:
            if _governs_next(tokens, i):
                continue
            found.append(_predicate(text, tokens, i, subject))
    return found


def _governs_next(tokens: list[Token], i: int) -> bool:
    """ "stopped" in "stopped selling" is a negator, not a predicate of its own."""
    word = tokens[i].lower
    nxt = tokens[i + 1].lower if i + 1 < len(tokens) else ""
    if word in _CESSATIONS | _DENIALS and _cessation_index(tokens, i + 1) is not None:
        return True
    if word in _CESSATIONS and i + 2 < len(tokens) and _cessation_index(tokens, i + 2) == i:
        return True
    after = tokens[i + 2].text if i + 2 < len(tokens) else ""
    return word in _REFUSALS and nxt == "to" and after.isalpha() and after.islower()


# ---------------------------------------------------------------------------
# Comparing predicates
# ---------------------------------------------------------------------------


def _same_actor(pa: Predicate, pb: Predicate) -> bool:
    return any(same_entity(x, y) for x in pa.actors for y in pb.actors)


def _objects_overlap(pa: Predicate, pb: Predicate) -> bool:
    if not pa.objects or not pb.objects:
        return True
    shared = len(pa.objects & pb.objects)
    return shared >= 1 and shared / min(len(pa.objects), len(pb.objects)) >= 0.34


def _relation(pa: Predicate, pb: Predicate) -> str | None:
    if pa.key == pb.key:
        return "same"
    return "antonym" if frozenset((pa.key, pb.key)) in ANTONYMS else None


def _polarity_strength(pa: Predicate, pb: Predicate) -> float:
    neg, aff = (pa, pb) if pa.negated else (pb, pa)
    return _STRENGTH.get((neg.tense, aff.tense), 0.0)


def _antonym_strength(pa: Predicate, pb: Predicate) -> float:
    if pa.negated or pb.negated or "modal" in (pa.tense, pb.tense):
        return 0.0
    return _ANTONYM_STRENGTH if pa.tense == pb.tense else 0.0


def _compare(pa: Predicate, pb: Predicate) -> tuple[float, bool]:
    """(conflict strength, agrees) for two predicates already known to be comparable."""
    if _relation(pa, pb) == "antonym":
        agree = pa.negated != pb.negated
        return _antonym_strength(pa, pb), agree
    if pa.negated == pb.negated:
        return 0.0, pa.tense != "modal" and pb.tense != "modal"
    return _polarity_strength(pa, pb), False


def _comparable(pa: Predicate, pb: Predicate) -> bool:
    return _relation(pa, pb) is not None and _same_actor(pa, pb) and _objects_overlap(pa, pb)


@register_check("polarity")
def check_polarity(a: Claim, b: Claim) -> CheckResult:
    """Conflicts where one claim negates what the other affirms about the same actor.

    Example::

        check_polarity(Claim.bare("Acme never sold drones to the army."),
                       Claim.bare("Acme sold drones to the army in 2019."))
        # -> one POLARITY conflict: "never sold drones to the army" vs "sold drones ..."
    """
    preds_a = predicates(a.text, a.subject)
    preds_b = predicates(b.text, b.subject)
    conflicts: dict[tuple[str, str], Conflict] = {}
    matches = 0
    for pa in preds_a:
        for pb in preds_b:
            if not _comparable(pa, pb):
                continue
            strength, agree = _compare(pa, pb)
            matches += agree
            if strength > 0:
                conflict = _conflict(a.text, b.text, pa, pb, strength)
                conflicts[(conflict.value_a, conflict.value_b)] = conflict
    if not conflicts:
        conflicts = {(c.value_a, c.value_b): c for c in negations_in_context(a.text, b.text)}
    logger.debug("polarity: %d conflicts, %d matches", len(conflicts), matches)
    return CheckResult(tuple(conflicts.values()), matches)


# ---------------------------------------------------------------------------
# Negations in near-identical claims (comparability from context)
# ---------------------------------------------------------------------------

#: Words that negate in the aligned comparison ("not" also stands for "n't" and "cannot").
CONTEXT_NEGATORS = frozenset(
    {"not", "never", "no", "none", "nobody", "nothing", "neither", "nor", "without"})
#: Strength of a negation added or removed in near-identical claims.
DIFF_STRENGTH = 0.85
#: Words that come and go with a negation: "took" vs "did not take", "is no longer".
_DO_SUPPORT = frozenset({"do", "does", "did", "longer"})


def negations_in_context(a: str, b: str) -> tuple[Conflict, ...]:
    """Negations one near-identical claim adds or drops in the aligned diff.

    Example::

        >>> [(c.value_a, c.value_b) for c in negations_in_context(
        ...     "Prices are rising in the city.", "Prices aren't rising in the city.")]
        [('are', "aren't")]
    """
    alignment = near_identical(a, b)
    if alignment is None:
        return ()
    counted = [(seg, _negations(alignment.a, seg.i1, seg.i2),
                _negations(alignment.b, seg.j1, seg.j2))
               for seg in alignment.segments if seg.short and _same_words(seg)]
    if sum(na for _, na, _ in counted) == sum(nb for _, _, nb in counted):
        return ()  # a negation that moved is not one added or removed
    return tuple(_context_conflict(a, b, alignment, seg)
                 for seg, na, nb in counted if na != nb)


def _same_words(seg: Segment) -> bool:
    """Whether the two sides of a region say the same once negators and do-support are
    set aside ("took" vs "did not take"); an added clause ("he got nothing done") does not."""
    def rest(words: tuple[str, ...]) -> set[str]:
        return {lemma(w) for w in words if w not in CONTEXT_NEGATORS | _DO_SUPPORT}
    return rest(seg.a_words) == rest(seg.b_words)


def _negations(tokens: tuple[DiffToken, ...], i: int, j: int) -> int:
    """How many negators stand in ``tokens[i:j]`` ("not only", "not least" are none)."""
    count = 0
    for k in range(i, j):
        nxt = tokens[k + 1].word if k + 1 < len(tokens) else ""
        if tokens[k].word in CONTEXT_NEGATORS and not (
                tokens[k].word == "not" and nxt in _FOCUS | {"least"}):
            count += 1
    return count


def _context_conflict(a: str, b: str, alignment: Alignment, seg: Segment) -> Conflict:
    """Quote each side's changed words, with the word before when a side is only a negator
    or nothing ("is" vs "is not")."""
    bare = not all(set(words) - CONTEXT_NEGATORS - _DO_SUPPORT
                   for words in (seg.a_words, seg.b_words))
    pad = 1 if bare else 0
    return Conflict(FindingType.POLARITY, segment_text(a, alignment, seg, "a", pad),
                    segment_text(b, alignment, seg, "b", pad), DIFF_STRENGTH,
                    "negated vs affirmed (same context)")


def _conflict(text_a: str, text_b: str, pa: Predicate, pb: Predicate,
              strength: float) -> Conflict:
    kind = "antonyms" if pa.key != pb.key else "negated vs affirmed"
    actor = next((x for x in pa.actors if any(same_entity(x, y) for y in pb.actors)), "")
    return Conflict(FindingType.POLARITY, text_a[pa.start:pa.end], text_b[pb.start:pb.end],
                    strength, f"{kind} ({pa.tense} vs {pb.tense}) for {actor}")
