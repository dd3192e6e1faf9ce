"""Narrative analysis: suggested root causes with their evidence, and escalation risk.

Interface (stable; the app, the CLI `analyze` and `POST /api/v1/analyze` use only this):

    analyze(narrative, facts=None, model=None) -> Analysis
    analyze_batch(narratives, model=None) -> list[Analysis]
    validate_narrative(text)  # raises NarrativeError with a sentence for a person
    looks_english(text)  # False: no suggestions, a note saying why
    default_model() / load_model(path) / train(examples) / evaluate(model, examples)
    retrain(extra_examples) -> (model, before, after)

Method (chosen by measurement, see benchmarks/analysis.py): a hybrid. An explainable phrase
lexicon (lexicon.py) catches meaning with negation handling and supplies the evidence
phrases; a logistic-regression model over hashed word and character n-grams, trained on the
shipped corpus (and on officers' confirmed codings after `train-tagger`), catches what the
phrases miss. A tag is suggested when the combined score passes its threshold. Escalation
combines escalation phrases, the model's escalation probability and, in the app, the
incident's facts (severity, stage, contacts, lateness, earlier incidents).
"""

from __future__ import annotations

from collections.abc import Iterable

from .engine import (
    Analysis,
    Escalation,
    Evidence,
    Facts,
    NarrativeError,
    TagSuggestion,
    analyze,
    analyze_batch,
    looks_english,
    validate_narrative,
)
from .model import (
    Metrics,
    Model,
    default_model,
    evaluate,
    load_corpus,
    load_model,
    split_of,
    train,
)


def retrain(extra_examples: Iterable[dict], folds: int = 5) -> tuple[Model, Metrics, Metrics]:
    """Train on the shipped corpus's dev split plus confirmed examples; report the shipped
    and the new model on the held-out test split. `folds` < 2 skips the out-of-fold tuning
    (several times faster) and keeps the shipped model's blend and thresholds."""
    corpus = load_corpus()
    dev = [e for e in corpus if split_of(e["id"]) == "dev"]
    test = [e for e in corpus if split_of(e["id"]) == "test"]
    before = evaluate(default_model(), test)
    model = train(dev + list(extra_examples), folds=folds)
    if folds < 2:
        model.meta = dict(default_model().meta)
    after = evaluate(model, test)
    return model, before, after


__all__ = [
    "Analysis",
    "Escalation",
    "Evidence",
    "Facts",
    "Metrics",
    "Model",
    "NarrativeError",
    "TagSuggestion",
    "analyze",
    "analyze_batch",
    "default_model",
    "evaluate",
    "load_corpus",
    "load_model",
    "looks_english",
    "retrain",
    "split_of",
    "train",
    "validate_narrative",
]
