"""The states and instruments a plan may name, from the reference data and the registry."""

from instruments.forms import form_named
from store.reference import load_registry, load_states


def known_iso3() -> set[str]:
    """The ISO3 codes of the universe of states."""
    return set(load_states()["iso3"])


def known_instruments() -> set[str]:
    """The ids of the instruments a state can join at any time, by endorsing (not votes)."""
    registry = load_registry()
    return {
        instrument
        for instrument, form in zip(registry["id"], registry["form"], strict=True)
        if form_named(form).joinable
    }
