"""Every page as of a past day (?as_of=): the day's figures, a banner, and bad days refused."""

import pytest
from streamlit.testing.v1 import AppTest

from ui.widgets.as_of import parse_day

from apptest import maps, open_page

DECLARATION = "us-political-declaration"


def said(at: AppTest) -> str:
    parts = (
        [m.value for m in at.markdown] + [i.value for i in at.info] + [w.value for w in at.warning]
    )
    return "\n".join(parts)


def legend(at: AppTest) -> list[str]:
    return [t["name"] for t in maps(at)[0]["figure"]["data"] if t.get("showlegend")]


def test_the_declaration_in_march_2024_counts_its_unknowns_apart():
    at = open_page("map", instrument=DECLARATION, as_of="2024-03-20")
    assert not at.exception
    figure = maps(at)[0]["figure"]
    assert figure["layout"]["title"]["text"].endswith(", as of 20 March 2024")
    assert legend(at)[:3] == [
        "Endorsed (47)",  # 48 with Kosovo, outside the 195: 48 ≤ 54 published ≤ 48 + 9
        "Unknown on this date (joined by a later date) (9)",
        "Not endorsed (139)",
    ]
    (shapes,) = [t for t in figure["data"] if t["type"] == "choropleth"]
    hover = dict(zip(shapes["locations"], shapes["text"], strict=True))
    assert "joined by 27 November 2024, day unknown" in hover["POL"]
    assert "You are looking at 20 March 2024" in said(at)
    assert at.button(key="as-of-today")  # the way back


def test_back_to_today_shows_the_data_as_published():
    at = open_page("map", instrument=DECLARATION, as_of="2024-03-20")
    at.button(key="as-of-today").click().run()
    assert "as_of" not in at.query_params
    assert legend(at)[0] == "Endorsed (57)" and "You are looking at" not in said(at)


@pytest.mark.parametrize(
    ("page", "params", "absent"),
    [
        ("map", {"instrument": DECLARATION, "as_of": "2023-01-15"}, "US Political Declaration"),
        ("map", {"as_of": "2023-01-15"}, "Call to Action (REAIM 2023)"),
        (
            "map",
            {"instrument": "reaim-2026-pathways-to-action", "as_of": "2025-06-01"},
            "Pathways to Action (REAIM 2026)",
        ),
        ("regions", {"instrument": DECLARATION, "as_of": "2023-01-15"}, "US Political Declaration"),
        ("outreach", {"as_of": "2023-01-15"}, "Call to Action (REAIM 2023)"),
        ("briefing", {"as_of": "2023-01-15"}, "Call to Action (REAIM 2023)"),
    ],
)
def test_a_day_before_an_instrument_existed_says_so_instead_of_an_empty_map(page, params, absent):
    at = open_page(page, **params)
    assert not at.exception
    assert f"{absent} did not exist yet on" in said(at)
    assert not maps(at) and not at.dataframe


def test_the_instruments_page_gives_the_days_figures():
    at = open_page("instruments", as_of="2024-03-20")
    text = said(at)
    assert "Pathways to Action (REAIM 2026) did not exist yet on 20 March 2024" in text
    assert "UNGA 79/62 (2024) did not exist yet" in text
    metrics = [(m.label, m.value) for m in at.metric]
    assert ("Unknown on this date", "9") in metrics  # the Declaration's nine


def test_a_profile_on_a_past_day_says_unknown_never_not_endorsed():
    at = open_page("country", iso3="POL", as_of="2024-03-20")
    assert not at.exception
    rows = at.table[0].value.set_index("Instrument")
    statuses = dict(zip(rows.index, rows["Status"], strict=True))
    declaration = next(s for i, s in statuses.items() if "Political Declaration" in i)
    assert "Unknown on this date" in declaration
    pathways = next(s for i, s in statuses.items() if "Pathways" in i)
    assert "Did not exist yet" in pathways


@pytest.mark.parametrize(
    ("value", "why"),
    [
        ("yesterday", "not a date"),
        ("2099-01-01", "in the future"),
        ("2022-12-31", "starts in 2023"),
    ],
)
def test_a_bad_day_is_a_notice_and_todays_view(value, why):
    at = open_page("map", instrument=DECLARATION, as_of=value)
    assert not at.exception
    (warning,) = [w.value for w in at.warning]
    assert "Ignored `as_of`" in warning and why in warning
    assert "as_of" not in at.query_params
    assert legend(at)[0] == "Endorsed (57)"


def test_links_carry_the_day_to_the_next_page():
    at = open_page("map", instrument=DECLARATION, as_of="2024-03-20")
    links = [link.proto.page for link in at.get("page_link")]
    assert links
    carried = [p.proto.query_string for p in at.get("page_link") if p.proto.query_string]
    assert carried and all("as_of=2024-03-20" in q for q in carried)


@pytest.mark.parametrize(
    ("language", "banner", "unknown"),
    [
        ("fr", "Vous consultez le 20 mars 2024", "Inconnu à cette date"),
        ("es", "Está viendo el 20 de marzo de 2024", "Desconocido en esta fecha"),
    ],
)
def test_the_day_reads_in_every_language(language, banner, unknown):
    at = open_page("map", instrument=DECLARATION, as_of="2024-03-20", lang=language)
    assert not at.exception
    assert banner in said(at)
    assert any(name.startswith(unknown) for name in legend(at))


def test_parse_day():
    from datetime import date

    today = date(2026, 12, 7)
    assert parse_day("2024-03-20", today) == date(2024, 3, 20)
    assert parse_day("2026-12-07", today) is None  # today is the data as published
    for bad in ("2024-3-20x", "2026-12-08", "2022-01-01", ""):
        with pytest.raises(ValueError):
            parse_day(bad, today)
