"""The static edition: its pages read what the app computes, in each language; every link
resolves; nothing is fetched from elsewhere; the same data gives the same bytes."""

import gzip
import io
import posixpath
import re
import zipfile
from datetime import date

import pytest
from lxml import html
from PIL import Image
from site_links import broken_links

from briefing.pack import build_pack, score_text
from edition.__main__ import main
from edition.build import Scope, build, language_pages, profiled
from edition.feeds import site_feeds
from edition.files import write_site, write_zip
from edition.layout import (
    DARK,
    country_page,
    embed_page,
    map_page,
    outreach_page,
    prefix,
    regions_page,
    share_card,
    sources_page,
)
from edition.map_page import as_of_day
from edition.map_page import map_page as map_page_of
from edition.scope import has_page, views
from i18n import formats
from i18n.translate import _ as translate
from i18n.translate import active, use
from instruments.view import DEFAULT_VIEW, View
from store.focus import Focus
from store.groups import GroupKind
from ui.tables.coverage import breakdown
from ui.tables.dataset import Dataset
from ui.tables.instrument_tables import position_rows
from ui.tables.map_table import map_description, map_table, shown_table
from ui.tables.priority import default_weights, priorities
from ui.tables.profile_card import rank_sentence
from ui.views import palette

from ui_fixtures import shipped

KEYS = ("org-g7", "region-africa")
COUNTRIES = ("KEN", "NLD", "FRA", "CHN")  # the profiles built: a test's, and an endorser's map
DECLARATION = View("us-political-declaration")
NOT_YET = View("us-political-declaration", "reaim-2023-call-to-action")
PAGES = [
    ("en", "world", DEFAULT_VIEW),
    ("fr", "org-g7", DEFAULT_VIEW),
    ("es", "region-africa", DEFAULT_VIEW),
    ("en", "region-africa", DECLARATION),
    ("fr", "world", NOT_YET),
]


VIEWS = (DEFAULT_VIEW, DECLARATION, NOT_YET)  # the views built: each form of map page
FEEDS = {  # as python -m watch run writes them; the saved group's is the team's
    "en/instrument/reaim-2023-call-to-action.xml": b"<feed>the Call to Action</feed>",
    "fr/focus/org-g7.xml": b"<feed>G7</feed>",
    "es/group/saved-1.xml": b"<feed>a saved group</feed>",
}


@pytest.fixture(scope="module")
def scope(tmp_path_factory: pytest.TempPathFactory) -> Scope:
    """Two focus presets and the world, three views, four profiles, the feeds and the G7's
    pack."""
    folder = tmp_path_factory.mktemp("feeds")
    for relative, content in FEEDS.items():
        (folder / relative).parent.mkdir(parents=True, exist_ok=True)
        (folder / relative).write_bytes(content)
    return Scope(KEYS, COUNTRIES, VIEWS, feeds=site_feeds(folder), packs=("org-g7",))


@pytest.fixture(scope="module")
def site(scope: Scope) -> dict[str, bytes]:
    """The site of ``scope`` in every language."""
    return build(scope)


def dataset() -> Dataset:
    """The shipped dataset in the active language, loaded once a language (tests only read it)."""
    return shipped(active())


def parsed(site: dict[str, bytes], path: str):
    return html.fromstring(site[path])


def texts(nodes) -> list[str]:
    """Each node's text, its line breaks and runs of spaces as one space (no-break spaces kept)."""
    return [re.sub(r"[ \t\n]+", " ", n.text_content()).strip() for n in nodes]


@pytest.mark.parametrize(("language", "key", "view"), PAGES)
def test_a_page_reads_the_figures_names_and_sentences_the_app_computes(site, language, key, view):
    focus = Focus.parse(key)
    with use(language):
        data = dataset()
        frame = data.frame(focus)
        day = date.fromisoformat(data.provenance.as_of)
        pack = build_pack(data, focus, view, today=day)
        table = map_table(pack.view, data.table, data.geometry.codes, frame, data.names)
        shown = shown_table(table)
        description = map_description(pack.view, frame)
    page = parsed(site, map_page(language, view, focus))
    assert page.get("lang") == language
    assert texts(page.xpath("//h1")) == [pack.view.title]
    assert texts(page.xpath("//p[@class='lead']")) == [pack.lead]
    assert texts(page.xpath("//dl[@class='figures']//dt")) == [k for k, _v in pack.key_figures]
    assert texts(page.xpath("//dl[@class='figures']//dd")) == [v for _k, v in pack.key_figures]
    assert texts(page.xpath("//ul[@class='sentences']/li")) == list(pack.sentences)
    legend = texts(page.xpath("//ul[@class='legend']/li"))
    assert legend[: len(pack.view.labels)] == list(pack.view.labels)
    svg = page.xpath("//svg[@class='map']")[0]
    assert texts(svg.xpath("./title")) == [pack.view.title]
    assert texts(svg.xpath("./desc")) == [description]
    rows = [texts(r.xpath("./td")) for r in page.xpath("//div[@class='scroll']//tbody/tr")]
    assert rows == [list(r) for r in shown.astype(str).itertuples(index=False)]
    assert texts(page.xpath("//div[@class='scroll']//thead//th")) == list(shown.columns)


