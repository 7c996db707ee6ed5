"""What the Sources page shows of the data's documentation: sections of the Markdown files, and
the research notes that readers see elsewhere in plain words."""

import re
from collections.abc import Iterable

from store.data_text import in_plain_words
from store.groups import Group


def section(markdown: str, heading: str) -> str:
    """The body of the ``## heading`` section (up to the next ``## ``), or "" when absent."""
    match = re.search(rf"^## {re.escape(heading)}\s*$(.*?)(?=^## |\Z)", markdown, re.M | re.S)
    return match.group(1).strip() if match else ""


def research_notes(groups: Iterable[Group]) -> list[tuple[str, str, str]]:
    """(member's name, group's label, the note as written) for every membership note that the
    pages show in plain words, group by group."""
    return [
        (member.name, group.label, member.note)
        for group in groups
        for member in (*group.members, *group.outside)
        if in_plain_words(member.note)
    ]
