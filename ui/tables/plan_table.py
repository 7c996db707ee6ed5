"""The outreach plan as tables: one row per state with its priority, and progress per group."""

import io
from collections.abc import Mapping
from datetime import date

import pandas as pd
from openpyxl import load_workbook
from openpyxl.styles import Font

from i18n.collation import sort_key
from i18n.translate import N_, _
from instruments.timeline import ON_OR_BEFORE, dated
from plan.model import STATUSES, PlanRecord, reconcile
from store.groups import Group

COLUMNS = [
    "State",
    "ISO3",
    "Rank",
    "Score",
    "Status",
    "Check",
    "Owner",
    "Last contact",
    "Channel",
    "Next step",
    "Due",
    "Overdue",
    "Notes",
]
PUBLISHED = "endorsed (published)"  # a column of ``progress``; its header: ``ui.tables.headers``
OVERDUE = N_("overdue")  # the "Overdue" cell of a late next step, shown as ``_(OVERDUE)``


def overdue(record: PlanRecord, today: date) -> bool:
    """A next step whose due date has passed, on a state not yet endorsed."""
    return bool(record.due and record.due < today and record.status != "endorsed")


def published_days(positions: pd.DataFrame, instrument: str) -> dict[str, str]:
    """The day each state's position on ``instrument`` is dated, as readers see it ("16 February
    2023", "by 5 September 2025"), for the states whose position has a date."""
    mine = positions[(positions["instrument"] == instrument) & (positions["date"] != "")]
    days = {}
    for iso3, day, precision in zip(
        mine["iso3"], mine["date"], mine["date_precision"], strict=True
    ):
        shown = dated(day, precision)
        days[iso3] = _("by {date}").format(date=shown) if precision == ON_OR_BEFORE else shown
    return days


def plan_rows(
    states: pd.DataFrame,
    records: Mapping[str, PlanRecord],
    published: set[str],
    ranked: pd.DataFrame,
    ranks: pd.Series,
    as_of: str,
    today: date,
    days: Mapping[str, str] | None = None,
) -> pd.DataFrame:
    """One row per state of ``states`` (the endorsements table's shape), by priority then name.

    The status is reconciled with the published data (``published``: the instrument's supporters,
    as of ``as_of``): a published endorser is "endorsed (published <day>)", the day of its own
    position where ``days`` has one, else ``as_of``; "Check" says where they disagree.
    """
    days = days or {}
    rows = []
    for state in states.itertuples():
        record = records.get(state.iso3) or PlanRecord.blank(state.iso3, "")
        shown, flag = reconcile(record, state.iso3 in published, days.get(state.iso3, as_of))
        flag = flag if record.version else ""  # nobody has written a plan to contradict
        rows.append(
            {
                "State": state.name,
                "ISO3": state.iso3,
                "Rank": int(ranks[state.iso3]) if state.iso3 in ranks.index else None,
                "Score": float(ranked.loc[state.iso3, "score"])
                if state.iso3 in ranked.index
                else None,
                "Status": shown,
                "Check": flag,
                "Owner": record.owner,
                "Last contact": record.last_contact,
                "Channel": record.channel,
                "Next step": record.next_step,
                "Due": record.due,
                "Overdue": _(OVERDUE) if overdue(record, today) else "",
                "Notes": record.notes,
            }
        )
    out = pd.DataFrame(rows, columns=COLUMNS)
    order = out.assign(_rank=out["Rank"].fillna(10_000), _name=out["State"].map(sort_key))
    return out.loc[order.sort_values(["_rank", "_name"]).index].reset_index(drop=True)


def progress(groups: list[Group], rows: pd.DataFrame) -> pd.DataFrame:
    """Per group, how many of its members are in each plan status (published endorsers apart).

    "endorsed" counts the plans that say so of a state the published list does not name.
    """
    status = dict(zip(rows["ISO3"], rows["Status"], strict=True))
    columns = [*STATUSES, PUBLISHED]
    table = []
    for group in groups:
        counts = dict.fromkeys(columns, 0)
        for member in group.members:
            if member.iso3 in status:
                said = status[member.iso3]
                counts[PUBLISHED if said.startswith("endorsed (published") else said] += 1
        if any(counts.values()):
            table.append({"Group": group.label, **counts})
    return pd.DataFrame(table, columns=["Group", *columns])


def edited(base: PlanRecord, values: Mapping[str, object]) -> dict[str, object]:
    """The fields a user changed from the record their form started from (blank text is "")."""
    return {
        field: value
        for field, value in values.items()
        if (value or "") != (getattr(base, field) or "")
    }


def future_contact(changes: Mapping[str, object], today: date) -> date | None:
    """The last contact a user's changes set after ``today`` (a slip, most likely), else None."""
    when = changes.get("last_contact")
    return when if isinstance(when, date) and when > today else None


INTERNAL = N_("INTERNAL: outreach plan with sensitive notes. Do not forward outside the team.")


def internal_workbook(workbook: bytes) -> bytes:
    """The Excel export with the internal marking as the first line of its data sheet."""
    book = load_workbook(io.BytesIO(workbook))
    sheet = book.worksheets[0]  # the data sheet, named in the language of the export
    sheet.insert_rows(1)
    sheet["A1"] = _(INTERNAL)
    sheet["A1"].font = Font(bold=True, color="9C0006")
    sheet.freeze_panes = "A3"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