def test_every_page_carries_the_source_its_date_the_transcription_and_the_licence(site):
    data = dataset()
    pages = [p for p in site if p.startswith("map/") or p == "index.html"]
    assert len(pages) > len(KEYS) + 1
    for path in pages:
        notice = texts(parsed(site, path).xpath("//footer/p[@class='notice']"))[0]
        assert data.provenance.method_phrase in notice
        assert data.provenance.licence in notice
        assert "16 February 2023" in notice


def _links(site: dict[str, bytes], path: str) -> list[str]:
    page = parsed(site, path)
    return page.xpath("//@href | //@src")


def test_a_whole_site_profiles_every_state_and_a_preview_only_those_asked(site):
    data = dataset()
    assert profiled(data, None) == sorted(data.table.loc[data.table["in_universe"], "iso3"])
    assert len(profiled(data, None)) == 195
    built = sorted(p for p in site if "country/" in p and p.endswith(".html"))
    assert built == sorted(country_page(lang, c) for lang in ("en", "fr", "es") for c in COUNTRIES)


def test_every_internal_link_resolves_and_nothing_is_fetched_from_elsewhere(site):
    pages = [p for p in site if p.endswith(".html")]
    english = [p for p in pages if not p.startswith(("fr/", "es/"))]
    assert len(pages) == 3 * len(english)
    # The profiles this preview left out, which a whole build writes (see the test above).
    every = profiled(dataset(), None)
    elsewhere = {country_page(lang, code) for lang in ("en", "fr", "es") for code in every}
    broken, checked = broken_links(site, elsewhere)
    assert broken == [] and checked > 100
    assert broken_links({"a.html": b'<a href="b.html">b</a><img src="//cdn/x.png">'}) == (
        [("a.html", "//cdn/x.png"), ("a.html", "b.html"), ("a.html", "//cdn/x.png")],
        2,
    )  # the check finds what it is for


def test_the_downloads_carry_the_citation_and_the_page_that_reopens_them(site):
    data = dataset()
    names = [n for n in site if n.startswith("files/reaim-2023-call-to-action-world-")]
    assert sorted(n.rsplit(".", 1)[1] for n in names) == ["csv", "xlsx"], names
    csv = site[next(n for n in names if n.endswith(".csv"))].decode("utf-8-sig")
    assert data.provenance.citation in csv
    assert "/?focus=world&instrument=reaim-2023-call-to-action&as_of=2023-02-16" in csv
    workbook = zipfile.ZipFile(io.BytesIO(site[next(n for n in names if n.endswith("xlsx"))]))
    core = workbook.read("docProps/core.xml").decode()
    assert "2023-02-16T00:00:00Z" in core


def test_the_same_data_builds_the_same_bytes(site, scope, tmp_path):
    again, _versions = language_pages("es", scope)
    assert again and [p for p in again if site[p] != again[p]] == []
    write_zip(tmp_path / "one.zip", site)
    write_zip(tmp_path / "two.zip", dict(site))
    assert (tmp_path / "one.zip").read_bytes() == (tmp_path / "two.zip").read_bytes()


def test_the_world_page_stays_light(site):
    page = site["index.html"] + site["assets/style.css"]
    assert len(gzip.compress(page, 9)) < 100_000


def test_the_command_line_writes_the_site_and_refuses_a_folder_it_did_not_write(
    site, tmp_path, monkeypatch
):
    foreign = tmp_path / "mine"
    foreign.mkdir()
    (foreign / "notes.txt").write_text("keep me")
    with pytest.raises(FileExistsError):
        write_site(foreign, {"index.html": b"x"})
    assert (foreign / "notes.txt").read_text() == "keep me"
    asked = []
    monkeypatch.setattr("edition.__main__.build", lambda scope, jobs: asked.append(scope) or site)
    out = tmp_path / "public"
    zipped = ["--zip", str(tmp_path / "p.zip")]
    preview = ["--focus", "org-g7", "--country", "KEN", "--view", "us-political-declaration"]
    assert main(["build", "--out", str(out), *zipped, *preview, "--no-packs"]) == 0
    assert asked == [Scope(["org-g7"], ["KEN"], [DECLARATION], packs=())]
    assert (out / "index.html").read_bytes() == site["index.html"]
    assert (out / "fr" / "index.html").is_file()
    assert main(["build", "--out", str(out)]) == 0  # its own folder: replaced
    assert asked[-1] == Scope(packs=None)  # by default, every preset, profile, view and pack
    archive = zipfile.ZipFile(tmp_path / "p.zip")
    assert "public/index.html" in archive.namelist()
    assert "public/sitemap.xml" in archive.namelist()


