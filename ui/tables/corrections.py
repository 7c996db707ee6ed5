"""The corrections as readers see them (the Sources page): changes to facts, not endorsements.

data/instruments/corrections.csv records each change to what the data says that is not a state
joining or leaving (the change log and the positions' dates say those): a state a new source
names, one named as not endorsing, an announced intent no later source confirms. Each keeps the
day it was recorded, its reason and its source, which stay as written (in English).
"""

from collections.abc import Mapping

import pandas as pd

from i18n import formats
from i18n.translate import N_, _
from instruments.forms import status_word
from instruments.model import Instrument

CHANGES = {
    "added": N_("added as “{status}”"),
    "removed": N_("removed (was “{status}”)"),
}
HEADERS = {  # the columns of corrections_table, translated where shown
    "Recorded on": N_("Recorded on"),
    "Instrument": N_("Instrument"),
    "State": N_("State"),
    "Change": N_("Change"),
    "Reason": N_("Reason"),
    "Source": N_("Source"),
}


def change_word(change: str, status: str) -> str:
    """What a correction did, in words: "added as “Not endorsed”" (the raw value if unknown)."""
    template = CHANGES.get(change)
    return _(template).format(status=status_word(status)) if template else change


def corrections_table(
    corrections: pd.DataFrame,
    catalogue: Mapping[str, Instrument],
    names: Mapping[str, str],
) -> pd.DataFrame:
    """One row per correction, oldest first: the day written out, the instrument's short title,
    the state's name in the active language (``names``), the change in words, reason, source."""
    rows = corrections.sort_values("recorded_on", kind="stable")
    return pd.DataFrame(
        {  # the keys of HEADERS
            "Recorded on": rows["recorded_on"].map(formats.long_date).to_list(),
            "Instrument": [
                catalogue[i].short_title if i in catalogue else i for i in rows["instrument"]
            ],
            "State": [names.get(code, code) for code in rows["iso3"]],
            "Change": [
                change_word(c, s) for c, s in zip(rows["change"], rows["status"], strict=True)
            ],
            "Reason": rows["reason"].to_list(),
            "Source": rows["source"].to_list(),
        },
        columns=list(HEADERS),
    )
