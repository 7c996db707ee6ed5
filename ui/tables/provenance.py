"""How the dataset was obtained, in the words every page, export and image repeats."""

from dataclasses import dataclass

from instruments.prose import long_date

PUBLISHER = "Government of the Netherlands"
LIST_TITLE = "REAIM 2023 Call to Action: endorsing countries and territories"


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
        as_of = f"source as of {self.as_of}"
        if self.method == "transcribed":
            return (
                f"transcribed from the official list ({as_of}), transcription by "
                f"{self.transcribed_by}, {self.transcription_licence}"
            )
        if self.method == "fetched":
            return f"fetched from government.nl on {self.retrieved_at} ({as_of})"
        return f"read from a saved copy of the official list on {self.retrieved_at} ({as_of})"

    @property
    def source_line(self) -> str:
        """One line for the foot of a map or a table."""
        return f"Source: {PUBLISHER}, {LIST_TITLE}; {self.method_phrase}."

    @property
    def citation(self) -> str:
        """A citation line for exports and slides."""
        return (
            f"{PUBLISHER} ({long_date(self.as_of)}). {LIST_TITLE}. {self.source_page_url}. "
            f"Data {self.method_phrase}; retrieved {self.retrieved_at}."
        )


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
        licence=meta["licence"],
        transcribed_by=attribution.get("transcribed_by") or "an unnamed transcriber",
        transcription_licence=attribution.get("transcription_licence") or "licence not stated",
        transcription_url=attribution.get("transcription_url") or "",
    )
