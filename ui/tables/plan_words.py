"""The plan's stored words (statuses, channels) and field names, as a reader reads them."""

import re

from i18n.translate import N_, _

# The plan's statuses and channels as shown; the stored values stay the English words of plan.model.
WORDS = {
    "not started": N_("not started"),
    "planned": N_("planned"),
    "approached": N_("approached"),
    "positive signal": N_("positive signal"),
    "declined": N_("declined"),
    "on hold": N_("on hold"),
    "endorsed": N_("endorsed"),
    "endorsed (published)": N_("endorsed (published)"),
    # plan.model's flags, where the plan and the published list disagree
    "the published list names this state as an endorser": N_(
        "the published list names this state as an endorser"
    ),
    "not on the published list": N_("not on the published list"),
    "endorsed on the published list: is its next step still open?": N_(
        "endorsed on the published list: is its next step still open?"
    ),
    "démarche": N_("démarche"),
    "bilateral meeting": N_("bilateral meeting"),
    "regional meeting": N_("regional meeting"),
    "letter": N_("letter"),
    "other": N_("other"),
}
# Each field of plan.model.FIELDS by the name its column has in the plan table.
FIELD_NAMES = {
    "status": N_("Status"),
    "owner": N_("Owner"),
    "last_contact": N_("Last contact"),
    "channel": N_("Channel"),
    "next_step": N_("Next step"),
    "due": N_("Due"),
    "notes": N_("Notes"),
}


PUBLISHED_ON = re.compile(r"endorsed \(published (.+)\)")  # plan.model.reconcile's status


def plan_word(value: str) -> str:
    """A status, channel or flag of the plan in the active language (stored values stay
    English); "endorsed (published <day>)" with its day as given."""
    if found := PUBLISHED_ON.fullmatch(value):
        return _("endorsed (published {date})").format(date=found[1])
    return _(WORDS[value]) if value in WORDS else value


def field_name(field: str) -> str:
    """A plan field as a reader names it: "Next step", never "next_step"."""
    return _(FIELD_NAMES[field]) if field in FIELD_NAMES else field
