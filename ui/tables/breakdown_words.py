"""The regional breakdown's titles, scopes and column headers, as the regions page and the
static edition say them."""

from i18n.translate import N_

# Whole titles per grouping (word order and agreement differ between languages).
TITLES = {
    "region": N_("Endorsements by region (UN M49), source as of {date}"),
    "subregion": N_("Endorsements by sub-region (UN M49), source as of {date}"),
    "ungroup": N_("Endorsements by UN regional group, source as of {date}"),
    "org": N_("Endorsements by organisation, source as of {date}"),
}
INSTRUMENT_TITLES = {
    "region": N_("{instrument} by region (UN M49), as of {date}"),
    "subregion": N_("{instrument} by sub-region (UN M49), as of {date}"),
    "ungroup": N_("{instrument} by UN regional group, as of {date}"),
    "org": N_("{instrument} by organisation, as of {date}"),
}
COMPARISON_TITLES = {
    "region": N_("{comparison}, by region (UN M49)"),
    "subregion": N_("{comparison}, by sub-region (UN M49)"),
    "ungroup": N_("{comparison}, by UN regional group"),
    "org": N_("{comparison}, by organisation"),
}
SCOPES = {
    "region": N_("grouped by region (UN M49)"),
    "subregion": N_("grouped by sub-region (UN M49)"),
    "ungroup": N_("grouped by UN regional group"),
    "org": N_("grouped by organisation"),
}
# Headers of the columns with a fixed English name, shown and exported in the active language.
HEADERS = {
    "Group": N_("Group"),
    "Members as of": N_("Members as of"),
    "Members": N_("Members"),
    "Share": N_("Share"),
    "Not yet": N_("Not yet"),
    "States": N_("States"),
    "Not in scope": N_("Not in scope"),
    "Caveats": N_("Caveats"),
    "Sentence": N_("Sentence"),
    "Group id": N_("Group id"),
}
