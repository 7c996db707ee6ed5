"""What a map, a table or a pack shows: one instrument, or one compared with another."""

from collections.abc import Collection
from dataclasses import dataclass

from instruments.model import CALL_TO_ACTION


@dataclass(frozen=True)
class View:
    """One instrument (``first``), or the states that supported ``first`` but not ``second``.

    Written as the dashboard's URL writes it: ``"<id>"``, or ``"<id X>,<id Y>"`` for a comparison
    (``?compare=X,Y``); ``str(view)`` and ``View.parse`` are the one format and the one parse.
    """

    first: str
    second: str = ""

    def __post_init__(self) -> None:
        if not self.first or self.first == self.second or "," in self.first + self.second:
            raise ValueError(f"not a view: {self.first!r}, {self.second!r}")

    @classmethod
    def parse(cls, text: str, known: Collection[str] | None = None) -> "View":
        """The view ``text`` writes; ValueError if it is not one, or names an id not in ``known``.

        The message lists the valid ids when ``known`` is given.
        """
        ids = text.split(",")
        if len(ids) > 2 or (known is not None and any(i not in known for i in ids)):
            valid = f" Valid instrument ids: {', '.join(known)}." if known is not None else ""
            raise ValueError(f"unknown or invalid instrument {text!r}.{valid}")
        try:
            if not all(ids):  # "a," or ",b": a comparison missing one of its two
                raise ValueError(text)
            return cls(*ids)
        except ValueError:
            raise ValueError(f"not an instrument or two different ones: {text!r}") from None

    @property
    def is_comparison(self) -> bool:
        """Whether two instruments are compared."""
        return bool(self.second)

    @property
    def ids(self) -> tuple[str, ...]:
        """The instrument ids it shows, the first first."""
        return (self.first, self.second) if self.second else (self.first,)

    def url_params(self) -> dict[str, str]:
        """The dashboard's URL parameters that select it: ``compare=X,Y`` or ``instrument=X``."""
        return {"compare": str(self)} if self.second else {"instrument": self.first}

    def __str__(self) -> str:
        return ",".join(self.ids)


DEFAULT_VIEW = View(CALL_TO_ACTION)  # what every page shows first
