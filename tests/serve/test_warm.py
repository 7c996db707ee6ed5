"""serve.warm: a new server runs the map page once in every language before the first visitor."""

from harness.server import streamlit_app
from i18n.languages import LANGUAGES
from serve import warm
from serve.streamlit_client import Session


def test_warm_runs_the_page_in_every_language_and_the_next_run_is_fast(monkeypatch):
    asked: list[str] = []
    run = Session.run

    def recorded(self, page="", query="", widgets=None):
        asked.append(query)
        return run(self, page, query, widgets)

    monkeypatch.setattr(Session, "run", recorded)
    with streamlit_app("dashboard.py") as server:
        assert warm.main([server.url]) == 0
        assert asked == ["" if lang == "en" else f"lang={lang}" for lang in LANGUAGES]
        first = warm.warm(server.url)  # the caches are full now: a second warm-up is quicker
    assert first > 0


def test_a_server_that_never_answers_is_a_one_line_failure(capsys):
    assert warm.main(["http://127.0.0.1:9", "--timeout", "1"]) == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith("warm-up of http://127.0.0.1:9 failed") and "\n" not in err