@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_outreach_list_ranks_every_state_that_has_not_endorsed_as_the_app_does(site, language):
    with use(language):
        data = dataset()
        weights = default_weights(data.terms)
        names = data.table.set_index("iso3")["name"]
        ranked = priorities(data.signals, weights, names, data.terms)
        ranks = ranked["score"].rank(method="min", ascending=False).astype(int)
        plan_header = translate("Plan status")
        expected = {
            names[c]: (str(ranks[c]), score_text(ranked.loc[c, "score"])) for c in ranked.index
        }
    page = parsed(site, outreach_page(language))
    rows = [texts(r.xpath("./td")) for r in page.xpath("//div[@class='scroll']//tbody/tr")]
    assert len(rows) == len(ranked) == 195 - len(data.endorsers)
    assert {r[0]: (r[1], r[2]) for r in rows} == expected
    assert [int(r[1]) for r in rows] == sorted(int(r[1]) for r in rows)
    csv = next(
        v for k, v in site.items() if k.startswith(f"{prefix(language)}files/reaim-2023-not-")
    )
    assert plan_header.encode() not in csv and plan_header not in page.text_content()


@pytest.mark.parametrize(("language", "kind"), [("en", GroupKind.REGION), ("es", GroupKind.ORG)])
def test_the_regional_breakdown_counts_each_group_as_the_app_does(site, language, kind):
    with use(language):
        data = dataset()
        table = breakdown(data.groupings[kind], data.endorsers)
        expected = [
            [row.Group, formats.number(row.Members), formats.number(row.Endorsed)]
            for row in table.itertuples()
        ]
        shares = [formats.percent(s) for s in table["Share"]]
    page = parsed(site, regions_page(language, kind))
    rows = [texts(r.xpath("./td")) for r in page.xpath("//div[@class='scroll']//tbody/tr")]
    assert [r[:3] for r in rows] == [[g, str(m), str(e)] for g, m, e in expected]
    assert [r[3] for r in rows] == shares
    assert texts(page.xpath("//ul[@class='sentences']/li")) == list(table["Sentence"])


@pytest.mark.parametrize(("language", "iso3"), [("fr", "KEN"), ("en", "NLD")])
def test_a_country_profile_reads_its_statuses_rank_and_peers_as_the_app_does(site, language, iso3):
    with use(language):
        data = dataset()
        names = data.table.set_index("iso3")["name"]
        ranked = priorities(data.signals, default_weights(data.terms), names, data.terms)
        rank = rank_sentence(iso3, ranked)
        rows = position_rows(iso3, data.matrix, data.positions, list(data.catalogue.values()))
    page = parsed(site, country_page(language, iso3))
    assert texts(page.xpath("//h1")) == [names[iso3]]
    said = " ".join(texts(page.xpath("//main/p")))
    plain = re.sub(r"\\(.)", r"\1", rank.replace("**", ""))  # the Markdown as read
    assert plain in said
    assert bool(rank) == (iso3 not in data.endorsers)
    cells = [texts(r.xpath("./td")) for r in page.xpath("//section[2]//tbody/tr")]
    assert [c[:2] for c in cells] == [[r.Instrument, r.Status] for r in rows.itertuples()]
    links = parsed(site, map_page(language, DEFAULT_VIEW, Focus())).xpath("//tbody//a/@href")
    assert f"{'../' if language != 'en' else ''}{country_page(language, iso3)}".endswith(
        next(h for h in links if h.endswith(f"{iso3}.html"))
    )


def test_the_sources_page_lists_every_instrument_and_the_citation(site):
    data = dataset()
    page = parsed(site, sources_page("en"))
    assert data.provenance.citation in texts(page.xpath("//main"))[0]
    rows = [texts(r.xpath("./td")) for r in page.xpath("//div[@class='scroll']//tbody/tr")]
    assert [(r[0], r[2]) for r in rows] == [
        (i.title, i.source_url) for i in data.catalogue.values()
    ]


