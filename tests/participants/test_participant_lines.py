"""Splitting pasted text into the lines of a list of participants, and cleaning each line."""

import pytest

from i18n.translate import use
from participants.lines import MAX_LINES, bare, split_lines, without_titles
from participants.names import name_index


def texts(text: str) -> list[str]:
    return [line.text for line in split_lines(text, known=name_index().knows)]


def test_one_per_line_numbered_as_pasted_with_blanks_counted():
    lines = split_lines("Kenya\n\n  Ghana  \r\n---\n• \nNigeria\n")
    assert [(line.number, line.text) for line in lines] == [
        (1, "Kenya"),
        (3, "Ghana"),
        (6, "Nigeria"),
    ]


def test_a_single_line_is_split_on_semicolons_else_commas():
    assert texts("Kenya; Ghana; Korea, Republic of") == ["Kenya", "Ghana", "Korea, Republic of"]
    assert texts("Kenya, Ghana, Nigeria") == ["Kenya", "Ghana", "Nigeria"]
    assert texts("\n  Kenya, Ghana  \n\n") == ["Kenya", "Ghana"]


def test_a_single_line_keeps_names_with_a_comma_whole():
    assert texts("Kenya, Korea, Republic of, Congo, The Democratic Republic of the, Ghana") == [
        "Kenya",
        "Korea, Republic of",
        "Congo, The Democratic Republic of the",
        "Ghana",
    ]
    assert texts("Hong Kong, China, Kenya") == ["Hong Kong, China", "Kenya"]


def test_a_single_line_keeps_brackets_whole_and_splits_a_trailing_and():
    assert texts("NIGERIA (Federal Republic of, Abuja), Kenya, Ghana and Mali") == [
        "NIGERIA (Federal Republic of, Abuja)",
        "Kenya",
        "Ghana",
        "Mali",
    ]


def test_one_delegate_on_a_single_line_is_not_split():
    assert texts("H.E. Ms. Jane Doe, Ambassador, Ghana") == ["H.E. Ms. Jane Doe, Ambassador, Ghana"]


def test_several_lines_are_never_split_on_commas():
    assert texts("Korea, Republic of\nKenya, Ghana") == ["Korea, Republic of", "Kenya, Ghana"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("• Kenya", "Kenya"),
        ("- Kenya", "Kenya"),
        ("– Kenya", "Kenya"),
        ("* Kenya", "Kenya"),
        ("1. Kenya", "Kenya"),
        ("12) Kenya", "Kenya"),
        ("(3) Kenya", "Kenya"),
        ("a) Kenya", "Kenya"),
        ("(b) Kenya", "Kenya"),
        ("iv. Kenya", "Kenya"),
        ("1. • Kenya", "Kenya"),
        ("Kenya;", "Kenya"),
        ("Kenya.", "Kenya"),
        ('"Kenya"', "Kenya"),
        ("« Kenya »", "Kenya"),
        ("(Kenya)", "Kenya"),
        ("Kenya)", "Kenya"),
        ("Palestine*", "Palestine"),
        ("NIGERIA (Federal Republic of)", "NIGERIA (Federal Republic of)"),
        ("U.S.", "U.S"),
        ("Guinea-Bissau", "Guinea-Bissau"),
    ],
)
def test_markers_and_surrounding_punctuation_go(text, expected):
    assert bare(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("H.E. Ms. Ama Mensah, Ambassador, Ghana", "Ama Mensah, Ghana"),
        ("His Excellency Mr John Kamau, Permanent Representative, Kenya", "John Kamau, Kenya"),
        ("Dr. Grace Mwansa, Director, Zambia", "Grace Mwansa, Zambia"),
        ("Mrs Smith, Deputy Permanent Representative, Ireland", "Smith, Ireland"),
        ("S.E. M. Jean Dupont, Ambassadeur, Représentant permanent", "Jean Dupont"),
        ("Mme Awa Ndiaye, Conseillère, Sénégal", "Awa Ndiaye, Sénégal"),
        ("M. Paul Ndong, Chargé d’affaires a.i., Gabon", "Paul Ndong, Gabon"),
        ("Excmo. Sr. D. Juan Pérez, Embajador, Chile", "Juan Pérez, Chile"),
        ("Sra. María González, Ministra Consejera, Argentina", "María González, Argentina"),
        ("Col. Joseph Banda, Defence Attaché, Malawi", "Joseph Banda, Malawi"),
        ("MR. JOHN SMITH, AMBASSADOR, GHANA", "JOHN SMITH, GHANA"),
        ("Minister of Foreign Affairs, Ghana", "of Foreign Affairs, Ghana"),
        # a name that begins like a title keeps it
        ("DR Congo", "DR Congo"),
        ("Sri Lanka", "Sri Lanka"),
        ("Dominica", "Dominica"),
        ("Mali", "Mali"),
        ("Ambassador", ""),
    ],
)
def test_honorifics_and_titles_go(text, expected):
    assert without_titles(text) == expected


def test_each_line_keeps_its_text_as_given():
    line, _second = split_lines("  3. H.E. Ms. Ama Mensah, Ambassador, Ghana;  \nKenya")
    assert line.text == "3. H.E. Ms. Ama Mensah, Ambassador, Ghana;"
    assert line.bare == "H.E. Ms. Ama Mensah, Ambassador, Ghana"
    assert line.cleaned == "Ama Mensah, Ghana"


def test_at_most_500_non_empty_lines():
    assert len(split_lines("Kenya\n\n" * MAX_LINES)) == MAX_LINES
    with pytest.raises(ValueError, match="501 lines; at most 500"):
        split_lines("Kenya\n" * (MAX_LINES + 1))
    with pytest.raises(ValueError, match="501"):
        split_lines(", ".join(["Kenya"] * (MAX_LINES + 1)))


def test_the_limit_is_said_in_the_language():
    with use("fr"), pytest.raises(ValueError) as raised:
        split_lines("Kenya\n" * 1200)
    assert "1 200" in str(raised.value).replace("\u202f", " ").replace("\xa0", " ")
    assert "lignes" in str(raised.value)
