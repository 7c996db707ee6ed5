"""Each instrument's headline figure and caveats, and the state × instrument matrix as a table."""

import pandas as pd

from ui import statuses
from ui.positions import Instrument
from ui.text import join_names

VOTE_ORDER = ("yes", "no", "abstain", "non-voting")
PLACE_COLUMNS = {
    "m49_region": "M49 region",
    "m49_subregion": "M49 sub-region",
    "un_regional_group": "UN regional group",
}


def _listed(positions: pd.DataFrame, instrument: Instrument) -> pd.DataFrame:
    return positions[positions["instrument"] == instrument.id]


def _in_universe(rows: pd.DataFrame) -> pd.Series:
    return rows["in_universe"].astype(str).str.lower() == "true"


def figures(instrument: Instrument, positions: pd.DataFrame) -> list[tuple[str, str]]:
    """The headline figures (label, value) of an instrument, as its sources state them."""
    counts = _listed(positions, instrument)["status"].value_counts()
    if instrument.kind == "vote":
        return [(statuses.word(s), str(int(counts.get(s, 0)))) for s in VOTE_ORDER]
    endorsed = str(int(counts.get("endorsed", 0)))
    if instrument.coverage == "partial":
        return [
            ("Endorsed, as reported", instrument.reported_total),
            ("Named in sources", endorsed),
        ]
    unconfirmed = int(counts.get("unconfirmed", 0))
    return [("Endorsers", endorsed)] + ([("Unconfirmed", str(unconfirmed))] if unconfirmed else [])


def headline(instrument: Instrument, positions: pd.DataFrame) -> str:
    """The figures in one line: "58 endorsers: 57 of the 195 states in scope and Kosovo, …"."""
    rows = _listed(positions, instrument)
    if instrument.kind == "vote":
        tally = " · ".join(f"{value} {label.lower()}" for label, value in figures(instrument, rows))
        return f"{tally} (recorded vote of the {len(rows)} UN member States)"
    endorsed = rows[rows["status"] == "endorsed"]
    if instrument.coverage == "partial":
        return (
            f"{instrument.reported_total} endorsed, as reported by the source; only "
            f"{len(endorsed)} are named"
        )
    inside = int(_in_universe(endorsed).sum())
    outside = list(endorsed.loc[~_in_universe(endorsed), "name"])
    text = f"{len(endorsed)} endorsers: {inside} of the 195 states in scope"
    if outside:
        text += f" and {join_names(outside)}, outside the scope"
    unconfirmed = list(rows.loc[rows["status"] == "unconfirmed", "name"])
    if unconfirmed:
        text += f"; {join_names(unconfirmed)} unconfirmed"
    return text


def caveats(instrument: Instrument, positions: pd.DataFrame) -> list[str]:
    """What a reader must know before using the instrument's figures, one sentence each."""
    rows = _listed(positions, instrument)
    found = []
    if instrument.coverage == "partial":
        named = rows.loc[rows["status"] == "endorsed", "name"]
        found.append(
            f"The source reports {instrument.reported_total} endorsers but only {len(named)} are "
            f"named ({join_names(sorted(named))}): every other state's position is unknown, "
            "never “not endorsed”."
        )
    for row in rows[rows["status"] == "unconfirmed"].itertuples():
        found.append(f"{row.name} is shown as unconfirmed, not as an endorser: {row.note}.")
    outside = rows[~_in_universe(rows)]
    for row in outside.itertuples():
        found.append(
            f"{row.name} is listed as {statuses.word(row.status).lower()} but is outside the 195 "
            "states in scope (not a UN member or observer State): shown, flagged as not in scope."
        )
    if instrument.kind == "vote":
        found.append(
            "The two observer States (Holy See, State of Palestine) cannot vote in the General "
            "Assembly: shown as “no vote”."
        )
    return found


def states_table(table: pd.DataFrame, positions: pd.DataFrame) -> pd.DataFrame:
    """The endorsements table plus every entity outside it that some instrument lists."""
    extra = positions[~positions["iso3"].isin(set(table["iso3"]))].drop_duplicates("iso3")
    if extra.empty:
        return table
    blank = {column: "" for column in table.columns}
    added = pd.DataFrame(
        [blank | {"iso3": r.iso3, "name": r.name} for r in extra.itertuples()],
        columns=table.columns,
    ).assign(endorsed=False, in_universe=False)
    return pd.concat([table, added], ignore_index=True)


def matrix_table(
    rows: pd.DataFrame, matrix: pd.DataFrame, catalogue: list[Instrument]
) -> pd.DataFrame:
    """State, ISO3, a column of status words per instrument, then region and group, by name."""
    out = pd.DataFrame({"State": rows["name"].to_numpy(), "ISO3": rows["iso3"].to_numpy()})
    found = matrix.reindex(rows["iso3"])
    for instrument in catalogue:
        out[instrument.short_title] = found[instrument.id].map(statuses.word).to_numpy()
    for column, label in PLACE_COLUMNS.items():
        out[label] = rows[column].to_numpy()
    out["In scope"] = [
        "yes" if inside else "no: not a UN member or observer State"
        for inside in rows["in_universe"]
    ]
    return out.sort_values("State", key=lambda s: s.str.casefold(), ignore_index=True)


def position_rows(
    iso3: str, matrix: pd.DataFrame, positions: pd.DataFrame, catalogue: list[Instrument]
) -> pd.DataFrame:
    """One state's status on every instrument, with as-of date, source and note (country page)."""
    listed = positions[positions["iso3"] == iso3].set_index("instrument")
    records = []
    for instrument in catalogue:
        status = matrix.loc[iso3, instrument.id]
        if instrument.id in listed.index:
            row = listed.loc[instrument.id]
            as_of, url, note = row["as_of"], row["source_url"], row["note"]
            if row["name_as_listed"]:
                note = "; ".join(x for x in (f"listed as “{row['name_as_listed']}”", note) if x)
        else:
            named = int((matrix[instrument.id] == instrument.positive).sum())
            as_of, url = instrument.as_of, instrument.source_url
            note = statuses.complement_note(instrument, status, named)
        records.append(
            {
                "Instrument": instrument.short_title,
                "Status": statuses.word(status),
                "As of": as_of,
                "Source": url,
                "Note": note,
            }
        )
    return pd.DataFrame(records)
