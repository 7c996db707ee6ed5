"""Diagnosis of unknown names that are a misread layout: names run together, markers, preamble."""

import re
from collections.abc import Callable, Iterable

from etl.aliases import AliasIndex
from etl.parse_pdf import MARKER

Lookup = Callable[[str], str | None]

_WORD = re.compile(r"[^\W\d_]+")
# At most this many known names run together are looked for in one unknown name.
_MAX_PARTS = 3


def _known_parts(text: str, lookup: Lookup, parts: int) -> list[str] | None:
    """``text`` as known names one after the other, at most ``parts`` of them, or None."""
    text = text.strip()
    if lookup(text):
        return [text]
    if parts < 2:
        return None
    for cut in range(1, len(text)):
        left = text[:cut].strip()
        if left and lookup(left):
            rest = _known_parts(text[cut:], lookup, parts - 1)
            if rest:
                return [left, *rest]
    return None


def _is_marker(text: str) -> bool:
    return bool(MARKER.fullmatch(text)) or not _WORD.search(text)


def _splits(name: str, cuts: Iterable[int]) -> Iterable[tuple[str, str]]:
    """(extra, rest) for each cut: the part before the cut as extra, then the part after it."""
    for cut in cuts:
        head, tail = name[:cut].strip(), name[cut:].strip()
        if head and tail:
            yield head, tail
            yield tail, head


def _with_marker(name: str, lookup: Lookup) -> str | None:
    """A known name with a list marker before or after it ("10 Cyprus", "Cyprus •")."""
    for extra, rest in _splits(name, range(1, len(name))):
        if lookup(rest) and _is_marker(extra):
            return f"{name!r} is {rest!r} with the list marker {extra!r}"
    return None


def _with_preamble(name: str, lookup: Lookup, preamble: frozenset[str]) -> str | None:
    """A known name with words of the set-aside title or introduction before or after it."""
    spaces = [match.start() for match in re.finditer(r"\s", name)]
    for extra, rest in _splits(name, spaces):
        words = set(_WORD.findall(extra.casefold()))
        if lookup(rest) and words and words <= preamble:
            return f"{name!r} is {rest!r} with {extra!r} from the title or introduction"
    return None


def diagnose(name: str, index: AliasIndex, set_aside: Iterable[str] = ()) -> str | None:
    """How an unknown name comes from a misread layout, in words, or None if it is truly unknown.

    It is a misreading when the name is known names run together ("Czech RepublicPoland"), a
    known name with a list marker ("10 Cyprus") or with words of the title or introduction that
    were set aside and belong to no name ("Domain Chile"), or the lower-case rest of a sentence
    ("alphabet").
    """
    parts = _known_parts(name, index.lookup, _MAX_PARTS)
    if parts and len(parts) > 1:
        return f"{name!r} is {' and '.join(map(repr, parts))} run together"
    in_names = {word for key in index.by_key for word in key.split()}
    preamble = frozenset(
        word
        for text in set_aside
        for word in _WORD.findall(text.casefold())
        if word not in in_names
    )
    extra = _with_marker(name, index.lookup) or _with_preamble(name, index.lookup, preamble)
    if extra:
        return extra
    if name[:1].islower() and not name.casefold().startswith("the "):
        return f"{name!r} starts in lower case: it is the rest of a sentence, not a name"
    return None