def _meta(page, name: str) -> str:
    (value,) = page.xpath(f"//meta[@property='{name}' or @name='{name}']/@content")
    return value


def _target(path: str, url: str) -> str:
    return posixpath.normpath(posixpath.join(posixpath.dirname(path), url))


def test_every_map_page_has_its_embed_and_its_share_card(site):
    data = dataset()
    frames = {f: fr for f, fr in data.focus_frames.items() if f.is_world or str(f) in KEYS}
    expected = {
        (language, view, focus)
        for language in ("en", "fr", "es")
        for view in views(data.catalogue)
        if view in VIEWS
        for focus, frame in frames.items()
        if has_page(data.catalogue, view, frame)  # what the app offers an embed for
    }
    assert len(expected) == 3 * len(frames) * len(VIEWS)  # every view at every preset
    assert {map_page(*page) for page in expected} == {
        p for p in site if p == "index.html" or p.endswith("/index.html") or "map/" in p
    }
    cards = set()
    for language, view, focus in expected:
        path = map_page(language, view, focus)
        page = parsed(site, path)
        card = _target(path, _meta(page, "og:image"))
        assert card == share_card(language, view, focus)
        cards.add(site[card])
        image = Image.open(io.BytesIO(site[card]))
        image.verify()
        assert (image.format, image.size) == ("PNG", (1200, 630))
        assert (_meta(page, "og:image:width"), _meta(page, "og:image:height")) == ("1200", "630")
        assert [_meta(page, "og:title")] == texts(page.xpath("//h1"))
        assert (
            _meta(page, "og:description") == page.xpath("//meta[@name='description']/@content")[0]
        )
        assert _meta(page, "og:locale")[:2] == language
        assert _meta(page, "twitter:card") == "summary_large_image"
        embed = embed_page(language, view, focus)
        (preview,) = page.xpath("//details[@class='embed-code']//a/@href")
        assert _target(path, preview) == embed
        codes = [html.fromstring(t) for t in page.xpath("//details//textarea/text()")]
        assert [c.get("src") for c in codes] == [embed, embed + DARK]
        assert [c.get("title") for c in codes] == texts(page.xpath("//h1")) * 2
    assert len(cards) == len(expected)  # every card differs: its map or its words


@pytest.mark.parametrize(("language", "key", "view"), PAGES)
def test_an_embed_page_is_the_map_its_legend_and_its_sources(site, language, key, view):
    focus = Focus.parse(key)
    full = parsed(site, map_page(language, view, focus))
    path = embed_page(language, view, focus)
    page = parsed(site, path)
    assert page.get("lang") == language and not page.xpath("//script")
    (root,) = page.xpath(f"//body[@class='embed']/div[@id='{DARK[1:]}']")
    assert texts(root.xpath(".//h1")) == texts(full.xpath("//h1"))
    (drawn,), (shown,) = (p.xpath("//svg[@class='map']") for p in (page, full))
    assert html.tostring(drawn, with_tail=False) == html.tostring(shown, with_tail=False)
    legend = "//ul[@class='legend']/li"
    assert texts(page.xpath(legend)) == texts(full.xpath(legend))
    source = texts(page.xpath("//p[@class='source']"))[0]
    with use(language):
        data = dataset()
        for instrument in (data.catalogue[i] for i in view.ids):
            assert instrument.licence in source and formats.long_date(instrument.as_of) in source
    back = page.xpath("//main/p/a[@target='_blank']/@href")[-1]
    assert _target(path, back) == map_page(language, view, focus)
    for url in page.xpath("//link/@href | //a/@href"):
        assert url.startswith("https://") or _target(path, url) in site, url


def test_a_known_address_makes_the_embed_code_and_the_share_tags_whole(site):
    base = "https://example.org/reaim/"
    with use("es"):
        data = dataset()
        frame = data.focus_frames[Focus.parse("org-g7")]
        built = map_page_of(data, DEFAULT_VIEW, frame, "es", as_of_day(data), base)
        plain = map_page_of(data, DEFAULT_VIEW, frame, "es", as_of_day(data))
    page = html.fromstring(f"<html><head>{built.head}</head><body>{built.body}</body></html>")
    path = map_page("es", DEFAULT_VIEW, frame.focus)
    assert _meta(page, "og:image") == base + share_card("es", DEFAULT_VIEW, frame.focus)
    assert _meta(page, "og:url") == base + path
    codes = [html.fromstring(t).get("src") for t in page.xpath("//textarea/text()")]
    embed = embed_page("es", DEFAULT_VIEW, frame.focus)
    assert codes == [base + embed, base + embed + DARK]
    made = [p for p in built.files if not p.endswith(".xlsx")]  # a workbook has its time
    assert [built.files[p] for p in made] == [plain.files[p] for p in made]  # no address in them
    assert (
        built.files[share_card("es", DEFAULT_VIEW, frame.focus)]
        == site[share_card("es", DEFAULT_VIEW, frame.focus)]
    )


