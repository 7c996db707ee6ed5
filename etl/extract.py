"""Names as listed, from a document's text: drop what is not a name, split lists, re-join wraps."""

import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from etl.errors import EtlError
from etl.parse_pdf import Chunk, PdfText

IsKnown = Callable[[str], bool]

_MONTHS = "january|february|march|april|may|june|july|august|september|october|november|december"
PAGE_NUMBER = re.compile(
    r"^(page\s*)?\d{1,3}(\s*(of|/)\s*\d{1,3})?$|^[-–—]\s*\d{1,3}\s*[-–—]$", re.I
)
_DATE = re.compile(
    rf"\b\d{{1,2}}\s+({_MONTHS})\s+\d{{4}}\b|\b({_MONTHS})\s+\d{{1,2}},?\s+\d{{4}}\b"
    rf"|\b\d{{1,2}}[-/.]\d{{1,2}}[-/.]\d{{2,4}}\b|\b\d{{4}}-\d{{2}}-\d{{2}}\b",
    re.I,
)
_NOT_A_NAME = re.compile(
    r"endors|call to action|\breaim\b|\bsummit\b|military|artificial intelligence"
    r"|countries and territories|\bas of\b|\bupdated\b|responsible ai|\bministry\b",
    re.I,
)
# List markers before a name: a number with or without its punctuation, glued to the name or not
# ("10.Cyprus"); a letter or roman numeral followed by a space ("a. ", "(iv) "), or glued when it is
# lower case or in brackets ("iii.Denmark", "(b)Chile"; never "U.S."); bullets of any character or
# symbol-font glyph ("(cid:n)", private-use code points) and dashes.
_ENUMERATOR = re.compile(
    r"^\s*(?:\(?\d{1,3}[.):]?\)?\s*"
    r"|\(?(?:[a-z]|[ivxlc]{1,7})[.)]\s+"
    r"|(?:\([a-z]\)|\([ivxlc]{1,7}\)|(?-i:[a-z]|[ivxlc]{1,7})[.)])(?=[^\W\d_])"
    r"|(?:\(cid:\d+\)|[^\w\s(\"'“‘])+\s*)",
    re.I,
)
_LETTER = re.compile(r"[^\W\d_]")
_FOOTNOTE_MARKER = re.compile(r"(?<=[^\W\d_])(\s?[*†‡§¹²³⁴⁵⁶⁷⁸⁹⁰]+|\d{1,2})$")
_PROSE_WORDS = 8
# Lines of one paragraph are at most this many font sizes apart, top to top.
_LINE_STEP_EMS = 1.6
_SENTENCE_ENDS = frozenset(".!?:;")
# Reasons for setting text aside that make it preamble: titles, subtitles, introductions.
_WRAPPED = "wrapped line of a title or sentence"
_PREAMBLE = frozenset({"title (larger type)", "heading or prose", "prose", "date", _WRAPPED})
# A sentence ends at ".", "!" or "?" after two lower-case letters ("Zimbabwe." but not "St.").
_SENTENCE_END = re.compile(r"(?<=[a-z]{2}[.!?])\s+(?=[A-Z])")


@dataclass(frozen=True)
class Ignored:
    """Text of the document that was not taken as a name, and why."""

    text: str
    reason: str


@dataclass(frozen=True)
class Extraction:
    """The names as listed, in document order, and everything that was set aside."""

    names: list[str]
    ignored: list[Ignored]
    layout: str


def clean_name(text: str) -> str:
    """Strip list enumerators, bullets, footnote markers and trailing punctuation from a name."""
    text = " ".join(text.split())
    for _ in range(2):  # "• 1. Armenia"
        text = _ENUMERATOR.sub("", text)
    text = text.strip(" .;,:")
    return _FOOTNOTE_MARKER.sub("", text).strip(" .;,:")


def _split_on_and(text: str, is_known: IsKnown) -> list[str] | None:
    """Split "A and B" into known names when the whole is not a name ("Yemen and Zimbabwe")."""
    pieces = text.split(" and ")
    for cut in range(1, len(pieces)):
        left, right = " and ".join(pieces[:cut]), " and ".join(pieces[cut:])
        if is_known(left):
            rest = [right] if is_known(right) else _split_on_and(right, is_known)
            if rest:
                return [left, *rest]
    return None


