"""A country profile lists the state's own dated commitments and votes, with the evidence."""

from apptest import open_page, static_table

HEADING = "Its commitments and votes, oldest first"


def test_polands_profile_lists_its_dated_commitments_and_votes_in_order():
    at = open_page("country", iso3="POL")
    assert not at.exception
    record = static_table(at, 1)
    assert list(record["Date"]) == [
        "16 February 2023",
        "22 December 2023",
        "27 November 2024",
        "2 December 2024",
        "1 December 2025",
    ]
    declaration = record.set_index("Instrument").loc["US Political Declaration"]
    assert declaration["How exact"] == "by then; day unknown"
    # its source: the archived list of 27 November 2024, as a link
    assert declaration["Source"].startswith("[Source](http://web.archive.org/")
    votes = record[record["Instrument"].str.startswith("UNGA")]
    assert list(zip(votes["Instrument"], votes["What"], strict=True)) == [
        ("UNGA 78/241 (2023)", "Voted yes"),
        ("UNGA 79/62 (2024)", "Abstained"),
        ("UNGA 80/57 (2025)", "Abstained"),
    ]
    # with the evidence, after the positions it dates, not at the top
    headings = [h.value for h in at.subheader]
    assert headings.index("All instruments and votes") + 1 == headings.index(HEADING)


def test_on_a_past_day_only_what_was_evidenced_by_then_in_french():
    at = open_page("country", iso3="POL", as_of="2024-03-20", lang="fr")
    assert not at.exception
    record = static_table(at, 1)
    assert list(record["Date"]) == ["16 février 2023", "22 décembre 2023"]
    assert list(record["Quoi"]) == ["A approuvé", "A voté pour"]
