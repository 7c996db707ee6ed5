""" "Your group": a pasted list of participants, every line shown with what became of it, then
used as the focus of the map, regions, outreach and briefing pages."""

import io
import re

import docx
import pytest

from ui.widgets.your_group import BOX, FILE, NAME, TEXT

from apptest import maps, open_page
from ui_fixtures import shipped

DATA = shipped()
LIST = """1. H.E. Mr. Peter Kamau, Ambassador, Permanent Representative of Kenya
2. Ms. Abena Mensah, Counsellor, Ghana
3. NIGERIA (Federal Republic of)
4. Délégation de la République du Sénégal
5. International Committee of the Red Cross (ICRC)
6. Korea
7. KENYA
8. Lorem ipsum dolor
9. Morocco
10. Tunesia
"""


def plain(text: str) -> str:
    """Markdown as read: without its escapes and bold marks."""
    return re.sub(r"\\(.)", r"\1", text).replace("**", "")


def box(at):
    (found,) = [e for e in at.expander if e.label.startswith(("Your group", "Votre", "Su grupo"))]
    return found


def read(at, text: str, name: str = "Nairobi consultation"):
    """Open "Your group", type the name and the list, and read it."""
    at.session_state[BOX] = True  # what opening it does
    at.run()
    at.text_input(key=NAME).input(name)
    at.text_area(key=TEXT).input(text)
    return at.button(key="your-group-read-list").click().run()


def ranking(at):
    """The outreach list of a run (the list read in "Your group" has tables too)."""
    return next(d.value for d in at.dataframe if "ISO3" in d.value.columns)


def choices(at) -> dict[int, list[str]]:
    """Line number → the states its selectbox offers (codes), for every line to choose for."""
    return {
        int(s.key.rsplit("-", 1)[1]): list(s.options)[1:]
        for s in at.selectbox
        if s.key and s.key.startswith("your-group-") and "-line-" in s.key
    }


def test_every_line_of_a_pasted_list_is_shown_with_what_became_of_it():
    at = read(open_page("map"), LIST)
    assert not at.exception, at.exception
    inside = box(at)
    said = [plain(m.value) for m in inside.markdown]
    assert said[0] == (
        "10 lines read: 5 states matched, 1 ambiguous line, 1 organisation, 1 duplicate and "
        "2 lines not found"
    )
    matched, nothing_close, apart = [d.value for d in inside.dataframe]
    assert list(matched["Line"]) == [1, 2, 3, 4, 9]
    assert list(matched["State"]) == [
        "Kenya (KEN)",
        "Ghana (GHA)",
        "Nigeria (NGA)",
        "Senegal (SEN)",
        "Morocco (MAR)",
    ]
    assert list(matched["How"]) == ["named in the line"] * 4 + ["by its name"]
    offered = {s.key: (s.label, s.options) for s in at.selectbox if s.key and "-line-" in s.key}
    assert [(label, options) for label, options in offered.values()] == [
        (
            "Line 6: 6\\. Korea",
            [
                "Leave it out",
                "Republic of Korea (KOR)",
                "Democratic People's Republic of Korea (PRK)",
            ],
        ),
        (
            "Line 10: 10\\. Tunesia",
            ["Leave it out", "Tunisia (TUN)", "Lithuania (LTU)", "Indonesia (IDN)"],
        ),
    ]
    assert list(nothing_close["Line"]) == [8]
    assert list(nothing_close["What became of it"]) == ["not found, and no known name is close"]
    assert list(apart["Line"]) == [5, 7]
    assert list(apart["Outcome"]) == ["organisation", "duplicate"]
    assert "International Committee of the Red Cross" in apart["What became of it"][0]
    assert "already on line 1" in apart["What became of it"][1]
    shown = [*matched["Line"], *choices(at), *nothing_close["Line"], *apart["Line"]]
    assert sorted(shown) == list(range(1, 11))  # every line once: nothing dropped
    assert "2 lines are left out of the group until you choose a state for them." in [
        c.value for c in inside.caption
    ]
    assert "group" not in at.query_params  # nothing changes until the group is used


