"""The French and Spanish catalogues: complete, current, compiled, and safe to format."""

import re
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po

from i18n.translate import LOCALE_DIR

REPO = Path(__file__).resolve().parents[2]
TRANSLATED = ("fr", "es")
KEYWORDS = {
    "_": None,
    "N_": None,
    "ngettext": (1, 2),
    "pgettext": ((1, "c"), 2),
    "npgettext": ((1, "c"), 2, 3),
}
PLACEHOLDER = re.compile(r"\{(\w*)[^{}]*\}")


def _key(message_id: str | tuple, context: str | None) -> tuple[str | None, str]:
    singular = message_id[0] if isinstance(message_id, tuple) else message_id
    return context, singular


def source_messages() -> dict[tuple[str | None, str], str]:
    """Every message the code marks for translation, by (context, msgid), with where it is."""
    with (REPO / "babel.cfg").open(encoding="utf-8") as f:
        method_map, options_map = parse_mapping_cfg(f)
    found = {}
    for filename, lineno, message, _comments, context in extract_from_dir(
        REPO, method_map, options_map, keywords=KEYWORDS
    ):
        found[_key(message, context)] = f"{filename}:{lineno}"
    return found


def catalogue(language: str):
    with (LOCALE_DIR / language / "LC_MESSAGES" / "messages.po").open("rb") as f:
        return read_po(f, locale=language)


@pytest.fixture(scope="module")
def extracted() -> dict[tuple[str | None, str], str]:
    return source_messages()


def test_the_code_marks_interface_text(extracted):
    assert len(extracted) > 10


@pytest.mark.parametrize("language", TRANSLATED)
def test_every_message_in_the_code_is_translated(language, extracted):
    po = catalogue(language)
    missing = []
    for (context, msgid), where in extracted.items():
        message = po.get(msgid, context=context)
        strings = (
            (message.string if isinstance(message.string, tuple) else (message.string,))
            if message
            else ()
        )
        if message is None or message.fuzzy or not all(strings):
            missing.append(f"{where}: {msgid!r}")
    assert not missing, (
        f"{len(missing)} message(s) lack a {language} translation (make messages, then translate "
        f"i18n/locale/{language}/LC_MESSAGES/messages.po):\n" + "\n".join(missing[:20])
    )


@pytest.mark.parametrize("language", TRANSLATED)
def test_the_catalogue_holds_no_stale_message(language, extracted):
    po = catalogue(language)
    stale = [m.id for m in po if m.id and _key(m.id, m.context) not in extracted]
    assert not stale, f"no longer in the code (run make messages): {stale[:10]}"


@pytest.mark.parametrize("language", TRANSLATED)
def test_translations_keep_the_placeholders(language):
    for message in catalogue(language):
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        wanted = {name for text in ids for name in PLACEHOLDER.findall(text)}
        for text in strings:
            got = set(PLACEHOLDER.findall(text))
            assert got <= wanted and (got == wanted or len(ids) > 1), (
                f"{language}: {message.id!r} → {text!r}: placeholders {got} ≠ {wanted}"
            )


@pytest.mark.parametrize("language", TRANSLATED)
def test_the_compiled_catalogue_matches_the_translations(language):
    po = catalogue(language)
    with (LOCALE_DIR / language / "LC_MESSAGES" / "messages.mo").open("rb") as f:
        mo = read_mo(f)
    compiled = {
        (m.context, m.id if isinstance(m.id, str) else m.id[0]): (
            m.string if isinstance(m.string, str) else tuple(m.string)
        )
        for m in mo
        if m.id
    }
    written = {
        (m.context, m.id if isinstance(m.id, str) else m.id[0]): (
            m.string if isinstance(m.string, str) else tuple(m.string)
        )
        for m in po
        if m.id and not m.fuzzy and all(m.string if isinstance(m.string, tuple) else (m.string,))
    }
    assert compiled == written, "the .mo file is out of date: run make messages"
