"""``etl refresh``: obtain the list document, extract, resolve, validate and publish it."""

from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit

from bs4 import BeautifulSoup

from etl import parse_html
from etl.aliases import load_alias_index
from etl.as_of import AsOf, source_as_of
from etl.errors import EtlError
from etl.extract import Extraction, names_from_html_lists, names_from_pdf
from etl.fetch import Download, Fetcher, FetchPolicy
from etl.publish import exclusive, publish, recover
from etl.raw import RawDocument, archive_files, keep_rejected
from etl.release import SOURCE_PAGE_URL, Method, Provenance, Release, make_release
from etl.resolve import resolve_names
from etl.sandbox import read_pdf
from safeio.uploads import UploadError, read_local


@dataclass(frozen=True)
class RefreshOptions:
    """What ``etl refresh`` was asked to do."""

    data_dir: Path
    work_dir: Path
    url: str = SOURCE_PAGE_URL
    from_file: Path | None = None
    timeout: float | None = None
    allow_shrink: bool = False


@dataclass(frozen=True)
class Origin:
    """How the list document was obtained, as the caller knows it (the rest is read from it)."""

    method: Method
    source_page_url: str | None = None
    document_url: str | None = None
    document_title: str | None = None


@dataclass(frozen=True)
class Obtained:
    """The documents a refresh read, the names extracted and the provenance to record."""

    documents: list[RawDocument]
    extraction: Extraction
    provenance: Provenance


def _is_pdf(body: bytes) -> bool:
    return body[:1024].lstrip().startswith(b"%PDF-")


def _raw(download: Download) -> RawDocument:
    kind = "pdf" if _is_pdf(download.body) else "html"
    if kind == "html" and not (
        parse_html.looks_like_html(download.body) or "html" in download.content_type
    ):
        raise EtlError(
            f"{download.final_url} is neither an HTML page nor a PDF "
            f"(content type {download.content_type or 'not given'})",
            "check the URL in a browser",
        )
    return RawDocument(
        kind=kind,
        body=download.body,
        url=download.final_url,
        retrieved_at=download.retrieved_at,
        http_status=download.status,
        content_type=download.content_type,
    )


def _from_pdf(
    document: RawDocument,
    origin: Origin,
    seconds: float,
    page: RawDocument | None = None,
    page_dates: parse_html.PageDates | None = None,
) -> Obtained:
    """Names from a PDF, read within ``seconds`` and the reader's budget; the page that linked
    it, if any, is archived and dates it."""
    text = read_pdf(document.body, seconds)
    extraction = names_from_pdf(text, load_alias_index().knows)
    dated = source_as_of(page_dates or parse_html.PageDates(), text.metadata)
    return Obtained(
        documents=[d for d in (page, document) if d is not None],
        extraction=extraction,
        provenance=_provenance(document, page, extraction, dated, origin),
    )


def _provenance(
    document: RawDocument,
    page: RawDocument | None,
    extraction: Extraction,
    dated: AsOf,
    origin: Origin,
) -> Provenance:
    raw_files = {"document": document.archive_name}
    if page is not None and page is not document:
        raw_files["page"] = page.archive_name
    return Provenance(
        method=origin.method,
        retrieved_at=document.retrieved_at.isoformat().replace("+00:00", "Z"),
        document_sha256=document.sha256,
        document_kind=document.kind,
        source_as_of=dated.iso,
        source_as_of_basis=dated.basis,
        source_page_url=origin.source_page_url,
        document_url=origin.document_url,
        document_title=origin.document_title,
        raw_files=raw_files,
        extraction={
            "layout": extraction.layout,
            "names_found": len(extraction.names),
            "ignored_text": [{"text": i.text, "reason": i.reason} for i in extraction.ignored],
        },
    )


def obtain_from_url(url: str, fetcher: Fetcher, documents: list[RawDocument]) -> Obtained:
    """Download the landing page (or a direct PDF link) and the list document it links."""
    allowed = {(urlsplit(url).hostname or "").lower()}
    first = _raw(fetcher.get(url, allowed))
    documents.append(first)
    if first.kind == "pdf":
        return _from_pdf(first, Origin("fetched", document_url=first.url), fetcher.policy.deadline)
    page = parse_html.parse(first.body)
    links = parse_html.pdf_links(page, first.url)
    link = parse_html.choose_list_pdf(links)
    if link is None:
        return _from_html_list(first, page, links, Origin("fetched", source_page_url=first.url))
    document = _raw(fetcher.get(link.url, allowed))
    documents.append(document)
    if document.kind != "pdf":
        raise EtlError(
            f"the list link {link.url} returned an HTML page, not a PDF",
            "the site may have served an error or consent page; open the link in a browser",
        )
    origin = Origin(
        "fetched", source_page_url=first.url, document_url=document.url, document_title=link.text
    )
    return _from_pdf(
        document, origin, fetcher.policy.deadline, first, parse_html.publication_dates(page)
    )