def reconcile(segments: Sequence[str], is_known: IsKnown, separator: str = " ") -> list[str]:
    """Re-join names split over two or three segments and split running "A and B".

    ``separator`` is what stood between the segments in print: a line break (re-joined with a
    space, or nothing after a hyphen) or a comma ("Korea, Republic of"). Only a result made
    entirely of known names is accepted; anything else is left as it was, so that resolution
    fails on it loudly instead of guessing.
    """
    names: list[str] = []
    i = 0
    while i < len(segments):
        current = segments[i]
        used = 1
        if not is_known(current):
            for extra in (1, 2):
                tail = segments[i + 1 : i + 1 + extra]
                if len(tail) < extra:
                    break
                joined = current
                for part in tail:
                    joined += (
                        part if joined.endswith("-") and separator == " " else separator + part
                    )
                if is_known(joined):
                    current, used = joined, 1 + extra
                    break
        split = None if is_known(current) else _split_on_and(current, is_known)
        names.extend(split or [current])
        i += used
    return names


def _layout_noise(chunk: Chunk, repeated: set[str], is_known: IsKnown) -> str | None:
    """Why a chunk is page furniture (title, footnote, page number, header, date), or None."""
    text = chunk.text.strip()
    if is_known(clean_name(text)):
        return None
    if chunk.role == "heading":
        return "title (larger type)"
    if chunk.role == "small":
        return "small print (footnote or marker)"
    if PAGE_NUMBER.match(text):
        return "page number"
    if text in repeated:
        return "running header or footer"
    if text.count(",") < 2 and _DATE.search(text):
        return "date"
    if not _LETTER.search(clean_name(text)):
        return "no letters"
    return None


def _prose_reason(text: str, is_known: IsKnown) -> str | None:
    """Why a line of a one-name-per-line list is prose rather than a name, or None."""
    if is_known(clean_name(text)):
        return None
    if _NOT_A_NAME.search(text):
        return "heading or prose"
    if len(text.split()) >= _PROSE_WORDS:
        return "prose"
    return None


def _repeated_lines(text: PdfText) -> set[str]:
    if text.pages < 2:
        return set()
    pages_of: dict[str, set[int]] = {}
    for chunk in text.chunks:
        pages_of.setdefault(re.sub(r"\d+", "#", chunk.text), set()).add(chunk.page)
    repeated = {pattern for pattern, pages in pages_of.items() if len(pages) >= 2}
    return {c.text for c in text.chunks if re.sub(r"\d+", "#", c.text) in repeated}


def _is_running_text(lines: list[str]) -> bool:
    with_commas = [line for line in lines if "," in line]
    return any(line.count(",") >= 2 for line in lines) or len(with_commas) >= len(lines) / 2


def _split_running_text(lines: list[str], ignored: list[Ignored]) -> list[str]:
    """Names of the sentences that list names ("…: A, B, C and D."); other sentences are prose."""
    text = ""
    for line in lines:
        text += line if text.endswith("-") else f" {line}"
    segments: list[str] = []
    for sentence in _SENTENCE_END.split(text.strip()):
        if sentence.count(",") < 2:
            ignored.append(Ignored(sentence, "prose"))
            continue
        intro, colon, rest = sentence.partition(":")
        if colon and "," not in intro:
            ignored.append(Ignored(intro.strip() + ":", "introduction"))
            sentence = rest
        segments += [part for part in re.split(r"[;,]", sentence) if part.strip()]
    return segments


def _body_font(chunks: list[Chunk]) -> str:
    weights: Counter[str] = Counter()
    for chunk in chunks:
        weights[chunk.font] += len(chunk.text)
    return weights.most_common(1)[0][0] if weights else ""


def _line_above(chunk: Chunk, chunks: list[Chunk]) -> Chunk | None:
    """The nearest chunk on the line above ``chunk``, overlapping it horizontally."""
    above = [
        c
        for c in chunks
        if c.page == chunk.page
        and 0 < chunk.top - c.top <= _LINE_STEP_EMS * c.size
        and c.x0 < chunk.x1
        and chunk.x0 < c.x1
    ]
    return max(above, key=lambda c: c.top, default=None)


