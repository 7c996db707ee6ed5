"""Briefing packs for regional meetings: a pack model, then a PowerPoint deck and a PDF handout."""
