"""How to cite: the figures, the list's date and a citation line that names the source, its date,
the transcription's credit and this dashboard, accessed on the day."""

from dataclasses import replace
from datetime import date

from i18n.translate import use
from ui.tables.citation import how_to_cite
from ui.tables.provenance import Provenance

SOURCE = Provenance(
    method="transcribed",
    as_of="2023-02-16",
    as_of_basis="the page's date",
    retrieved_at="2026-08-24",
    source_page_url="https://example.org/list",
    document_url="https://example.org/list.pdf",
    document_sha256="0" * 64,
    licence="CC0",
    transcribed_by="A Transcriber",
    transcription_licence="CC BY 4.0",
    transcription_url="https://example.org/transcription",
)
COUNTS = {"states": 195, "endorsers": 58, "members": 193, "member_endorsers": 57}
TODAY = date(2026, 12, 7)


def test_the_figures_date_and_citation_line():
    cite = how_to_cite(SOURCE, COUNTS, TODAY)
    assert cite.states == "58 of 195 states have endorsed"
    assert cite.members == "57 of 193 UN member States (29.5%)"
    assert cite.as_of == "16 February 2023"
    assert cite.citation == (
        "Government of the Netherlands, REAIM 2023 Call to Action: endorsing countries and "
        "territories, as of 16 February 2023, https://example.org/list; transcription by A "
        "Transcriber (CC BY 4.0); compiled in the REAIM 2023 Call to Action coverage dashboard, "
        "accessed 7 December 2026."
    )


def test_a_fetched_list_is_cited_without_a_transcription():
    cite = how_to_cite(replace(SOURCE, method="fetched"), COUNTS, TODAY)
    assert "transcription" not in cite.citation
    assert "as of 16 February 2023, https://example.org/list; compiled in" in cite.citation


def test_the_citation_is_written_the_way_of_the_language():
    with use("fr"):
        cite = how_to_cite(SOURCE, COUNTS, TODAY)
    assert cite.as_of == "16 février 2023" and "7 décembre 2026" in cite.citation
    assert "29,5" in cite.members
