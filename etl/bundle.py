"""``etl bundle``: publish the shipped dataset from the transcription in data/sources/."""

import hashlib
from pathlib import Path

import pandas as pd

from etl import as_of
from etl.aliases import load_alias_index
from etl.errors import EtlError
from etl.publish import exclusive, publish, recover
from etl.release import SOURCE_PAGE_URL, Provenance, Release, make_release
from etl.resolve import resolve_names
from store import paths

TRANSCRIPTION = "reaim-2023-call-to-action.transcribed.csv"
# Facts about the transcription, from shared/reference/README.md (kept in data/sources/README.md).
TRANSCRIBED_ON = "2026-08-24"
SOURCE_AS_OF = "2023-02-16"
ATTRIBUTION = {
    "transcribed_by": "Machine Politics, Walker Robinson",
    "transcription_url": "https://github.com/wrobinson127/machine-politics",
    "transcription_file": "content/endorsements.yaml",
    "transcription_licence": "CC BY 4.0",
    "archived_source_page": "http://web.archive.org/web/20260313021739/"
    "https://www.government.nl/documents/publications/2023/02/16/reaim-2023-endorsing-countries",
    "verified": "re-verified name for name on 2026-08-24; count agrees with Just Security "
    "(March 2023: 57 States, i.e. without Palestine)",
}


def bundle(data_dir: Path, work_dir: Path) -> Release:
    """Resolve the transcribed names with the ETL's own code, cross-check, and publish."""
    path = paths.sources_dir() / TRANSCRIPTION
    body = path.read_bytes()
    rows = pd.read_csv(path, dtype=str, keep_default_na=False)
    resolved = resolve_names(list(rows["name_as_listed"]), load_alias_index())
    mismatched = [
        f"{item.name_as_listed!r}: resolved {item.iso3}, transcribed {code}"
        for item, code in zip(resolved, rows["iso3"], strict=True)
        if item.iso3 != code
    ]
    if mismatched:
        raise EtlError(
            f"the resolver disagrees with the transcription: {'; '.join(mismatched)}",
            "review data/reference/aliases_curated.csv against data/sources/README.md",
        )
    provenance = Provenance(
        method="transcribed",
        retrieved_at=TRANSCRIBED_ON,
        document_sha256=hashlib.sha256(body).hexdigest(),
        document_kind="transcription",
        source_as_of=SOURCE_AS_OF,
        source_as_of_basis=as_of.TRANSCRIPTION,
        source_page_url=SOURCE_PAGE_URL,
        document_title="Endorsing Countries and Territories",
        raw_files={"transcription": f"sources/{TRANSCRIPTION}"},
        attribution=ATTRIBUTION,
    )
    with exclusive(data_dir, work_dir / "locks"):
        recover(data_dir)
        release = make_release(resolved, provenance, data_dir, detected_on=TRANSCRIBED_ON)
        publish(data_dir, {**release.files, f"sources/{TRANSCRIPTION}": body})
    return release
