"""The names kept in a line: the one-sweep rule equals its definition, mention by mention."""

from hypothesis import given
from hypothesis import strategies as st

from participants.match import _Mention, _outermost
from participants.names import Kind, Target

TARGETS = [Target(kind=Kind.STATE, code=c) for c in ("KEN", "GIN", "GNQ")]
SPANS = st.tuples(st.integers(0, 12), st.integers(1, 4), st.sampled_from(TARGETS))


@given(st.lists(SPANS, max_size=30))
def test_the_sweep_keeps_exactly_the_mentions_no_longer_one_contains(spans):
    mentions = [_Mention(start, start + length, target) for start, length, target in spans]
    expected = [m for m in mentions if not any(m.inside(other) for other in mentions)]
    assert _outermost(mentions) == expected
