"""Where each state stands on each instrument: the state × instrument status matrix."""

import pandas as pd

from instruments.model import Instrument


def status_matrix(
    positions: pd.DataFrame, catalogue: list[Instrument], states: pd.DataFrame
) -> pd.DataFrame:
    """Status of every state (rows: the universe, then listed outsiders) on every instrument.

    Complements are explicit: each instrument's form says what a state it does not list has
    ("not endorsed", "unknown", or "no vote (not a UN member)").
    """
    codes = list(states["iso3"]) + sorted(set(positions["iso3"]) - set(states["iso3"]))
    matrix = pd.DataFrame(index=pd.Index(codes, name="iso3"))
    for instrument in catalogue:
        listed = positions[positions["instrument"] == instrument.id].set_index("iso3")["status"]
        matrix[instrument.id] = listed.reindex(matrix.index).fillna(instrument.missing)
    return matrix


def supporters(matrix: pd.DataFrame, instrument: Instrument) -> set[str]:
    """States that endorsed the instrument (or voted yes on it)."""
    return set(matrix.index[matrix[instrument.id].isin(instrument.supporting)])


def compare(matrix: pd.DataFrame, x: Instrument, y: Instrument) -> tuple[list[str], int]:
    """States that support X but not Y, and how many supporters of X cannot be placed on Y.

    A state whose position on Y is unknown (a partial list), unconfirmed, or that cannot vote
    on Y is not counted as "not Y": it is reported in the second number instead.
    """
    on_x = matrix[x.id].isin(x.supporting)
    y_status = matrix[y.id]
    undecided = y_status.map(y.form.undecided).astype(bool)
    not_y = ~y_status.isin(y.supporting) & ~undecided
    return list(matrix.index[on_x & not_y]), int((on_x & undecided).sum())
