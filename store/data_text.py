"""The free text of the data files (caveats, a member's name, licences, notes) in the language.

The data files are written in English and stay so. Each text a reader sees is marked below as
it stands in its file, so that the catalogues translate it as a whole; a text edited in its file
no longer matches its translation and shows as written until it is translated again
(tests/store/test_data_text.py fails meanwhile). The facts are never rewritten here.

A text that is a research note (it cites the copies and articles it was checked against, or how
the data was built) is shown in plain words instead: one line with its facts (``PLAIN``); the
note as written, with its sources, is on the Sources page (``in_plain_words`` lists them).
"""

import re
from urllib.parse import urlsplit

from i18n.translate import N_, _

TEXTS = (
    # Membership caveats: data/reference/groups/*.csv (notes that begin SUSPENDED or UNVERIFIED)
    N_("SUSPENDED since 31 Jan 2022 (coup)"),
    N_("SUSPENDED since 28 Nov 2025 (PSC 1315th meeting, after 26 Nov 2025 coup)"),
    N_("SUSPENDED since 15 Oct 2025 (military takeover; announced by AU Commission chair)"),
    N_("SUSPENDED since 1 Jun 2021 (second coup)"),
    N_("SUSPENDED since 22 Aug 2023 (coup)"),
    N_("SUSPENDED since 27 Oct 2021 (coup)"),
    N_("SUSPENDED from ECOWAS decision-making bodies since 27 Nov 2025 (after 26 Nov 2025 coup)"),
    # UN regional groups: the regional_group_note column of data/reference/states.csv
    N_("observer State: attends the Western European and Others Group as an observer"),
    # A member outside the 195 whose group names it otherwise than the map's area
    N_("Sahrawi Arab Democratic Republic"),
    # Licences: data/endorsements.meta.json (written by etl/release.py) and the registry
    N_("CC BY 4.0 (Machine Politics transcription: attribute Machine Politics, Walker Robinson)"),
    N_("public facts (count and press reports, listed per state)"),
    N_("CC BY 4.0 (Machine Politics transcription); EFE names are a short factual list"),
    N_("© United Nations: non-commercial use with attribution (UN Digital Library terms)"),
    N_("CC BY 4.0 (Machine Politics)"),
    N_("CC BY 4.0 (Machine Politics; Make AI Good Movement Graph)"),
    N_("© United Nations, with attribution"),
    # Confidence, where the registry says more than one word
    N_(
        "medium per named state (Kenya, the Netherlands and Singapore rest on one Yonhap "
        "report); unknown for the other 50"
    ),
    N_("medium-high"),
    N_("medium-high for the draft as tabled; medium for the later co-sponsors"),
    N_("medium: one transcription; the count agrees with independent reports"),
    # Notes on a state's position: data/positions.csv (unconfirmed rows)
    N_(
        "named by EFE among the signatories on 5 Feb 2026 but absent from the 45-state list of "
        "the Spanish MFA (2026-07-17)"
    ),
)

