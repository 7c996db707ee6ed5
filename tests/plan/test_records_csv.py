"""One instrument's records as CSV and back: any text a record holds reads back as it was."""

from datetime import date

from hypothesis import example, given
from hypothesis import strategies as st

from plan.model import DEFAULT_INSTRUMENT as CTA
from plan.model import PlanRecord
from plan.records_csv import COLUMNS, parse, to_csv

# Any text (lone surrogates are not text: validation refuses them, no database stores them),
# with more of what CSV and spreadsheets treat apart: line ends, quotes, commas, formula starts.
CHARACTERS = st.characters(exclude_categories=["Cs"])
TEXT = st.text(st.one_of(CHARACTERS, st.sampled_from("\r\n\t\x0b,\"'=+-@# ")))


@given(TEXT, TEXT, TEXT)
@example("Paris\rdesk", "=1+1\r", 'a "quote", and\r\nlines')
def test_any_stored_text_round_trips(owner, next_step, notes):
    record = PlanRecord(
        "FRA",
        CTA,
        "planned",
        owner,
        date(2026, 1, 2),
        "letter",
        next_step,
        None,
        notes,
        3,
        "a",
        None,
    )
    rows, errors = parse(to_csv([record]))
    assert errors == []
    assert rows == [
        (
            3,  # the marking, the header, then the record
            dict(
                zip(
                    COLUMNS,
                    ["FRA", "planned", owner, "2026-01-02", "letter", next_step, "", notes, "3"],
                    strict=True,
                )
            ),
        )
    ]


def test_a_lone_carriage_return_stays_in_its_cell():
    record = PlanRecord("FRA", CTA, "planned", "Paris\rdesk", None, "", "", None, "", 1, "a", None)
    rows, errors = parse(to_csv([record]))
    assert errors == [] and rows[0][1]["owner"] == "Paris\rdesk"
