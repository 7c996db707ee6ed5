"""The watch: what changed in the published data since its last run, as events with stable ids."""
