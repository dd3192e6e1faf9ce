"""analyze(narrative, facts) -> Analysis: suggested root causes with evidence, escalation risk
with reasons.

A tag's score blends the phrase lexicon (noisy-or of the weights of the distinct patterns that
matched, each match cancelled when a positive guard holds in the same sentence) with the
model's probability: score = alpha * model + (1 - alpha) * lexicon, suggested at or above the
tag's threshold. alpha and the thresholds are chosen on out-of-fold predictions over the
development split (see `tune`) and stored in the model, so a retrained model carries its own.
"""

from __future__ import annotations

import gc
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import numpy as np

from . import lexicon
from .model import Model, blend, default_model, features, term_index, word_tokens

MAX_CHARS = 20_000
LEVELS = (("high", 0.6), ("medium", 0.3), ("low", 0.0))
DEFAULT_ALPHA = 0.5
DEFAULT_THRESHOLD = 0.5
MAX_EVIDENCE = 3

# Frequent English words: a narrative in which almost none occur is not English.
_ENGLISH = frozenset(
    "the a an and or but to of in on at for with was were is are be been he she it they we i "
    "my our his her their me us him them this that not no nobody never had has have did do "
    "said told when after before from would could there what who "
    "all any about again also am as asked back because by can can't came come day days "
    "didn't don't even every felt get go going got hour hours how if just know left like "
    "made more much need needs next nothing now off one only out over please same saw see "
    "so some still than then thank thanks these time today too two up very wait waited want "
    "wants wasn't week weeks went which while why will without yet you your".split()
)
# Words that carry no meaning alone: never shown as evidence by themselves.
_FUNCTION_WORDS = frozenset(
    "the a an and or but to of in on at for with was were is are be been he she it they we i "
    "my our his her their me us him them this that had has have did do from there what who "
    "as so if by its it's i'm i've".split()
)
# ... and frequent words of the languages most often met instead (none of them English words).
_FOREIGN = (
    frozenset(
        "de la le les et des est une un que qui pas nous vous il elle avec pour dans sur du au "
        "el los las y por con para del una es se lo su al muy pero como "
        "der das und ist nicht ich sie wir mit von zu den ein eine auf dem des "
        "het een van ik niet wij zijn op voor "
        "ta na nie się że jest do po z w "
        "da em um uma não os com para "
        "il di che non per sono della nel ci ha mi gli anche è stata nessuno mia "
        "nadie nada nos mí "
        "bir ve bu için çok uns wurde niemand meine mein keine nikt nam była był mnie "
        "en heeft ons mijn".split()
    )
    - _ENGLISH
)
# Control characters (but tab and line breaks), surrogates and private-use characters:
# what binary data decoded as text is made of.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ue000-\uf8ff]")
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_SENTENCE_END = re.compile(r"[.!?\n]+")
_HARM = re.compile(
    r"(?:harm|damage|injur\w+|paralys\w+|lost (?:the|his|her|my) (?:sight|voice|baby|leg|hearing)|"
    r"can'?t (?:walk|see|hear|work)|permanent|nerve|stroke|infection|bleed\w*|died)"
)


class NarrativeError(ValueError):
    """The text cannot be analysed; the message says why, for a person."""


@dataclass(frozen=True)
class Facts:
    """What the app knows about an incident beyond its words."""

    severity: str | None = None
    stage: str | None = None
    contacts: int = 0  # contacts from the patient or family
    unanswered_contacts: int = 0
    days_past_ack_deadline: int = 0
    days_past_response_deadline: int = 0
    prior_incidents_same_patient: int = 0
    department: str | None = None


@dataclass(frozen=True)
class Evidence:
    phrase: str
    start: int
    end: int


@dataclass(frozen=True)
class TagSuggestion:
    slug: str
    score: float
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True)
class Escalation:
    score: float
    level: str
    reasons: tuple[str, ...] = ()