def _wraps_onto(line: Chunk, above: Chunk, chunks: list[Chunk], body_font: str) -> bool:
    """Whether ``line`` is the rest of the set-aside title or sentence ``above`` it.

    The sentence above must be unfinished and set in the same type. Then the line is its rest if
    it is display type (not the body font), starts in lower case, ends an introduction with a
    colon, or is the last line of a paragraph whose line above was full: the next line sits further
    below than the line above (a list's first name sits as far from the introduction as from the
    next name, or further).
    """
    if above.text.rstrip()[-1:] in _SENTENCE_ENDS:
        return False
    if abs(line.size - above.size) > 0.05 * above.size or line.font != above.font:
        return False
    text = line.text.strip()
    if line.font != body_font or text[:1].islower() or text.endswith(":"):
        return True
    widest = max(c.x1 - c.x0 for c in chunks if c.page == line.page)
    below = [c.top - line.top for c in chunks if c.page == line.page and c.top > line.top + 0.5]
    step = line.top - above.top
    return above.x1 - above.x0 >= 0.6 * widest and min(below, default=4 * step) > step + 1


def _set_aside_wraps(
    kept: list[Chunk], aside: dict[Chunk, str], chunks: list[Chunk], is_known: IsKnown
) -> list[Chunk]:
    """Set aside, with the title or sentence they continue, the lines that it wraps onto.

    Only lines above the first known name of their page qualify: the preamble precedes the list.
    """
    body_font = _body_font(chunks)
    first_name: dict[int, float] = {}
    for chunk in kept:
        if is_known(clean_name(chunk.text)):
            first_name[chunk.page] = min(chunk.top, first_name.get(chunk.page, chunk.top))
    for chunk in sorted(kept, key=lambda c: (c.page, c.top)):
        above = _line_above(chunk, chunks)
        if (
            chunk.top < first_name.get(chunk.page, float("inf"))
            and above in aside
            and aside[above] in _PREAMBLE
            and not is_known(clean_name(chunk.text))
            and _wraps_onto(chunk, above, chunks, body_font)
        ):
            aside[chunk] = _WRAPPED
    return [chunk for chunk in kept if chunk not in aside]


def names_from_pdf(text: PdfText, is_known: IsKnown) -> Extraction:
    """The names listed in a PDF, whether one name per line, in columns or as running text."""
    repeated = _repeated_lines(text)
    aside: dict[Chunk, str] = {}
    kept: list[Chunk] = []
    for chunk in text.chunks:
        reason = _layout_noise(chunk, repeated, is_known)
        if reason:
            aside[chunk] = reason
        else:
            kept.append(chunk)
    running = _is_running_text([c.text for c in kept]) if kept else False
    extra: list[Ignored] = []
    if running:
        segments = _split_running_text([c.text for c in kept], extra)
    else:
        for chunk in kept:
            reason = _prose_reason(chunk.text, is_known)
            if reason:
                aside[chunk] = reason
        segments = [c.text for c in _set_aside_wraps(kept, aside, text.chunks, is_known)]
    ignored = [Ignored(c.text, reason) for c, reason in aside.items()] + extra
    cleaned = [clean_name(s) for s in segments if clean_name(s)]
    names = reconcile(cleaned, is_known, separator=", " if running else " ")
    return Extraction(names=names, ignored=ignored, layout="running text" if running else "list")


def names_from_html_lists(candidates: list[list[str]], is_known: IsKnown) -> Extraction:
    """The names of the HTML list or table on a page that holds the most known names."""
    scored = [
        (sum(is_known(clean_name(item)) for item in items), index, items)
        for index, items in enumerate(candidates)
    ]
    best = max(scored, default=None, key=lambda s: (s[0], -s[1]))
    if best is None or best[0] == 0 or best[0] < len(best[2]) / 2:
        raise EtlError(
            "the page has no PDF link to the list and no HTML list of country names",
            "the page layout changed: open the page in a browser, save the list's PDF and pass "
            "it with --from-file, or pass its direct link with --url",
        )
    items = [clean_name(item) for item in best[2] if clean_name(item)]
    others = Counter(len(c) for i, c in enumerate(candidates) if i != best[1])
    ignored = [
        Ignored(f"{count} other list(s) of {n} items", "navigation") for n, count in others.items()
    ]
    return Extraction(names=reconcile(items, is_known), ignored=ignored, layout="html list")
