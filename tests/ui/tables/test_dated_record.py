"""A state's own dated commitments and votes on its profile (ui.tables.profile.dated_record)."""

from datetime import date

from i18n.translate import use
from ui.tables.dataset import on
from ui.tables.profile import DATED_HEADERS, dated_record

from ui_fixtures import shipped


def record(iso3: str, until: date | None = None):
    data = shipped() if until is None else on(shipped(), until)
    return dated_record(iso3, data.positions, data.catalogue, until)


def test_poland_oldest_first_the_declaration_by_a_day_and_its_three_votes():
    rows = record("POL")
    assert list(rows.columns) == list(DATED_HEADERS)
    assert rows.drop(columns=["Sources"]).values.tolist() == [
        [
            "16 February 2023",
            "Call to Action (REAIM 2023)",
            "Endorsed",
            "exact",
            "on the list of endorsing countries published at the summit in The Hague",
        ],
        [
            "22 December 2023",
            "UNGA 78/241 (2023)",
            "Voted yes",
            "exact",
            "recorded vote in the General Assembly on 2023-12-22",
        ],
        [
            "27 November 2024",
            "US Political Declaration",
            "Endorsed",
            "by then; day unknown",
            "joined between 2023-11-14 and 2024-11-27; exact date not found",
        ],
        [
            "2 December 2024",
            "UNGA 79/62 (2024)",
            "Abstained",
            "exact",
            "recorded vote in the General Assembly on 2024-12-02",
        ],
        [
            "1 December 2025",
            "UNGA 80/57 (2025)",
            "Abstained",
            "exact",
            "recorded vote in the General Assembly on 2025-12-01",
        ],
    ]
    # the sources a basis cites, else the instrument's
    assert rows.iloc[2]["Sources"] == [
        "http://web.archive.org/web/20241219144554/https://www.state.gov/political-declaration-on"
        "-responsible-military-use-of-artificial-intelligence-and-autonomy/"
    ]
    assert rows.iloc[1]["Sources"] == ["https://digitallibrary.un.org/record/4031004"]


def test_a_month_is_written_as_the_month_and_an_unconfirmed_position_says_so():
    bahrain = record("BHR").set_index("Instrument")
    assert bahrain.loc["US Political Declaration", "Date"] == "January 2024"
    assert bahrain.loc["US Political Declaration", "How exact"] == "some day that month"
    costa_rica = record("CRI").set_index("Instrument")
    pathways = costa_rica.loc["Pathways to Action (REAIM 2026)"]
    assert pathways["What"] == "Named as endorsing, unconfirmed"
    kenya = record("KEN").set_index("Instrument")
    assert kenya.loc["Blueprint for Action (REAIM 2024)", "What"] == "Named as endorsing"
    china = record("CHN").set_index("Instrument")
    assert china.loc["Blueprint for Action (REAIM 2024)", "What"] == "Named as not endorsing"


def test_on_a_past_day_only_what_was_evidenced_by_then():
    rows = record("POL", date(2024, 3, 20))
    assert list(rows["Instrument"]) == ["Call to Action (REAIM 2023)", "UNGA 78/241 (2023)"]
    assert record("VAT").empty  # an observer State: no vote, on no list


def test_in_french():
    with use("fr"):
        rows = record("BHR").set_index("Date")
    assert rows.loc["janvier 2024", "How exact"] == "un jour de ce mois"
    assert rows.loc["22 décembre 2023", "What"] == "A voté pour"
