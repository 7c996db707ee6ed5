"""Normalisation of country names for exact matching: Unicode, case, punctuation, articles."""

import re
import unicodedata

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'", "´": "'"})
_NON_WORD = re.compile(r"[\W_]+")
_DROPPED_TOKENS = frozenset({"the"})
_TOKEN_SYNONYMS = {"st": "saint", "ste": "sainte"}


def normalise_name(text: str) -> str:
    """Return the matching key of a name: ``"The Côte d’Ivoire"`` → ``"cote d ivoire"``.

    Folds Unicode compatibility forms and diacritics, case, apostrophes and punctuation,
    ``&`` to ``and``, ``St``/``St.`` to ``saint``, and drops the article ``the``.
    """
    folded = unicodedata.normalize("NFKC", text).translate(_APOSTROPHES)
    decomposed = unicodedata.normalize("NFKD", folded)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    lowered = stripped.casefold().replace("&", " and ")
    tokens = _NON_WORD.sub(" ", lowered).split()
    kept = (_TOKEN_SYNONYMS.get(token, token) for token in tokens)
    return " ".join(token for token in kept if token not in _DROPPED_TOKENS)
