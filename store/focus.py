"""Where a page looks: the world, or one group of states; one parse and one format."""

from collections.abc import Collection
from dataclasses import dataclass

from store.groups import GroupKind

WORLD = "world"


@dataclass(frozen=True)
class Focus:
    """The world, or the group ``group_id`` of a kind (an M49 region, a UN group, an organisation).

    Written as the dashboard's URL writes it (``?focus=``): ``"world"``, or ``"<kind>-<group id>"``
    such as ``"org-au"`` or ``"subregion-western-africa"``; ``str(focus)`` and ``Focus.parse`` are
    the one format and the one parse. A new kind of focus (a group the user makes) is a new
    ``kind`` here and a new way to find its members in ``ui.views.focus``.
    """

    kind: str = WORLD
    group_id: str = ""

    def __post_init__(self) -> None:
        if self.kind == WORLD:
            if self.group_id:
                raise ValueError(f"the world has no group: {self.group_id!r}")
        elif self.kind not in {kind.value for kind in GroupKind} or not self.group_id:
            raise ValueError(f"not a focus: {self.kind!r}, {self.group_id!r}")

    @classmethod
    def parse(cls, text: str, known: Collection["Focus"] | None = None) -> "Focus":
        """The focus ``text`` writes; ValueError if it is not one, or not among ``known``.

        The message lists the valid keys when ``known`` is given.
        """
        kind, _dash, group_id = text.partition("-")
        try:
            focus = cls(kind, group_id)
        except ValueError:
            focus = None
        if focus is None or (known is not None and focus not in known):
            valid = f" Valid focus keys: {', '.join(map(str, known))}." if known is not None else ""
            raise ValueError(f"unknown focus {text!r}.{valid}")
        return focus

    @property
    def is_world(self) -> bool:
        """Whether it is the whole world rather than a group."""
        return self.kind == WORLD

    def url_params(self) -> dict[str, str]:
        """The dashboard's URL parameter that selects it: ``focus=<key>``."""
        return {"focus": str(self)}

    def __str__(self) -> str:
        return WORLD if self.is_world else f"{self.kind}-{self.group_id}"


WORLD_FOCUS = Focus()  # what every page shows first
