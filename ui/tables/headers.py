"""Column headers as readers see them: tables keep English column names, shown translated.

The tables of ``ui.tables`` name their columns in English because code reads them ("Share",
"Group"); a page or an export renames them with ``header``/``shown_columns`` at the last step.
A column that is not listed (a state's or an instrument's name, a category already translated)
is left as it is.
"""

import pandas as pd

from i18n.translate import _, pgettext
from instruments.forms import FORMS


def headers() -> dict[str, str]:
    """English column name → its header in the active language."""
    found = {
        "Group": _("Group"),
        "Members": _("Members"),
        "Endorsed": pgettext("column", "Endorsed"),
        "Share": _("Share"),
        "Not yet": _("Not yet"),
        "Not in scope": _("Not in scope"),
        "Caveats": _("Caveats"),
        "Sentence": _("Sentence"),
        "States": _("States"),
        "State": _("State"),
        "State or area": _("State or area"),
        "M49 region": _("Region (UN M49)"),
        "M49 sub-region": _("Sub-region (UN M49)"),
        "UN regional group": _("UN regional group"),
        "In scope": _("In scope"),
        "Instrument": _("Instrument"),
        "Status": _("Status"),
        "As of": _("As of"),
        "Source": _("Source"),
        "Note": _("Note"),
        "Organisations": _("Organisations"),
        "Rank": _("Rank"),
        "World rank": _("World rank"),
        "Score": _("Score"),
        "Why": _("Why"),
        "Points": _("Points"),
        "Regional group share": _("Regional group share"),
        "Best organisation": _("Best organisation"),
        "Organisation share": _("Organisation share"),
        "Signal": _("Signal"),
        "Short": _("Short"),
        "Value": _("Value"),
        "Weight": _("Weight"),
        "Check": _("Check"),
        "Owner": _("Owner"),
        "Last contact": _("Last contact"),
        "Channel": _("Channel"),
        "Next step": _("Next step"),
        "Due": _("Due"),
        "Overdue": _("Overdue"),
        "Notes": _("Notes"),
        "endorsed (published)": _("endorsed (published)"),
    }
    for form in FORMS.values():  # pooled signals have a column each in the outreach table
        for signal in form.signals:
            if signal.title:
                found[signal.title] = _(signal.title)
    return found


def header(column: str) -> str:
    """The header of one column in the active language; an unlisted column as it is."""
    return headers().get(column, column)


def shown_columns(table: pd.DataFrame) -> pd.DataFrame:
    """The table with its columns renamed to their headers in the active language."""
    named = headers()
    return table.rename(columns=lambda column: named.get(column, column))
