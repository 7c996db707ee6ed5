"""The watch's Atom feeds: one per instrument, focus preset and saved group, in English, French
and Spanish, written as a whole folder swapped in at once (``write_feeds``)."""

import fcntl
import json
import os
import shutil
import tempfile
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlencode

from feedgen.feed import FeedGenerator
from sqlalchemy import Engine

from i18n.translate import _, ngettext, use
from instruments.model import CALL_TO_ACTION
from instruments.model import catalogue as build_catalogue
from plan.database import database_url, engine_for
from plan.known import known_instruments, known_iso3
from plan.service import PlanService
from store import groups, paths
from store.focus import Focus
from store.published import META_FILE, TABLE_FILE, table_from_csv
from store.reference import load_registry, load_states, load_un_names
from watch.events import ADDED, AS_OF, CORRECTION, REFRESH_FAILING, REMOVED, SOURCE_CHANGED
from watch.runs import StoredEvent, stored_events
from watch.snapshot import digest

LANGUAGES = ("en", "fr", "es")
BASE_URL = "http://localhost:8501"  # the dashboard's address when REAIM_PUBLIC_URL is not set
FEEDS_PATH = "/app/static/watch/feeds"  # Streamlit's static serving of static/watch/feeds


class FeedError(Exception):
    """The feeds could not be written (the message says where and why)."""


@dataclass(frozen=True)
class Scope:
    """What one feed follows: its path, its title, and the states or instrument it keeps."""

    path: str
    title: str
    page: dict[str, str]
    instrument: str = ""
    codes: frozenset[str] | None = None  # None: every state, and the events of no state
    operational: bool = False  # whether a refresh failing is news here

    def keeps(self, stored: StoredEvent) -> bool:
        """Whether the event belongs in this feed."""
        event = stored.event
        if event.kind == REFRESH_FAILING:
            return self.operational
        if self.instrument and event.instrument != self.instrument:
            return False
        return self.codes is None or (bool(event.iso3) and event.iso3 in self.codes)


def preset_groups(data_dir: Path) -> dict[str, tuple[str, frozenset[str]]]:
    """Every focus preset's key (``org-african-union``), label in the active language and states."""
    table = table_from_csv(data_dir / TABLE_FILE)
    every = [
        *groups.m49_regions(table),
        *groups.m49_subregions(table),
        *groups.un_regional_groups(table, load_states()),
        *groups.load_organisations(paths.reference_dir() / "groups", table),
    ]
    return {str(Focus(g.kind, g.group_id)): (g.label, g.codes) for g in every}


def _scopes(data_dir: Path, service: PlanService | None) -> list[Scope]:
    """Every feed of the active language."""
    meta = json.loads((data_dir / META_FILE).read_text(encoding="utf-8"))
    found = [
        Scope(
            f"instrument/{i.id}.xml",
            _("Changes: {title}").format(title=i.short_title),
            {"instrument": i.id},
            instrument=i.id,
            operational=i.id == CALL_TO_ACTION,
        )
        for i in build_catalogue(load_registry(), meta, "")
    ]
    for key, (label, codes) in preset_groups(data_dir).items():
        title = _("Changes: {group}").format(group=label)
        found.append(Scope(f"focus/{key}.xml", title, {"focus": key}, codes=codes))
    for saved in service.groups() if service else []:
        # a saved group's name is for the plan's readers only: its feed names it by number
        title = _("Changes: saved group {number}").format(number=saved.id)
        page = {"focus": f"saved-{saved.id}"}
        found.append(
            Scope(f"group/saved-{saved.id}.xml", title, page, codes=frozenset(saved.codes))
        )
    return found


@dataclass(frozen=True)
class Wording:
    """What an entry names, in one language: the instruments' short titles and the states' UN
    names, read once for all the feeds or digests of that language (``wording``)."""

    language: str
    titles: Mapping[str, str]
    names: Mapping[str, str]

    def states(self, codes: Iterable[str]) -> str:
        """The states' names in alphabetical order, comma-separated (a code without a name)."""
        return ", ".join(sorted(self.names.get(code, code) for code in codes))


