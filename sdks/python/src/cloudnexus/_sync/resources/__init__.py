# Generated from cloudnexus/_async by scripts/generate_sync.py: do not edit.
"""One module per API resource family, each built on the resource bases of `_base`."""
