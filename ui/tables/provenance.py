"""How the dataset was obtained, in the words every page, export and image repeats."""

from dataclasses import dataclass

from i18n.translate import N_, _
from instruments.prose import long_date
from store.data_text import translated

PUBLISHER = N_("Government of the Netherlands")
# The title of the source's list as published; French and Spanish give it in their words.
LIST_TITLE = N_("REAIM 2023 Call to Action: endorsing countries and territories")
UNNAMED_TRANSCRIBER = N_("an unnamed transcriber")
LICENCE_NOT_STATED = N_("licence not stated")


@dataclass(frozen=True)
class Provenance:
    """The facts of endorsements.meta.json that a reader needs to trust and cite the data."""

    method: str
    as_of: str
    as_of_basis: str
    retrieved_at: str
    source_page_url: str
    document_url: str
    document_sha256: str
    licence: str
    transcribed_by: str
    transcription_licence: str
    transcription_url: str

    @property
    def method_phrase(self) -> str:
        """How the list was obtained; a transcription is never presented as a live fetch."""
        if self.method == "transcribed":
            return _(
                "transcribed from the official list (source as of {as_of}), transcription by "
                "{transcriber}, {licence}"
            ).format(
                as_of=long_date(self.as_of),
                transcriber=_known(self.transcribed_by, UNNAMED_TRANSCRIBER),
                licence=_known(self.transcription_licence, LICENCE_NOT_STATED),
            )
        if self.method == "fetched":
            return _("fetched from government.nl on {retrieved} (source as of {as_of})").format(
                retrieved=long_date(self.retrieved_at), as_of=long_date(self.as_of)
            )
        return _(
            "read from a saved copy of the official list on {retrieved} (source as of {as_of})"
        ).format(retrieved=long_date(self.retrieved_at), as_of=long_date(self.as_of))

    @property
    def source_text(self) -> str:
        """Who published the list, its title and how it was obtained (the line after "Source:")."""
        return _("{publisher}, {title}; {method}.").format(
            publisher=_(PUBLISHER), title=_(LIST_TITLE), method=self.method_phrase
        )

    @property
    def source_line(self) -> str:
        """One line for the foot of a map or a table."""
        return _("Source: {source}").format(source=self.source_text)

    @property
    def citation(self) -> str:
        """A citation line for exports and slides."""
        return _(
            "{publisher} ({date}). {title}. {url}. Data {method}; retrieved {retrieved}."
        ).format(
            publisher=_(PUBLISHER),
            date=long_date(self.as_of),
            title=_(LIST_TITLE),
            url=self.source_page_url,
            method=self.method_phrase,
            retrieved=long_date(self.retrieved_at),
        )


def _known(value: str, default: str) -> str:
    """A value read from the metadata; its stand-in ("licence not stated") in the language."""
    return _(default) if value == default else value


def provenance_from_meta(meta: dict) -> Provenance:
    """Read the provenance out of a parsed endorsements.meta.json."""
    attribution = meta.get("attribution") or {}
    return Provenance(
        method=meta["method"],
        as_of=meta["source_as_of"],
        as_of_basis=meta.get("source_as_of_basis") or "",
        retrieved_at=meta["retrieved_at"],
        source_page_url=meta.get("source_page_url") or "",
        document_url=meta.get("document_url") or "",
        document_sha256=meta["document_sha256"],
        licence=translated(meta["licence"]),
        transcribed_by=attribution.get("transcribed_by") or UNNAMED_TRANSCRIBER,
        transcription_licence=attribution.get("transcription_licence") or LICENCE_NOT_STATED,
        transcription_url=attribution.get("transcription_url") or "",
    )


def footer_template(changed: bool) -> str:
    """The notice at the foot of every page, with {source}, {date}, {method}, {licence},
    {updated} and {disclaimer}; with {changed}, the day the list last changed, when ``changed``."""
    if changed:
        return _(
            "Source: {source}, as of {date}; {method}. Licence: {licence}. Last update of this "
            "dataset: {updated}; last change to the list detected {changed}. {disclaimer}"
        )
    return _(
        "Source: {source}, as of {date}; {method}. Licence: {licence}. Last update of this "
        "dataset: {updated}. {disclaimer}"
    )
