"""Each line of a list of participants matched to one state in scope, or told why not."""

import re
import unicodedata
from dataclasses import dataclass
from enum import StrEnum

from etl.resolve import suggestions as close_names
from participants.lines import Line
from participants.names import Kind, NameIndex, Target
from store.normalise import normalise_name

# How a line matched (LineResult.how), besides participants.names' BY_NAME, BY_ALIAS, by_un_name
BY_CODE = "code"
IN_LINE = "named in the line"
CHOSEN = "chosen"
# Why a line is ambiguous (LineResult.how of an ambiguous line)
EITHER = "may mean either"
SEVERAL = "names several states"
WITH_ORGANISATION = "names a state and an organisation"
WITH_OUTSIDE = "names a state and an entity outside scope"

_CODE = re.compile(r"[A-Z]{3}")
_WORD_SPLIT = re.compile(r"[\W_]+")
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'", "´": "'"})
# Words after which a name is where a delegation is accredited, not who it is: "Permanent Mission
# of Kenya to the African Union", "auprès de l'Office des Nations Unies", "ante las Naciones Unidas"
_ACCREDITED_TO = frozenset({"to", "aupres", "ante"})
_MAX_SUGGESTIONS = 3


class Outcome(StrEnum):
    """What became of a line."""

    MATCHED = "matched"  # to one state in scope
    AMBIGUOUS = "ambiguous"  # may be one of several states: the user chooses
    ORGANISATION = "organisation"  # an organisation, not a state: listed apart
    OUTSIDE = "outside"  # an entity outside the 195 states in scope: listed apart
    DUPLICATE = "duplicate"  # a state an earlier line matched
    NOT_FOUND = "not_found"  # no known name: with the closest ones


@dataclass(frozen=True)
class LineResult:
    """What became of one line.

    ``iso3``: the state matched (matched, duplicate) or the entity outside scope (outside);
    ``how``: how it matched ("code", "name", "alias", "UN name (fr)", "named in the line",
    "chosen"), or why it is ambiguous; ``choices``: the states an ambiguous line may mean;
    ``suggestions``: up to three states close to a line not found; ``number``: the line's
    number in the list; ``organisation``: the organisation's id (organisation lines, and an
    ambiguous line that names one beside a state); ``duplicate_of``: the line that matched the
    state first (duplicate lines).
    """

    text: str
    outcome: Outcome
    iso3: str = ""
    how: str = ""
    choices: tuple[str, ...] = ()
    suggestions: tuple[str, ...] = ()
    number: int = 0
    organisation: str = ""
    duplicate_of: int = 0


@dataclass(frozen=True)
class _Mention:
    """A name found in a line: where (start, end: word or character positions) and what."""

    start: int
    end: int
    target: Target
    accredited_to: bool = False

    def inside(self, other: "_Mention") -> bool:
        """Whether this mention lies within a longer one: "Guinea" in "Equatorial Guinea"."""
        return (
            self != other
            and other.start <= self.start
            and self.end <= other.end
            and (other.end - other.start) > (self.end - self.start)
        )


def _words(text: str) -> list[tuple[str, str]]:
    """The words of a line, each normalised as ``normalise_name`` does and as written."""
    folded = unicodedata.normalize("NFKC", text).translate(_APOSTROPHES).replace("&", " and ")
    found = []
    for written in _WORD_SPLIT.split(folded):
        found.extend((word, written) for word in normalise_name(written).split())
    return found


def _word_mentions(text: str, index: NameIndex) -> list[_Mention]:
    """Every known name among the words of a line, whole words only: "Niger" is never found
    in "Nigeria"; a name written in capitals only ("EU") only where written so, and a two-letter
    one not at all in a line written wholly in capitals ("AU" may be French)."""
    words = _words(text)
    all_capitals = not any(ch.islower() for ch in text)
    found = []
    for start in range(len(words)):
        for end in range(start + 1, min(start + index.longest, len(words)) + 1):
            key = " ".join(word for word, _written in words[start:end])
            target = index.names.get(key)
            if target is None:
                continue
            if target.capitals and (
                not all(written.isupper() for _word, written in words[start:end])
                or (all_capitals and len(key.replace(" ", "")) <= 2)
            ):
                continue
            found.append(_Mention(start, end, target))
    first = next(
        (
            i
            for i, (word, _written) in enumerate(words)
            if word in _ACCREDITED_TO and not any(m.start <= i < m.end for m in found)
        ),
        len(words),
    )
    return [_Mention(m.start, m.end, m.target, m.start > first) for m in found]


def _glyph_mentions(text: str, index: NameIndex) -> list[_Mention]:
    """Chinese names inside a line, by character position (Chinese puts no spaces between
    words): "科特迪瓦代表团"."""
    folded = normalise_name(text)
    found = []
    for key, target in index.glyphs.items():
        at = folded.find(key)
        while at >= 0:
            found.append(_Mention(at, at + len(key), target))
            at = folded.find(key, at + 1)
    return found


