"""Where a page looks: the world, or one group of states; one parse and one format."""

import re
from collections.abc import Collection, Iterable
from dataclasses import dataclass

from store.groups import GroupKind

WORLD = "world"
GROUP = "group"  # a group the user makes (a meeting's participants): its members' codes are its id
MAX_GROUP = 200  # codes in a user group's URL: the 195 states in scope and a margin
CODE = re.compile(r"^[A-Z]{3}$")


@dataclass(frozen=True)
class Focus:
    """The world, or the group ``group_id`` of a kind (an M49 region, a UN group, an organisation).

    Written as the dashboard's URL writes it (``?focus=``): ``"world"``, or ``"<kind>-<group id>"``
    such as ``"org-au"`` or ``"subregion-western-africa"``; ``str(focus)`` and ``Focus.parse`` are
    the one format and the one parse. A group the user makes (``group``) has its members' ISO3
    codes, sorted and comma-separated, as its id, and the name its maker gave it
    (``?group=GHA,KEN,NGA&group_name=…``): a link shares it without the list it came from.
    """

    kind: str = WORLD
    group_id: str = ""
    name: str = ""  # a user group's name; presets are named by their group

    def __post_init__(self) -> None:
        if self.kind == WORLD:
            if self.group_id or self.name:
                raise ValueError(f"the world has no group: {self.group_id!r}")
        elif self.kind == GROUP:
            codes = self.group_id.split(",")
            if not all(CODE.match(c) for c in codes) or len(codes) > MAX_GROUP:
                raise ValueError(f"not a group of ISO3 codes: {self.group_id[:80]!r}")
            if codes != sorted(set(codes)):
                raise ValueError(f"a group's codes are sorted and unique: {self.group_id[:80]!r}")
        elif self.kind not in {kind.value for kind in GroupKind} or not self.group_id or self.name:
            raise ValueError(f"not a focus: {self.kind!r}, {self.group_id!r}")

    @classmethod
    def of_group(cls, codes: Iterable[str], name: str = "") -> "Focus":
        """The focus of a group the user makes from ``codes`` (any order, repeats dropped)."""
        members = sorted({c.strip().upper() for c in codes if c.strip()})
        if not members:
            raise ValueError("a group needs at least one state")
        return cls(GROUP, ",".join(members), " ".join(name.split())[:120])

    @property
    def is_group(self) -> bool:
        """Whether it is a group the user made."""
        return self.kind == GROUP

    @property
    def codes(self) -> tuple[str, ...]:
        """A user group's member codes; empty for the world and the presets."""
        return tuple(self.group_id.split(",")) if self.is_group else ()

    @classmethod
    def parse(cls, text: str, known: Collection["Focus"] | None = None) -> "Focus":
        """The focus ``text`` writes; ValueError if it is not one, or not among ``known``.

        The message lists the valid keys when ``known`` is given.
        """
        kind, _dash, group_id = text.partition("-")
        try:
            focus = cls.of_group(group_id.split(",")) if kind == GROUP else cls(kind, group_id)
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
        """The dashboard's URL parameters that select it: ``focus=<key>``, or for a user group
        ``group=<codes>`` and its ``group_name``."""
        if self.is_group:
            return {"group": self.group_id} | ({"group_name": self.name} if self.name else {})
        return {"focus": str(self)}

    def __str__(self) -> str:
        return WORLD if self.is_world else f"{self.kind}-{self.group_id}"


WORLD_FOCUS = Focus()  # what every page shows first
