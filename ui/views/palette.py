"""Map colours: one per category, the focus and its fading (measured by tests/colour_vision.py)."""

import numpy as np

from instruments.categories import Category, Comparison
from instruments.forms import FORMS

# Dark blue, ochre and a light warm grey: blue against orange survives every common colour-vision
# deficiency, and the three lie far apart in lightness (L* 33, 66, 85), so greyscale keeps them.
# Other maps reuse them by meaning (blue: support; light grey: outside the question) and add a mid
# grey (L* 49) for positions not established (unconfirmed, unknown, or unknown on a past day) and a
# dark red-brown (L* 17) for a "no" vote. A partial list names states that did not endorse (ochre)
# beside the unknown rest, so its "unknown" takes the mid grey too, the one lightness left.
BLUE, OCHRE, LIGHT_GREY = "#1f4e8c", "#d4923a", "#d4d4ce"
MID_GREY, DARK_RED = "#777470", "#4d1a12"
# A comparison's fifth category (the second instrument only) takes the one lightness left
# (L* 17), in an earth brown: apart from the "no" vote's red-brown by meaning, not by measure.
DARK_BROWN = "#372710"
COLOURS = {
    Category.ENDORSED: BLUE,
    Category.NOT_ENDORSED: OCHRE,
    Category.NOT_IN_SCOPE: LIGHT_GREY,
    Category.UNCONFIRMED: MID_GREY,
    Category.UNKNOWN: MID_GREY,
    Category.YES: BLUE,
    Category.NO: DARK_RED,
    Category.ABSTAIN: OCHRE,
    Category.NON_VOTING: MID_GREY,
    Category.NO_VOTE: LIGHT_GREY,
    Comparison.ONLY_FIRST: OCHRE,
    Comparison.BOTH: BLUE,
    Comparison.UNDECIDABLE: MID_GREY,
    Comparison.ONLY_SECOND: DARK_BROWN,
    Comparison.OTHERS: LIGHT_GREY,
}
# Every set of categories one map shows together (one per instrument form, and a comparison);
# each set is kept apart by the tests.
CATEGORY_SETS = {key: form.categories for key, form in FORMS.items()} | {
    "comparison": tuple(Comparison),
}
# Only blue and ochre stay apart when dimmed: a map showing no other category keeps each hue,
# faded, outside a focus (the Call to Action's), each with its own legend swatch. With more
# categories, faded hues would collide: those maps draw every state outside a focus, the
# background too, in one near-white fill outlined in grey, so that the focus stands apart from
# its light-grey background (a comparison's "neither") and the land outside still shows.
DIMMABLE = frozenset({Category.ENDORSED, Category.NOT_ENDORSED})
OUTSIDE_FOCUS = "#f5f5f2"
FADED_BORDER = "#bdbdb6"  # the outline of every state drawn faded outside a focus
OCEAN = "#ffffff"
BORDER = "#ffffff"
FOCUS_BORDER = "#3d3d3d"
DOT_OUTLINE = "#1a1a1a"
TEXT = "#1a1f2b"
MUTED_TEXT = "#5b6170"
DIM = 0.6  # states outside a focus keep their hue, faded this far towards the ocean colour


def dimmed(colour: str) -> str:
    """The faded version of ``colour`` used for states outside the current focus."""
    rgb = _rgb(colour) * (1 - DIM) + _rgb(OCEAN) * DIM
    return "#" + "".join(f"{round(v * 255):02x}" for v in rgb)


def _rgb(colour: str) -> np.ndarray:
    return np.array([int(colour[i : i + 2], 16) for i in (1, 3, 5)]) / 255


# The timeline's band of positions not established on a day: the maps' mid grey for them, faded
# (L* 80), so that the line of endorsers (blue, L* 33) and the published counts (ochre diamonds
# outlined in dark, L* 66) stand apart on it in greyscale too (tests/ui/figures).
BAND = dimmed(MID_GREY)
