"""The state × instrument matrix as a table, and one state's position on every instrument."""

import pandas as pd

from i18n import formats
from i18n.collation import sort_key
from i18n.translate import _
from instruments.model import Instrument
from store.groups import region_label, un_group_label

PLACE_COLUMNS = {
    "m49_region": "M49 region",
    "m49_subregion": "M49 sub-region",
    "un_regional_group": "UN regional group",
}


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
        out[instrument.short_title] = found[instrument.id].map(instrument.word).to_numpy()
    for column, label in PLACE_COLUMNS.items():
        namer = un_group_label if column == "un_regional_group" else region_label
        out[label] = [namer(value) if value else "" for value in rows[column]]
    inside, outside = _("yes"), _("no: not a UN member or observer State")
    out["In scope"] = [inside if value else outside for value in rows["in_universe"]]
    return out.sort_values("State", key=lambda s: s.map(sort_key), ignore_index=True)


def position_rows(
    iso3: str, matrix: pd.DataFrame, positions: pd.DataFrame, catalogue: list[Instrument]
) -> pd.DataFrame:
    """One state's status on every instrument (by its full title, which says what it is about),
    with as-of date, source, how the source lists it, why an unnamed state has its status, and
    the registry's confidence in the source."""
    listed = positions[positions["iso3"] == iso3].set_index("instrument")
    records = []
    for instrument in catalogue:
        status = matrix.loc[iso3, instrument.id]
        if instrument.id in listed.index:
            row = listed.loc[instrument.id]
            as_of, url, note = row["as_of"], row["source_url"], ""
            listed_as = (
                _("listed as “{name}”").format(name=row["name_as_listed"])
                if row["name_as_listed"]
                else ""
            )
            source_note = formats.clauses(x for x in (listed_as, row["note"]) if x)
        else:
            named = int(matrix[instrument.id].isin(instrument.supporting).sum())
            as_of, url, source_note = instrument.as_of, instrument.source_url, ""
            note = instrument.complement_note(status, named)
        records.append(
            {
                "Instrument": instrument.title,
                "Status": instrument.word(status),
                "As of": as_of,
                "Note": note,
                "Source": url,
                "Source note": source_note,
                "Confidence": instrument.confidence,
            }
        )
    return pd.DataFrame(records)