def wording(language: str) -> Wording:
    """The wording of ``language``; call it with that language active (``use``)."""
    titles = {i.id: i.short_title for i in build_catalogue(load_registry(), {}, "")}
    return Wording(language, titles, dict(load_un_names()[language]))


def entry_title(kind_events: Mapping[str, list[StoredEvent]], title: str, as_of: str) -> str:
    """The entry's title: who joined and who left, else the new date, correction or source."""
    parts = []
    if n := len(kind_events.get(ADDED, [])):
        joined = ngettext("{count} state joined {title}", "{count} states joined {title}", n)
        parts.append(joined.format(count=n, title=title))
    if n := len(kind_events.get(REMOVED, [])):
        left = ngettext("{count} state left {title}", "{count} states left {title}", n)
        parts.append(left.format(count=n, title=title))
    if not parts and kind_events.get(AS_OF):
        parts.append(_("{title}: a new list as of {date}").format(title=title, date=as_of))
    if not parts and kind_events.get(CORRECTION):
        parts.append(_("{title}: a correction").format(title=title))
    if not parts and kind_events.get(SOURCE_CHANGED):
        changed = _("{title}: the source document changed, the list did not")
        parts.append(changed.format(title=title))
    return "; ".join(parts)


def entry_text(events: list[StoredEvent], words: Wording, link: str) -> str:
    by_kind: dict[str, list[StoredEvent]] = defaultdict(list)
    for stored in events:
        by_kind[stored.event.kind].append(stored)
    lines = []
    if added := by_kind.get(ADDED):
        lines.append(_("Joined: {states}").format(states=words.states(e.event.iso3 for e in added)))
    if removed := by_kind.get(REMOVED):
        lines.append(_("Left: {states}").format(states=words.states(e.event.iso3 for e in removed)))
    for stored in by_kind.get(CORRECTION, []):
        detail = stored.event.detail
        state = words.states([stored.event.iso3])
        lines.append(
            _("Correction for {state}: {reason}").format(state=state, reason=detail["reason"])
        )
    first = events[0].event
    source = first.detail.get("source_url") or first.detail.get("source", "")
    if source:
        lines.append(_("Source: {source}").format(source=source))
    if first.as_of:
        lines.append(_("As of: {date}").format(date=first.as_of))
    if sha := first.detail.get("document_sha256"):
        lines.append(_("Document SHA-256: {sha}").format(sha=sha))
    lines.append(_("The dashboard as of that day: {link}").format(link=link))
    return "\n".join(lines)


def entries(scope: Scope, events: list[StoredEvent], words: Wording, base_url: str):
    """(id, title, when, link, content) of each entry, newest first: one per run and instrument."""
    language = words.language
    bundles: dict[tuple[int, str], list[StoredEvent]] = defaultdict(list)
    for stored in filter(scope.keeps, events):
        bundles[(stored.run_id, stored.event.instrument or stored.event.kind)].append(stored)
    for (_run, instrument), bundle in sorted(bundles.items(), reverse=True):
        when = max(stored.detected_at for stored in bundle)
        key = digest(",".join(sorted(stored.event.id for stored in bundle)))
        entry_id = f"tag:reaim-dashboard,2026:watch/{language}/{key}"
        if instrument == REFRESH_FAILING:
            detail = bundle[0].event.detail
            title = _("The refresh has failed for {days} days").format(days=detail["days"])
            content = _(
                "No successful refresh since {date}; refused since: {count}. {reason}"
            ).format(
                date=detail["last_success"], count=detail["refused"], reason=detail["last_reason"]
            )
            yield entry_id, title, when, f"{base_url}/sources", content.strip()
            continue
        by_kind: dict[str, list[StoredEvent]] = defaultdict(list)
        for stored in bundle:
            by_kind[stored.event.kind].append(stored)
        as_of = bundle[0].event.as_of
        params = {**scope.page, "instrument": instrument, "as_of": as_of}
        if language != "en":
            params["lang"] = language
        link = f"{base_url}/?{urlencode(params)}"
        title = entry_title(by_kind, words.titles.get(instrument, instrument), as_of)
        yield entry_id, title, when, link, entry_text(bundle, words, link)


