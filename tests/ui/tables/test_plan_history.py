"""The plan's history as read: fields by name, dates written out, words in the language, no None."""

from datetime import UTC, datetime

import pytest

from i18n import formats
from i18n.translate import use
from plan.model import PlanEvent
from ui.tables.plan_history import history_rows

AT = datetime(2026, 12, 7, 10, 15, 42, tzinfo=UTC)
CTA = "reaim-2023-call-to-action"


def event(field: str, old: str, new: str, instrument: str = CTA) -> PlanEvent:
    return PlanEvent(1, "BRA", instrument, AT, "desk@example.org", field, old, new)


EVENTS = [
    event("next_step", "", "Call the desk"),
    event("last_contact", "", "2026-11-20"),
    event("due", "2027-01-31", ""),
    event("status", "not started", "positive signal"),
    event("channel", "", "bilateral meeting"),
    event("notes", "old note", "new note", "us-political-declaration"),
]


@pytest.mark.parametrize(
    ("language", "written"),
    [
        ("en", "7 December 2026, 10:15"),
        ("fr", "7 décembre 2026, 10:15"),
        ("es", "7 de diciembre de 2026, 10:15"),
    ],
)
def test_a_moment_is_written_out_in_the_language(language, written):
    with use(language):
        assert formats.long_datetime(AT) == written


def test_history_names_fields_writes_dates_and_leaves_no_value_blank():
    rows = history_rows(EVENTS)
    assert list(rows.columns) == ["When (UTC)", "Who", "Field", "Old", "New"]
    assert list(rows["Field"]) == ["Next step", "Last contact", "Due", "Status", "Channel", "Notes"]
    assert set(rows["When (UTC)"]) == {"7 December 2026, 10:15"}
    assert rows.loc[1, "New"] == "20 November 2026" and rows.loc[2, "Old"] == "31 January 2027"
    assert (rows.loc[0, "Old"], rows.loc[2, "New"], rows.loc[4, "Old"]) == ("", "", "")
    assert rows.loc[5, "Old"] == "old note"  # text as typed
    cells = rows.to_numpy().ravel().tolist()
    assert all(isinstance(cell, str) for cell in cells)
    assert not {"None", "nan", "NaT"} & set(cells) and not [c for c in cells if "_" in c]


def test_history_speaks_french_and_names_the_instrument_when_asked():
    with use("fr"):
        rows = history_rows(EVENTS, {CTA: "Appel à l’action", "us-political-declaration": "Décl."})
        assert list(rows.iloc[:, 2]) == ["Appel à l’action"] * 5 + ["Décl."]
        fields = list(rows.iloc[:, 3])
        assert fields[0] == "Prochaine étape" and fields[3] == "Statut"
        assert list(rows.iloc[3, 4:]) == ["non commencé", "signal positif"]
        assert rows.iloc[1, 5] == "20 novembre 2026"
