"""The reference tables: the universe of states, other entities, aliases and the UN names."""

from collections.abc import Mapping
from types import MappingProxyType

import pandas as pd

from i18n.translate import N_
from store import paths
from store.files import memo_by_stamp, read_text_table

# The six UN languages in the order of names.csv's columns, with their English names (translated
# where shown; scripts/build_names.py reads the taxonomy's "M49 <name>" columns by them).
UN_LANGUAGES = {
    "ar": N_("Arabic"),
    "zh": N_("Chinese"),
    "en": N_("English"),
    "fr": N_("French"),
    "ru": N_("Russian"),
    "es": N_("Spanish"),
}


def load_states() -> pd.DataFrame:
    """The universe: 193 UN member states and 2 observer states, one row each, sorted by ISO3."""
    states = read_text_table(paths.reference_dir() / "states.csv")
    for column in ("lat", "lon", "area_km2"):
        states[column] = pd.to_numeric(states[column])
    return states


def load_other_entities() -> pd.DataFrame:
    """Entities outside the universe a source may list (ISO 3166-1 territories, Kosovo)."""
    return read_text_table(paths.reference_dir() / "other_entities.csv")


def load_aliases() -> pd.DataFrame:
    """Every known way of writing a state's name: ``iso3,alias``."""
    return read_text_table(paths.reference_dir() / "aliases.csv")


def load_un_names() -> pd.DataFrame:
    """The UN names of the 195 states in the six official languages, indexed by ISO3."""
    names = read_text_table(paths.reference_dir() / "names.csv")
    return names.set_index("iso3")[list(UN_LANGUAGES)]


def load_territory_names() -> pd.DataFrame:
    """French and Spanish names of the areas the map draws outside the 195 states, by ISO3."""
    names = read_text_table(paths.reference_dir() / "territory_names.csv")
    return names.set_index("iso3")[["fr", "es"]]


def load_participant_organisations() -> pd.DataFrame:
    """Organisations a list of participants may name, ``id,en,fr,es,spellings,source,note``
    (``spellings`` separated by ``|``): a curated table, not an exhaustive one."""
    return read_text_table(paths.reference_dir() / "participant_organisations.csv")


def load_participant_names() -> pd.DataFrame:
    """Names a list of participants may hold that the aliases do not settle, ``name,codes,
    reason``: one naming an entity outside scope ("Chinese Taipei"), one that may mean either of
    two states (``codes`` separated by ``|``: "Korea"), or one that holds a state's name but
    names none (no ``codes``: "Northern Ireland")."""
    return read_text_table(paths.reference_dir() / "participant_names.csv")


def load_group_index() -> pd.DataFrame:
    """data/reference/groups/index.csv: one row per organisation, with its as-of date."""
    return read_text_table(paths.reference_dir() / "groups" / "index.csv")


def load_counts() -> pd.DataFrame:
    """data/instruments/counts.csv: endorser counts the sources published over time, and whether
    each source names every endorser."""
    return read_text_table(paths.instruments_dir() / "counts.csv")


def load_corrections() -> pd.DataFrame:
    """data/instruments/corrections.csv: changes to facts (not endorsements), each with its
    date, reason and source."""
    return read_text_table(paths.instruments_dir() / "corrections.csv")


def load_registry() -> pd.DataFrame:
    """The instruments: ids, titles, form, as-of, source, licence, file, totals, priority weight."""
    return read_text_table(paths.instruments_dir() / "instruments.csv")


@memo_by_stamp(
    lambda: (paths.reference_dir() / "names.csv", paths.reference_dir() / "territory_names.csv")
)
def _local_names() -> Mapping[str, Mapping[str, str]]:
    """Language → ISO3 → name: the UN names of the states, then the French and Spanish names of
    the areas outside them; read-only, read again when a file changes."""
    names = {language: dict(column) for language, column in load_un_names().items()}
    for language, column in load_territory_names().items():
        names[language] = dict(column) | names[language]
    return MappingProxyType({k: MappingProxyType(v) for k, v in names.items()})


def local_names(language: str) -> Mapping[str, str]:
    """ISO3 → the name of a state or area in ``language`` (a UN name where there is one); empty
    for a language the reference data does not hold. Look a row's name up as
    ``local_names(language).get(iso3) or english``."""
    return _local_names().get(language, MappingProxyType({}))
