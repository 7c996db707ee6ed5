"""The watch's Atom feeds: valid Atom, the states in the feed's language, swapped in whole."""

import feedparser
import pytest

from plan.database import engine_for
from plan.known import known_instruments, known_iso3
from plan.service import PlanService
from watch.__main__ import main
from watch.feeds import FeedError, write_feeds

from watch_data import published, refresh

CTA = "reaim-2023-call-to-action"


@pytest.fixture
def feeds(database_url, tmp_path):
    """The feeds after a refresh that removes France and adds Kenya, Nigeria and Ghana."""
    data = published(tmp_path / "data")
    args = ["--database-url", database_url, "run", "--data-dir", str(data)]
    args += ["--work-dir", str(tmp_path / "work"), "--feeds-dir", str(tmp_path / "feeds")]
    assert main(args) == 0
    refresh(data, removed=["FRA"], added=["KEN", "NGA", "GHA"], as_of="2026-12-01")
    assert main(args) == 0
    return tmp_path / "feeds"


def parsed(path):
    feed = feedparser.parse(path.read_bytes())
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "atom10"
    return feed


def test_the_instrument_feed_names_the_states_in_its_language(feeds):
    feed = parsed(feeds / "fr" / "instrument" / f"{CTA}.xml")
    assert feed.feed.title.startswith("Changements : ")
    [entry] = feed.entries
    text = entry.content[0].value
    assert "Ont rejoint : Ghana, Kenya, Nigéria" in text
    assert "Ont quitté : France" in text
    assert "SHA-256 du document : " + "ab" * 32 in text
    assert "as_of=2026-12-01" in entry.link and "lang=fr" in entry.link
    assert entry.title.startswith("3 États ont rejoint ")


def test_the_african_union_feed_has_the_entry_without_france(feeds):
    feed = parsed(feeds / "es" / "focus" / "org-african-union.xml")
    [entry] = feed.entries
    text = entry.content[0].value
    assert "Se sumaron: Ghana, Kenya, Nigeria" in text and "Francia" not in text
    assert "focus=org-african-union" in entry.link


def test_a_feed_with_no_change_is_valid_and_empty(feeds):
    feed = parsed(feeds / "en" / "instrument" / "us-political-declaration.xml")
    assert feed.entries == [] and feed.feed.language == "en"


def test_feeds_are_swapped_in_whole(database_url, feeds, tmp_path):
    engine = engine_for(database_url)
    try:
        first = feeds.resolve()
        count = write_feeds(tmp_path / "data", feeds, engine)
    finally:
        engine.dispose()
    assert feeds.is_symlink() and feeds.resolve() != first and not first.exists()
    assert count == len(list(feeds.resolve().rglob("*.xml"))) > 150
    assert [p.name for p in tmp_path.glob(".feeds-*")] == [feeds.resolve().name]


def test_a_folder_that_cannot_be_written_is_a_clear_error(database_url, feeds, tmp_path):
    (tmp_path / "file").write_text("not a folder")
    engine = engine_for(database_url)
    try:
        with pytest.raises(FeedError, match=r"Cannot write the feeds in .*file"):
            write_feeds(tmp_path / "data", tmp_path / "file" / "feeds", engine)
    finally:
        engine.dispose()


def test_a_saved_group_has_a_feed_that_never_names_it(database_url, feeds, tmp_path):
    engine = engine_for(database_url)
    try:
        service = PlanService(engine, known_iso3(), known_instruments())
        group = service.save_group("Nairobi consultation", ["KEN", "GHA"], "a@example.org")
        write_feeds(tmp_path / "data", feeds, engine)
    finally:
        engine.dispose()
    path = feeds / "fr" / "group" / f"saved-{group.id}.xml"
    assert "Nairobi" not in path.read_text(encoding="utf-8")
    [entry] = parsed(path).entries
    assert "Ont rejoint : Ghana, Kenya" in entry.content[0].value
    assert f"focus=saved-{group.id}" in entry.link
