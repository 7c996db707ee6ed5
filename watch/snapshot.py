"""What the watch remembers of the published data: each instrument's supporters and as-of date,
the document's and the source page's digests, the last successful retrieval, the corrections."""

import hashlib
import json
from dataclasses import asdict, dataclass, field
from pathlib import Path

from instruments.forms import form_named
from store.files import read_text_table
from store.published import META_FILE, POSITIONS_FILE

CORRECTIONS_FILE = "corrections.csv"
REGISTRY_FILE = "instruments.csv"


def digest(text: str) -> str:
    """The first 16 hex digits of the SHA-256 of ``text``: part of a stable id."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def _file_sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else ""


@dataclass(frozen=True)
class Snapshot:
    """The published data as the watch saw it (stored as JSON with each run)."""

    supporters: dict[str, list[str]]
    as_of: dict[str, str]
    source_url: dict[str, str]
    document_sha256: str
    page_sha256: str
    retrieved_at: str
    corrections: dict[str, dict[str, str]] = field(default_factory=dict)

    def to_json(self) -> str:
        """The snapshot as stored."""
        return json.dumps(asdict(self), sort_keys=True, ensure_ascii=False)

    @classmethod
    def from_json(cls, text: str) -> "Snapshot":
        """A stored snapshot read back."""
        return cls(**json.loads(text))


def _correction_key(row: dict[str, str]) -> str:
    return digest(json.dumps(row, sort_keys=True, ensure_ascii=False))


def read_snapshot(data_dir: Path, instruments_dir: Path) -> Snapshot:
    """The snapshot of ``data_dir`` (the ETL's published files) with the instrument registry
    and corrections of ``instruments_dir``; OSError or ValueError if they cannot be read."""
    meta = json.loads((data_dir / META_FILE).read_text(encoding="utf-8"))
    positions = read_text_table(data_dir / POSITIONS_FILE)
    registry = read_text_table(instruments_dir / REGISTRY_FILE)
    supporters, as_of, source_url = {}, {}, {}
    for row in registry.to_dict("records"):
        rows = positions[positions["instrument"] == row["id"]]
        form = form_named(row["form"])
        supporters[row["id"]] = sorted(rows.loc[rows["status"].isin(form.supporting), "iso3"])
        dates = sorted(set(rows["as_of"]) - {""})
        as_of[row["id"]] = dates[-1] if dates else row["as_of"]
        urls = sorted(set(rows["source_url"]) - {""})
        source_url[row["id"]] = urls[0] if urls else row["source_url"]
    raw = meta.get("raw_files") or {}
    page = raw.get("page")
    corrections = read_text_table(instruments_dir / CORRECTIONS_FILE).to_dict("records")
    return Snapshot(
        supporters=supporters,
        as_of=as_of,
        source_url=source_url,
        document_sha256=meta.get("document_sha256") or "",
        page_sha256=_file_sha256(data_dir / page) if page else "",
        retrieved_at=meta.get("retrieved_at") or "",
        corrections={_correction_key(row): row for row in corrections},
    )
