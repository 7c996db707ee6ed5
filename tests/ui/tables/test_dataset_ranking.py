"""The Dataset's default ranking: the outreach ranking of its own signals, in the active
language, computed once a language, and never corrupted by a caller."""

from datetime import date

import pandas as pd
import pytest

from i18n.translate import use
from ui.tables.dataset import load_dataset, on
from ui.tables.priority import default_weights, priorities

from conftest import REPO


def _computed(data) -> pd.DataFrame:
    names = data.table.set_index("iso3")["name"]
    return priorities(data.signals, default_weights(data.terms), names, data.terms)


@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_ranking_is_the_outreach_ranking_in_the_active_language(language):
    with use(language):
        data = load_dataset(REPO / "data")
        pd.testing.assert_frame_equal(data.ranking(), _computed(data))
    with use("es"):  # the same dataset read in another language: its reasons in that one
        pd.testing.assert_frame_equal(data.ranking(), _computed(data))
    assert sorted(data.computed) == sorted({("ranking", language), ("ranking", "es")})


def test_a_caller_that_changes_its_copy_changes_no_one_elses():
    data = load_dataset(REPO / "data")
    first = data.ranking()
    top = first.index[0]
    first.loc[top, "score"] = -1.0
    first.drop(first.index[1:], inplace=True)
    again = data.ranking()
    assert again.loc[top, "score"] != -1.0 and len(again) > 100


def test_a_past_day_ranks_its_own_signals():
    data = load_dataset(REPO / "data")
    data.ranking()
    then = on(data, date(2023, 11, 14))
    assert then.computed == {}
    pd.testing.assert_frame_equal(then.ranking(), _computed(then))
    assert not then.ranking().equals(data.ranking())
