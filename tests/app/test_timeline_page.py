"""The instruments page's timeline: drawn today and on a past day, in three languages, with its
text alternative."""

import json

import pytest
from streamlit.testing.v1 import AppTest

from ui.text import md

from apptest import open_page

# language: the section's heading, the chart's title, the chart in words
WORDS = {
    "en": ("Endorsers over time", "Endorsers of each instrument over time, to {day}", "The chart"),
    "fr": (
        "Approbations au fil du temps",
        "États ayant approuvé chaque instrument au fil du temps, jusqu’au {day}",
        "Le graphique en mots",
    ),
    "es": (
        "Respaldos a lo largo del tiempo",
        "Estados que respaldan cada instrumento a lo largo del tiempo, hasta el {day}",
        "El gráfico en palabras",
    ),
}
DAYS = {"en": "20 March 2024", "fr": "20 mars 2024", "es": "20 de marzo de 2024"}


def timeline(at: AppTest) -> dict:
    """The one chart of the instruments page, as the browser gets it."""
    (chart,) = at.get("plotly_chart")
    return json.loads(chart.proto.spec)


@pytest.mark.parametrize("language", list(WORDS))
@pytest.mark.parametrize("as_of", [None, "2024-03-20"])
def test_the_instruments_page_draws_the_timeline(language, as_of):
    params = {"lang": language} | ({"as_of": as_of} if as_of else {})
    at = open_page("instruments", **params)
    assert not at.exception
    heading, title, in_words = WORDS[language]
    assert heading in [h.value for h in at.subheader]
    figure = timeline(at)
    panels = [a["text"] for a in figure["layout"]["annotations"]]
    if as_of:  # two lists and one vote existed on that day
        assert figure["layout"]["title"]["text"] == title.format(day=DAYS[language])
        assert len(panels) == 3
    else:
        assert figure["layout"]["title"]["text"].startswith(title.format(day="")[:20])
        assert len(panels) == 5
    lines = [t for t in figure["data"] if t.get("mode") == "lines" and t["line"].get("width")]
    assert lines and all(t["line"]["shape"] == "hv" for t in lines)
    assert any(in_words in c.value for c in at.caption)


def test_the_declaration_reaches_54_published_on_the_day_of_its_plenary():
    figure = timeline(open_page("instruments", as_of="2024-03-20"))
    published = [t for t in figure["data"] if t.get("mode") == "markers" and t.get("yaxis") == "y2"]
    assert published[0]["y"][-1] == 54
    (words,) = [c.value for c in open_page("instruments").caption if "chart in words" in c.value]
    assert md("US Political Declaration: 1 endorser on 16 February 2023, 58 on") in words


def test_each_instruments_form_is_named_in_the_language():
    badges = [m.value for m in open_page("instruments", lang="fr").markdown if "-badge[" in m.value]
    assert badges == [
        *[":blue-badge[Approbations]"] * 2,
        ":gray-badge[Liste partielle]",
        ":blue-badge[Approbations]",
        *[":violet-badge[Vote de l’Assemblée générale des Nations Unies]"] * 3,
        *[":green-badge[Coauteurs d’un projet de résolution]"] * 3,
        ":orange-badge[Déclaration conjointe]",
        ":violet-badge[Vote de la Première Commission]",
    ]