def test_choosing_korea_and_using_the_group_makes_it_the_focus_of_the_map():
    at = read(open_page("map"), LIST)
    (korea,) = [s for s in at.selectbox if s.key and s.key.endswith("-line-6")]
    at = korea.set_value("KOR").run()
    assert plain(box(at).markdown[0].value).startswith("10 lines read: 6 states matched")
    assert "Republic of Korea (KOR)" in list(box(at).dataframe[0].value["State"])
    at = at.button(key="your-group-use").click().run()
    assert not at.exception, at.exception
    members = ["GHA", "KEN", "KOR", "MAR", "NGA", "SEN"]
    assert dict(at.query_params) == {
        "group": ",".join(members),
        "group_name": "Nairobi consultation",
    }
    assert at.selectbox(key="url-focus").value == "group-" + ",".join(members)
    endorsed = len(set(members) & DATA.endorsers)
    legend = [t["name"] for t in maps(at)[0]["figure"]["data"] if t.get("showlegend")]
    assert legend[:2] == [f"Endorsed ({endorsed} of 6)", f"Not endorsed ({6 - endorsed} of 6)"]
    (success,) = [s.value for s in at.success]
    assert success == "“Nairobi consultation” is the focus of every page now: 6 states."


def test_the_group_used_on_the_map_is_the_focus_of_the_next_pages():
    at = read(open_page("map"), "Kenya\nGhana\nFrance")
    at = at.button(key="your-group-use").click().run()
    at.query_params.clear()  # the navigation menu's links carry no parameters
    at.switch_page("app_pages/outreach.py").run()
    assert not at.exception, at.exception
    assert at.query_params["group"] == "FRA,GHA,KEN"
    assert set(ranking(at)["ISO3"]) == {"FRA", "GHA", "KEN"} - DATA.endorsers
    at.query_params.clear()
    at.switch_page("app_pages/briefing.py").run()
    endorsed = len({"FRA", "GHA", "KEN"} & DATA.endorsers)
    figure = next(m for m in at.metric if m.label == "Endorsed: Nairobi consultation")
    assert figure.value.startswith(f"{endorsed} of 3 ")


@pytest.mark.parametrize("page", ["map", "regions", "outreach", "briefing"])
def test_your_group_is_offered_on_the_pages_of_a_focus_and_sent_once_opened(page):
    at = open_page(page)
    assert not at.exception, at.exception
    assert not box(at).text_area  # closed: nothing of it is sent
    at.session_state[BOX] = True
    at.run()
    assert [t.key for t in box(at).text_area] == [TEXT]


def test_using_a_group_on_the_outreach_page_replaces_its_filters():
    at = read(open_page("outreach", org="asean"), "Kenya\nGhana\nFrance")
    at = at.button(key="your-group-use").click().run()
    assert not at.exception, at.exception
    assert dict(at.query_params) == {"group": "FRA,GHA,KEN", "group_name": "Nairobi consultation"}
    assert set(ranking(at)["ISO3"]) == {"FRA", "GHA", "KEN"} - DATA.endorsers


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "The list is empty: paste the names of the participants first."),
        ("\n".join(f"Line {n}" for n in range(501)), "The list has 501 lines; at most 500"),
    ],
    ids=["empty", "too long"],
)
def test_a_list_that_cannot_be_read_is_one_message_and_changes_nothing(text, message):
    at = read(open_page("map", focus="org-nato"), text)
    assert not at.exception, at.exception
    said = [m.value for m in (*at.warning, *at.error)]
    assert len(said) == 1 and said[0].startswith(message)
    assert not box(at).dataframe  # no report
    assert "your-group-use" not in [b.key for b in at.button]  # and nothing to use
    assert dict(at.query_params) == {"focus": "org-nato"}


def test_a_list_with_no_state_cannot_be_used_and_changes_nothing():
    at = read(open_page("map", focus="org-nato"), "Asdfgh qwerty\n;;;\n12345\nICRC\nKosovo")
    said = plain(box(at).markdown[0].value)
    assert said == ("4 lines read: 1 organisation, 1 entity outside the 195 and 2 lines not found")
    at = at.button(key="your-group-use").click().run()
    assert not at.exception, at.exception
    (error,) = [e.value for e in at.error]
    assert error == (
        "No line of the list names a state in scope: there is no group to use, and nothing "
        "has changed."
    )
    assert dict(at.query_params) == {"focus": "org-nato"}
    assert at.selectbox(key="url-focus").value == "org-nato"


