"""The country profile leads with a card: the status in view, the outreach rank and why, the plan
for its readers, and the supporting peers by name; the six names, sources and notes come after."""

import re

import pytest
from streamlit.testing.v1 import AppTest

from plan.model import DEFAULT_INSTRUMENT
from store.files import read_text_table
from ui import cache
from ui.text import md

from apptest import open_page
from conftest import REPO

REGISTRY = read_text_table(REPO / "data" / "instruments" / "instruments.csv").set_index("id")
VOTE = "unga-78-241"
AU_ENDORSERS = ("Morocco", "Rwanda", "Tunisia", "Zimbabwe")


@pytest.fixture(autouse=True)
def shipped_dataset(monkeypatch):
    monkeypatch.delenv("REAIM_DATA_DIR", raising=False)


def texts(node) -> list[str]:
    """Every text under a node of the page, in order: Markdown, captions, headings, links."""
    children = getattr(node, "children", None)
    if children is None:
        value = getattr(node, "value", None)
        return [value] if isinstance(value, str) else []
    return [text for child in children.values() for text in texts(child)]


def card(at: AppTest) -> str:
    """The text of the profile's card: the block that opens with the state's name."""
    assert not at.exception, at.exception

    def blocks(node):
        children = getattr(node, "children", None) or {}
        if children and type(next(iter(children.values()))).__name__ == "Subheader":
            yield node
        for child in children.values():
            yield from blocks(child)

    (found,) = blocks(at.main)
    return "\n".join(texts(found))


def test_the_card_leads_with_the_status_the_rank_and_the_peers_by_name():
    said = card(open_page("country", iso3="KEN"))
    assert said.startswith("Kenya\n")
    assert md(REGISTRY.loc["reaim-2023-call-to-action", "title"]) in said
    assert "Not endorsed]" in said and "16 February 2023" in said
    outreach = open_page("outreach").dataframe[0].value.set_index("ISO3").loc["KEN"]
    assert f"**Kenya** is ranked **{outreach['Rank']}** of the 137 states" in said
    assert f"with a score of **{outreach['Score']:.1f}**: " in said
    peers = f"(4 of 53): {', '.join(AU_ENDORSERS[:-1])} and Zimbabwe"  # the same 53 in each
    assert f"**Africa, African Group and African Union** {peers}" in said
    assert said.count(peers) == 1
    assert "Internal" not in said and "Edit in the outreach plan" not in said  # no plan access


def test_an_endorser_leads_with_its_endorsement_not_a_rank():
    said = card(open_page("country", iso3="NLD"))
    assert ":blue-badge[:material/check_circle: Endorsed] Source as of 16 February 2023" in said
    assert "is ranked" not in said
    assert "**European Union** (24 of 26): Belgium, Bulgaria, " in said


def test_the_card_follows_the_instrument_in_view():
    said = card(open_page("country", iso3="KEN", instrument=VOTE))
    assert md(REGISTRY.loc[VOTE, "title"]) in said and "lethal autonomous weapons" in said
    assert "check_circle: Yes]" in said
    assert "**Peers that have voted yes on UNGA 78/241 \\(2023\\)**" in said
    african = r"\*\*Africa, African Group and African Union\*\* \(\d+ of 53\): Algeria, Angola, "
    assert re.search(african, said)
    assert "is ranked" in said  # the outreach rank stays the Call to Action's


def test_six_names_in_an_expander_and_sources_out_of_the_main_text():
    at = open_page("country", iso3="KEN")
    (names,) = [e for e in at.expander if e.label == "Names in the six UN languages"]
    assert "| Russian | Кения |" in "\n".join(texts(names))
    rows = at.table[0].value.set_index("Instrument")
    vote = rows.loc[md(REGISTRY.loc[VOTE, "title"])]  # the vote says what it is about
    assert md("listed as “KENYA”") in vote["Source"] and "KENYA" not in vote["Note"]
    assert "Yonhap" in rows["Source"].str.cat() and "Yonhap" not in rows["Note"].str.cat()
    main = "\n".join(m.value for m in at.markdown)
    assert "KENYA" not in main and "Yonhap" not in main


def signed_in(monkeypatch, email: str) -> None:
    monkeypatch.setattr("ui.widgets.plan_session.login_configured", lambda: True)
    claims = {"email": email, "email_verified": True}
    monkeypatch.setattr("ui.widgets.plan_session.signed_in_user", lambda: claims)


def test_the_plan_is_in_the_card_for_its_readers_only(plan_db, monkeypatch):
    service = cache.plan_service()
    service.add_user("viewer@example.org", "viewer")
    service.add_user("editor@example.org", "editor")
    fields = {"status": "approached", "next_step": "call the desk", "notes": "sensitive note"}
    service.save("KEN", DEFAULT_INSTRUMENT, fields, 0, "editor@example.org")
    signed_in(monkeypatch, "nobody@example.org")  # signed in, without a role
    said = card(open_page("country", iso3="KEN"))
    assert "is ranked" in said
    for secret in ("approached", "call the desk", "sensitive note", "Internal", "Edit in"):
        assert secret not in said
    signed_in(monkeypatch, "viewer@example.org")
    said = card(open_page("country", iso3="KEN"))
    assert "plan: **approached**" in said and "next step" in said and "call" in said
    assert "sensitive note" not in said and "Edit in the outreach plan" not in said
    signed_in(monkeypatch, "editor@example.org")
    at = open_page("country", iso3="KEN")
    assert "Edit in the outreach plan" in card(at)
    (edit,) = [p for p in at.get("page_link") if p.proto.label == "Edit in the outreach plan"]
    assert edit.proto.page.endswith("plan") and "iso3=KEN" in edit.proto.query_string


def test_the_profile_history_reads_in_words_for_the_plan_s_readers(plan_db, monkeypatch):
    service = cache.plan_service()
    service.add_user("viewer@example.org", "viewer")
    fields = {"status": "approached", "next_step": "call the desk"}
    service.save("KEN", DEFAULT_INSTRUMENT, fields, 0, "editor@example.org")
    signed_in(monkeypatch, "viewer@example.org")
    at = open_page("country", iso3="KEN")
    (history,) = [d.value for d in at.dataframe if "Field" in d.value.columns]
    assert set(history["Field"]) == {"Status", "Next step"}  # not status, next_step
    assert "Call to Action (REAIM 2023)" in set(history["Instrument"])
    assert not history.isin(["None", "nan"]).any().any()
    assert history["When (UTC)"].str.match(r"\d{1,2} \w+ \d{4}, \d{2}:\d{2}$").all()
