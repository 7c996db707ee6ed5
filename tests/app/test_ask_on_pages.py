"""The suggested ask on the pages: the country profile leads with it, in the page's language."""

import pytest
from test_country_card import card

from i18n.translate import use
from ui.tables.ask import suggested_ask
from ui.tables.dataset import Dataset
from ui.text import md

from apptest import open_page
from ui_fixtures import shipped

LABEL = {
    "en": "**Suggested ask.** ",
    "fr": "**Démarche suggérée.** ",
    "es": "**Petición sugerida.** ",
}


@pytest.fixture(autouse=True)
def shipped_dataset(monkeypatch):
    monkeypatch.delenv("REAIM_DATA_DIR", raising=False)


def dataset(language: str) -> Dataset:
    return shipped(language)


def ask_text(iso3: str, language: str) -> str:
    """The state's ask as the page must show it: in the language, escaped as Markdown."""
    with use(language):
        return md(suggested_ask(dataset(language), iso3).text)


@pytest.mark.parametrize("language", ["en", "fr", "es"])
def test_the_profile_leads_with_the_ask(language):
    said = card(open_page("country", iso3="KEN", lang=language))
    _name, first, *_rest = said.split("\n")
    assert first == LABEL[language] + ask_text("KEN", language)


def test_a_state_that_supports_everything_it_could_join_is_told_so():
    said = card(open_page("country", iso3="NLD"))
    assert said.split("\n")[1] == (
        "**Suggested ask.** None: it supports every instrument it could join."
    )


@pytest.mark.parametrize("language", ["en", "fr", "es"])
def test_the_outreach_explanation_gives_the_ask_under_its_sentence(language):
    at = open_page("outreach", explain="NGA", lang=language)
    said = [m.value for m in at.markdown]
    name = dataset(language).table.set_index("iso3").loc["NGA", "name"]
    (sentence,) = [i for i, text in enumerate(said) if text.startswith(f"**{md(name)}**")]
    assert said[sentence + 1] == LABEL[language] + ask_text("NGA", language)
