"""A page's share tags (Open Graph and Twitter) and a map page's "Embed this map" section."""

from edition import layout
from edition.html import esc
from edition.share_card import HEIGHT, WIDTH
from edition.snippet import how_to, iframe
from i18n.languages import LANGUAGES
from i18n.translate import _
from instruments.view import View
from store.focus import Focus

LOCALES = {"en": "en_GB", "fr": "fr_FR", "es": "es_ES"}  # Open Graph's language_TERRITORY


def share_tags(
    language: str, path: str, card: str, title: str, description: str, base_url: str, drawn: str
) -> str:
    """The head's tags that name the page at ``path``, its description and its card (a path
    from the site's root) to a chat or a post; ``drawn``: the title of the map on the card."""
    card = base_url + card if base_url else layout.link(path, card)  # whole, else relative
    tags = {
        "og:type": "website",
        "og:title": title,
        "og:description": description,
        "og:locale": LOCALES[language],
        "og:image": card,
        "og:image:type": "image/png",
        "og:image:width": str(WIDTH),
        "og:image:height": str(HEIGHT),
        "og:image:alt": _("Map: {title}").format(title=drawn),
    }
    if base_url:
        tags["og:url"] = base_url + path
    meta = [f'<meta property="{k}" content="{esc(v)}">' for k, v in tags.items()]
    meta += [
        f'<meta property="og:locale:alternate" content="{LOCALES[code]}">'
        for code in LANGUAGES
        if code != language
    ]
    meta.append('<meta name="twitter:card" content="summary_large_image">')
    return "\n".join(meta) + "\n"


def embed_section(language: str, view: View, focus: Focus, title: str, base_url: str) -> str:
    """ "Embed this map", folded: the ``<iframe>`` code of the embed page, light and dark, and
    a link to see it first."""
    path = layout.map_page(language, view, focus)
    embed = layout.embed_page(language, view, focus)
    fields = [
        f'<p><label for="{ids}">{esc(label)}</label><br>'
        f'<textarea id="{ids}" readonly rows="3">{esc(iframe(src, title))}</textarea></p>'
        for ids, label, src in (
            ("embed-light", _("Light background"), base_url + embed),
            ("embed-dark", _("Dark background"), base_url + embed + layout.DARK),
        )
    ]
    see, heading = _("See the embed"), _("Embed this map")
    preview = f'<a href="{esc(layout.link(path, embed))}">{esc(see)}</a>'
    return (
        f'<details class="embed-code"><summary>{esc(heading)}</summary>'
        f"<p>{esc(how_to(bool(base_url)))} {preview}</p>{''.join(fields)}</details>"
    )
