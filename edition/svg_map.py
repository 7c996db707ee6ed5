"""A map view as a small inline SVG, drawn at build time: shapes, dots, title and description."""

from xml.sax.saxutils import escape, quoteattr

from edition.projected import Projected, Ring
from ui.views import palette
from ui.views.focus import FocusFrame
from ui.views.map_view import MapView

DOT_RADIUS, FADED_DOT_RADIUS = 3.5, 2.5


def edge(view: MapView, code: str, focus: FocusFrame) -> str:
    """A feature's outline when it differs from the white border: the focus's members dark,
    states faded outside it grey; "" otherwise."""
    if not focus.is_world and focus.highlights(code):
        return palette.FOCUS_BORDER
    if view.is_faded(code, focus):
        return palette.FADED_BORDER
    return ""


def _seen(ring: Ring, drawn: Projected) -> bool:
    """Whether a ring reaches into the map's frame: those wholly outside are never seen, and
    left out of the SVG (about a third of a regional map's bytes)."""
    xs, ys = [x for x, _y in ring], [y for _x, y in ring]
    return max(xs) >= 0 and min(xs) <= drawn.width and max(ys) >= 0 and min(ys) <= drawn.height


def _shapes(view: MapView, drawn: Projected, focus: FocusFrame, tooltips: dict) -> list[str]:
    """A path per feature in its fill, with its name and category as a tooltip."""
    out = []
    for code, rings in drawn.shapes:
        if not any(_seen(ring, drawn) for ring in rings):
            continue
        data = "".join("M" + "L".join(f"{x} {y}" for x, y in ring) + "Z" for ring in rings)
        outline = edge(view, code, focus)
        stroke = f' stroke="{outline}"' if outline else ""
        title = f"<title>{escape(tooltips.get(code, code))}</title>"
        out.append(f'<path fill="{view.fill(code, focus)}"{stroke} d="{data}">{title}</path>')
    return out


def _dots(view: MapView, drawn: Projected, focus: FocusFrame, tooltips: dict) -> list[str]:
    """A circle per small state in its fill; faded dots are smaller."""
    out = []
    for code, x, y in drawn.dots:
        faded = view.is_faded(code, focus)
        out.append(
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{FADED_DOT_RADIUS if faded else DOT_RADIUS}" '
            f'fill="{view.fill(code, focus)}" '
            f'stroke="{"#9a9a9a" if faded else palette.DOT_OUTLINE}">'
            f"<title>{escape(tooltips.get(code, code))}</title></circle>"
        )
    return out


def map_svg(
    view: MapView,
    drawn: Projected,
    focus: FocusFrame,
    tooltips: dict[str, str],
    description: str,
    ids: str = "map",
) -> str:
    """The map as an ``<svg>`` element, named by its ``<title>`` and described by its
    ``<desc>``; ``tooltips``: each feature's text (name and category); ``ids``: the prefix of
    the title's and description's ids, unique in the page."""
    body = "\n".join([*_shapes(view, drawn, focus, tooltips), *_dots(view, drawn, focus, tooltips)])
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {drawn.width} {drawn.height}" '
        f'role="img" aria-labelledby="{ids}-title" aria-describedby="{ids}-desc" class="map">'
        f'<title id="{ids}-title">{escape(view.title)}</title>'
        f'<desc id="{ids}-desc">{escape(description)}</desc>'
        f'<g stroke={quoteattr(palette.BORDER)} stroke-width="0.5" stroke-linejoin="round">'
        f"\n{body}\n</g></svg>"
    )
