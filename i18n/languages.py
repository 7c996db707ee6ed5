"""The interface languages: their codes, names in themselves and Babel locales."""

DEFAULT = "en"
LANGUAGES = {"en": "English", "fr": "Français", "es": "Español"}  # each in its own language
# Babel locale per language: British English keeps "16 February 2023" as the English long date.
BABEL_LOCALES = {"en": "en_GB", "fr": "fr", "es": "es"}


def language_of(value: str | None) -> str:
    """A known language code from a URL or command-line value; anything else is the default."""
    return value if value in LANGUAGES else DEFAULT
