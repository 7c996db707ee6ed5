"""Page sentences that hold only while the registry holds the instruments and forms they name.

A page never names an instrument or a form of record itself (tests/test_ui_architecture.py
checks it): the sentences that must are kept here, beside the registry, so that adding or
dropping an instrument or a form shows in one place what to reword. Pages translate them with
``_``.
"""

from i18n.translate import N_

# The related instruments page: what it covers, and what its matrix's words mean.
RELATED_INTRO = N_(
    "Where states stand on the other instruments on military AI: the US Political "
    "Declaration, the later REAIM summits and the UN General Assembly votes on autonomous "
    "weapons. Every figure is shown as its source states it, with the source's date."
)
MATRIX_NOTE = N_(
    "One row per state in scope, then any entity outside it that a source lists. “Unknown” "
    "is a state a partial list does not name; “No vote” a state that cannot vote in the "
    "General Assembly."
)
# The related instruments page: what its timeline shows.
TIMELINE_NOTE = N_(
    "For each list, its endorsers by the day each is evidenced (the line) and, shaded above it, "
    "how many more may already have joined: those whose day the sources only bound, and those "
    "unconfirmed. The diamonds are the counts the sources published, each with its source in "
    "the hover. Each UN General Assembly vote is one point, its yes votes. Counted as the "
    "sources count, entities outside the 195 states included."
)
# The country profile: its table of every position, and what the table's statuses mean.
POSITIONS_HEADING = N_("All instruments and votes")
POSITIONS_NOTE = N_(
    "Statuses as listed by each source on its date. A partial list (the Blueprint) leaves "
    "states it does not name unknown, never “not endorsed”. More on each instrument under "
    "Related instruments."
)
# The country profile: the state's own dated record, under its positions.
DATED_HEADING = N_("Its commitments and votes, oldest first")
DATED_NOTE = N_(
    "Each on the day by which a source shows it: “exact” is that day, “some day that month” a "
    "day of that month, and “by then; day unknown” means the state had joined by that day, no "
    "source saying when. The basis is the research note behind each date, in English."
)
DATED_NONE = N_("No source records a commitment or vote of this state by this day.")
# The outreach page: what the priority score is built from, and how its weights count.
OUTREACH_INTRO = N_(
    "Every state in scope that is not on the list of endorsers. This list is the exact "
    "complement of the endorsers on the map. Ranked by a priority score built from each "
    "state's related commitments, its votes and its peers: every row says why."
)
WEIGHTS_NOTE = N_(
    "Each weight is the number of points a signal adds (a no vote subtracts them); shares "
    "of peers count from 0 to 1. Move a slider to re-rank; the weights go into the link."
)
