# Generated from cloudnexus/_async by scripts/generate_sync.py: do not edit.
"""One module per API resource family, each built on `_base.AsyncResource`."""