# Research notes, keyed by the text as it stands in its file, and the plain line readers see.
PLAIN = {
    # Membership caveats: data/reference/groups/oas.csv
    (
        "UNVERIFIED: 1962 exclusion of the Cuban government lifted by the OAS in 2009 but Cuba "
        "declined to return and does not participate; counted among the 35 by the OAS, excluded "
        'by Wikipedia\'s "32 members" figure'
    ): N_(
        "membership unverified: the OAS lifted its 1962 exclusion of the Cuban government in "
        "2009 and counts Cuba among its 35 members, but Cuba has not returned and takes no part"
    ),
    (
        "UNVERIFIED: Maduro government denounced the OAS Charter on 28 Apr 2017 (effective 2019 "
        "by its reckoning); the OAS seated a National Assembly envoy from 2019 and a 2022 motion "
        "to remove him failed; status contested"
    ): N_(
        "membership unverified and contested: the government denounced the OAS Charter on 28 "
        "April 2017 (in effect from 2019 by its reckoning); the OAS has seated an envoy of the "
        "National Assembly since 2019, and a 2022 motion to remove him failed"
    ),
    # UN regional groups: the regional_group_note column of data/reference/states.csv
    (
        "UNVERIFIED: sources conflict - the current DGACM list (mirror) and UNEP GPML list "
        "include Kiribati under Asia-Pacific States (Wikipedia Asia-Pacific Group, citing DGACM "
        "retrieved 2024-08-26, counts 54 members incl. Kiribati); the UN Library FAQ "
        '(ask.un.org/faq/14521, updated 2024-03-19) still says "as of 2010" Kiribati is not a '
        "member of any regional group"
    ): N_(
        "membership unverified: copies of the UN's current list of regional groups place "
        "Kiribati in the Asia-Pacific Group, but the UN Library still says it belongs to no group"
    ),
    (
        "WEOG member: temporary membership in New York from May 2000, renewed permanently in "
        "2004; admitted to WEOG proceedings in Geneva from 1 Jan 2014 (UN Library FAQ; "
        "Wikipedia WEOG Aug 2025). Geographically Asia"
    ): N_(
        "member of the Western European and Others Group (in New York since 2000, permanently "
        "since 2004; in Geneva since 2014), though geographically in Asia"
    ),
    (
        "observer State: not on the DGACM list of the Asia-Pacific Group (participates in it by "
        "a 1986 decision)"
    ): N_(
        "observer State: takes part in the Asia-Pacific Group by a 1986 decision, but is not on "
        "the UN's list of its members"
    ),
    (
        "participates fully in both WEOG and the Asia-Pacific Group but for electoral purposes "
        "is considered a member of WEOG only (UN Library FAQ ask.un.org/faq/14521; DGACM list "
        "marks Türkiye with * under Asia-Pacific)"
    ): N_(
        "takes part fully in both the Western European and Others Group and the Asia-Pacific "
        "Group, but for elections counts as a member of the Western European and Others Group only"
    ),
    (
        "not formally a member of any regional group; attends WEOG meetings as an observer and "
        "is considered a member of WEOG for electoral purposes (Wikipedia WEOG article as of Aug "
        "2025; the UNEP GPML copy of the DGACM list places the USA under Western European and "
        "other States)"
    ): N_(
        "not formally a member of any regional group: attends the Western European and Others "
        "Group as an observer and counts as its member for elections"
    ),
    # Notes on a state's position: data/positions.csv (unconfirmed rows)
    (
        "stated intent before the summit; endorsement not confirmed: named by Swiss Federal "
        "Council press release, 6 Sep 2024, admin.ch/gov/de/start/dokumentation/medienmitteilungen"
        ".msg-id-102366.html (Switzerland 'will support' the Blueprint for Action); no report "
        "after the summit names Switzerland"
    ): N_(
        "announced on 6 September 2024 that it would support the Blueprint for Action; no report "
        "after the summit confirms an endorsement"
    ),
    # The licence of the Call to Action's source: data/endorsements.meta.json (etl/release.py)
    (
        "Dutch central government content; reuse terms at https://www.government.nl/copyright "
        "(to our knowledge CC0 1.0 unless stated otherwise; not re-checked, as no build machine "
        "reaches government.nl)"
    ): N_(
        "Dutch central government content; reuse terms at https://www.government.nl/copyright "
        "(to our knowledge CC0 1.0 unless stated otherwise; not re-checked)"
    ),
}


def translated(text: str) -> str:
    """A text of the data files in the active language, a research note in plain words; as
    written when it is not translated."""
    return _(PLAIN.get(text, text)) if text else text


def in_plain_words(text: str) -> bool:
    """Whether readers see ``text`` (as written in its file) in plain words: the Sources page
    then gives it as written."""
    return text in PLAIN


# A research note's web addresses, and the part that names its sources ("…; source: …").
_WEB_ADDRESS = re.compile(r"https?://[^\s;()<>\[\]\"'`\\]+")
_SOURCES_PART = re.compile(r";\s*sources?:\s.*$", re.IGNORECASE | re.DOTALL)


def web_addresses(text: str) -> list[str]:
    """The web addresses a research note cites whole, in order, each once (without the full
    stop or comma that may follow one; an address the note cuts short with "..." is left out)."""
    found = [m for m in _WEB_ADDRESS.findall(text or "") if not m.endswith(("...", "…"))]
    return list(dict.fromkeys(m.rstrip(".,") for m in found))


def site(address: str) -> str:
    """The site of a web address, as a reader names it: "https://www.state.gov/…" → "state.gov"."""
    host = urlsplit(address).hostname or address
    return host.removeprefix("www.")


def without_sources(text: str) -> str:
    """What a research note says, without the "; source: …" part that cites where from."""
    return _SOURCES_PART.sub("", text or "").strip()
