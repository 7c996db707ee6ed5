"""The active interface language and the gettext calls that translate into it.

The language is a context variable: the dashboard sets it at the top of each script run (one
thread per session run), the briefing command line for the whole command, and cached builders
enter it with ``use`` so that a result built for one language is never served in another.
Module-level text is marked with ``N_`` and translated where it is shown.
"""

import gettext as _gettext
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache
from pathlib import Path

from i18n.languages import DEFAULT, LANGUAGES

LOCALE_DIR = Path(__file__).resolve().parent / "locale"
DOMAIN = "messages"

_ACTIVE: ContextVar[str] = ContextVar("language", default=DEFAULT)


@cache
def catalogue(language: str) -> _gettext.NullTranslations:
    """The compiled catalogue of a language; English is the source text and needs none."""
    if language not in LANGUAGES:
        raise ValueError(
            f"unknown interface language {language!r}: expected one of {list(LANGUAGES)}"
        )
    if language == DEFAULT:
        return _gettext.NullTranslations()
    return _gettext.translation(DOMAIN, LOCALE_DIR, languages=[language])


def active() -> str:
    """The language text is translated into now."""
    return _ACTIVE.get()


def set_language(language: str) -> None:
    """Make ``language`` active for the rest of this thread's run (the dashboard's script run)."""
    catalogue(language)
    _ACTIVE.set(language)


@contextmanager
def use(language: str) -> Iterator[None]:
    """Translate into ``language`` inside the block, then go back to the language before it."""
    catalogue(language)
    token = _ACTIVE.set(language)
    try:
        yield
    finally:
        _ACTIVE.reset(token)


def _(message: str) -> str:
    """``message`` in the active language."""
    return catalogue(active()).gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """The singular or plural of a message for ``n``, in the active language."""
    return catalogue(active()).ngettext(singular, plural, n)


def pgettext(context: str, message: str) -> str:
    """``message`` in the active language, told apart from the same English in another context."""
    return catalogue(active()).pgettext(context, message)


def npgettext(context: str, singular: str, plural: str, n: int) -> str:
    """``ngettext`` told apart by a context: the same English agrees with ``n`` elsewhere."""
    return catalogue(active()).npgettext(context, singular, plural, n)


def N_(message: str) -> str:  # noqa: N802 (the name gettext tools look for)
    """Mark module-level text for translation; ``_`` translates it where it is shown."""
    return message
