"""The plan's statuses as an ordered scale: each its own colour, and a text colour that reads on it.

From grey (not started) through ever darker blues to the map's blue (endorsed), the published
endorsement a shade darker still; the two outcomes off that path in ochre (declined, the map's
"not endorsed") and a warm grey (on hold). Never red: nothing here is an error. Every status keeps
its word beside its colour; text on each colour has a contrast of at least 4.5:1 (WCAG AA).
"""

from dataclasses import dataclass

from ui.tables.plan_table import PUBLISHED
from ui.views.palette import BLUE, OCHRE, TEXT

WHITE = "#ffffff"


@dataclass(frozen=True)
class Shade:
    """A status's colour and the colour of text written on it."""

    fill: str
    text: str


# In the order of plan.model.STATUSES, then the published endorsement (tests check both).
SCALE = {
    "not started": Shade("#e3e3de", TEXT),
    "planned": Shade("#c5d3e8", TEXT),
    "approached": Shade("#98b4db", TEXT),
    "positive signal": Shade("#6a90c6", TEXT),
    "declined": Shade(OCHRE, TEXT),
    "on hold": Shade("#b3aa98", TEXT),
    "endorsed": Shade(BLUE, WHITE),
    PUBLISHED: Shade("#0f2a4a", WHITE),
}


def scale_key(status: str) -> str:
    """The scale's entry of a status as the plan table has it ("endorsed (published <date>)")."""
    return PUBLISHED if status.startswith("endorsed (published") else status


def status_css(status: str) -> str:
    """The CSS of a plan table cell holding ``status``: its colour, and text that reads on it."""
    shade = SCALE[scale_key(status)]
    return f"background-color: {shade.fill}; color: {shade.text}"
