"""Map views follow the interface language where Babel writes the text: counts and dates."""

from i18n.translate import use
from store.focus import WORLD_FOCUS
from ui.views.map_view import comparison_view, instrument_view

from ui_fixtures import shipped

DATA = shipped()
CATALOGUE = DATA.catalogue


def _view(instrument_id: str):
    return instrument_view(
        CATALOGUE[instrument_id],
        DATA.matrix,
        DATA.positions,
        DATA.table,
        DATA.geometry.codes,
        DATA.focus_frames[WORLD_FOCUS],
        DATA.names,
    )


def test_the_subtitle_dates_the_source_in_the_language():
    instrument = CATALOGUE["unga-78-241"]
    english = _view("unga-78-241").subtitle
    with use("fr"):
        french = _view("unga-78-241").subtitle
    with use("es"):
        spanish = _view("unga-78-241").subtitle
    assert english.startswith("Source as of ")
    year = instrument.as_of[:4]
    assert year in french and year in spanish
    months_fr = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août")
    months_fr += ("septembre", "octobre", "novembre", "décembre")
    assert any(month in french for month in months_fr)
    assert f" de {year}" in spanish


def test_categories_stay_keys_while_their_names_are_text():
    with use("fr"):
        view = _view("reaim-2023-call-to-action")
    assert view.categories == _view("reaim-2023-call-to-action").categories  # keys, in English
    assert len(view.names) == len(view.labels) == len(view.categories)


def test_a_comparison_dates_both_sources_in_french():
    x, y = CATALOGUE["reaim-2023-call-to-action"], CATALOGUE["unga-78-241"]
    with use("fr"):
        view = comparison_view(
            x,
            y,
            DATA.matrix,
            DATA.table,
            DATA.geometry.codes,
            DATA.focus_frames[WORLD_FOCUS],
            DATA.names,
        )
    assert "February" not in view.subtitle and "December" not in view.subtitle
