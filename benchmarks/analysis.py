"""Narrative analysis quality and speed, on the held-out split of the shipped corpus.

    .venv/bin/python benchmarks/analysis.py [--retrain] [--repeat 5]

Prints macro-F1 over tags, per-tag precision/recall, top-1 accuracy of the primary tag,
escalation AUROC and narratives/second in batch on one core, for the shipped hybrid and for
its two halves alone (the measurement behind the choice of method).

Targets (issue 4): macro-F1 >= 0.75, primary top-1 >= 0.80, escalation AUROC >= 0.90,
>= 1,000 narratives/s.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tracker.domain.analysis import (  # noqa: E402
    Model,
    analyze,
    analyze_batch,
    default_model,
    evaluate,
    load_corpus,
    split_of,
    train,
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--retrain", action="store_true", help="train on the dev split first")
    parser.add_argument("--repeat", type=int, default=5, help="copies of the test set to time")
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})  # one core
    corpus = load_corpus()
    dev = [e for e in corpus if split_of(e["id"]) == "dev"]
    test = [e for e in corpus if split_of(e["id"]) == "test"]
    if args.retrain:
        started = time.perf_counter()
        model = train(dev)
        print(f"trained on {len(dev)} dev narratives in {time.perf_counter() - started:.1f} s")
    else:
        model = default_model()
    print(f"corpus: {len(corpus)} narratives; dev {len(dev)}, held-out test {len(test)}")
    print(
        f"model trained on {model.trained_on}; tuned on dev (out-of-fold): "
        + ", ".join(f"{k[6:]}={v}" for k, v in model.meta.items() if k.startswith("tuned_"))
    )

    variants = [
        (
            "lexicon only",
            Model(
                model.tags,
                model.weights,
                model.intercepts,
                meta={
                    **model.meta,
                    "alpha": 0.0,
                    "primary_weight": 0.0,
                    "escalation_alpha": 0.0,
                    "thresholds": {},
                },
            ),
        ),
        (
            "model only",
            Model(
                model.tags,
                model.weights,
                model.intercepts,
                meta={
                    **model.meta,
                    "alpha": 1.0,
                    "primary_weight": 0.0,
                    "escalation_alpha": 1.0,
                    "thresholds": {},
                },
            ),
        ),
        ("hybrid (shipped)", model),
    ]
    print(f"\n{'method':20}{'macro-F1':>10}{'top-1':>8}{'AUROC':>8}")
    for name, variant in variants:
        m = evaluate(variant, test)
        print(f"{name:20}{m.macro_f1:10.3f}{m.primary_top1:8.3f}{m.escalation_auroc:8.3f}")
    metrics = evaluate(model, test)
    print(f"\nper tag (hybrid, held-out):\n{'tag':26}{'P':>7}{'R':>7}{'F1':>7}{'n':>5}")
    for slug, r in metrics.per_tag.items():
        print(f"{slug:26}{r['precision']:7.2f}{r['recall']:7.2f}{r['f1']:7.2f}{r['support']:5d}")

    texts = [e["narrative"] for e in test] * args.repeat
    analyze_batch(texts[:100], model=model)  # warm caches
    started = time.perf_counter()
    analyze_batch(texts, model=model)
    batch = len(texts) / (time.perf_counter() - started)
    started = time.perf_counter()
    for text in texts[:300]:
        analyze(text, model=model)
    single = (time.perf_counter() - started) / 300 * 1000
    mean_len = sum(map(len, texts)) / len(texts)
    print(
        f"\nspeed on one core: {batch:,.0f} narratives/s in batch ({len(texts)} narratives, "
        f"mean {mean_len:.0f} characters); {single:.1f} ms for one narrative alone"
    )
    print("\ntargets: macro-F1 >= 0.75, top-1 >= 0.80, AUROC >= 0.90, >= 1,000 narratives/s")


if __name__ == "__main__":
    main()