def test_the_command_line_passes_the_site_s_address_on(site, tmp_path, monkeypatch):
    asked = []
    monkeypatch.setattr(
        "edition.__main__.build", lambda scope, jobs: asked.append(scope.base_url) or site
    )
    out = str(tmp_path / "public")
    assert main(["build", "--out", out, "--base-url", "https://example.org/reaim/"]) == 0
    assert main(["build", "--out", out]) == 0
    assert asked == ["https://example.org/reaim/", ""]
    with pytest.raises(SystemExit):  # the pages' paths follow it: it must end with /
        main(["build", "--out", out, "--base-url", "https://example.org/reaim"])


def test_a_share_card_draws_the_map_in_its_palette_and_its_words(site):
    card = Image.open(io.BytesIO(site[share_card("en", DEFAULT_VIEW, Focus())])).convert("RGB")
    colours = {"#{:02x}{:02x}{:02x}".format(*rgb) for _n, rgb in card.getcolors(256)}
    assert {palette.BLUE, palette.OCHRE, palette.LIGHT_GREY, palette.TEXT} <= colours


def test_the_site_carries_the_public_feeds_and_each_map_page_offers_its_own(site):
    assert site["feeds/fr/focus/org-g7.xml"] == b"<feed>G7</feed>"
    assert [p for p in site if p.startswith("feeds/")] == sorted(
        ["feeds/en/instrument/reaim-2023-call-to-action.xml", "feeds/fr/focus/org-g7.xml"]
    )  # never a saved group's
    offered = {
        path: [
            _target(path, href)
            for href in parsed(site, path).xpath("//link[@type='application/atom+xml']/@href")
            + parsed(site, path).xpath("//main//a[@type='application/atom+xml']/@href")
        ]
        for path in (
            map_page("fr", DEFAULT_VIEW, Focus.parse("org-g7")),
            "index.html",
            "fr/index.html",  # the watch wrote no French feed of the Call to Action
            map_page("en", DECLARATION, Focus()),
        )
    }
    assert offered == {
        "fr/map/reaim-2023-call-to-action/org-g7.html": ["feeds/fr/focus/org-g7.xml"] * 2,
        "index.html": ["feeds/en/instrument/reaim-2023-call-to-action.xml"] * 2,
        "fr/index.html": [],
        "map/us-political-declaration/world.html": [],
    }


def test_each_preset_links_its_briefing_pack_in_its_language(site):
    linked = set()
    for language in ("en", "fr", "es"):
        for key in ("world", *KEYS):
            path = map_page(language, DEFAULT_VIEW, Focus.parse(key))
            hrefs = parsed(site, path).xpath("//p[@class='packs']/a/@href")
            files = [_target(path, href) for href in hrefs]
            if key != "org-g7":  # a preview of the G7's pack alone: no link to a pack not built
                assert files == []
                continue
            stem = f"{prefix(language)}packs/briefing-reaim-2023-call-to-action-{key}-2023-02-16"
            ending = "" if language == "en" else f"-{language}"
            assert files == [f"{stem}{ending}.pptx", f"{stem}{ending}.pdf"]
            assert all(site[f][:4] in (b"PK\x03\x04", b"%PDF") for f in files)
            linked.update(files)
    assert linked == {p for p in site if "/packs/" in f"/{p}"}  # every pack linked, no other
    other = parsed(site, map_page("en", DECLARATION, Focus.parse("region-africa")))
    assert other.xpath("//p[@class='packs']") == []  # the packs are the Call to Action's


def test_a_page_without_a_map_is_shared_with_the_world_map_of_its_language(site):
    for path in [p for p in site if p.endswith(".html") and "map/" not in p and "embed/" not in p]:
        if path.endswith("index.html"):
            continue
        language = path.split("/")[0] if path.startswith(("fr/", "es/")) else "en"
        page = parsed(site, path)
        card = share_card(language, DEFAULT_VIEW, Focus())
        assert _target(path, _meta(page, "og:image")) == card, path
        assert _meta(page, "og:title") == page.xpath("//title")[0].text_content()
        world = parsed(site, map_page(language, DEFAULT_VIEW, Focus()))
        assert _meta(page, "og:image:alt") == _meta(world, "og:image:alt")
        assert _meta(page, "og:description")
