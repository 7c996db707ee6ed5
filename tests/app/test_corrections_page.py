"""The Sources page lists the corrections: changes to facts, each with its reason and source."""

from apptest import open_page, static_table


def test_the_sources_page_lists_canadas_correction():
    at = open_page("sources")
    assert not at.exception
    assert "Corrections" in [h.value for h in at.subheader]
    note = next(c.value for c in at.caption if c.value.startswith("Changes to facts"))
    assert "the change log lists those" in note and "two as-of dates" in note
    table = static_table(at, -1).set_index("State")
    assert table.loc["Canada", "Change"] == "added as “Endorsed”"
    assert table.loc["Canada", "Instrument"] == "Blueprint for Action (REAIM 2024)"
    assert "canada.ca" in table.loc["Canada", "Source"]
    assert set(table.index) == {"Canada", "China", "Israel", "Switzerland"}


def test_in_spanish():
    at = open_page("sources", lang="es")
    assert not at.exception
    table = static_table(at, -1).set_index("Estado")
    assert table.loc["Canadá", "Cambio"] == "incorporado con el estado «Lo ha respaldado»"
