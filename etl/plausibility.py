"""Plausibility checks a new list must pass before it is published: size, no silent shrinking."""

from etl.errors import EtlError
from etl.resolve import ResolvedName

MIN_ENTRIES = 20
SHRINK_MAX_STATES = 3
SHRINK_MAX_SHARE = 0.10


def check_count(resolved: list[ResolvedName]) -> None:
    """Refuse a list too short to be the real one (a broken or misread document)."""
    if not resolved:
        raise EtlError(
            "no names found in the document",
            "the layout changed or the document is not the list; open it and check",
        )
    if len(resolved) < MIN_ENTRIES:
        raise EtlError(
            f"only {len(resolved)} names found; the real list has about 60, so the document is "
            "probably broken, truncated or misread",
            "open the document and check it; nothing was published",
        )


def check_shrink(previous_endorsers: int, removed: list[str], allow_shrink: bool) -> None:
    """Refuse to drop more than 3 endorsers or more than 10% of them unless allowed."""
    too_many = (
        len(removed) > SHRINK_MAX_STATES or len(removed) > SHRINK_MAX_SHARE * previous_endorsers
    )
    if too_many and not allow_shrink:
        raise EtlError(
            f"the new list would remove {len(removed)} of {previous_endorsers} endorsers "
            f"({', '.join(removed)}); a list rarely shrinks, so this looks like a broken document",
            "check the source; if the removals are real, run again with --allow-shrink",
        )
