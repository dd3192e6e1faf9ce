"""How far a second coder agrees with the corpus labels, against the shipped analyser, on the
same held-out narratives: the ceiling the analysis targets should be read against.

    .venv/bin/python benchmarks/agreement.py

`benchmarks/data/second-coder.jsonl` holds 200 held-out narratives re-coded blind (tags,
primary tag, escalation level) by a separate session that saw only the taxonomy.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np
from sklearn.metrics import roc_auc_score

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tracker.domain.analysis import analyze_batch, load_corpus  # noqa: E402
from tracker.domain.vocab import TAG_SLUGS  # noqa: E402

LEVEL = {"low": 0, "medium": 1, "high": 2}


def macro_f1(pairs: list[tuple[set[str], set[str]]]) -> float:
    scores = []
    for slug in TAG_SLUGS:
        tp = sum(1 for gold, got in pairs if slug in gold and slug in got)
        fp = sum(1 for gold, got in pairs if slug in got and slug not in gold)
        fn = sum(1 for gold, got in pairs if slug in gold and slug not in got)
        if tp + fn:
            scores.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    return float(np.mean(scores))


def main() -> None:
    corpus = {e["id"]: e for e in load_corpus()}
    path = Path(__file__).parent / "data" / "second-coder.jsonl"
    second = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    gold = [corpus[r["id"]] for r in second]
    model = analyze_batch([g["narrative"] for g in gold])
    high = [g["escalation"] == "high" for g in gold]
    has_primary = [i for i, g in enumerate(gold) if g.get("primary_tag")]
    rows = {
        "second coder": (
            [set(r["tags"]) for r in second],
            [r["primary_tag"] for r in second],
            [LEVEL[r["escalation"]] for r in second],
        ),
        "shipped analyser": (
            [{t.slug for t in m.tags} for m in model],
            [m.tags[0].slug if m.tags else None for m in model],
            [m.escalation.score for m in model],
        ),
    }
    print(f"{len(second)} held-out narratives, against the corpus labels")
    print(f"{'':20}{'macro-F1':>10}{'top-1':>8}{'AUROC':>8}")
    for name, (tags, primary, escalation) in rows.items():
        f1 = macro_f1([(set(g["tags"]), t) for g, t in zip(gold, tags, strict=True)])
        top1 = np.mean([primary[i] == gold[i]["primary_tag"] for i in has_primary])
        auroc = roc_auc_score(high, escalation)
        print(f"{name:20}{f1:10.3f}{top1:8.3f}{auroc:8.3f}")


if __name__ == "__main__":
    main()
