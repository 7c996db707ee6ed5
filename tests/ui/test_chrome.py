"""The figures every page opens with count the Call to Action's endorsers given by the matrix."""

from instruments.matrix import supporters
from instruments.model import CALL_TO_ACTION
from ui.widgets.chrome import headline_counts

from ui_fixtures import shipped


def test_headline_counts_the_endorsers_it_is_given():
    table = shipped().table
    counts = headline_counts(table, {"NLD", "VAT", "XKX"})  # a member, an observer, out of scope
    assert counts == {"states": 195, "endorsers": 2, "members": 193, "member_endorsers": 1}
    endorsed = supporters(shipped().matrix, shipped().catalogue[CALL_TO_ACTION])
    published = table.loc[table["in_universe"], "endorsed"]  # the same list, as the ETL wrote it
    assert headline_counts(table, endorsed)["endorsers"] == published.sum() > 50
