"""A map's figure for presentation mode: the screen's shape, no title or source line of its own."""

import json

from ui.views.focus import LAT_LIMITS, FocusFrame, projected_aspect

# Width / height of the map's room on a 16:9 projector in presentation mode (the window less the
# headline's column, the title and the source line): 1.45 at 1920×1080, 1.5 at 1366×768.
SCREEN_ASPECT = 1.45
LEGEND_FONT = 16  # px: the page's map has 14
MARGIN = {"l": 8, "r": 8, "t": 34, "b": 4}  # the legend's row above the map, nothing below


def taller(frame: FocusFrame, aspect: float = SCREEN_ASPECT) -> tuple[float, float]:
    """The frame's latitude range grown about its middle (up to LAT_LIMITS) until the box has
    ``aspect``: a wide frame fills a taller screen with what lies north and south of it."""
    south, north = frame.lat_range
    for _step in range(6):
        now = projected_aspect(frame.lon_range, (south, north))
        if now <= aspect * 1.01:
            break
        grow = (north - south) * (now / aspect - 1) / 2
        south, north = max(LAT_LIMITS[0], south - grow), min(LAT_LIMITS[1], north + grow)
    return south, north


def projected(figure_json: str, frame: FocusFrame) -> str:
    """The map ``figure_json`` of ``frame`` for a projector: framed to the screen's shape (see
    ``taller``), a larger legend, and without its own title and source line (the page shows
    them, in type sized to the screen)."""
    figure = json.loads(figure_json)
    layout = figure["layout"]
    del layout["title"], layout["annotations"]
    layout["margin"] = MARGIN
    layout["legend"]["font"]["size"] = LEGEND_FONT
    south, north = taller(frame)
    layout["geo"]["lataxis"]["range"] = [south, north]
    layout["geo"]["center"]["lat"] = (south + north) / 2
    return json.dumps(figure)