@dataclass(frozen=True)
class Analysis:
    tags: tuple[TagSuggestion, ...]
    escalation: Escalation
    note: str | None = None  # e.g. why nothing is suggested
    error: str | None = None  # set by analyze_batch for input it could not read
    scores: dict[str, float] = field(default_factory=dict, compare=False, repr=False)

    def to_json(self, id=None) -> dict:
        """The `analyze` line of the public interface."""
        out = {
            "id": id,
            "tags": [
                {
                    "slug": t.slug,
                    "score": round(t.score, 3),
                    "evidence": [e.phrase for e in t.evidence],
                }
                for t in self.tags
            ],
            "escalation": {
                "score": round(self.escalation.score, 3),
                "level": self.escalation.level,
                "reasons": list(self.escalation.reasons),
            },
        }
        if self.note:
            out["note"] = self.note
        if self.error:
            out["error"] = self.error
        return out

    def evidence_spans(self) -> list[dict]:
        return [
            {"slug": t.slug, "start": e.start, "end": e.end} for t in self.tags for e in t.evidence
        ]


NOTHING = Escalation(0.0, "low", ())


def validate_narrative(text) -> str:
    """The narrative, or NarrativeError saying what is wrong with it."""
    if not isinstance(text, str):
        raise NarrativeError("The narrative must be text.")
    if not text.strip():
        raise NarrativeError("The narrative is empty.")
    if len(text) > MAX_CHARS:
        raise NarrativeError(
            f"The narrative is {len(text):,} characters long; the limit is {MAX_CHARS:,}."
        )
    controls = len(_CONTROL.findall(text))
    if "\x00" in text or controls > max(3, len(text) // 100) or "\ufffd" in text:
        raise NarrativeError("The narrative contains binary data, not text.")
    return text


def looks_english(text: str) -> bool:
    words = _WORD.findall(text.lower())
    letters = "".join(words)
    non_latin = sum(1 for ch in letters if ord(ch) > 0x24F)
    if letters and non_latin > len(letters) * 0.3:
        return False
    common = sum(1 for w in words if w in _ENGLISH)
    foreign = sum(1 for w in words if w in _FOREIGN)
    if foreign >= 2 and foreign >= common:
        return False
    if len(words) < 20:
        # Short notes are telegraphic ("Cast too tight. Fingers blue overnight."): with no
        # sign of another language, let the patterns decide.
        return True
    return common > foreign and common >= max(2, 0.08 * len(words))


def _sentences(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for m in _SENTENCE_END.finditer(text):
        if m.start() > start:
            spans.append((start, m.start()))
        start = m.end()
    if start < len(text):
        spans.append((start, len(text)))
    return spans


def _sentence_of(spans: list[tuple[int, int]], pos: int) -> tuple[int, int]:
    for s, e in spans:
        if s <= pos < e:
            return s, e
    return 0, 0


def lexicon_matches(text: str) -> dict[str, tuple[float, list[Evidence]]]:
    """Per tag: noisy-or score of the patterns that matched, and their evidence spans."""
    lower = text.lower()
    spans = _sentences(lower)
    out = {}
    for slug, patterns in lexicon.candidates(lower):
        miss, evidence = 1.0, []
        blocked = _guarded(slug, lower, spans)
        for pattern, weight in patterns:
            found = False
            for m in pattern.finditer(lower):
                if m.end() - m.start() < 2:
                    continue
                if blocked and _sentence_of(spans, m.start()) in blocked:
                    continue
                found = True
                evidence.append(
                    Evidence(text[m.start() : m.end()].strip(" ,;:"), m.start(), m.end())
                )
            if found:
                miss *= 1 - weight
        if evidence:
            out[slug] = (1 - miss, _dedupe(evidence))
    return out


def _guarded(slug: str, lower: str, spans: list[tuple[int, int]]) -> set[tuple[int, int]]:
    """The sentences in which a positive guard of this tag holds ("the surgeon *did*
    explain the risks"): the tag's patterns do not count there."""
    return {
        _sentence_of(spans, m.start())
        for guard in lexicon.COMPILED_GUARDS.get(slug, ())
        for m in guard.finditer(lower)
    }


def _dedupe(evidence: list[Evidence]) -> list[Evidence]:
    """Longest first, dropping spans inside one already kept; then in reading order."""
    kept: list[Evidence] = []
    for e in sorted(evidence, key=lambda e: e.start - e.end):
        if not any(k.start <= e.start and e.end <= k.end for k in kept):
            kept.append(e)
    return sorted(kept[:MAX_EVIDENCE], key=lambda e: e.start)


def escalation_from_text(text: str, tags: dict[str, float]) -> tuple[float, list[str]]:
    lower = text.lower()
    miss, reasons = 1.0, []
    for pattern, reason, weight in lexicon.COMPILED_ESCALATION:
        if pattern.search(lower) and reason not in reasons:
            reasons.append(reason)
            miss *= 1 - weight
    if tags.get("unexplained-risk", 0) >= 0.5 and _HARM.search(lower):
        reasons.append("harm after a risk that was not explained")
        miss *= 0.5
    score = 1 - miss
    if any(p.search(lower) for p in lexicon.COMPILED_DEESCALATION):
        score *= 0.5
    return score, reasons


def escalation_from_facts(facts: Facts | None) -> tuple[float, list[str]]:
    if facts is None:
        return 0.0, []
    parts: list[tuple[float, str]] = []
    if facts.stage in ("external", "legal"):
        parts.append((0.7, f"already at the {facts.stage} stage"))
    elif facts.stage == "complaint":
        parts.append((0.3, "already a formal complaint"))
    if facts.severity == "high":
        parts.append((0.35, "high severity"))
    if facts.unanswered_contacts >= 2:
        parts.append((0.45, f"{_ordinal(facts.unanswered_contacts + 1)} contact without an answer"))
    elif facts.contacts >= 3:
        parts.append((0.3, f"{facts.contacts} contacts from the patient or family"))
    late = max(facts.days_past_ack_deadline, facts.days_past_response_deadline)
    if late > 0:
        which = "response" if facts.days_past_response_deadline else "acknowledgement"
        parts.append(
            (min(0.5, 0.2 + 0.03 * late), f"{which} {late} working day{'s' * (late != 1)} late")
        )
    if facts.prior_incidents_same_patient:
        n = facts.prior_incidents_same_patient
        parts.append(
            (min(0.45, 0.2 * n), f"{n} earlier incident{'s' * (n != 1)} for the same patient")
        )
    miss = 1.0
    for weight, _ in parts:
        miss *= 1 - weight
    return 1 - miss, [reason for _, reason in parts]


def _ordinal(n: int) -> str:
    words = {2: "second", 3: "third", 4: "fourth", 5: "fifth", 6: "sixth"}
    return words.get(n, f"{n}th")


def _level(score: float) -> str:
    return next(name for name, floor in LEVELS if score >= floor)


class _Grams:
    """A narrative's meaningful word n-grams and their hashed indices, computed once and
    shared by every tag that needs model evidence."""

    def __init__(self, text: str):
        self.items: list[tuple[str, int, int]] = []
        index = []
        tokens = word_tokens(text)
        # a 1- or 2-gram is worth showing unless all its words are short or function words
        meaningful = [not (w in _FUNCTION_WORDS or len(w) < 3) for w, _, _ in tokens]
        for k, (word, start, end) in enumerate(tokens):
            if meaningful[k]:
                self.items.append((text[start:end], start, end))
                index.append(term_index(word))
            if k + 1 < len(tokens) and (meaningful[k] or meaningful[k + 1]):
                following, _, end2 = tokens[k + 1]
                self.items.append((text[start:end2], start, end2))
                index.append(term_index(f"{word} {following}"))
        self.index = np.array(index, dtype=np.int64)


def _model_evidence(grams: _Grams, model: Model, row: int) -> list[Evidence]:
    """For a tag the lexicon did not see: the words that pushed the model most."""
    if not grams.items:
        return []
    weights = model.dense_row(row)[grams.index]
    order = np.argsort(-weights)[: MAX_EVIDENCE * 2]
    best = [Evidence(*grams.items[k]) for k in order if weights[k] > 0.5]
    return _dedupe(best)


def _combine(text: str, probs: np.ndarray, model: Model, facts: Facts | None) -> Analysis:
    lex = lexicon_matches(text)
    alpha = float(model.meta.get("alpha", DEFAULT_ALPHA))
    gamma = float(model.meta.get("primary_weight", 0.0))
    mode = model.meta.get("blend", "linear")
    n = len(model.tags)
    primary = probs[n + 1 : 2 * n + 1] if len(probs) > n + 1 else np.zeros(n)
    none = float(probs[2 * n + 1]) if len(probs) > 2 * n + 1 else 0.0
    damp = float(model.meta.get("none_damping", 0.0))
    thresholds = model.meta.get("thresholds", {})
    scores: dict[str, float] = {}
    suggested = []
    grams = None
    raws = []
    for i, slug in enumerate(model.tags):
        lex_score, evidence = lex.get(slug, (0.0, []))
        raw = blend(float(probs[i]), lex_score, float(primary[i]), alpha, gamma, mode, none, damp)
        raws.append(raw)
        score = raw / (1 + gamma)  # back into 0..1; the thresholds are tuned on the raw blend
        scores[slug] = score
        if raw >= thresholds.get(slug, DEFAULT_THRESHOLD):
            if not evidence:
                grams = grams or _Grams(text)
                evidence = _model_evidence(grams, model, i)
            suggested.append(TagSuggestion(slug, min(1.0, score), tuple(evidence)))
    if not suggested and len(probs) > 2 * n + 1 and none < 0.5:
        # Something is wrong ("nothing applies" is unlikely) but no tag reached its
        # threshold: offer the likeliest one rather than nothing; its low confidence shows.
        i = int(np.argmax(raws))
        slug = model.tags[i]
        evidence = lex.get(slug, (0.0, []))[1] or _model_evidence(grams or _Grams(text), model, i)
        suggested.append(TagSuggestion(slug, min(1.0, scores[slug]), tuple(evidence)))
    suggested.sort(key=lambda t: -t.score)
    text_score, reasons = escalation_from_text(text, scores)
    model_esc = float(probs[n])
    beta = float(model.meta.get("escalation_alpha", DEFAULT_ALPHA))
    text_score = beta * model_esc + (1 - beta) * text_score
    if model_esc >= 0.7 and not reasons:
        reasons.append("its tone resembles complaints that escalated")
    fact_score, fact_reasons = escalation_from_facts(facts)
    score = 1 - (1 - text_score) * (1 - fact_score)
    return Analysis(
        tuple(suggested),
        Escalation(round(score, 4), _level(score), tuple(reasons + fact_reasons)),
        scores=scores,
    )


def analyze(narrative: str, facts: Facts | None = None, model: Model | None = None) -> Analysis:
    """Suggestions and escalation for one narrative. Raises NarrativeError for input that is
    not a readable narrative (empty, too long, binary); text that is not English gets no
    suggestions and a note saying why."""
    text = validate_narrative(narrative)
    model = model or default_model()
    if not looks_english(text):
        fact_score, reasons = escalation_from_facts(facts)
        return Analysis(
            (),
            Escalation(round(fact_score, 4), _level(fact_score), tuple(reasons)),
            note="The narrative does not appear to be in English; no tags suggested.",
        )
    probs = model.probabilities(features([text]))[0]
    return _combine(text, probs, model, facts)


BATCH_ROWS = 2000


def analyze_batch(
    narratives: Sequence[str] | Iterable[str],
    model: Model | None = None,
    facts: Sequence[Facts | None] | None = None,
) -> list[Analysis]:
    """Many narratives at once (one matrix product for the model). Unreadable input gives an
    Analysis with `error` set instead of raising, so one bad line never stops a batch."""
    model = model or default_model()
    narratives = list(narratives)
    facts = list(facts) if facts is not None else [None] * len(narratives)
    results: list[Analysis | None] = [None] * len(narratives)
    readable = []
    for i, text in enumerate(narratives):
        try:
            validate_narrative(text)
        except NarrativeError as exc:
            results[i] = Analysis((), NOTHING, error=str(exc))
            continue
        if not looks_english(text):
            results[i] = Analysis(
                (),
                NOTHING,
                note="The narrative does not appear to be in English; no tags suggested.",
            )
            continue
        readable.append(i)
    # The batch makes many small objects and no reference cycles: the cyclic collector only
    # costs time here (about 5 % of a large batch), so it waits until the batch is done.
    collecting = gc.isenabled()
    gc.disable()
    try:
        for start in range(0, len(readable), BATCH_ROWS):  # bounded memory for huge inputs
            chunk = readable[start : start + BATCH_ROWS]
            probs = model.probabilities(features([narratives[i] for i in chunk]))
            for row, i in enumerate(chunk):
                results[i] = _combine(narratives[i], probs[row], model, facts[i])
    finally:
        if collecting:
            gc.enable()
    return results  # type: ignore[return-value]
