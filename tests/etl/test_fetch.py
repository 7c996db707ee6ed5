"""Refreshing over HTTP from a loopback server: success, failures, limits and host rules."""

import json
import socket

import pytest

from etl.errors import EtlError
from etl.fetch import Fetcher, FetchPolicy

from conftest import DOCUMENTS, manifest, project_version, snapshot
from loopback_server import Route, serving

PAGE_PATH = "/documents/publications/2023/02/16/reaim-2023-endorsing-countries"
LIST_HREF = manifest()["landing-page.html"]["pdf_href"]
SHIPPED_ISO3 = manifest()["list-one-column.pdf"]["iso3"]


def html(name: str) -> bytes:
    return (DOCUMENTS / name).read_bytes()


def pdf_route(name: str = "list-one-column.pdf", **kwargs) -> Route:
    return Route(body=(DOCUMENTS / name).read_bytes(), content_type="application/pdf", **kwargs)


@pytest.fixture(autouse=True)
def no_backoff_sleep(monkeypatch):
    """Retries happen at once in tests; the retry count and outcome are what is checked."""
    monkeypatch.setattr("etl.fetch._pause", lambda seconds: None)


@pytest.fixture
def server():
    with serving() as running:
        yield running


def refresh(etl, server, data_dir, *extra, path=PAGE_PATH):
    return etl("refresh", "--url", server.url(path), "--data-dir", str(data_dir), *extra)


def test_landing_page_to_published_table_with_archived_documents(server, shipped_data, etl):
    server.routes[PAGE_PATH] = Route(body=html("landing-page.html"))
    server.routes[LIST_HREF] = pdf_route()
    run = refresh(etl, server, shipped_data)
    assert run.code == 0, run.err
    meta = json.loads((shipped_data / "endorsements.meta.json").read_text())
    assert meta["method"] == "fetched"
    assert meta["source_page_url"] == server.url(PAGE_PATH)
    assert meta["document_url"] == server.url(LIST_HREF)
    assert meta["source_as_of"] == "2023-02-16"
    assert meta["document_title"].startswith("Endorsing Countries and Territories")
    page_meta = json.loads((shipped_data / (meta["raw_files"]["page"] + ".meta.json")).read_text())
    doc_meta = json.loads(
        (shipped_data / (meta["raw_files"]["document"] + ".meta.json")).read_text()
    )
    assert (shipped_data / meta["raw_files"]["document"]).read_bytes() == pdf_route().body
    assert doc_meta["sha256"] == meta["document_sha256"] and doc_meta["http_status"] == 200
    assert doc_meta["content_type"] == "application/pdf" and doc_meta["size_bytes"] == len(
        pdf_route().body
    )
    assert page_meta["url"] == server.url(PAGE_PATH)
    assert "Published 58 entries" in run.out
    assert server.requests == [PAGE_PATH, LIST_HREF]
    assert etl("check", "--data-dir", str(shipped_data)).code == 0


def test_direct_pdf_link(server, shipped_data, etl):
    server.routes["/list.pdf"] = pdf_route("list-three-columns.pdf")
    run = refresh(etl, server, shipped_data, path="/list.pdf")
    assert run.code == 0, run.err
    meta = json.loads((shipped_data / "endorsements.meta.json").read_text())
    assert meta["document_url"] == server.url("/list.pdf") and meta["source_page_url"] is None


def test_inline_html_list_on_the_page(server, shipped_data, etl):
    server.routes[PAGE_PATH] = Route(body=html("list-inline.html"))
    run = refresh(etl, server, shipped_data)
    assert run.code == 0, run.err
    assert (
        json.loads((shipped_data / "endorsements.meta.json").read_text())["document_kind"] == "html"
    )


def test_server_error_then_success_is_retried(server, shipped_data, etl):
    server.routes[PAGE_PATH] = Route(body=html("landing-page.html"), fail_first=1)
    server.routes[LIST_HREF] = pdf_route(fail_first=1, fail_status=502)
    run = refresh(etl, server, shipped_data)
    assert run.code == 0, run.err
    assert server.routes[PAGE_PATH].hits == 2 and server.routes[LIST_HREF].hits == 2


def failing(etl, server, data_dir, *extra, path=PAGE_PATH) -> str:
    """Run a refresh that must fail: one line on stderr, data directory byte-identical."""
    before = snapshot(data_dir)
    run = refresh(etl, server, data_dir, *extra, path=path)
    assert run.code == 1
    assert run.err.startswith("error: ") and run.err.count("\n") == 1
    assert snapshot(data_dir) == before
    return run.err


