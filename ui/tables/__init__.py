"""Pure table logic: coverage, groups, outreach, priority, provenance and exports."""
