"""Pasted text split into the lines of a list of participants, each kept as given and cleaned."""

import re
from collections.abc import Callable
from dataclasses import dataclass

from etl.extract import clean_name, reconcile
from i18n import formats
from i18n.translate import _

MAX_LINES = 500  # non-empty lines read at once (issue 24)

# Honorifics and job titles of delegates, in English, French and Spanish, taken off the start of
# a line and of each of its comma-separated parts. Longer forms first: "Permanent Representative"
# before "Representative". A title ending in a letter may take a full stop ("Mr." as "Mr").
_TITLES = (
    # honorifics
    "His Excellency",
    "Her Excellency",
    "Their Excellencies",
    "Son Excellence",
    "Excelentísimo Señor",
    "Excelentísima Señora",
    "Excelentísimo",
    "Excelentísima",
    "The Honourable",
    "The Honorable",
    "Honourable",
    "Honorable",
    "Rt. Hon",
    "Hon",
    "H. E.",
    "H.E.",
    "S. E.",
    "S.E.",
    "Excmo",
    "Excma",
    "Mr",
    "Mrs",
    "Ms",
    "Miss",
    "Mx",
    "Dr",
    "Prof",
    "Professor",
    "Sir",
    "Dame",
    "Monseigneur",
    "Monsignor",
    "Mgr",
    "Mons.",
    "Archbishop",
    "Archevêque",
    "Arzobispo",
    "M.",
    "MM.",
    "Mme",
    "Mmes",
    "Mlle",
    "Pr",
    "Sr",
    "Sra",
    "Srta",
    "Señor",
    "Señora",
    "D.",
    "Dña",
    "Don",
    "Doña",
    "Lic",
    "Licda",
    "Ing",
    # military ranks
    "Lieutenant General",
    "Major General",
    "Brigadier General",
    "Lieutenant Colonel",
    "Rear Admiral",
    "Vice Admiral",
    "General",
    "Gen",
    "Colonel",
    "Col",
    "Commander",
    "Captain",
    "Capt",
    "Admiral",
    "Général de brigade",
    "Général",
    "Coronel",
    "Capitán de Navío",
    "Contraalmirante",
    "Almirante",
    # job titles
    "Deputy Permanent Representative",
    "Alternate Permanent Representative",
    "Permanent Representative",
    "Représentant permanent adjoint",
    "Représentante permanente adjointe",
    "Représentant permanent",
    "Représentante permanente",
    "Representante Permanente Alterno",
    "Representante Permanente Alterna",
    "Representante Permanente Adjunto",
    "Representante Permanente Adjunta",
    "Representante Permanente",
    "Permanent Observer",
    "Observateur permanent",
    "Observatrice permanente",
    "Observador Permanente",
    "Observadora Permanente",
    "Chargé d'affaires a.i.",
    "Chargée d'affaires a.i.",
    "Chargé d'affaires",
    "Chargée d'affaires",
    "Encargado de Negocios a.i.",
    "Encargada de Negocios a.i.",
    "Encargado de Negocios",
    "Encargada de Negocios",
    "Ambassador",
    "Amb",
    "Ambassadeur",
    "Ambassadrice",
    "Embajador",
    "Embajadora",
    "Deputy Minister",
    "Vice-Minister",
    "Vice Minister",
    "Minister Counsellor",
    "Minister-Counsellor",
    "Minister",
    "Ministre conseiller",
    "Ministre",
    "Viceministro",
    "Viceministra",
    "Ministro Consejero",
    "Ministra Consejera",
    "Ministro",
    "Ministra",
    "Secretary of State",
    "State Secretary",
    "Secrétaire d'État",
    "Secretario de Estado",
    "Secretaria de Estado",
    "Director-General",
    "Director General",
    "Directora General",
    "Directeur général",
    "Directrice générale",
    "Director",
    "Directora",
    "Directeur",
    "Directrice",
    "Head of Delegation",
    "Chef de délégation",
    "Cheffe de délégation",
    "Jefe de Delegación",
    "Jefa de Delegación",
    "First Secretary",
    "Second Secretary",
    "Third Secretary",
    "Premier secrétaire",
    "Première secrétaire",
    "Deuxième secrétaire",
    "Troisième secrétaire",
    "Primer Secretario",
    "Primera Secretaria",
    "Segundo Secretario",
    "Segunda Secretaria",
    "Tercer Secretario",
    "Tercera Secretaria",
    "Counsellor",
    "Counselor",
    "Conseiller",
    "Conseillère",
    "Consejero",
    "Consejera",
    "Defence Attaché",
    "Defense Attaché",
    "Attaché de défense",
    "Agregado de Defensa",
    "Attaché",
    "Attachée",
    "Agregado",
    "Agregada",
    "Military Adviser",
    "Conseiller militaire",
    "Asesor Militar",
    "Adviser",
    "Advisor",
    "Asesor",
    "Asesora",
    "Delegate",
    "Délégué",
    "Déléguée",
    "Delegado",
    "Delegada",
    "Expert",
    "Experte",
    "Experto",
    "Experta",
)


def _title_pattern(title: str) -> str:
    """A title as a pattern: spaces and apostrophes as written or not, its full stop optional.

    A short abbreviation is matched as written, or in capitals with its full stop ("Dr", "DR."),
    never "DR" alone: "DR Congo" keeps its name.
    """
    word = title.removesuffix(".")
    escaped = re.escape(word).replace(r"\ ", r"\s*").replace("'", "['’]")
    if len(word) <= 4 and " " not in word:
        return rf"(?-i:{escaped}\.?|{re.escape(word.upper())}\.)"
    return escaped + r"\.?"


