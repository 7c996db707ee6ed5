"""The briefing page with ``?since=``: the section on the page and in the pack it delivers."""

from test_table_downloads import downloaded, managers  # noqa: F401 (the fixture)

from apptest import open_page
from pdf_text import pages_text


def test_the_briefing_page_builds_its_pack_since_the_day_in_its_url(managers):  # noqa: F811
    at = open_page("briefing", focus="org-african-union", since="2023-12-22")
    assert not at.exception and not at.warning, at.exception
    said = [m.value for m in at.markdown if m.value.startswith("Since 22 December 2023")]
    assert len(said) == 1 and "Djibouti and Ethiopia" in said[0]
    pdf = downloaded(at, managers, "Briefing pack (PDF)")
    text = " ".join(pages_text(pdf))
    assert "Since 22 December 2023" in text and "(Madagascar and Niger)" in text
    assert "&since=2023-12-22&as_of=" in text  # the address that reopens it
