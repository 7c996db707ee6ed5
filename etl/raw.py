"""Byte-exact archiving of downloaded documents with their metadata, and of rejected ones."""

import hashlib
import json
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

EXTENSIONS = {"pdf": ".pdf", "html": ".html"}


@dataclass(frozen=True)
class RawDocument:
    """One source document as received: its bytes and where and when they came from."""

    kind: str  # "pdf" or "html"
    body: bytes
    url: str | None
    retrieved_at: datetime
    http_status: int | None = None
    content_type: str = ""
    file_name: str | None = None

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.body).hexdigest()

    @property
    def archive_name(self) -> str:
        """``raw/<retrieval date>_<first 8 hex of SHA-256>.<ext>``: unique and sortable."""
        stamp = self.retrieved_at.strftime("%Y-%m-%d")
        return f"raw/{stamp}_{self.sha256[:8]}{EXTENSIONS[self.kind]}"

    def metadata(self) -> dict:
        return {
            "url": self.url,
            "file_name": self.file_name,
            "retrieved_at": self.retrieved_at.isoformat().replace("+00:00", "Z"),
            "http_status": self.http_status,
            "content_type": self.content_type,
            "size_bytes": len(self.body),
            "sha256": self.sha256,
        }


def archive_files(documents: list[RawDocument]) -> dict[str, bytes]:
    """The files that archive ``documents`` under ``raw/``: each body and a ``.meta.json``."""
    files: dict[str, bytes] = {}
    for document in documents:
        files[document.archive_name] = document.body
        meta = json.dumps(document.metadata(), indent=2, sort_keys=True) + "\n"
        files[document.archive_name + ".meta.json"] = meta.encode()
    return files


def keep_rejected(documents: list[RawDocument], reason: str, rejected_dir: Path) -> Path:
    """Save documents a refresh refused, for inspection outside the published data."""
    stamp = datetime.now().strftime("%Y%m%dT%H%M%S")
    digest = documents[-1].sha256[:8] if documents else "nothing"
    folder = rejected_dir / f"{stamp}_{digest}"
    folder.mkdir(parents=True, exist_ok=True)
    for relative, data in archive_files(documents).items():
        (folder / Path(relative).name).write_bytes(data)
    (folder / "reason.txt").write_text(reason + "\n", encoding="utf-8")
    return folder
