"""serve.warm: a new server runs the map page once in every language before the first visitor."""

import re
import urllib.request
from collections import Counter

from harness.server import streamlit_app
from i18n.languages import LANGUAGES
from serve import warm
from serve.streamlit_client import Session

# Streamlit counts each call of a cached function by its result (/_stcore/metrics, OpenMetrics).
LOOKUP = re.compile(r'^cache_lookups_total\{cache="([^"]+)",.*result="(hit|miss)"\} (\d+)$', re.M)


def cache_lookups(url: str) -> Counter:
    """The server's cache lookups so far, by (cached function, "hit" or "miss")."""
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))  # loopback: no proxy
    with opener.open(f"{url}/_stcore/metrics", timeout=10) as response:
        text = response.read().decode()
    return Counter({(name, result): int(n) for name, result, n in LOOKUP.findall(text)})


def misses(lookups: Counter) -> Counter:
    return Counter({name: n for (name, result), n in lookups.items() if result == "miss"})


def test_warm_runs_the_page_in_every_language_and_the_next_visit_misses_no_cache(monkeypatch):
    asked: list[str] = []
    run = Session.run

    def recorded(self, page="", query="", widgets=None):
        asked.append(query)
        return run(self, page, query, widgets)

    monkeypatch.setattr(Session, "run", recorded)
    queries = ["" if lang == "en" else f"lang={lang}" for lang in LANGUAGES]
    with streamlit_app("dashboard.py") as server:
        assert warm.main([server.url]) == 0
        assert asked == queries
        warmed = cache_lookups(server.url)
        with Session(server.url, {}) as visitor:  # the first visitor, in every language
            for query in queries:
                assert not visitor.run(query=query).exceptions
        visited = cache_lookups(server.url)
    assert sum(misses(warmed).values()) > 0  # the warm-up filled the caches
    assert sum((visited - warmed).values()) > 0  # the visitor looked them up...
    assert misses(visited) == misses(warmed)  # ...and found every value there


def test_a_server_that_never_answers_is_a_one_line_failure(capsys):
    assert warm.main(["http://127.0.0.1:9", "--timeout", "1"]) == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith("warm-up of http://127.0.0.1:9 failed") and "\n" not in err