def _outermost(mentions: list[_Mention]) -> list[_Mention]:
    """The mentions no longer mention contains (``_Mention.inside``), in one sweep by start: a
    line repeating one name thousands of times costs linear time, not quadratic."""
    kept = []
    before = -1  # the furthest end of the mentions that start earlier
    start, here = None, -1  # the current start, and the furthest end of mentions starting there
    for order, mention in sorted(enumerate(mentions), key=lambda p: (p[1].start, -p[1].end)):
        if mention.start != start:
            before, start, here = max(before, here), mention.start, mention.end
        if before < mention.end and not here > mention.end:
            kept.append((order, mention))
    return [mention for _order, mention in sorted(kept, key=lambda p: p[0])]


def _kept(mentions: list[_Mention]) -> list[_Mention]:
    """Mentions left once a name inside a longer one is dropped ("Sudan" in "South Sudan") and,
    when a line names any other, one where a delegation is accredited ("… to the African Union")."""
    longest = _outermost(mentions)
    own = [m for m in longest if not m.accredited_to]
    return own or longest


def _unique(codes: list[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(codes))


def _from_mentions(line: Line, kept: list[_Mention]) -> LineResult | None:
    """The result of a line from the names kept in it; None when it names nothing known."""
    states = _unique([m.target.code for m in kept if m.target.kind == Kind.STATE])
    either = [m.target.choices for m in kept if m.target.kind == Kind.AMBIGUOUS]
    either = [choices for choices in either if not set(choices) & set(states)]  # "… (Korea)"
    organisations = _unique([m.target.code for m in kept if m.target.kind == Kind.ORGANISATION])
    outside = _unique([m.target.code for m in kept if m.target.kind == Kind.OUTSIDE])
    choices = _unique([*states, *(code for pair in either for code in pair)])
    if len(states) == 1 and not either and not organisations and not outside:
        return LineResult(line.text, Outcome.MATCHED, states[0], IN_LINE, number=line.number)
    if choices:
        if len(choices) > 1:
            why = EITHER if either and not states and len(either) == 1 else SEVERAL
        else:
            why = WITH_ORGANISATION if organisations else WITH_OUTSIDE
        organisation = organisations[0] if organisations else ""
        return LineResult(
            line.text,
            Outcome.AMBIGUOUS,
            how=why,
            choices=choices,
            number=line.number,
            organisation=organisation,
        )
    if organisations:
        return LineResult(
            line.text,
            Outcome.ORGANISATION,
            how=IN_LINE,
            number=line.number,
            organisation=organisations[0],
        )
    if outside:
        return LineResult(line.text, Outcome.OUTSIDE, outside[0], IN_LINE, number=line.number)
    return None


def _from_target(line: Line, target: Target) -> LineResult:
    """The result of a line that is a known name, whole."""
    if target.kind == Kind.STATE:
        return LineResult(line.text, Outcome.MATCHED, target.code, target.how, number=line.number)
    if target.kind == Kind.OUTSIDE:
        return LineResult(line.text, Outcome.OUTSIDE, target.code, target.how, number=line.number)
    if target.kind == Kind.ORGANISATION:
        return LineResult(
            line.text,
            Outcome.ORGANISATION,
            how=target.how,
            number=line.number,
            organisation=target.code,
        )
    return LineResult(
        line.text, Outcome.AMBIGUOUS, how=EITHER, choices=target.choices, number=line.number
    )


def _exact(line: Line, index: NameIndex) -> LineResult | None:
    """The result of a line that is a code written in capitals ("TUR") or a known name whole
    ("Türkiye", "Кот-д'Ивуар"), before or after its titles are taken off; else None."""
    for text in dict.fromkeys((line.bare, line.cleaned)):
        if _CODE.fullmatch(text) and text in index.states:
            return LineResult(line.text, Outcome.MATCHED, text, BY_CODE, number=line.number)
        if _CODE.fullmatch(text) and text in index.outside:
            return LineResult(line.text, Outcome.OUTSIDE, text, BY_CODE, number=line.number)
        target = index.lookup(text)
        if target is not None and target.kind != Kind.NO_STATE:
            return _from_target(line, target)
    return None


def _suggestions(line: Line, index: NameIndex) -> tuple[str, ...]:
    """Up to three states whose names are close to the line or to one of its comma-separated
    parts (difflib, as the ETL's resolver suggests; never a match)."""
    found: list[str] = []
    parts = [line.cleaned or line.bare, *(line.cleaned or line.bare).split(",")]
    for part in dict.fromkeys(p.strip() for p in parts if 0 < len(p.strip()) <= 80):
        for suggestion in close_names(part, index.aliases, limit=2 * _MAX_SUGGESTIONS):
            found.append(suggestion.rsplit("(", 1)[1].rstrip(")"))
    return _unique(found)[:_MAX_SUGGESTIONS]


def match_line(line: Line, index: NameIndex, suggest: bool = True) -> LineResult:
    """What one line names: a code or a name whole first, then the names among its words; one
    state only is a match, never a look-alike ("Austria" is never "Australia"). ``suggest``:
    whether a line not found gets its close names (the slow part, which a caller asking only
    whether a line names anything does without)."""
    exact = _exact(line, index)
    if exact is not None:
        return exact
    kept = _kept(_word_mentions(line.bare, index)) + _kept(_glyph_mentions(line.bare, index))
    found = _from_mentions(line, kept)
    if found is not None:
        return found
    close = _suggestions(line, index) if suggest else ()
    return LineResult(line.text, Outcome.NOT_FOUND, suggestions=close, number=line.number)
