"""The outreach plan: who approaches which state, when, with what result; shared and audited."""
