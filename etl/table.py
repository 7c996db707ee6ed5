"""The published endorsements table: how it is built and written (store/published.py reads it)."""

import pandas as pd

from etl.resolve import ResolvedName
from store.published import BOOLEAN_COLUMNS, COLUMNS
from store.reference import load_other_entities, load_states

OUTSIDE_STATUS = "not a UN member or observer"


def build_table(resolved: list[ResolvedName]) -> pd.DataFrame:
    """One row per state of the universe, plus every listed entity outside it, sorted by ISO3."""
    listed = {item.iso3: item.name_as_listed for item in resolved}
    states = load_states()
    table = states[[c for c in COLUMNS if c in states.columns]].copy()
    table["endorsed"] = table["iso3"].isin(listed)
    table["name_as_listed"] = table["iso3"].map(listed).fillna("")
    table["in_universe"] = True
    others = load_other_entities().set_index("iso3")["name"]
    outside = sorted(set(listed) - set(table["iso3"]))
    extra = pd.DataFrame(
        {
            "iso3": outside,
            "name": [others[iso3] for iso3 in outside],
            "endorsed": True,
            "name_as_listed": [listed[iso3] for iso3 in outside],
            "in_universe": False,
            "un_status": OUTSIDE_STATUS,
        }
    )
    table = pd.concat([table, extra], ignore_index=True).fillna("")
    return table[COLUMNS].sort_values("iso3", ignore_index=True)


def table_to_csv(table: pd.DataFrame) -> bytes:
    """Serialise deterministically: UTF-8, LF line ends, booleans as ``true``/``false``."""
    out = table[COLUMNS].copy()
    for column in BOOLEAN_COLUMNS:
        out[column] = out[column].map({True: "true", False: "false"})
    return out.to_csv(index=False, lineterminator="\n").encode("utf-8")
