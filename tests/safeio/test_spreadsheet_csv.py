"""The one CSV writer: no cell runs as a formula, preambles stay comments, all text reads back."""

import csv
import io
import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from safeio.spreadsheet_csv import FORMULA_START, neutralise, restore, to_bytes

# Any text (lone surrogates are not text: validation refuses them, no database stores them),
# with more of what CSV and spreadsheets treat apart: line ends, quotes, commas, formula starts.
CHARACTERS = st.characters(exclude_categories=["Cs"])
TEXT = st.text(st.one_of(CHARACTERS, st.sampled_from("\r\n\t\x0b,\"'=+-@# ")))
HOSTILE = [
    '=HYPERLINK("http://evil.example/","click")',
    "+1-2",
    "-3",
    "@SUM(A1)",
    "\tTab first",
    "\rCR first",
    "'=already quoted",
    "'quoted",
    "''twice",
    "lone\rreturn",
    'a,b\r\nc"d',
]


def cells(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))


@given(TEXT)
def test_restore_undoes_neutralise(text):
    assert restore(neutralise(text)) == text


@given(TEXT)
def test_a_neutralised_cell_never_starts_like_a_formula(text):
    assert not neutralise(text).startswith(FORMULA_START)


@pytest.mark.parametrize("text", ["Austria", "", "3", "a=b", "#hash", "x'"])
def test_ordinary_text_is_written_as_it_is(text):
    assert neutralise(text) == text == restore(text)


@given(st.lists(st.lists(TEXT, min_size=1, max_size=4), max_size=5))
@example([["lone\rreturn", "=1+1"], ["a,b", 'say "hi"\r\n']])
def test_any_text_round_trips_through_a_file(rows):
    data = to_bytes(rows)
    assert [[restore(cell) for cell in row] for row in cells(data)] == rows


@given(TEXT, TEXT)
def test_a_preamble_line_stays_one_inert_line(key, value):
    data = to_bytes([["a"], ["1"]], preamble=[(key, value)])
    first, *rest = cells(data)
    assert first[0] == "#" and len(first) == 3 and rest == [["a"], ["1"]]
    assert [restore(cell) for cell in first[1:]] == [" ".join(key.split()), " ".join(value.split())]
    assert not any(cell.startswith(FORMULA_START) for cell in first)


@pytest.mark.parametrize("text", HOSTILE)
def test_pandas_skips_the_preamble_and_reads_the_table(text):
    data = to_bytes(
        [["name", "score"], [text, -1.5], ["plain", 2]], preamble=[("Selection", text)], bom=True
    )
    assert data.startswith(b"\xef\xbb\xbf#,Selection,")
    back = pd.read_csv(io.BytesIO(data), comment="#", encoding="utf-8-sig")
    assert back.columns.tolist() == ["name", "score"]
    assert back["name"].map(restore).tolist() == [text, "plain"]
    assert back["score"].tolist() == [-1.5, 2.0]


def test_numbers_stay_numbers_and_nothing_is_empty():
    data = to_bytes([[-1.5, 3, True, None, math.nan, 0.1, np.float64(-2.5), np.int64(-7), "-1.5"]])
    assert cells(data) == [["-1.5", "3", "True", "", "", "0.1", "-2.5", "-7", "'-1.5"]]


def test_rows_end_in_crlf_and_a_carriage_return_is_quoted():
    assert to_bytes([["a\rb", "c"]]) == b'"a\rb",c\r\n'
