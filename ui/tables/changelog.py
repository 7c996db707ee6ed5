"""The change log as readers see it: its first rows are the list as first imported, labelled
"initial import", so that they do not read as states added on the day of the import."""

import pandas as pd

from i18n import formats
from i18n.translate import N_, _

INITIAL_IMPORT = N_("initial import")
CHANGES = {"added": N_("added"), "removed": N_("removed")}
METHODS = {
    "transcribed": N_("transcribed"),
    "fetched": N_("fetched"),
    "file": N_("read from a saved copy"),
}
DETECTION = ["detected_on", "source_as_of", "document_sha256"]  # one run of the pipeline
HEADERS = {  # the columns of change_log, translated where shown
    "Detected on": N_("Detected on"),
    "Source as of": N_("Source as of"),
    "Change": N_("Change"),
    "State": N_("State"),
    "ISO3": N_("ISO3"),
    "Name as listed": N_("Name as listed"),
    "Method": N_("Method"),
}


def initial_import(log: pd.DataFrame) -> pd.Series:
    """Whether each row of ``log`` (changelog.csv, oldest first) belongs to the first import of
    the list: the rows of the log's first detection, when the pipeline had no list before."""
    if log.empty:
        return pd.Series(False, index=log.index)
    first = log.iloc[0]
    return (log[DETECTION] == first[DETECTION]).all(axis=1)


def change_log(log: pd.DataFrame) -> pd.DataFrame:
    """The log with readable columns (English names, translated where shown): dates written
    out, the change in words ("initial import" for the first import), how the list was read."""
    first = initial_import(log)
    changes = [
        _(INITIAL_IMPORT) if initial else _(CHANGES.get(change, change))
        for initial, change in zip(first, log["change"], strict=True)
    ]
    return pd.DataFrame(
        {  # the keys of HEADERS
            "Detected on": log["detected_on"].map(formats.long_date),
            "Source as of": log["source_as_of"].map(formats.long_date),
            "Change": changes,
            "State": log["name"],
            "ISO3": log["iso3"],
            "Name as listed": log["name_as_listed"],
            "Method": [_(METHODS[m]) if m in METHODS else m for m in log["method"]],
        }
    )


def imported_on(log: pd.DataFrame) -> str:
    """The day the list was first imported (as written in the log), or "" for an empty log."""
    return str(log["detected_on"].iloc[0]) if len(log) else ""


def last_change(log: pd.DataFrame) -> str:
    """The day the last change to the list was detected after its first import, or "" when the
    list has not changed since."""
    later = log.loc[~initial_import(log), "detected_on"]
    return str(later.max()) if len(later) else ""
