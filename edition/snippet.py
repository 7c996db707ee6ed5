"""The copy-paste ``<iframe>`` of a map's embed page, which the site and the app both offer."""

from html import escape

from i18n.translate import _

HEIGHT = 640  # px: a world map, its legend and its source line at a column's width


def iframe(address: str, title: str) -> str:
    """The ``<iframe>`` element that shows the embed page at ``address``, named by ``title``."""
    return (
        f'<iframe src="{escape(address)}" title="{escape(title)}" width="100%" '
        f'height="{HEIGHT}" style="border:0" loading="lazy"></iframe>'
    )


def how_to(absolute: bool) -> str:
    """What to do with the code: paste it, and first prefix the site's address when the
    snippet's address is relative to its root."""
    if absolute:
        return _("Copy this code into your page: it shows the map, its legend and its sources.")
    return _(
        "Copy this code into your page: it shows the map, its legend and its sources. Its "
        "address is relative to the static edition’s root: put the address where the edition "
        "is published before it."
    )