@pytest.mark.parametrize(
    ("language", "words"),
    [
        (
            "fr",
            {
                "box": "Votre groupe : un cadrage à partir d’une liste de participants",
                "summary": "10 lignes lues",
                "korea": "Ligne 6 : 6\\. Korea",
                "leave": "La laisser de côté",
                "used": "« Nairobi consultation » est désormais le cadrage de toutes les pages : "
                "5 États.",
            },
        ),
        (
            "es",
            {
                "box": "Su grupo: un enfoque a partir de una lista de participantes",
                "summary": "10 líneas leídas",
                "korea": "Línea 6: 6\\. Korea",
                "leave": "Dejarla fuera",
                "used": "«Nairobi consultation» es ahora el enfoque de todas las páginas: "
                "5 Estados.",
            },
        ),
    ],
)
def test_your_group_speaks_french_and_spanish(language, words):
    at = read(open_page("map", lang=language), LIST)
    assert not at.exception, at.exception
    assert box(at).label == words["box"]
    assert plain(box(at).markdown[0].value).startswith(words["summary"])
    (korea,) = [s for s in at.selectbox if s.key and s.key.endswith("-line-6")]
    assert korea.label == words["korea"] and korea.options[0] == words["leave"]
    at = at.button(key="your-group-use").click().run()
    (success,) = [s.value for s in at.success]
    assert success == words["used"]
    assert at.query_params["lang"] == language


def opened(page: str, **params: str):
    at = open_page(page, **params)
    at.session_state[BOX] = True
    return at.run()


def upload(at, name: str, data: bytes):
    return at.file_uploader(key=FILE).set_value((name, data, "application/octet-stream")).run()


def test_an_uploaded_spreadsheet_fills_the_list_from_its_likely_column_and_reads_it():
    sheet = (
        "Name;Delegation;Title\n"
        "Mr. Peter Kamau;Kenya;Ambassador\n"
        "Ms. Abena Mensah;Ghana;Counsellor\n"
        "Dr. Kim;Korea;Director\n"
        "Ms. Y;ICRC;Legal adviser\n"
    )
    at = upload(opened("briefing"), "participants.csv", sheet.encode())
    assert not at.exception, at.exception
    assert at.text_area(key=TEXT).value == "Kenya\nGhana\nKorea\nICRC"
    (column,) = [s for s in at.selectbox if s.key and s.key.startswith("your-group-column-")]
    assert list(column.options) == ["A: Name", "B: Delegation (the likely one)", "C: Title"]
    assert plain(box(at).markdown[0].value) == (
        "4 lines read: 2 states matched, 1 ambiguous line and 1 organisation"
    )
    at = column.set_value(0).run()  # another column: the list is filled from it and read again
    assert at.text_area(key=TEXT).value.startswith("Mr. Peter Kamau\n")
    assert plain(box(at).markdown[0].value) == "4 lines read: 4 lines not found"


def test_an_uploaded_word_document_shows_what_it_set_aside_and_the_list_can_be_used():
    document = docx.Document()
    document.add_paragraph("List of participants", style="Title")
    for line in ("1. H.E. Mr. X, Ambassador, Kenya", "2. Ghana", "3. Korea"):
        document.add_paragraph(line)
    data = io.BytesIO()
    document.save(data)
    at = upload(opened("map"), "list.docx", data.getvalue())
    assert not at.exception, at.exception
    assert "Set aside from list\\.docx, not a line of the list: 1 text." in [
        c.value for c in box(at).caption
    ]
    aside = next(d.value for d in box(at).dataframe if "Why" in d.value.columns)
    assert list(aside["Text"]) == ["List of participants"]
    assert list(choices(at)) == [3]  # Korea, to choose
    at = at.button(key="your-group-use").click().run()
    assert at.query_params["group"] == "GHA,KEN"


def test_a_file_that_cannot_be_read_is_one_message_and_changes_nothing():
    at = upload(opened("map", focus="org-nato"), "list.pdf", b"%PDF-1.4 not really a PDF")
    assert not at.exception, at.exception
    (error,) = [e.value for e in at.error]
    assert plain(error) == (
        "The file cannot be read: list.pdf is damaged or incomplete and cannot be read; open "
        "it, save it again and try again. Nothing has changed."
    )
    assert at.text_area(key=TEXT).value == "" and not box(at).dataframe
    assert dict(at.query_params) == {"focus": "org-nato"}


def test_past_forty_lines_to_choose_the_others_are_listed_and_said_to_be_left_out():
    at = read(open_page("map"), "\n".join(["Korea", "Congo", "Tunesia"] * 15))
    assert not at.exception, at.exception
    assert len(choices(at)) == 40
    said = [c.value for c in box(at).caption]
    assert any(c.startswith("Only the first 40 lines to choose for are offered here") for c in said)
    rest = next(d.value for d in box(at).dataframe if "Outcome" in d.value.columns)
    assert list(rest["Line"]) == list(range(41, 46))
    assert set(rest["Outcome"]) == {"ambiguous", "not found"}