def _feed(
    scope: Scope, events: list[StoredEvent], words: Wording, base_url: str, feeds_url: str
) -> bytes:
    language = words.language
    feed = FeedGenerator()
    feed.id(f"tag:reaim-dashboard,2026:watch/{language}/{scope.path}")
    feed.title(scope.title)
    feed.language(language)
    feed.author({"name": _("REAIM 2023 coverage dashboard")})
    feed.link(href=f"{feeds_url}/{language}/{scope.path}", rel="self")
    feed.link(href=f"{base_url}/?{urlencode(scope.page)}", rel="alternate")
    feed.subtitle(_("What the dashboard's watch found in the published data, newest first."))
    newest = datetime(2023, 2, 16, tzinfo=UTC)  # the Call to Action's day: a feed with no entry
    for entry_id, title, when, link, content in entries(scope, events, words, base_url):
        entry = feed.add_entry(order="append")
        entry.id(entry_id)
        entry.title(title)
        entry.updated(when)
        entry.link(href=link)
        entry.content(content, type="text")
        newest = max(newest, when)
    feed.updated(newest)
    return feed.atom_str(pretty=True)


def feed_files(data_dir: Path, engine: Engine, base_url: str, feeds_url: str) -> dict[str, bytes]:
    """Every feed's bytes by its path under the feeds folder (``fr/focus/org-au.xml``)."""
    events = stored_events(engine)
    service = PlanService(engine, known_iso3(), known_instruments())
    files = {}
    for language in LANGUAGES:
        with use(language):
            words = wording(language)
            for scope in _scopes(data_dir, service):
                files[f"{language}/{scope.path}"] = _feed(scope, events, words, base_url, feeds_url)
    return files


def swap_in(files: Mapping[str, bytes], out_dir: Path) -> None:
    """Write ``files`` into a new folder beside ``out_dir`` and swap it in with one rename: a
    reader sees the old feeds or the new ones, never half of each. ``out_dir`` becomes a link to
    the newest folder; older folders are removed. Writers at once take turns (a lock file)."""
    parent = out_dir.parent
    try:
        parent.mkdir(parents=True, exist_ok=True)
        with (parent / f".{out_dir.name}.lock").open("a") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            stage = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}-", dir=parent))
            for relative, data in files.items():
                target = stage / relative
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(data)
            for folder in (stage, *(p for p in stage.rglob("*") if p.is_dir())):
                folder.chmod(0o755)  # served by another user (nginx), like the rest of static/
            link = parent / f".{out_dir.name}.link-{os.getpid()}"
            link.unlink(missing_ok=True)
            link.symlink_to(stage.name)
            if out_dir.is_dir() and not out_dir.is_symlink():
                shutil.rmtree(out_dir)  # a plain folder from elsewhere: replaced once by the link
            link.replace(out_dir)
            for old in parent.glob(f".{out_dir.name}-*"):
                if old.is_dir() and old.name != stage.name:
                    shutil.rmtree(old, ignore_errors=True)
    except OSError as error:
        raise FeedError(
            f"Cannot write the feeds in {parent}: {error.strerror or error}. Check that the "
            "folder exists and the watch's user may write to it"
        ) from None


def public_url() -> str:
    """Where readers reach the dashboard: REAIM_PUBLIC_URL, else localhost."""
    return (os.environ.get("REAIM_PUBLIC_URL") or BASE_URL).rstrip("/")


def write_feeds(
    data_dir: Path,
    out_dir: Path,
    engine: Engine | None = None,
    base_url: str | None = None,
    feeds_url: str | None = None,
) -> int:
    """Write every feed under ``out_dir`` from the events in the plan database (``engine``, else
    the configured one); links start at ``base_url`` (else REAIM_PUBLIC_URL, else localhost).
    Returns how many feeds were written; FeedError if the folder cannot be written."""
    base = base_url or public_url()
    own = engine is None
    engine = engine or engine_for(database_url())
    try:
        files = feed_files(data_dir, engine, base, feeds_url or base + FEEDS_PATH)
    finally:
        if own:
            engine.dispose()
    swap_in(files, out_dir)
    return len(files)