def test_service_unavailable_every_time_gives_up(server, shipped_data, etl):
    server.routes[PAGE_PATH] = Route(body=b"", fail_first=99, fail_status=503)
    err = failing(etl, server, shipped_data)
    assert "HTTP 503" in err and "gave up after 3 attempts" in err
    assert server.routes[PAGE_PATH].hits == 3


def test_not_found(server, shipped_data, etl):
    err = failing(etl, server, shipped_data, path="/gone")
    assert "HTTP 404" in err and "--url" in err


def test_connection_refused(shipped_data, etl):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    before = snapshot(shipped_data)
    run = etl("refresh", "--url", f"http://127.0.0.1:{port}/", "--data-dir", str(shipped_data))
    assert run.code == 1 and "Could not connect to 127.0.0.1" in run.err
    assert snapshot(shipped_data) == before


def test_read_timeout(server, shipped_data, etl):
    server.routes[PAGE_PATH] = Route(body=html("landing-page.html"), delay=1.5)
    err = failing(etl, server, shipped_data, "--timeout", "0.5")
    assert "did not answer within 0.5 s" in err


def test_drip_past_the_overall_deadline(server, shipped_data, etl):
    server.routes[PAGE_PATH] = Route(body=html("landing-page.html"), drip=0.02)
    err = failing(etl, server, shipped_data, "--timeout", "0.6")
    assert "still sending after the 0.6 s deadline" in err


def test_landing_page_that_is_neither_html_nor_pdf(server, shipped_data, etl):
    server.routes[PAGE_PATH] = Route(
        body=b"\x00\x01binary", content_type="application/octet-stream"
    )
    assert "neither an HTML page nor a PDF" in failing(etl, server, shipped_data)


def test_pdf_link_that_serves_html(server, shipped_data, etl):
    server.routes[PAGE_PATH] = Route(body=html("landing-page.html"))
    server.routes[LIST_HREF] = Route(body=html("landing-no-pdf.html"))
    err = failing(etl, server, shipped_data)
    assert "returned an HTML page, not a PDF" in err
    assert "rejected document is kept in" in err


@pytest.mark.parametrize(
    ("page", "words"),
    [
        ("landing-no-pdf.html", "no PDF link mentions endorsing countries"),
        ("landing-ambiguous.html", "Several PDFs on the page could be the list"),
        ("landing-offhost.html", "Refusing to follow https://example.org/"),
    ],
)
def test_landing_page_layouts_that_must_be_refused(server, shipped_data, etl, page, words):
    server.routes[PAGE_PATH] = Route(body=html(page))
    err = failing(etl, server, shipped_data)
    assert words in err
    assert server.requests == [PAGE_PATH]


def test_redirect_to_another_host_is_refused(server, shipped_data, etl):
    other = f"http://127.0.0.2:{server.server_address[1]}/list.pdf"
    server.routes[PAGE_PATH] = Route(status=302, headers={"Location": other})
    err = failing(etl, server, shipped_data)
    assert "Refusing to follow http://127.0.0.2" in err


def test_redirect_on_the_same_host_is_followed(server, shipped_data, etl):
    server.routes["/old"] = Route(status=301, headers={"Location": PAGE_PATH})
    server.routes[PAGE_PATH] = Route(body=html("landing-page.html"))
    server.routes[LIST_HREF] = pdf_route()
    assert refresh(etl, server, shipped_data, path="/old").code == 0


def test_plain_http_to_a_remote_host_is_refused_before_connecting(shipped_data, etl):
    run = etl("refresh", "--url", "http://www.government.nl/x", "--data-dir", str(shipped_data))
    assert run.code == 1 and "Refusing plain http for www.government.nl" in run.err


def test_size_cap_declared_and_streamed(server):
    server.routes["/big"] = Route(body=b"x" * 5000)
    server.routes["/big-drip"] = Route(body=b"x" * 3000, drip=0.0001)
    fetcher = Fetcher(FetchPolicy(max_bytes=1000))
    for path in ("/big", "/big-drip"):
        with pytest.raises(EtlError, match="1,000-byte cap"):
            fetcher.get(server.url(path), {"127.0.0.1"})


def test_descriptive_user_agent_is_sent(server):
    server.routes["/ua"] = Route(body=b"<html></html>")
    Fetcher().get(server.url("/ua"), {"127.0.0.1"})
    [sent] = server.user_agents
    assert sent.startswith(f"reaim-dashboard-etl/{project_version()} (")
    assert "REAIM 2023 Call to Action" in sent
