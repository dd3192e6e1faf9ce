"""The statistical half: logistic regression over hashed word and character n-grams.

Hashing needs no vocabulary, so a model is just arrays (weights, intercepts, thresholds),
saved as a compressed .npz and loaded with allow_pickle=False: a retrained model written to
instance/ is data, never code.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import HashingVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import KFold
from sklearn.utils import murmurhash3_32

from ..vocab import TAG_SLUGS

CORPUS_DIR = Path(__file__).parent / "corpus"
SHIPPED_MODEL = Path(__file__).parent / "model.npz"
N_FEATURES = 2**18
REGULARISATION_C = 16.0  # chosen on out-of-fold development scores (benchmarks/analysis.py)
# The escalation classifier learns "high" from soft labels: a medium-risk narrative counts as
# a fifth of a positive, so the model also learns what makes a case drift upwards
# (held-out AUROC 0.905 -> 0.908 over hard labels on the 2,170-narrative corpus).
ESCALATION_SOFT_LABELS = {"high": 1.0, "medium": 0.2, "low": 0.0}
_WORDS = HashingVectorizer(
    n_features=N_FEATURES,
    ngram_range=(1, 2),
    alternate_sign=False,
    norm=None,
    lowercase=True,
    token_pattern=r"(?u)\b\w[\w']*\b",
)
_CHARS = HashingVectorizer(
    n_features=N_FEATURES,
    analyzer="char_wb",
    ngram_range=(3, 4),
    alternate_sign=False,
    norm=None,
    lowercase=True,
)


def features(texts: list[str]) -> sparse.csr_matrix:
    """Word 1-2-grams and character 3-5-grams, hashed into one space, log-scaled and
    L2-normalised per text."""
    x = _WORDS.transform(texts) + _CHARS.transform(texts) * 0.5
    x.data = np.log1p(x.data)
    norms = np.sqrt(np.asarray(x.multiply(x).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return sparse.csr_matrix(sparse.diags(1 / norms) @ x)


_TOKEN = re.compile(r"(?u)\b\w[\w']*\b")


def word_tokens(text: str) -> list[tuple[str, int, int]]:
    """(lower-cased word, start, end) as the word features see them."""
    return [(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text.lower())]


@lru_cache(maxsize=65536)
def term_index(term: str) -> int:
    """Where a word or "word word" n-gram lands in the hashed feature space."""
    return abs(murmurhash3_32(term, seed=0)) % N_FEATURES


def split_of(example_id: str) -> str:
    """The fixed split: 30 % of ids (by a stable hash) are the held-out test set."""
    digest = int(hashlib.sha1(example_id.encode()).hexdigest(), 16)
    return "test" if digest % 10 < 3 else "dev"


def load_corpus() -> list[dict]:
    rows = []
    for path in sorted(CORPUS_DIR.glob("part-*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                rows.append(json.loads(line))
    return rows


@dataclass
class Model:
    """Per-tag weights (sparse rows over the hashed space), intercepts and thresholds, plus
    an escalation ("high") classifier over the same features."""

    tags: tuple[str, ...]
    # rows: one per tag, escalation, then the primary-tag logits (one per tag, then "none")
    weights: sparse.csr_matrix
    intercepts: np.ndarray
    trained_on: int = 0
    meta: dict = field(default_factory=dict)
    _dense: dict[int, np.ndarray] = field(default_factory=dict, repr=False, compare=False)
    _columns: sparse.csr_matrix | None = field(default=None, repr=False, compare=False)

    def dense_row(self, i: int) -> np.ndarray:
        """One tag's weights as a dense vector (1 MB), cached: looking up single weights in a
        sparse matrix is slow, and evidence needs a few dozen per narrative."""
        if i not in self._dense:
            self._dense[i] = np.asarray(self.weights[i].todense()).ravel()
        return self._dense[i]

    def probabilities(self, x: sparse.csr_matrix) -> np.ndarray:
        if self._columns is None:  # transposed once: converting it cost ~10 ms per call
            self._columns = self.weights.T.tocsr()
        z = (x @ self._columns).toarray() + self.intercepts
        n = len(self.tags) + 1
        out = 1 / (1 + np.exp(-z[:, :n]))
        if z.shape[1] > n:  # softmax over the primary-tag rows: which tag is the main one
            p = z[:, n:] - z[:, n:].max(axis=1, keepdims=True)
            p = np.exp(p)
            out = np.hstack([out, p / p.sum(axis=1, keepdims=True)])
        return out

    def save(self, path: Path) -> None:
        w = self.weights.tocsr()
        with open(path, "wb") as fh:
            np.savez_compressed(
                fh,
                data=w.data.astype(np.float32),
                indices=w.indices,
                indptr=w.indptr,
                shape=np.array(w.shape),
                intercepts=self.intercepts,
                tags=np.array(self.tags),
                trained_on=np.array(self.trained_on),
                meta=np.array(json.dumps(self.meta)),
            )


def load_model(path: str | Path) -> Model:
    with np.load(path, allow_pickle=False) as f:
        weights = sparse.csr_matrix((f["data"], f["indices"], f["indptr"]), shape=tuple(f["shape"]))
        return Model(
            tags=tuple(str(t) for t in f["tags"]),
            weights=weights,
            intercepts=f["intercepts"],
            trained_on=int(f["trained_on"]),
            meta=json.loads(str(f["meta"])),
        )


@lru_cache(maxsize=1)
def default_model() -> Model:
    if SHIPPED_MODEL.exists():
        return load_model(SHIPPED_MODEL)
    return train(load_corpus_split("dev"))


def load_corpus_split(split: str) -> list[dict]:
    return [e for e in load_corpus() if split_of(e["id"]) == split]


def _fit(x, targets) -> tuple[sparse.csr_matrix, np.ndarray]:
    rows, intercepts = [], []
    for y in targets:
        y = np.asarray(y, dtype=float)
        if y.min() == y.max():  # a tag nobody used: never suggested by the model
            rows.append(sparse.csr_matrix((1, N_FEATURES)))
            intercepts.append(-10.0)
            continue
        clf = LogisticRegression(
            C=REGULARISATION_C, class_weight="balanced", solver="liblinear", max_iter=2000
        )
        if np.all((y == 0) | (y == 1)):
            clf.fit(x, y.astype(int))
        else:  # soft labels: each example once as a positive, once as a negative, weighted
            weight = np.r_[y, 1 - y]
            keep = weight > 0
            labels = np.r_[np.ones(len(y), int), np.zeros(len(y), int)]
            clf.fit(sparse.vstack([x, x]).tocsr()[keep], labels[keep], sample_weight=weight[keep])
        coef = clf.coef_.ravel()
        keep = np.abs(coef) > 0.03  # smaller weights change no score measurably; 3 MB not 5
        rows.append(
            sparse.csr_matrix(
                (coef[keep], (np.zeros(keep.sum(), int), np.where(keep)[0])), shape=(1, N_FEATURES)
            )
        )
        intercepts.append(float(clf.intercept_[0]))
    return sparse.vstack(rows).tocsr(), np.array(intercepts)


def _fit_primary(x, examples: list[dict]) -> tuple[sparse.csr_matrix, np.ndarray]:
    """Which tag is the main one: one-vs-rest logits per tag (a softmax over them at
    prediction time), trained on the narratives that have a primary tag."""
    targets = [[e.get("primary_tag") == slug for e in examples] for slug in TAG_SLUGS]
    targets.append([not e.get("tags") for e in examples])  # "none": nothing applies
    return _fit(x, targets)


def _targets(examples: list[dict]) -> list[list]:
    targets = [[slug in e.get("tags", []) for e in examples] for slug in TAG_SLUGS]
    targets.append([ESCALATION_SOFT_LABELS.get(e.get("escalation"), 0.0) for e in examples])
    return targets


def train(examples: list[dict], folds: int = 5) -> Model:
    """Fit one classifier per tag plus escalation, then tune how the analyser blends them with
    the lexicon (alpha) and each tag's threshold on out-of-fold predictions, so the tuning
    never sees a model that was trained on the example it is scored on."""
    x = features([e["narrative"] for e in examples])
    targets = _targets(examples)

    def fit(idx) -> Model:
        sub = [examples[i] for i in idx]
        w, b = _fit(x[idx], [np.asarray(t)[idx] for t in targets])
        pw, pb = _fit_primary(x[idx], sub)
        return Model(
            TAG_SLUGS, sparse.vstack([w, pw]).tocsr(), np.concatenate([b, pb]), trained_on=len(sub)
        )

    model = fit(np.arange(len(examples)))
    if folds >= 2 and len(examples) >= folds * 4:
        oof = np.zeros((len(examples), 2 * len(TAG_SLUGS) + 2))
        for fit_idx, hold_idx in KFold(folds, shuffle=True, random_state=7).split(examples):
            oof[hold_idx] = fit(fit_idx).probabilities(x[hold_idx])
        model.meta = tune(examples, oof)
    return model


def tune(examples: list[dict], probs: np.ndarray) -> dict:
    """Blend weight and per-tag thresholds that maximise macro-F1 on these predictions, and
    the escalation blend that maximises AUROC."""
    from .engine import escalation_from_text, lexicon_matches

    lex = [lexicon_matches(e["narrative"]) for e in examples]
    lex_scores = np.array([[m.get(slug, (0.0, []))[0] for slug in TAG_SLUGS] for m in lex])
    truth = np.array(_targets(examples)[:-1]).T
    n = len(TAG_SLUGS)
    tag_p, esc_p = probs[:, :n], probs[:, n]
    primary_p = probs[:, n + 1 : 2 * n + 1] if probs.shape[1] > n + 1 else np.zeros_like(tag_p)
    none_p = probs[:, [2 * n + 1]] if probs.shape[1] > 2 * n + 1 else np.zeros((len(probs), 1))
    has_primary = np.array([e.get("primary_tag") in TAG_SLUGS for e in examples])
    primary_idx = np.array(
        [
            TAG_SLUGS.index(e["primary_tag"]) if h else -1
            for e, h in zip(examples, has_primary, strict=True)
        ]
    )
    best = (-1.0, 0.5, 0.0, {}, 0.0, 0.0, "linear", 0.0)
    grid = np.arange(0.25, 0.76, 0.05)
    grid_blend = [
        (m, a, g, k)
        for m in BLENDS
        for a in np.arange(0.2, 0.81, 0.1)
        for g in (0.0, 0.2, 0.4, 0.6, 0.8)
        for k in (0.0, 0.5, 1.0, 2.0)
    ]
    for mode, alpha, gamma, damp in grid_blend:
        blended = blend(tag_p, lex_scores, primary_p, alpha, gamma, mode, none_p, damp)
        f1s, thresholds = [], {}
        for j, slug in enumerate(TAG_SLUGS):
            if not truth[:, j].any():
                continue
            scored = [(_f1(blended[:, j] >= t, truth[:, j]), -abs(t - 0.5), t) for t in grid]
            f1, _, t = max(scored)
            f1s.append(f1)
            thresholds[slug] = round(float(t), 2)
        top1 = (
            float(np.mean(blended[has_primary].argmax(axis=1) == primary_idx[has_primary]))
            if has_primary.any()
            else 0.0
        )
        objective = float(np.mean(f1s)) + top1
        if objective > best[0]:
            best = (
                objective,
                round(float(alpha), 2),
                round(gamma, 2),
                thresholds,
                float(np.mean(f1s)),
                top1,
                mode,
                damp,
            )
    y = np.array([e.get("escalation") == "high" for e in examples])
    text_esc = np.array([escalation_from_text(e["narrative"], {})[0] for e in examples])
    esc_alpha, best_auc = 0.5, -1.0
    if 0 < y.sum() < len(y):
        for beta in np.arange(0.0, 1.01, 0.1):
            auc = roc_auc_score(y, beta * esc_p + (1 - beta) * text_esc)
            if auc > best_auc + 1e-9:
                esc_alpha, best_auc = round(float(beta), 2), auc
    return {
        "blend": best[6],
        "none_damping": best[7],
        "alpha": best[1],
        "primary_weight": best[2],
        "thresholds": best[3],
        "escalation_alpha": esc_alpha,
        "tuned_macro_f1": round(best[4], 3),
        "tuned_primary_top1": round(best[5], 3),
        "tuned_escalation_auroc": round(best_auc, 3),
    }


BLENDS = ("linear", "noisy-or")


def blend(
    model_p,
    lexicon_p,
    primary_p,
    alpha: float,
    gamma: float,
    mode: str = "linear",
    none_p=0.0,
    damp: float = 0.0,
):
    """How the analyser combines the model's probability, the lexicon's score and the
    primary-tag probability into one raw score (thresholds are tuned on it).
    linear: alpha*model + (1-alpha)*lexicon; noisy-or: either strong source suffices,
    1 - (1-model)^(2 alpha) (1-lexicon)^(2 (1-alpha)). Both add gamma*primary."""
    if mode == "noisy-or":
        base = 1 - (1 - model_p) ** (2 * alpha) * (1 - lexicon_p) ** (2 * (1 - alpha))
    else:
        base = alpha * model_p + (1 - alpha) * lexicon_p
    # the "nothing applies" probability (thanks, plain requests) damps every tag
    return (base + gamma * primary_p) * (1 - none_p) ** damp


def _f1(predicted: np.ndarray, actual: np.ndarray) -> float:
    tp = float(np.sum(predicted & actual))
    fp = float(np.sum(predicted & ~actual))
    fn = float(np.sum(~predicted & actual))
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


@dataclass
class Metrics:
    macro_f1: float
    per_tag: dict[str, dict[str, float]]
    primary_top1: float
    escalation_auroc: float
    n: int

    def as_dict(self) -> dict:
        return {
            "macro_f1": round(self.macro_f1, 3),
            "primary_top1": round(self.primary_top1, 3),
            "escalation_auroc": round(self.escalation_auroc, 3),
            "n": self.n,
            "per_tag": self.per_tag,
        }


def evaluate(model: Model, examples: list[dict]) -> Metrics:
    """Scores the full analyser (lexicon + this model) on labelled examples."""
    from .engine import analyze_batch

    results = analyze_batch([e["narrative"] for e in examples], model=model)
    per_tag, f1s = {}, []
    for slug in TAG_SLUGS:
        tp = fp = fn = 0
        for e, r in zip(examples, results, strict=True):
            predicted = slug in {t.slug for t in r.tags}
            actual = slug in e.get("tags", [])
            tp += predicted and actual
            fp += predicted and not actual
            fn += actual and not predicted
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        if tp + fn:
            f1s.append(f1)
        per_tag[slug] = {
            "precision": round(precision, 3),
            "recall": round(recall, 3),
            "f1": round(f1, 3),
            "support": tp + fn,
        }
    primaries = [(e, r) for e, r in zip(examples, results, strict=True) if e.get("primary_tag")]
    top1 = (
        (
            sum(1 for e, r in primaries if r.tags and r.tags[0].slug == e["primary_tag"])
            / len(primaries)
        )
        if primaries
        else 0.0
    )
    y = [e.get("escalation") == "high" for e in examples]
    scores = [r.escalation.score for r in results]
    auroc = roc_auc_score(y, scores) if 0 < sum(y) < len(y) else float("nan")
    return Metrics(float(np.mean(f1s)) if f1s else 0.0, per_tag, top1, float(auroc), len(examples))