def _from_html_list(
    page_doc: RawDocument, page: BeautifulSoup, links: list[parse_html.Link], origin: Origin
) -> Obtained:
    try:
        extraction = names_from_html_lists(parse_html.text_lists(page), load_alias_index().knows)
    except EtlError:
        raise EtlError(
            "layout changed: no PDF link mentions endorsing countries and the page has no list "
            f"of names (PDF links: {parse_html.describe_links(links)})",
            "open the page in a browser, find the list and pass its link with --url",
        ) from None
    dated = source_as_of(parse_html.publication_dates(page), {})
    return Obtained(
        documents=[page_doc],
        extraction=extraction,
        provenance=_provenance(page_doc, page_doc, extraction, dated, origin),
    )


def obtain_from_file(path: Path, documents: list[RawDocument], policy: FetchPolicy) -> Obtained:
    """Read a saved PDF, or a saved page that carries the list itself, within a download's
    budget: a regular file (not a pipe or a device) of at most its size, read within its time.

    The provenance says the document came from a file and keeps the page the list is published
    on (the file's own address is unknown).
    """
    try:
        body = read_local(path, policy.max_bytes)
    except UploadError as exc:
        raise EtlError(
            exc.problem, "pass the saved list document: a PDF, or an HTML page carrying the list"
        ) from exc
    retrieved = datetime.fromtimestamp(path.stat().st_mtime, UTC).replace(microsecond=0)
    kind = "pdf" if _is_pdf(body) else "html"
    document = RawDocument(kind, body, None, retrieved, file_name=path.name)
    documents.append(document)
    origin = Origin("file", source_page_url=SOURCE_PAGE_URL, document_title=path.name)
    if kind == "pdf":
        return _from_pdf(document, origin, policy.deadline)
    if not parse_html.looks_like_html(body):
        raise EtlError(f"{path} is neither a PDF nor an HTML page", "pass the saved list document")
    if path.suffix.lower() == ".pdf":
        raise EtlError(
            f"{path} is named .pdf but holds an HTML page, not a PDF",
            "the browser probably saved an error page; download the PDF again",
        )
    page = parse_html.parse(body)
    links = parse_html.pdf_links(page, "")
    list_pdf = parse_html.choose_list_pdf(links)
    known = load_alias_index().knows
    if list_pdf is not None and not any(
        known(item) for items in parse_html.text_lists(page) for item in items
    ):
        raise EtlError(
            f"the saved page links the list as a PDF ({list_pdf.url})",
            "download that PDF and pass it with --from-file, or run without --from-file",
        )
    return _from_html_list(document, page, links, origin)


def refresh(options: RefreshOptions) -> Release:
    """Run a whole refresh; any failure leaves the data directory byte-identical."""
    with exclusive(options.data_dir, options.work_dir / "locks"):
        recover(options.data_dir)
        documents: list[RawDocument] = []
        try:
            policy = FetchPolicy.with_timeout(options.timeout) if options.timeout else FetchPolicy()
            if options.from_file:
                obtained = obtain_from_file(options.from_file, documents, policy)
            else:
                obtained = obtain_from_url(options.url, Fetcher(policy), documents)
            extraction = obtained.extraction
            resolved = resolve_names(
                extraction.names, load_alias_index(), [item.text for item in extraction.ignored]
            )
            release = make_release(
                resolved,
                obtained.provenance,
                options.data_dir,
                detected_on=datetime.now(UTC).date().isoformat(),
                allow_shrink=options.allow_shrink,
            )
        except EtlError as error:
            if not documents:
                raise
            folder = keep_rejected(documents, str(error), options.work_dir / "rejected")
            raise error.with_note(f"a copy of the rejected document is kept in {folder}") from error
        publish(options.data_dir, {**release.files, **archive_files(obtained.documents)})
        return release
