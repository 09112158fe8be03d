"""Did you mean: the closest of a set of names to what was typed. The checks that use it
live with what they check (operation and API names in library.apis, regions in
library.regions, profiles in environments.credentials)."""

from __future__ import annotations

import difflib
from typing import Iterable


def close_matches(word: str, choices: Iterable[str], n: int = 3, cutoff: float = 0.6) -> list[str]:
    """The choices closest to `word` (case-insensitive), best first."""
    by_folded: dict[str, str] = {}
    for choice in choices:
        by_folded.setdefault(choice.casefold(), choice)
    found = difflib.get_close_matches(word.casefold(), list(by_folded), n=n, cutoff=cutoff)
    return [by_folded[f] for f in found]


def did_you_mean(word: str, choices: Iterable[str], n: int = 3) -> str:
    """' Did you mean: a, b?' or '' (to append to a message)."""
    close = close_matches(word, choices, n=n)
    return f" Did you mean: {', '.join(close)}?" if close else ""
