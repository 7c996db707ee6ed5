"""What a reader sees of a page run in AppTest: every text of every element, with the labels of
the expanders it sits in (so that a test can tell the Sources page's details from its text)."""

import json
from collections.abc import Iterator
from dataclasses import dataclass

from google.protobuf.json_format import MessageToDict
from streamlit.testing.v1 import AppTest

# The proto fields (and those of the JSON they hold: a map's figure, a table's column settings)
# whose strings are shown: text, labels, tooltips, options, figure titles and hover texts.
SHOWN = {
    "body",
    "label",
    "help",
    "placeholder",
    "options",
    "content",
    "codeText",
    "text",
    "hovertext",
    "hovertemplate",
    "name",
    "title",
    "failed",
    "caption",
}
CONTAINERS = {"json", "figure", "spec", "columns"}  # JSON text holding more fields
EXPANDER = "Expander"


@dataclass(frozen=True)
class Shown:
    """One text of a page, and the expanders (their labels, outermost first) it sits in."""

    text: str
    expanders: tuple[str, ...]


def _strings(value: object, shown: bool = False) -> Iterator[str]:
    """The strings of a proto (as a dict) that sit under a shown field; JSON text is opened."""
    if isinstance(value, str):
        if shown:
            yield value
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item, shown)
    elif isinstance(value, dict):
        for key, item in value.items():
            if key in CONTAINERS and isinstance(item, str):
                try:
                    yield from _strings(json.loads(item))
                except ValueError:
                    continue
            else:
                yield from _strings(item, key in SHOWN)


def _texts(node: object, expanders: tuple[str, ...]) -> Iterator[Shown]:
    """The texts of ``node`` and its children; an expander's label is outside it."""
    kind = type(node).__name__
    proto = getattr(node, "proto", None)
    if proto is not None:
        for text in _strings(MessageToDict(proto)):
            yield Shown(text, expanders)
    if kind == EXPANDER:
        expanders = (*expanders, node.label)
    if kind == "Dataframe":
        frame = node.value
        for column in frame.columns:
            cells = frame[column].dropna()
            for cell in {str(c) for c in cells if isinstance(c, str)}:
                yield Shown(cell, expanders)
    for child in getattr(node, "children", {}).values():
        yield from _texts(child, expanders)


def shown_texts(at: AppTest) -> list[Shown]:
    """Every text the run of ``at`` shows, in page order."""
    return list(_texts(at._tree, ()))
