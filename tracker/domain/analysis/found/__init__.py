"""Patterns found by error analysis on the development split (never the held-out split):
ways people express each tag's meaning that the hand-written patterns in lexicon.py missed.
One module per tag: candidate patterns (regex on the lower-cased narrative, weight), each at
>= 0.70 precision on the development split and adding matches the existing patterns did not
make; `PATTERNS` ships the few that add the most (every pattern costs time on every
narrative). Broad lexicon patterns that mostly fired on other meanings were turned down
in lexicon.py itself."""

from __future__ import annotations

from importlib import import_module

from ...vocab import TAG_SLUGS


def found() -> dict[str, list[tuple[str, float]]]:
    """slug -> the shipped patterns of that tag's module."""
    return {
        slug: list(import_module(f"{__name__}.{slug.replace('-', '_')}").PATTERNS)
        for slug in TAG_SLUGS
    }
