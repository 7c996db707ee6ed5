"""Sections of the repository's Markdown documentation, for the Sources page."""

import re


def section(markdown: str, heading: str) -> str:
    """The body of the ``## heading`` section (up to the next ``## ``), or "" when absent."""
    match = re.search(rf"^## {re.escape(heading)}\s*$(.*?)(?=^## |\Z)", markdown, re.M | re.S)
    return match.group(1).strip() if match else ""
