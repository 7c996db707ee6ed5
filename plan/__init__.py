"""The outreach plan: who approaches which state, when, with what result; audited."""