_TITLE = re.compile(
    r"^(?:" + "|".join(_title_pattern(t) for t in sorted(_TITLES, key=len, reverse=True)) + r")"
    r"(?=[\s,;:]|$)[\s,;:]*",
    re.IGNORECASE,
)
_QUOTES = "\"'“”‘’«»„‚`´ "
_TRAILING = " .;,:!?*_|/\\-–—"


@dataclass(frozen=True)
class Line:
    """One line of a list: its number (1-based, blank lines counted), its text as given (without
    surrounding whitespace), ``bare`` without list marker and surrounding punctuation, and
    ``cleaned`` also without honorifics and titles."""

    number: int
    text: str
    bare: str
    cleaned: str


def has_content(text: str) -> bool:
    """Whether a line holds a letter or a digit; one that does not ("", "---", "•") is blank."""
    return any(ch.isalnum() for ch in text)


def _unwrapped(text: str) -> str:
    """``text`` without quotes and trailing punctuation around it, nor brackets that enclose all
    of it or that it never opened or closed: "(Kenya)", "Kenya)", '"Kenya".'."""
    while True:
        before = text
        text = text.strip(_QUOTES).rstrip(_TRAILING).strip(_QUOTES)
        if text[:1] in "([" and text[-1:] in ")]" and _depth_ok(text[1:-1]):
            text = text[1:-1]
        elif text[-1:] in ")]" and text.count(text[-1]) > text.count(
            "(" if text[-1] == ")" else "["
        ):
            text = text[:-1]
        elif text[:1] in "([" and text.count(text[0]) > text.count(")" if text[0] == "(" else "]"):
            text = text[1:]
        if text == before:
            return text


def _depth_ok(text: str) -> bool:
    """Whether every bracket in ``text`` closes one opened before it."""
    depth = 0
    for ch in text:
        depth += (ch in "([") - (ch in ")]")
        if depth < 0:
            return False
    return depth == 0


def bare(text: str) -> str:
    """A line without its list marker, footnote marker and surrounding punctuation:
    "• 3. Kenya;" → "Kenya", "(Kenya)" → "Kenya"."""
    return _unwrapped(clean_name(_unwrapped(text)))


def without_titles(text: str) -> str:
    """A line without the honorifics and titles that begin it or any of its comma-separated
    parts: "H.E. Ms. X, Ambassador, Ghana" → "X, Ghana"."""
    parts = []
    for part in text.split(","):
        part = part.strip()
        while (shorter := _TITLE.sub("", part, count=1)) != part:
            part = shorter
        if part:
            parts.append(part)
    return _unwrapped(", ".join(parts))


def _single_line_items(line: str, known: Callable[[str], bool]) -> list[str]:
    """A one-line list's items: separated by semicolons if it has any, else by commas, outside
    brackets (a name with a comma kept whole: "Korea, Republic of"; "A and B" split when both
    are names and the whole is not)."""
    separator = ";" if ";" in line else ","
    pieces, depth, current = [], 0, ""
    for ch in line:
        depth += (ch == "(") - (ch == ")")
        if ch == separator and depth <= 0:
            pieces.append(current.strip())
            current = ""
        else:
            current += ch
    pieces.append(current.strip())
    if separator == ";":
        return pieces
    items, at = [], 0
    while at < len(pieces):
        joined = next(
            (n for n in (3, 2) if at + n <= len(pieces) and known(", ".join(pieces[at : at + n]))),
            1,
        )
        items.extend(reconcile([", ".join(pieces[at : at + joined])], known))
        at += joined
    return items


def make_line(text: str, number: int = 1) -> Line:
    """One line of a list as given, with its bare and cleaned forms."""
    shown = text.strip()
    stripped = bare(shown)
    return Line(number, shown, stripped, without_titles(stripped))


def split_lines(text: str, known: Callable[[str], bool] = lambda _name: False) -> list[Line]:
    """The non-empty lines of pasted text, one per line, or the items of a single line separated
    by commas or semicolons; ``known`` tells a name with a comma in it ("Korea, Republic of").

    More than MAX_LINES non-empty lines is a ValueError saying so.

    >>> [line.cleaned for line in split_lines("1. H.E. Mr. A, Kenya\\n\\n• Ghana")]
    ['A, Kenya', 'Ghana']
    >>> [line.number for line in split_lines("Kenya; Ghana, Korea, Republic of")]
    [1, 2]
    """
    rows = text.splitlines()
    filled = [row for row in rows if has_content(row)]
    one = filled[0] if len(filled) == 1 else ""
    delegate = _TITLE.match(one.strip()) or _TITLE.match(bare(one))  # "H.E. Ms. X, Ambassador"
    if ";" in one or ("," in one and not delegate):
        rows = _single_line_items(one, known)
    lines = []
    for number, row in enumerate(rows, start=1):
        if has_content(row):
            lines.append(make_line(row, number))
    if len(lines) > MAX_LINES:
        raise ValueError(
            _(
                "The list has {count} lines; at most {limit} are read at once. "
                "Split it into shorter lists."
            ).format(count=formats.number(len(lines)), limit=formats.number(MAX_LINES))
        )
    return lines
