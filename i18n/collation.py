"""Alphabetical order that readers of French and Spanish expect: accents do not push a name last."""

import unicodedata


def sort_key(text: str) -> str:
    """``"Émirats arabes unis"`` sorts with the E's, ``"Ñ"`` beside N; case is ignored."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
