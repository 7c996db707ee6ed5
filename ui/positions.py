"""Where each state stands on each instrument: statuses, the state × instrument matrix."""

from dataclasses import dataclass

import pandas as pd

NOT_ENDORSED = "not endorsed"
UNKNOWN = "unknown"  # a partial list: not named is not the same as not endorsed
NO_VOTE = "no vote (not a UN member)"
POSITIVE = frozenset({"endorsed", "yes"})
CALL_TO_ACTION = "reaim-2023-call-to-action"
# Confidence in the Call to Action list by how it was obtained (endorsements.meta.json "method").
CALL_TO_ACTION_CONFIDENCE = {
    "fetched": "high: extracted from the official document by the ETL",
    "file": "high: extracted from a saved copy of the official document",
    "transcribed": "medium: one careful transcription, re-verified name for name",
}


@dataclass(frozen=True)
class Instrument:
    """One instrument of the registry (data/instruments/instruments.csv) with its provenance."""

    id: str
    title: str
    short_title: str
    kind: str  # "endorsement" or "vote"
    coverage: str  # "complete" or "partial"
    as_of: str
    source_url: str
    source_note: str
    licence: str
    confidence: str
    reported_total: str

    @property
    def positive(self) -> str:
        """The status that counts as support: "endorsed", or "yes" for a vote."""
        return "yes" if self.kind == "vote" else "endorsed"


def instruments(registry: pd.DataFrame, meta: dict) -> list[Instrument]:
    """The registry as objects; the Call to Action takes date and source from the ETL metadata."""
    found = []
    for row in registry.to_dict("records"):
        if row["id"] == CALL_TO_ACTION:
            row["as_of"] = meta.get("source_as_of") or ""
            row["source_url"] = meta.get("source_page_url") or meta.get("document_url") or ""
            row["licence"] = meta.get("licence", "")
            row["confidence"] = CALL_TO_ACTION_CONFIDENCE.get(meta.get("method", ""), "")
        found.append(Instrument(**{f: row[f] for f in Instrument.__dataclass_fields__}))
    return found


def status_matrix(
    positions: pd.DataFrame, catalogue: list[Instrument], states: pd.DataFrame
) -> pd.DataFrame:
    """Status of every state (rows: the universe, then listed outsiders) on every instrument.

    Complements are explicit: "not endorsed" on a complete list, "unknown" on a partial one,
    and "no vote (not a UN member)" for observers and outsiders on General Assembly votes.
    """
    codes = list(states["iso3"]) + sorted(set(positions["iso3"]) - set(states["iso3"]))
    matrix = pd.DataFrame(index=pd.Index(codes, name="iso3"))
    for instrument in catalogue:
        listed = positions[positions["instrument"] == instrument.id].set_index("iso3")["status"]
        if instrument.kind == "vote":
            fill = NO_VOTE  # every UN member has a record: the ETL reconciles the tallies
        else:
            fill = UNKNOWN if instrument.coverage == "partial" else NOT_ENDORSED
        matrix[instrument.id] = listed.reindex(matrix.index).fillna(fill)
    return matrix


def supporters(matrix: pd.DataFrame, instrument: Instrument) -> set[str]:
    """States that endorsed the instrument (or voted yes on it)."""
    return set(matrix.index[matrix[instrument.id] == instrument.positive])


def compare(matrix: pd.DataFrame, x: Instrument, y: Instrument) -> tuple[list[str], int]:
    """States that support X but not Y, and how many supporters of X have an unknown status on Y.

    A state whose position on Y is unknown (a partial list) or that cannot vote on Y is not
    counted as "not Y": it is reported in the second number instead.
    """
    on_x = matrix[x.id] == x.positive
    y_status = matrix[y.id]
    undecidable = y_status.isin([UNKNOWN, NO_VOTE])
    not_y = ~y_status.isin(POSITIVE) & ~undecidable & (y_status != "unconfirmed")
    unsure = on_x & (undecidable | (y_status == "unconfirmed"))
    return list(matrix.index[on_x & not_y]), int(unsure.sum())
