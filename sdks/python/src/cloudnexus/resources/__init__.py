"""One module per API resource; each holds the sync class and its async twin."""
